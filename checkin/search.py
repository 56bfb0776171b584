"""Instant search over an event's guests: an in-memory index, and its feed from the database.

Why in memory and not SQL (bench/bench_search.py, 50,000 guests, this 2-core machine): a bare
SQLite ``LIKE '%term%'`` over the folded ``search_text`` column costs about 7 ms per word before a
single row reaches Python, fetching the rows for a short word ("a" matches everyone) costs tens of
milliseconds more, and one-typo tolerance cannot be said in ``LIKE`` at all (it would take ~3n
patterns per word). A Python substring scan of 50,000 folded strings takes about 4 ms per word,
later words scan only the survivors, and typos are looked up in a sorted vocabulary of the
guests' words, so a keystroke stays well inside one 16 ms frame, also over PostgreSQL, where a
query would add a network round trip on top.

Staying correct when other stations change things is the feed's job (GuestFeed, run off the GUI
thread): every refresh compares per-block fingerprints of the guest table (count, update stamps,
location, badge counter, status) and reads new passages, then re-reads only the blocks and guests
that changed; a large change (an import) reloads everything into a fresh index.

Matching: the query is folded like ``search_text`` (case, diacritics, ł), split into words, and
every word must occur in the guest's text (first and last name, organization, e-mail, code; a
code may be typed with or without its group dashes). A word of four or more letters that does
not occur may instead be one edit (insertion, deletion, substitution, transposition) away from
the beginning of one of the guest's words (FUZZY_MIN_LENGTH letters or more); such guests come
after those matching exactly. Typing on narrows the previous result instead of scanning again.
"""

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntFlag, StrEnum

from .codes import display
from .models import GuestStatus
from .textnorm import fold

# One edit on a shorter word matches a good part of any list (as in Meilisearch's default).
FUZZY_MIN_LENGTH = 5
_WORDS = re.compile(r"[^\W_]+")


class Presence(StrEnum):
    """Where a guest is in the event's story, as the list shows it."""

    INSIDE = "inside"  # in a room now
    LEFT = "left"  # came in earlier, not inside now
    NOT_ARRIVED = "not_arrived"  # registered, never admitted
    CANCELLED = "cancelled"  # registration cancelled (and never came in)


class GuestFilter(StrEnum):
    ALL = "all"
    INSIDE = "inside"
    NOT_ARRIVED = "not_arrived"
    LEFT = "left"
    WALK_INS = "walk_ins"


class _Flag(IntFlag):
    INSIDE = 1
    LEFT = 2
    NOT_ARRIVED = 4
    CANCELLED = 8
    WALK_IN = 16


_PRESENCE_FLAG = {
    Presence.INSIDE: _Flag.INSIDE, Presence.LEFT: _Flag.LEFT,
    Presence.NOT_ARRIVED: _Flag.NOT_ARRIVED, Presence.CANCELLED: _Flag.CANCELLED,
}
_FILTER_MASK = {
    GuestFilter.ALL: int(_Flag.INSIDE | _Flag.LEFT | _Flag.NOT_ARRIVED | _Flag.CANCELLED),
    GuestFilter.INSIDE: int(_Flag.INSIDE),
    GuestFilter.NOT_ARRIVED: int(_Flag.NOT_ARRIVED),
    GuestFilter.LEFT: int(_Flag.LEFT),
    GuestFilter.WALK_INS: int(_Flag.WALK_IN),
}


@dataclass(frozen=True, slots=True)
class ListedGuest:
    """A guest as the list shows and searches them (plain data, never a live ORM object)."""

    id: int
    first_name: str
    last_name: str
    organization: str
    role: str
    email: str
    code: str  # as stored (canonical for generated codes)
    status: str  # GuestStatus value
    walk_in: bool
    inside_room_id: int | None
    admitted: bool  # admitted at least once (an undone admission does not count)
    badge_prints: int
    text: str  # what search matches: folded name, organization, e-mail, code (also undashed)

    @property
    def presence(self) -> Presence:
        if self.inside_room_id is not None:
            return Presence.INSIDE
        if self.admitted:
            return Presence.LEFT
        if self.status == GuestStatus.CANCELLED:
            return Presence.CANCELLED
        return Presence.NOT_ARRIVED

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_code(self) -> str:
        return display(self.code)

    @property
    def sort_key(self) -> tuple[str, str, int]:
        return (fold(self.last_name), fold(self.first_name), self.id)

    @property
    def flags(self) -> int:
        return int(_PRESENCE_FLAG[self.presence] | (_Flag.WALK_IN if self.walk_in else 0))


def search_text(search_text: str, code_key: str) -> str:
    """The text an index matches: the stored folded column, plus the code without dashes."""
    code = code_key.lower()
    return search_text if code in search_text else f"{search_text} {code}".strip()


@dataclass(frozen=True, slots=True)
class Term:
    """One folded word of a query; ``bare`` is the word without dashes (a grouped code)."""

    word: str
    bare: str | None
    fuzzy: str | None  # the word typo lookups use, or None when the word must match exactly


