"""Sorting names the Polish way: Ł after L, Ś after S, Ż after Ź after Z, case second.

Lists for Polish public bodies are sorted by this order (PN-ISO/IEC 14651 for Polish). Python's
plain string order puts every accented letter after Z, and the system's pl_PL locale is not there
on every laptop, so the order is spelled out here.
"""

import unicodedata
from functools import lru_cache

ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"
_PRIMARY = {ch: i for i, ch in enumerate(ALPHABET)}
_LETTERS_END = len(ALPHABET)


@lru_cache(maxsize=4096)
def _letter(ch: str) -> tuple[int, int]:
    """(primary weight, secondary weight) of one lower-case character."""
    if ch in _PRIMARY:
        return _PRIMARY[ch], 0
    if ch.isdigit():
        return -10 + int(ch) if ch.isascii() else -1, 0  # digits sort before letters
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base and base[0] in _PRIMARY:
        # A foreign accented letter (é, ü, ø…) sorts with its base letter, after it.
        return _PRIMARY[base[0]], 1 + ord(ch) % 997
    if ch.isalpha():
        return _LETTERS_END, ord(ch)  # other scripts after the Latin alphabet
    return -20, ord(ch)  # spaces and punctuation first, so "Nowak" < "Nowak-Lis" < "Nowakowski"


def polish_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...], str]:
    """A sort key: letters by the Polish alphabet, then foreign accents, then case, then the text."""
    folded = text.casefold().strip()
    letters = tuple(_letter(ch) for ch in folded)
    primary = tuple((p, 0) for p, _ in letters)
    return primary, letters, "".join("1" if c.isupper() else "0" for c in text.strip())


def person_key(last_name: str, first_name: str) -> tuple[object, ...]:
    """Sort people by surname, then first name, in Polish order."""
    return polish_key(last_name), polish_key(first_name)
