"""Invitations: a PDF per guest and one merged, QR PNGs that scan, a mail-merge CSV Excel reads."""

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from checkin import codes
from checkin.errors import UserError
from checkin.invitations import CSV_HEADER, make_invitations, safe_file_name

from .conftest import TRICKY, BadgeDb
from .pdftools import decode, pdf_fonts, pdf_text, symbols


def test_invitations_for_every_guest(badge_db: BadgeDb, tmp_path: Path) -> None:
    out = tmp_path / "zaproszenia"
    result = make_invitations(badge_db.engine, badge_db.event.id, out)
    assert len(result.files) == len(TRICKY)
    assert len(PdfReader(result.merged).pages) == len(TRICKY)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # the staging folder is gone

    raw = result.csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == CSV_HEADER
    by_name = {row[2]: row for row in rows[1:]}
    for guest in badge_db.guests:
        row = by_name[guest.full_name]  # Polish letters exactly
        assert row[4] == guest.email
        assert row[5] == codes.display(guest.code)
        pdf, png = out / row[6], out / row[7]
        text = pdf_text(pdf)
        assert guest.full_name in text.replace("\n", " ")
        assert f"Kod wejścia: {codes.display(guest.code)}" in text
        assert "piątek, 27 lutego 2026, 17:30–19:30" in text
        assert "Klaster Innowacji Społeczno-Gospodarczych" in text
        assert "Jak wejść" in text
        assert [s.text for s in symbols(pdf, dpi=150)] == [guest.code]
        with Image.open(png) as img:
            assert [t for t, _, _ in decode(img.convert("L"))] == [guest.code]
    assert all("DejaVuSansCondensed" in f for f in pdf_fonts(result.merged))


def test_a_second_run_replaces_the_files(badge_db: BadgeDb, tmp_path: Path) -> None:
    out = tmp_path / "z"
    first = make_invitations(badge_db.engine, badge_db.event.id, out)
    second = make_invitations(badge_db.engine, badge_db.event.id, out)
    assert [f.pdf for f in first.files] == [f.pdf for f in second.files]
    assert len(list((out / "pdf").iterdir())) == len(TRICKY)


def test_a_file_in_the_way_is_refused(badge_db: BadgeDb, tmp_path: Path) -> None:
    blocker = tmp_path / "plik"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="nie jest folderem"):
        make_invitations(badge_db.engine, badge_db.event.id, blocker)
    with pytest.raises(UserError, match="Nie można zapisać zaproszeń"):
        make_invitations(badge_db.engine, badge_db.event.id, blocker / "pod")


def test_spreadsheet_formulas_are_defused(badge_db: BadgeDb, tmp_path: Path) -> None:
    from sqlalchemy import update
    from sqlmodel import col

    from checkin.models import Guest

    with badge_db.engine.begin() as conn:
        conn.execute(update(Guest).where(col(Guest.last_name) == "Dąb").values(organization="=HYPERLINK(1)"))
    result = make_invitations(badge_db.engine, badge_db.event.id, tmp_path / "z")
    text = result.csv.read_text(encoding="utf-8-sig")
    assert ";'=HYPERLINK(1);" in text


def test_file_names_from_polish_names() -> None:
    assert safe_file_name("Łukasz Żółć", "K7M2Q9XD4HNP8RTV3") == "lukasz-zolc_k7m2q9"
    assert safe_file_name("Anna Ślęzak-Wąsowicz", "zap-000123") == "anna-slezak-wasowicz_zap000"
    assert safe_file_name("", "") == "gosc"
    assert safe_file_name("Con", "") == "con_"  # a name Windows reserves


@given(name=st.text(max_size=200), code=st.text(max_size=40))
def test_file_names_are_safe_everywhere(name: str, code: str) -> None:
    base = safe_file_name(name, code)
    assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", base)
    assert len(base) <= 70