def parse_query(query: str) -> list[Term]:
    """The query's words, longest first (the most selective word narrows the scan first)."""
    terms: list[Term] = []
    for word in dict.fromkeys(fold(query).split()):  # folding twice changes nothing
        bare = word.replace("-", "") if "-" in word else None
        if bare == "":
            continue  # only dashes (a separator typed on its own) say nothing
        plain = bare if bare is not None else word
        fuzzy = plain if len(plain) >= FUZZY_MIN_LENGTH and _WORDS.fullmatch(plain) else None
        terms.append(Term(word, bare, fuzzy))
    return sorted(terms, key=lambda t: -len(t.word))


@dataclass(frozen=True)
class _Remembered:
    positions: list[int]  # in list order
    typos: dict[int, int]  # position -> words matched only with a typo


RECENT_RESULTS = 24  # remembered queries: typing on narrows one, a backspace finds one again


@dataclass(frozen=True)
class SearchResult:
    """Matching guests in list order; the first ``exact`` match every word without a typo."""

    guests: list[ListedGuest]
    exact: int


class GuestIndex:
    """The event's guests sorted by surname, searchable as you type; updated in place by deltas.

    Not thread-safe: build one on a worker thread, then hand it to the GUI thread, which owns it.
    """

    def __init__(self, guests: Iterable[ListedGuest] = ()) -> None:
        ordered = sorted(guests, key=lambda g: g.sort_key)
        self._guests = ordered
        self._keys = [g.sort_key for g in ordered]
        self._texts = [g.text for g in ordered]
        self._flags = [g.flags for g in ordered]
        self._by_id = {g.id: g for g in ordered}
        self._postings: dict[str, set[int]] = {}
        for g in ordered:
            for token in set(_WORDS.findall(g.text)):
                self._postings.setdefault(token, set()).add(g.id)
        self._vocabulary = sorted(self._postings)
        self._alphabet = sorted({ch for token in self._vocabulary for ch in token})
        self._positions: dict[int, int] | None = None
        self._fuzzy_cache: dict[str, frozenset[int]] = {}
        # Results of recent queries, valid until the next change of the index.
        self._recent: dict[tuple[str, GuestFilter], _Remembered] = {}
        self._filtered: dict[GuestFilter, list[int]] = {}

    def __len__(self) -> int:
        return len(self._guests)

    def get(self, guest_id: int) -> ListedGuest | None:
        return self._by_id.get(guest_id)

    def guests(self) -> list[ListedGuest]:
        return list(self._guests)

    def counts(self) -> dict[GuestFilter, int]:
        """How many guests each filter shows (without a search)."""
        by_flags = Counter(self._flags)
        return {f: sum(n for flags, n in by_flags.items() if flags & mask)
                for f, mask in _FILTER_MASK.items()}

    # -- updates --------------------------------------------------------------------------------

    def apply(self, changed: Iterable[ListedGuest], removed: Iterable[int] = ()) -> bool:
        """Put changed guests in place and drop removed ones; True if anything differed."""
        differed = False
        for guest_id in removed:
            old = self._by_id.pop(guest_id, None)
            if old is not None:
                self._take_out(old)
                differed = True
        for guest in changed:
            old = self._by_id.get(guest.id)
            if old == guest:
                continue
            if old is not None:
                self._take_out(old)
            self._put_in(guest)
            self._by_id[guest.id] = guest
            differed = True
        if differed:
            self._positions = None
            self._recent.clear()
            self._filtered.clear()
        return differed

    def _take_out(self, guest: ListedGuest) -> None:
        at = bisect.bisect_left(self._keys, guest.sort_key)
        for column in (self._guests, self._keys, self._texts, self._flags):
            del column[at]
        for token in set(_WORDS.findall(guest.text)):
            ids = self._postings.get(token)
            if ids is not None:
                ids.discard(guest.id)
                if not ids:
                    del self._postings[token]
                    del self._vocabulary[bisect.bisect_left(self._vocabulary, token)]
        self._fuzzy_cache.clear()

    def _put_in(self, guest: ListedGuest) -> None:
        key = guest.sort_key
        at = bisect.bisect_left(self._keys, key)
        self._guests.insert(at, guest)
        self._keys.insert(at, key)
        self._texts.insert(at, guest.text)
        self._flags.insert(at, guest.flags)
        for token in set(_WORDS.findall(guest.text)):
            ids = self._postings.get(token)
            if ids is None:
                self._postings[token] = {guest.id}
                bisect.insort(self._vocabulary, token)
                new = set(token).difference(self._alphabet)
                if new:
                    self._alphabet = sorted(new.union(self._alphabet))
            else:
                ids.add(guest.id)
        self._fuzzy_cache.clear()

    # -- search ---------------------------------------------------------------------------------

    def search(self, query: str, guest_filter: GuestFilter = GuestFilter.ALL) -> SearchResult:
        """Guests matching every word of the query and the filter; exact matches first."""
        folded = fold(query)
        terms = parse_query(folded)
        if not terms:
            if guest_filter is GuestFilter.ALL:
                return SearchResult(list(self._guests), len(self._guests))
            chosen = [self._guests[p] for p in self._filter_positions(guest_filter)]
            return SearchResult(chosen, len(chosen))
        found = self._recent.pop((folded, guest_filter), None)
        if found is None:
            found = self._match(terms, self._narrowed(folded, guest_filter), guest_filter)
        if len(self._recent) >= RECENT_RESULTS:
            del self._recent[next(iter(self._recent))]
        self._recent[(folded, guest_filter)] = found
        positions, typos = found.positions, found.typos
        if typos:
            positions = sorted(positions, key=lambda p: typos.get(p, 0))  # stable: list order
        guests = self._guests
        return SearchResult([guests[p] for p in positions], len(positions) - len(typos))

    def _match(
        self, terms: list[Term], positions: list[int] | None, guest_filter: GuestFilter
    ) -> _Remembered:
        if positions is None and guest_filter is not GuestFilter.ALL:
            positions = self._filter_positions(guest_filter)
        typos: dict[int, int] = {}
        for term in terms:
            hits = self._exact(term, positions)
            if term.fuzzy is not None:
                extra = self._typo_hits(term, positions)
                if extra:
                    for p in extra:
                        typos[p] = typos.get(p, 0) + 1
                    hits = sorted(hits + extra)  # two sorted runs: one linear merge
            positions = hits
            if not positions:
                break
        assert positions is not None
        return _Remembered(positions, {p: n for p, n in typos.items() if n})

    def _filter_positions(self, guest_filter: GuestFilter) -> list[int]:
        positions = self._filtered.get(guest_filter)
        if positions is None:
            mask = _FILTER_MASK[guest_filter]
            positions = [i for i, f in enumerate(self._flags) if f & mask]
            self._filtered[guest_filter] = positions
        return positions

    def _narrowed(self, folded: str, guest_filter: GuestFilter) -> list[int] | None:
        """The smallest remembered result this query must lie within, if any.

        A query that only adds letters to an earlier one can match nothing the earlier one did
        not, except when a word has just become long enough for typos: its typo matches need not
        contain the shorter word.
        """
        best: tuple[str, GuestFilter] | None = None
        for key in self._recent:
            earlier, earlier_filter = key
            if earlier_filter is not guest_filter or not folded.startswith(earlier):
                continue
            added = folded[len(earlier):]
            if added and not added.startswith(" "):  # the last word grew (fold() strips the end)
                was = earlier.rsplit(" ", 1)[-1]
                grown = was + added.split(" ", 1)[0]
                if len(was.replace("-", "")) < FUZZY_MIN_LENGTH <= len(grown.replace("-", "")):
                    continue
            if best is None or len(earlier) > len(best[0]):
                best = key
        return None if best is None else self._recent[best].positions

    def _exact(self, term: Term, positions: list[int] | None) -> list[int]:
        texts, word, bare = self._texts, term.word, term.bare
        if positions is None:
            if bare is None:
                return [i for i, s in enumerate(texts) if word in s]
            return [i for i, s in enumerate(texts) if word in s or bare in s]
        if bare is None:
            return [i for i in positions if word in texts[i]]
        return [i for i in positions if word in texts[i] or bare in texts[i]]

    def _typo_hits(self, term: Term, positions: list[int] | None) -> list[int]:
        """Positions (of those given, or of all) matching the term only with one edit."""
        assert term.fuzzy is not None
        ids = self._fuzzy_ids(term.fuzzy)
        if not ids:
            return []
        if self._positions is None:
            self._positions = {g.id: i for i, g in enumerate(self._guests)}
        where = [self._positions[i] for i in ids]
        if positions is not None:  # earlier words or the filter narrowed the list
            allowed = set(positions)
            where = [p for p in where if p in allowed]
        texts, word, bare = self._texts, term.word, term.bare
        return [p for p in where if word not in texts[p] and (bare is None or bare not in texts[p])]

    def _fuzzy_ids(self, word: str) -> frozenset[int]:
        cached = self._fuzzy_cache.get(word)
        if cached is not None:
            return cached
        vocabulary, postings = self._vocabulary, self._postings
        found: set[int] = set()
        for variant in one_edit_prefixes(word, self._alphabet):
            at = bisect.bisect_left(vocabulary, variant)
            while at < len(vocabulary) and vocabulary[at].startswith(variant):
                token = vocabulary[at]
                if word not in token:  # a guest with this word matches exactly anyway
                    found.update(postings[token])
                at += 1
        result = frozenset(found)
        if len(self._fuzzy_cache) > 256:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[word] = result
        return result


def one_edit_prefixes(word: str, alphabet: Iterable[str]) -> set[str]:
    """Words one edit away from ``word`` that a matching word would start with.

    An insertion after the last letter is left out: a word starting with that also starts with
    ``word`` itself, which is an exact match.
    """
    letters = list(alphabet)
    n = len(word)
    out = {word[:i] + word[i + 1:] for i in range(n)}  # a letter too many was typed
    out.update(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1))  # swapped
    for i in range(n):
        head, tail = word[:i], word[i + 1:]
        out.update(head + c + tail for c in letters)  # a wrong letter
        out.update(head + c + word[i:] for c in letters)  # a letter missing
    out.discard(word)
    out.discard("")
    return out
