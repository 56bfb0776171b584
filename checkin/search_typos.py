"""One-typo lookups for the guest search: a sorted vocabulary of the words in guests' texts.

A query word matches a guest with one typo when one edit — a letter inserted, deleted, replaced,
or two neighbours swapped — turns it into the beginning of one of the guest's words (a name is
typed a letter at a time, so the word may still be incomplete). Only words of letters take part:
digits split them ("nowak12@…" holds the word "nowak"), and codes and numbers must be typed
exactly, so a list of unique e-mails and codes does not bloat the vocabulary.
"""

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable

FUZZY_MIN_LENGTH = 5  # one edit on a shorter word matches a good part of any list
LETTER_WORDS = re.compile(r"[^\W\d_]+")
_CACHED = 256  # recent lookups kept until the vocabulary changes


def may_have_typo(word: str) -> bool:
    """Whether a query word is looked up with one typo (long enough, letters only)."""
    return len(word) >= FUZZY_MIN_LENGTH and LETTER_WORDS.fullmatch(word) is not None


def one_edit_prefixes(word: str, alphabet: Iterable[str]) -> set[str]:
    """Everything one edit away from ``word`` that a matching word would start with.

    A letter added after the last one is left out: a word starting with that also starts with
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


class Vocabulary:
    """Letter words of the guests' texts, sorted, each with the ids of the guests that have it."""

    def __init__(self, texts: Iterable[tuple[int, str]] = ()) -> None:
        postings: defaultdict[str, set[int]] = defaultdict(set)
        words_of = LETTER_WORDS.findall
        for guest_id, text in texts:
            for word in words_of(text):
                postings[word].add(guest_id)
        self._postings: dict[str, set[int]] = dict(postings)
        self._words = sorted(self._postings)
        self._alphabet = sorted({ch for word in self._words for ch in word})
        self._cache: dict[str, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self._words)

    def add(self, guest_id: int, text: str) -> None:
        for word in set(LETTER_WORDS.findall(text)):
            ids = self._postings.get(word)
            if ids is None:
                self._postings[word] = {guest_id}
                bisect.insort(self._words, word)
                if not set(word).issubset(self._alphabet):
                    self._alphabet = sorted(set(word).union(self._alphabet))
            else:
                ids.add(guest_id)
        self._cache.clear()

    def remove(self, guest_id: int, text: str) -> None:
        for word in set(LETTER_WORDS.findall(text)):
            ids = self._postings.get(word)
            if ids is None:
                continue
            ids.discard(guest_id)
            if not ids:
                del self._postings[word]
                del self._words[bisect.bisect_left(self._words, word)]
        self._cache.clear()

    def near(self, word: str) -> frozenset[int]:
        """Ids of guests with a word that one edit of ``word`` begins.

        Words containing ``word`` itself are left out: their guests match exactly anyway.
        """
        found = self._cache.get(word)
        if found is not None:
            return found
        words, postings, ids = self._words, self._postings, set()
        for variant in one_edit_prefixes(word, self._alphabet):
            at = bisect.bisect_left(words, variant)
            while at < len(words) and words[at].startswith(variant):
                if word not in words[at]:
                    ids.update(postings[words[at]])
                at += 1
        if len(self._cache) >= _CACHED:
            self._cache.clear()
        found = self._cache[word] = frozenset(ids)
        return found


def typo_matches(
    terms: list[tuple[str, str | None, str | None]], vocabulary: Vocabulary,
    positions: dict[int, int], ids: list[int], texts: list[str],
    allowed: tuple[list[int], int] | None = None,
) -> list[int]:
    """Positions of the guests matching every query word, some only with a typo; fewest first.

    terms: (word, the word without dashes or None, the word looked up with a typo or None);
    positions maps guest id -> place in the list, ids and texts are by place; allowed, if given,
    is (flags by place, mask) of a filter.
    """
    near = {word: vocabulary.near(typo) for word, _, typo in terms if typo is not None}
    candidates = frozenset().union(*near.values())
    if not candidates:
        return []
    where = [positions[i] for i in candidates]
    if allowed is not None:
        flags, mask = allowed
        where = [p for p in where if flags[p] & mask]
    if len(terms) == 1:  # typing one word, the usual case: one typo each, in list order
        word, bare, _ = terms[0]
        found = [p for p in where if word not in texts[p] and (bare is None or bare not in texts[p])]
        found.sort()
        return found
    checks = [(word, bare, near.get(word, frozenset())) for word, bare, _ in terms]
    scored: list[tuple[int, int]] = []
    for p in where:
        text, guest_id, typos = texts[p], ids[p], 0
        for word, bare, nearby in checks:
            if word in text or (bare is not None and bare in text):
                continue
            if guest_id not in nearby:
                break
            typos += 1
        else:
            if typos:
                scored.append((typos, p))
    scored.sort()
    return [p for _, p in scored]
