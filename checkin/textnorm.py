"""Folding text for matching: case, diacritics (including ł, which Unicode does not decompose)."""

import re
import unicodedata
from functools import lru_cache

# Letters Unicode NFKD leaves whole: they must still fold, or "Łukasz" never matches "lukasz".
_EXTRA_FOLD = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae",
               "Æ": "ae", "œ": "oe", "Œ": "oe"}
_NON_WORD = re.compile(r"[^0-9a-z]+")


def _strip_marks(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _latin_table() -> dict[int, str]:
    # Folding runs for every cell of a 50,000-row import and every guest written: a translation
    # table for the Latin letters turns the per-character Python loop into one C call.
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        folded = _EXTRA_FOLD.get(ch) or _strip_marks(ch).casefold()
        if folded != ch:
            table[code] = folded
    return table


_FOLD_TABLE = _latin_table()


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse white space: 'Łukasz  ŻÓŁĆ' -> 'lukasz zolc'."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = text.translate(_FOLD_TABLE).casefold()
    if not text.isascii():  # letters beyond Latin (Greek, Vietnamese…): the general way
        text = _strip_marks(text.translate(_FOLD_TABLE))
    return " ".join(text.split())


def key(text: str) -> str:
    """A matching key: folded, without punctuation or spaces ('Jan-Kowalski' == 'jan kowalski')."""
    return _NON_WORD.sub("", fold(text))


_ASCII_NON_WORD = str.maketrans("", "", "".join(
    chr(c) for c in range(128) if not (chr(c).isdigit() or "a" <= chr(c) <= "z")
))


def key_of_folded(folded: str) -> str:
    """key() of text that is already folded."""
    if folded.isascii():  # nearly always, after folding: one C call instead of a regex
        return folded.translate(_ASCII_NON_WORD)
    return _NON_WORD.sub("", folded)


# An import folds each name several times (duplicate check, merge, stored keys) and the same
# first names and organizations recur across a list; a bounded cache serves the repeats.
fold_cached = lru_cache(maxsize=100_000)(fold)


def clean(text: str | None) -> str:
    """A cell as a person meant it: NFC, no control characters, single spaces, trimmed."""
    if not text:
        return ""
    if not text.isprintable():
        # Invisible format marks (soft hyphen, zero-width space) go; other controls and odd
        # spaces (tab, NBSP, line breaks inside a cell) become a plain space.
        text = "".join(
            "" if (cat := unicodedata.category(ch)) == "Cf" else " " if cat[0] in "CZ" else ch
            for ch in text
        )
        if not text:
            return ""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "  " in text or text[0] == " " or text[-1] == " ":  # printable by now: only spaces to tidy
        return " ".join(text.split())
    return text  # the usual cell: nothing to tidy, no new string made
