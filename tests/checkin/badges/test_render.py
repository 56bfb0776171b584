"""Rendered badges read back: exact Polish text, QR codes that decode, text inside its boxes."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from checkin.badges import LAYOUTS, EventLine, Layout, get_layout, render_badges
from checkin.badges.geometry import regions
from checkin.badges.roles import role_colour

from .checks import read_lines, rejoin, slot_boxes, words_in
from .conftest import BadgeDb
from .pdftools import pdf_fonts, pdf_words, rasterize, symbols

EVENT = EventLine("Ławka dialogu – spotkanie Prezydenta Miasta Krakowa z organizacjami pozarządowymi",
                  "27.02.2026, 17:30")
@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_polish_names_come_back_exactly(badge_db: BadgeDb, layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    result = render_badges(badge_db.guests, layout, EVENT, out)
    words = pdf_words(out)
    reader = PdfReader(out)
    for page, guest, boxes, _ in slot_boxes(layout, badge_db.guests):
        # poppler's words inside the name box, read line by line, give the name back exactly
        assert rejoin(read_lines(words_in(words, page, boxes["name"]))) == guest.full_name
        if guest.organization and not any(s == (guest.id, "organization") for s in result.shortened):
            assert rejoin(read_lines(words_in(words, page, boxes["organization"]))) == guest.organization
        # and pypdf, a second reader, finds every drawn line of the name on that page
        page_text = reader.pages[page - 1].extract_text()
        for drawn in result.texts:
            if drawn.guest_id == guest.id and drawn.region == "name":
                assert drawn.text in page_text
    assert not [s for s in result.shortened if s[1] == "name"], "no real name is ever cut short"


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_every_qr_code_decodes_to_its_guest(badge_db: BadgeDb, layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    render_badges(badge_db.guests, layout, EVENT, out)
    shown = slot_boxes(layout, badge_db.guests)[: layout.per_page]  # the first page, at 300 dpi
    found = symbols(out, dpi=300, first=1, last=1)
    assert sorted(s.text for s in found) == sorted(g.code for _, g, _, _ in shown)
    for _, guest, _, qr_box in shown:
        (symbol,) = [s for s in found if s.text == guest.code]
        assert qr_box.contains(symbol.x, symbol.y, symbol.x, symbol.y, tolerance=0)


@pytest.mark.slow
def test_every_badge_of_the_sample_event_scans(tmp_path: Path) -> None:
    from checkin.badges import event_line, make_badges
    from checkin.cli import main
    from checkin.db import open_database
    from checkin.events import current_event

    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo"]) == 0
    engine = open_database(db)
    event = current_event(engine)
    out = tmp_path / "all.pdf"
    run = make_badges(engine, event.id, out, count=False)
    assert event_line(engine, event.id).when == "27.02.2026, 17:30"
    found = symbols(out, dpi=300)
    assert sorted(s.text for s in found) == sorted(g.code for g in run.guests)
    layout = run.layout
    for page, guest, _, qr_box in slot_boxes(layout, run.guests):
        (symbol,) = [s for s in found if s.text == guest.code]
        assert symbol.page == page
        assert qr_box.contains(symbol.x, symbol.y, symbol.x, symbol.y, tolerance=0)
    engine.dispose()


def test_helvetica_is_never_used(badge_db: BadgeDb, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    render_badges(badge_db.guests, get_layout("a4-90x55"), EVENT, out)
    used = pdf_fonts(out)
    assert used
    assert all("DejaVuSansCondensed" in name for name in used), used


def test_writes_to_a_binary_stream(badge_db: BadgeDb) -> None:
    stream = io.BytesIO()
    result = render_badges(badge_db.guests, get_layout("dymo-54x101"), EVENT, stream)
    assert stream.getvalue().startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(stream.getvalue())).pages) == result.pages == len(badge_db.guests)


def test_role_band_has_the_role_colour(badge_db: BadgeDb, tmp_path: Path) -> None:
    layout = get_layout("a4-90x55")
    out = tmp_path / "badges.pdf"
    render_badges(badge_db.guests, layout, EVENT, out)
    dpi = 50
    (page,) = rasterize(out, dpi=dpi, first=1, last=1, gray=False)
    band = regions(layout).band
    for _, guest, _, _ in slot_boxes(layout, badge_db.guests):
        ox, oy = layout.slot_origin(badge_db.guests.index(guest))
        # a point in the band left of the role's name
        x, y = ox + band.x + 1.5 * mm, oy + band.y + band.h / 2
        pixel = page.convert("RGB").getpixel((round(x / 72 * dpi), round(page.height - y / 72 * dpi)))
        assert isinstance(pixel, tuple)
        expected = bytes.fromhex(role_colour(guest.role)[1:])
        assert all(abs(a - b) <= 8 for a, b in zip(pixel, expected, strict=True)), (guest.role, pixel)


def test_sheet_has_cut_marks_in_the_margin(badge_db: BadgeDb, tmp_path: Path) -> None:
    layout = get_layout("a4-90x55")
    out = tmp_path / "badges.pdf"
    render_badges(badge_db.guests[:1], layout, EVENT, out)
    dpi = 150
    (page,) = rasterize(out, dpi=dpi)
    gx, gy = layout.grid_origin()
    gw, gh = layout.grid_size()

    def dark(x_mm: float, y_mm: float) -> bool:
        px, py = round(x_mm / 25.4 * dpi), round(page.height - y_mm / 25.4 * dpi)
        return min(int(page.getpixel((px + dx, py)) or 0) for dx in (-1, 0, 1)) < 128  # type: ignore[arg-type]

    for x in (gx, gx + layout.badge[0], gx + gw):  # vertical trim lines: marks above and below
        assert dark(x, gy + gh + 4)
        assert dark(x, gy - 4)
        assert not dark(x + 3, gy + gh + 4)
    for row in range(layout.rows + 1):  # horizontal trim lines: marks left and right
        assert dark(gx - 4, gy + row * layout.badge[1] + 0.1) or dark(gx - 4, gy + row * layout.badge[1])
