"""Turning what a keyboard-wedge scanner or a person typed into code keys to look up.

A scanner types a code as key presses in the laptop's keyboard layout, so what arrives may carry
an AIM symbology prefix (``]Q1``), a trailing CR/LF or tab, a German layout's swapped Y/Z or its
``ß`` for ``-``; a person types lower case, spaces, look-alikes (O for 0) or pastes the link from
an invitation. Every reading is turned into the same canonical form that ``Guest.code_key``
holds, and the few plausible readings become candidates for one indexed lookup.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

from . import codes

# The longest input worth looking up: longer text is no code (and must not make a huge query).
MAX_KEY_LENGTH = 200

# AIM symbology identifier some scanners send first: "]" + code letter + modifier ("]Q1", "]C0").
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# A link: with a scheme, "www.", or a host name followed by a path ("zaproszenia.example.org/…").
_URL = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://|www\.|[a-z0-9\-]+(?:\.[a-z0-9\-]+)+/)", re.IGNORECASE)
MAX_KEYS = 8  # readings looked up at most (one statement with a fixed number of parameters)
# What foreign layouts (and word processors) make of the group dash: German "ß" (the key where
# US has "-"), "/" and "'" on others, typographic dashes from a pasted e-mail.
_DASH_LIKE = str.maketrans({ch: None for ch in "-ß/'‐‑‒–—−"})
_YZ_SWAP = str.maketrans("YZyz", "ZYzy")
# Look-alikes left out of the generated alphabet, as a person may type them.
_LOOK_ALIKES = str.maketrans("OI", "01")
_QUERY_KEYS = ("code", "c", "kod")


@dataclass(frozen=True)
class Resolved:
    """The readings of one input: code keys to look up, best first, and what they look like."""

    raw: str
    keys: tuple[str, ...]  # canonical candidates (Guest.code_key values), best first
    primary: str  # the main reading ('' when nothing code-like was left)
    bad_check: bool  # a reading has the shape of a generated code but a wrong check character
    near: tuple[str, ...] = field(default=())  # the readings worth a near-miss (typo) search


def clean(raw: str) -> str:
    """The text without control characters, a scanner's AIM prefix and surrounding white space."""
    if not raw.isprintable():
        # Controls, format marks and lone surrogates (undecodable bytes) are never part of a code.
        raw = "".join(ch for ch in raw if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    text = raw.strip()
    if text.startswith("]"):
        text = _AIM_PREFIX.sub("", text, count=1).strip()
    return text


def _url_code(text: str) -> str | None:
    """The code carried by an invitation link: ?code= / ?c= or the last path segment."""
    if not _URL.match(text):
        return None
    parts = urlsplit(text if "://" in text else "https://" + text)
    query = parse_qs(parts.query)
    for name in _QUERY_KEYS:
        for value in query.get(name, []):
            if value.strip():
                return value.strip()
    segments = [s for s in parts.path.split("/") if s.strip()]
    return unquote(segments[-1]) if segments else ""


def _no_space(text: str) -> str:
    return "".join(text.split())


def is_code_like(raw: str) -> bool:
    """True if the input reads as a code (scan it); False if it reads as a name (search for it)."""
    text = clean(raw)
    if not text or "@" in text:
        return False
    if _url_code(text) is not None:
        return True
    key = codes.canonical(_no_space(text))
    return any(ch.isdigit() for ch in key) or codes.is_generated_form(key.translate(_LOOK_ALIKES))


def _readings(text: str) -> list[str]:
    plain = codes.canonical(_no_space(text))
    normalized = unicodedata.normalize("NFKC", text)
    # "ß" must go before upper-casing ("ß".upper() == "SS").
    dashless = _no_space(normalized.translate(_DASH_LIKE)).upper()
    out: list[str] = []
    for base in (plain, dashless):
        for variant in (base, base.translate(_YZ_SWAP)):
            if variant and variant not in out:
                out.append(variant)
    for variant in list(out):
        mapped = variant.translate(_LOOK_ALIKES)
        if mapped != variant and codes.is_generated_form(mapped) and mapped not in out:
            out.append(mapped)
    return [k for k in out if len(k) <= MAX_KEY_LENGTH]


@lru_cache(maxsize=512)
def resolve(raw: str) -> Resolved:
    """The candidate code keys for one input (cached: a scanner repeats itself)."""
    text = clean(raw)
    from_url = _url_code(text)
    keys = _readings(clean(from_url)) if from_url else []
    if text:
        # The text as a whole too: an imported code may look like a link.
        keys += [k for k in _readings(text) if k not in keys]
    keys = keys[:MAX_KEYS]
    bad_check = any(codes.is_generated_form(k) and not codes.is_valid(k) for k in keys)
    near = tuple(k for k in keys if _alphabet_only(k) and abs(len(k) - codes.CODE_LENGTH) <= 1)
    return Resolved(raw, tuple(keys), keys[0] if keys else "", bad_check, near)


def _alphabet_only(key: str) -> bool:
    return all(ch in codes.ALPHABET for ch in key)


def near_misses(key: str) -> list[str]:
    """Valid generated codes one slip away from key: a substituted, swapped, lost or extra character.

    A stored generated code always has a right check character, so only such neighbours can match;
    that keeps the typo lookup to a few dozen keys.
    """
    out: set[str] = set()
    n = len(key)
    if n == codes.CODE_LENGTH:
        for i in range(n):
            for ch in codes.ALPHABET:
                if ch != key[i]:
                    out.add(key[:i] + ch + key[i + 1 :])
        for i in range(n - 1):
            if key[i] != key[i + 1]:
                out.add(key[:i] + key[i + 1] + key[i] + key[i + 2 :])
    elif n == codes.CODE_LENGTH - 1:
        for i in range(n + 1):
            for ch in codes.ALPHABET:
                out.add(key[:i] + ch + key[i:])
    elif n == codes.CODE_LENGTH + 1:
        for i in range(n):
            out.add(key[:i] + key[i + 1 :])
    out.discard(key)
    return sorted(k for k in out if codes.is_valid(k))


__all__ = ["MAX_KEYS", "MAX_KEY_LENGTH", "Resolved", "clean", "is_code_like", "near_misses", "resolve"]
