"""`checkin badges --printer`: the badge PDF through the real CUPS queue (cups-pdf) comes out whole."""

import re
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from checkin import codes
from checkin.cli import main

from .conftest import BadgeDb
from .cups import require_cups_pdf, wait_for_output
from .pdftools import pdf_text, symbols


def latin1_pattern(text: str) -> str:
    """A regex for text as poppler reads it back from cups-pdf: other letters may be missing."""
    return "".join(re.escape(ch) if ord(ch) < 256 else ".?" for ch in text).replace(r"\ ", r"\s*")


def page_size(pdf: Path) -> tuple[int, int]:
    box = PdfReader(pdf).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_badge_printed_through_cups_pdf(badge_db: BadgeDb, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    printer = require_cups_pdf()
    guest = next(g for g in badge_db.guests if g.last_name == "Brzęczyszczykiewicz")
    out = tmp_path / f"checkin-test-{uuid.uuid4().hex[:10]}.pdf"
    db = str(badge_db.engine.url.database)
    code = main(["--db", db, "badges", "--out", str(out), "--guest", guest.code,
                 "--layout", "dymo-54x101", "--printer", printer])
    assert code == 0, capsys.readouterr().err
    assert f"wysłano do drukarki {printer}" in capsys.readouterr().out
    printed = wait_for_output(out.stem)
    try:
        text = pdf_text(printed)
        # CUPS turns the PDF into PostScript for cups-pdf, which keeps the glyphs but loses the
        # Unicode names of letters outside Latin-1 (ę, ł, ż…): those may read back as nothing.
        assert re.search(latin1_pattern(guest.full_name), text), text
        assert re.search(latin1_pattern("Ławka dialogu"), text)
        assert codes.display(guest.code) in text
        assert "27.02.2026, 17:30" in text
        assert page_size(printed) == page_size(out)  # on the label's own size, not on A4
        assert [s.text for s in symbols(printed, dpi=300)] == [guest.code]
    finally:
        printed.unlink()
    # printed once, counted once
    assert main(["--db", db, "badges", "--out", str(tmp_path / "n.pdf"), "--who", "not-printed",
                 "--no-count"]) == 0
    assert guest.full_name not in pdf_text(tmp_path / "n.pdf")
