"""Folding text for matching: case, diacritics (including ł, which Unicode does not decompose)."""

import re
import unicodedata

# Letters Unicode NFKD leaves whole: they must still fold, or "Łukasz" never matches "lukasz".
_EXTRA_FOLD = str.maketrans(
    {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse white space: 'Łukasz  ŻÓŁĆ' -> 'lukasz zolc'."""
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text.casefold()).strip()


def key(text: str) -> str:
    """A matching key: folded, without punctuation or spaces ('Jan-Kowalski' == 'jan kowalski')."""
    return _NON_WORD.sub("", fold(text))


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
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())
