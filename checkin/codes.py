"""Guest codes: generation with a check character, display grouping, and folding of scanned input.

The alphabet survives a keyboard-wedge scanner on US, Polish and German layouts: digits and
upper-case letters without Y and Z (swapped on QWERTZ) and without the look-alikes O and I.
16 characters of a 32-symbol alphabet carry 80 random bits; a 17th is the check character.
"""

import operator
import secrets

ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
assert len(ALPHABET) == 32
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
PAYLOAD_LENGTH = 16
CODE_LENGTH = PAYLOAD_LENGTH + 1
GROUP = 4
_SHIFTS = range(5 * (PAYLOAD_LENGTH - 1), -1, -5)
_WEIGHTS = range(1, PAYLOAD_LENGTH + 1)


def check_char(payload: str) -> str:
    """A weighted check character (position-sensitive, so a swap of neighbours is caught)."""
    total = 0
    for position, ch in enumerate(payload, start=1):
        total += position * _INDEX[ch]
    return ALPHABET[total % 31]  # a prime modulus detects every single substitution


def _from_bits(bits: int) -> str:
    values = [(bits >> shift) & 31 for shift in _SHIFTS]
    check = sum(map(operator.mul, _WEIGHTS, values)) % 31
    return "".join([ALPHABET[v] for v in values]) + ALPHABET[check]


def generate() -> str:
    """A new code in canonical form (no dashes), e.g. 'K7M2Q9XD4HNP8RTV3'."""
    # 80 random bits read 5 at a time from one call to the OS's random source.
    return _from_bits(int.from_bytes(secrets.token_bytes(10), "big"))


def generate_many(n: int) -> list[str]:
    """n new codes; one read of the random source for all (a 50,000-row import)."""
    pool = secrets.token_bytes(10 * n)
    return [_from_bits(int.from_bytes(pool[i : i + 10], "big")) for i in range(0, 10 * n, 10)]


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


_DROP_SEPARATORS = str.maketrans("", "", "- \t")


def canonical(raw: str) -> str:
    """Generated-code form of typed or scanned text: trimmed, upper-case, no dashes or spaces."""
    return raw.strip().upper().translate(_DROP_SEPARATORS)
