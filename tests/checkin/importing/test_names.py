import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkin.importing.names import split_full_name, tidy_case


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Jan Kowalski", "Jan", "Kowalski"),
        ("Anna van der Berg", "Anna", "van der Berg"),
        ("Ludwig von Mises", "Ludwig", "von Mises"),
        ("Małgorzata Ślęzak-Wąsowicz", "Małgorzata", "Ślęzak-Wąsowicz"),
        ("Jan Maria Rokita", "Jan Maria", "Rokita"),
        ("Kowalska, Anna", "Anna", "Kowalska"),
        ("  Łukasz   Żółć ", "Łukasz", "Żółć"),
        ("Cher", "Cher", ""),
        ("", "", ""),
    ],
)
def test_split_full_name(full: str, first: str, last: str) -> None:
    assert split_full_name(full) == (first, last)


def test_surname_first_column() -> None:
    assert split_full_name("Kowalski Jan", surname_first=True) == ("Jan", "Kowalski")
    assert split_full_name("Ślęzak-Wąsowicz Małgorzata Anna", surname_first=True) == (
        "Małgorzata Anna",
        "Ślęzak-Wąsowicz",
    )


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [
        ("ŁUKASZ ŻÓŁĆ", "Łukasz Żółć"),
        ("małgorzata ślęzak-wąsowicz", "Małgorzata Ślęzak-Wąsowicz"),
        ("ANNA VAN DER BERG", "Anna van der Berg"),
        ("McDonald", "McDonald"),  # mixed case is how the person wrote it
        ("DeLuca", "DeLuca"),
    ],
)
def test_tidy_case(typed: str, tidy: str) -> None:
    assert tidy_case(typed) == tidy


@settings(deadline=None)
@given(st.text())
def test_split_never_loses_letters(full: str) -> None:
    first, last = split_full_name(full)
    kept = "".join(first.split() + last.split())
    assert sorted(kept) == sorted("".join(full.replace(",", " ", 1).split()))


@given(st.text())
def test_clean_is_idempotent_and_tidy(text: str) -> None:
    from checkin.textnorm import clean

    once = clean(text)
    assert clean(once) == once
    assert once == once.strip()
    assert "  " not in once
    assert once.isprintable()
