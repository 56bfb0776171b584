"""Instant search over an event's guests: an in-memory index, and its feed from the database.

Why in memory and not SQL (bench/bench_search.py, 50,000 guests, this 2-core machine): a bare
SQLite ``LIKE '%word%'`` over the folded ``search_text`` column, fetching the list's columns,
takes a median of about 70 ms per keystroke and over 200 ms at the 99th percentile (a short word
matches most of the list, and every row must reach Python); PostgreSQL adds a network round trip,
and one-typo tolerance cannot be said in ``LIKE`` at all (~3n patterns per word). In memory, a
substring scan of 50,000 folded strings takes a few milliseconds, typing on scans only the
previous result, typos are looked up in a sorted vocabulary (checkin.search_typos), and a long
result is produced a slice at a time (SearchRun) so the top of the list is on screen at once:
1.2 ms median and 5.4 ms p99 from keystroke to the final rows on screen, 50,000 guests.

Staying correct when other stations change things is the feed's job (GuestFeed, run off the GUI
thread): every refresh compares per-block fingerprints of the guest table (count, update stamps,
location, badge counter, status) and reads new passages, then re-reads only the blocks and guests
that changed; a large change (an import) reloads everything into a fresh index.

Matching: the query is folded like ``search_text`` (case, diacritics, ł), split into words, and
every word must occur in the guest's text (first and last name, organization, e-mail, code; a
code may be typed with or without its group dashes). A word of letters (FUZZY_MIN_LENGTH or
more) that does not occur in a guest's text may instead match with one typo
(checkin.search_typos); guests matching every word exactly come first, then those with typos,
fewest first, each group in list order (surname, first name).
"""

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntFlag, StrEnum
from itertools import compress

from .codes import display
from .models import GuestStatus
from .search_typos import Vocabulary, may_have_typo, typo_matches
from .textnorm import fold


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
    typo: str | None  # the word looked up with one typo, or None when it must match exactly


def parse_query(query: str) -> list[Term]:
    """The query's words, longest first (the most selective word narrows the scan first)."""
    terms: list[Term] = []
    for word in dict.fromkeys(fold(query).split()):  # folding twice changes nothing
        bare = word.replace("-", "") if "-" in word else None
        if bare == "":
            continue  # only dashes (a separator typed on its own) say nothing
        plain = bare if bare is not None else word
        terms.append(Term(word, bare, plain if may_have_typo(plain) else None))
    return sorted(terms, key=lambda t: -len(t.word))


@dataclass(frozen=True)
class SearchResult:
    """Matching guests in list order; the first ``exact`` match every word without a typo."""

    guests: list[ListedGuest]
    exact: int


@dataclass(frozen=True)
class _Found:
    exact: list[int]  # positions matching every word exactly, in list order
    texts: list[str]  # their texts: a longer query scans these without indexing
    typos: list[int]  # positions matching with typos, fewest first, then in list order


RECENT_RESULTS = 16  # remembered queries: typing on narrows one, a backspace finds one again


class GuestIndex:
    """The event's guests sorted by surname, searchable as you type; updated in place by deltas.

    Not thread-safe: build one on a worker thread, then hand it to the GUI thread, which owns it.
    """

    def __init__(self, guests: Iterable[ListedGuest] = ()) -> None:
        keyed = sorted((g.sort_key, g) for g in guests)  # keys end with the id: never a tie
        self._keys = [k for k, _ in keyed]
        self._guests = ordered = [g for _, g in keyed]
        self._texts = [g.text for g in ordered]
        self._flags = [g.flags for g in ordered]
        self._ids = [g.id for g in ordered]
        self._by_id = {g.id: g for g in ordered}
        self._vocabulary = Vocabulary((g.id, g.text) for g in ordered)
        self._positions = dict(zip(self._ids, range(len(self._ids)), strict=True))  # id -> position
        self._version = 0  # bumped by every change: a search in progress must start again
        # Valid until the next change of the index:
        self._recent: dict[tuple[str, GuestFilter], _Found] = {}
        self._filtered: dict[GuestFilter, tuple[list[int], list[str]]] = {}

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
            self._version += 1
            self._positions = dict(zip(self._ids, range(len(self._ids)), strict=True))
            self._recent.clear()
            self._filtered.clear()
        return differed

    def _take_out(self, guest: ListedGuest) -> None:
        at = bisect.bisect_left(self._keys, guest.sort_key)
        for column in (self._guests, self._keys, self._texts, self._flags, self._ids):
            del column[at]
        self._vocabulary.remove(guest.id, guest.text)

    def _put_in(self, guest: ListedGuest) -> None:
        key = guest.sort_key
        at = bisect.bisect_left(self._keys, key)
        self._guests.insert(at, guest)
        self._keys.insert(at, key)
        self._texts.insert(at, guest.text)
        self._flags.insert(at, guest.flags)
        self._ids.insert(at, guest.id)
        self._vocabulary.add(guest.id, guest.text)

    # -- search ---------------------------------------------------------------------------------

    def search(self, query: str, guest_filter: GuestFilter = GuestFilter.ALL) -> SearchResult:
        """Guests matching every word of the query and the filter; exact matches first."""
        return SearchRun(self, query, guest_filter).result()

    def start(self, query: str, guest_filter: GuestFilter = GuestFilter.ALL) -> "SearchRun":
        """The same search, to be done a slice of the list at a time (SearchRun.step)."""
        return SearchRun(self, query, guest_filter)

    def _remember(self, key: tuple[str, GuestFilter], found: _Found) -> None:
        self._recent.pop(key, None)
        if len(self._recent) >= RECENT_RESULTS:
            del self._recent[next(iter(self._recent))]
        self._recent[key] = found

    def _filter(self, guest_filter: GuestFilter) -> tuple[list[int], list[str]]:
        found = self._filtered.get(guest_filter)
        if found is None:
            mask = _FILTER_MASK[guest_filter]
            positions = [i for i, f in enumerate(self._flags) if f & mask]
            found = self._filtered[guest_filter] = (positions, [self._texts[p] for p in positions])
        return found

    def _narrowed(self, folded: str, guest_filter: GuestFilter) -> tuple[list[int], list[str]] | None:
        """The exact matches of the longest remembered query this one only adds letters to.

        Every word of such a query contains a word of the earlier one, so its exact matches lie
        within the earlier exact matches. (Typo matches are looked up afresh each time.)
        """
        best: tuple[str, GuestFilter] | None = None
        for key in self._recent:
            earlier, earlier_filter = key
            if earlier_filter is guest_filter and folded.startswith(earlier) and (
                best is None or len(earlier) > len(best[0])
            ):
                best = key
        if best is None:
            return None
        found = self._recent[best]
        return found.exact, found.texts


