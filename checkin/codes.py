"""Guest codes: generation with a check character, display grouping, and folding of scanned input.

The alphabet survives a keyboard-wedge scanner on US, Polish and German layouts: digits and
upper-case letters without Y and Z (swapped on QWERTZ) and without the look-alikes O and I.
16 characters of a 32-symbol alphabet carry 80 random bits; a 17th is the check character.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
assert len(ALPHABET) == 32
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
PAYLOAD_LENGTH = 16
CODE_LENGTH = PAYLOAD_LENGTH + 1
GROUP = 4
_SHIFTS = range(5 * (PAYLOAD_LENGTH - 1), -1, -5)


def check_char(payload: str) -> str:
    """A weighted check character (position-sensitive, so a swap of neighbours is caught)."""
    total = 0
    for position, ch in enumerate(payload, start=1):
        total += position * _INDEX[ch]
    return ALPHABET[total % 31]  # a prime modulus detects every single substitution


def generate() -> str:
    """A new code in canonical form (no dashes), e.g. 'K7M2Q9XD4HNP8RTV3'."""
    # 80 random bits read 5 at a time: one call to the OS's random source per code, which keeps
    # generating codes for a 50,000-row import in tens of milliseconds.
    bits = int.from_bytes(secrets.token_bytes(10), "big")
    values = [(bits >> shift) & 31 for shift in _SHIFTS]
    check = sum(position * v for position, v in enumerate(values, start=1)) % 31
    return "".join([ALPHABET[v] for v in values]) + ALPHABET[check]


def is_generated_form(code: str) -> bool:
    """True if the canonical code has the shape of a generated code."""
    return len(code) == CODE_LENGTH and all(ch in _INDEX for ch in code)


def is_valid(code: str) -> bool:
    """True if the canonical code is a generated code whose check character is right."""
    return is_generated_form(code) and check_char(code[:-1]) == code[-1]


def display(code: str) -> str:
    """Grouped for reading aloud and printing: 'K7M2-Q9XD-4HNP-8RTV-3'; imported codes unchanged."""
    if not is_generated_form(code):
        return code
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def canonical(raw: str) -> str:
    """Generated-code form of typed or scanned text: trimmed, upper-case, no dashes or spaces."""
    return "".join(ch for ch in raw.strip().upper() if ch not in "- \t")
