"""Reading scanner and keyboard input; random and mutated codes never raise and never admit anybody."""

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkin import codes
from checkin.engine import Door
from checkin.resolve import clean, is_code_like, near_misses, resolve
from checkin.verdicts import VerdictKind

from .conftest import GUEST, Venue

CODE = codes.generate()
SHOWN = codes.display(CODE)


@pytest.mark.parametrize("raw", [
    CODE, SHOWN, SHOWN.lower(), f"]Q1{SHOWN}\r\n", f"\x02{CODE}\x03", f"\t{SHOWN}\n",
    SHOWN.replace("-", "ß"), SHOWN.replace("-", "/"), SHOWN.replace("-", "'"), SHOWN.replace("-", "–"),
    SHOWN.replace("-", " "), f"https://zaproszenia.example.org/i/{SHOWN}/",
    f"zaproszenia.example.org/?c={CODE}", f"https://x.example/checkin?event=3&code={SHOWN}",
    "ＫＬＭ" * 0 + CODE.translate(str.maketrans("0123456789", "０１２３４５６７８９")),  # full-width digits
])
def test_readings_include_the_code(raw: str) -> None:
    assert CODE in resolve(raw).keys
    assert is_code_like(raw)


def test_look_alikes_and_qwertz() -> None:
    code = "0" + codes.generate()[1:]
    code = code[:-1] + codes.check_char(code[:-1])
    assert code in resolve(code.replace("0", "O")).keys  # a person typed O for zero
    assert "ABZY12" in resolve("abyz12").keys  # QWERTZ swaps Y and Z on imported codes


def test_a_wrong_check_character_is_flagged() -> None:
    bad = CODE[:-1] + next(c for c in codes.ALPHABET if c != CODE[-1])
    assert resolve(bad).bad_check
    assert not resolve(CODE).bad_check
    assert CODE in near_misses(bad)
    assert CODE in near_misses(CODE[:3] + CODE[4:])  # one character lost
    assert CODE in near_misses(CODE[:3] + "7" + CODE[3:])  # one character too many


@pytest.mark.parametrize(("raw", "code_like"), [
    ("Jan Kowalski", False), ("kowalski", False), ("Łukasz Żółć", False), ("jan2@example.org", False),
    ("", False), ("  \r\n", False), ("T-2026-0042", True), ("12345", True), (SHOWN, True),
])
def test_code_or_name(raw: str, code_like: bool) -> None:
    assert is_code_like(raw) is code_like


def test_clean_drops_scanner_noise_only() -> None:
    assert clean("]C0ABC-12\r\n") == "ABC-12"
    assert clean("\u200bABC 12\x1d") == "ABC 12"


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real guest code with one real change: substitution, swap, loss or extra character."""
    code = draw(st.sampled_from(_codes))
    i = draw(st.integers(0, len(code) - 1))
    how = draw(st.sampled_from(["sub", "swap", "drop", "add", "truncate"]))
    if how == "sub":
        out = code[:i] + draw(st.sampled_from([c for c in codes.ALPHABET if c != code[i]])) + code[i + 1:]
    elif how == "swap" and i < len(code) - 1 and code[i] != code[i + 1]:
        out = code[:i] + code[i + 1] + code[i] + code[i + 2:]
    elif how == "add":
        out = code[:i] + draw(st.sampled_from(codes.ALPHABET)) + code[i:]
    elif how == "truncate":
        out = code[:i]
    else:
        out = code[:i] + code[i + 1:]
    noise = draw(st.sampled_from(["{}", "]Q1{}\r\n", " {} ", "{}\t"]))
    shown = codes.display(out) if draw(st.booleans()) and len(out) == codes.CODE_LENGTH else out
    return noise.format(shown.lower() if draw(st.booleans()) else shown)


_codes: list[str] = []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.text(st.characters(exclude_categories=()), max_size=60),  # surrogates too
                     st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
                     st.from_regex(r"\A[0-9A-Z\-]{10,20}\Z"), st.just("")),
       exit=st.booleans())
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_random_input_never_raises_and_never_admits(
    request: pytest.FixtureRequest, backend: str, raw: str, exit: bool
) -> None:
    venue: Venue = request.getfixturevalue("venue" if backend == "sqlite" else "pg_venue")
    door = Door(venue.engine, venue.event_id, "Fuzz")
    v = door.scan(raw, exit=exit)
    assert not v.recorded
    assert v.guest is None
    assert door.room_count().inside == 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_codes_never_admit(venue: Venue, data: st.DataObject) -> None:
    _codes[:] = venue.codes
    raw = data.draw(mutated())
    v = Door(venue.engine, venue.event_id, "Fuzz").scan(raw)
    assert v.kind in (VerdictKind.TYPO, VerdictKind.UNKNOWN), raw
    with venue.engine.connect() as conn:
        inside = sa.select(sa.func.count()).where(GUEST.c.inside_room_id.is_not(None))
        assert conn.execute(inside).scalar() == 0