STEP = 16384  # guests scanned per step: a few milliseconds, then the window handles input again


class SearchRun:
    """One search, done a slice of the list at a time, so no keystroke waits for a long list.

    Exact matches arrive in list order, step by step; guests matching only with a typo rank after
    all of them and arrive together in the last step. Rows once given never change their place,
    so the top of the list is final as soon as it is filled.
    """

    def __init__(self, index: GuestIndex, query: str, guest_filter: GuestFilter) -> None:
        self._index = index
        self._version = index._version
        self._filter = guest_filter
        folded = fold(query)
        self._key = (folded, guest_filter)
        self._terms = parse_query(folded)
        self.exact = 0  # exact matches given so far (they are the first rows)
        self.done = False
        self._at = 0
        self._exact: list[int] = []
        self._texts: list[str] = []
        self._ready = index._recent.get(self._key) if self._terms else None
        start: tuple[Sequence[int], list[str]] | None = (
            index._narrowed(folded, guest_filter) if self._terms else None)
        if start is None:
            start = ((range(len(index._texts)), index._texts) if guest_filter is GuestFilter.ALL
                     else index._filter(guest_filter))
        self._candidates: Sequence[int] = start[0]
        self._candidate_texts = start[1]

    def step(self, scan: int = STEP, enough: int | None = None) -> list[ListedGuest]:
        """The next rows: exact matches among up to ``scan`` more guests (fewer once ``enough``
        were found), followed — once every guest was looked at — by the typo matches; then done."""
        index = self._index
        if self.done:
            return []
        if index._version != self._version:
            raise RuntimeError("the guest index changed during the search; start it again")
        guests = index._guests
        if self._ready is not None or not self._terms:
            self.done = True
            if self._ready is not None:
                index._remember(self._key, self._ready)
                self.exact = len(self._ready.exact)
                return list(map(guests.__getitem__, self._ready.exact + self._ready.typos))
            self.exact = len(self._candidates)
            return list(map(guests.__getitem__, self._candidates))
        found: list[int] = []
        total = len(self._candidates)
        while self._at < total and scan > 0:
            size = min(4096, scan, total - self._at)
            positions = self._candidates[self._at:self._at + size]
            texts = self._candidate_texts[self._at:self._at + size]
            self._at += size
            scan -= size
            for term in self._terms:
                word, bare = term.word, term.bare
                keep = ([word in s for s in texts] if bare is None
                        else [word in s or bare in s for s in texts])
                positions, texts = list(compress(positions, keep)), list(compress(texts, keep))
            self._exact += positions
            self._texts += texts
            found += positions
            if enough is not None and len(found) >= enough:
                break
        self.exact += len(found)
        if self._at < total:
            return list(map(guests.__getitem__, found))
        mask = _FILTER_MASK[self._filter]
        typos = typo_matches(
            [(t.word, t.bare, t.typo) for t in self._terms], index._vocabulary, index._positions,
            index._ids, index._texts, None if self._filter is GuestFilter.ALL else (index._flags, mask),
        )
        index._remember(self._key, _Found(self._exact, self._texts, typos))
        self.done = True
        return list(map(guests.__getitem__, found + typos))

    def result(self) -> SearchResult:
        """Every step at once."""
        guests: list[ListedGuest] = []
        while not self.done:
            guests += self.step(1 << 30)
        return SearchResult(guests, self.exact)
