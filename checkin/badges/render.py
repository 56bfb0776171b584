"""Drawing badges into a PDF with ReportLab: to a file path or to a binary stream.

Every line of text drawn is recorded with its box (RenderResult.texts), so a caller or a test can
see what was shortened and check that nothing left its region.
"""

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .. import qr
from ..zones import local_text
from . import fonts
from .fit import Fitted, fit_text
from .geometry import QR_QUIET, Box, Regions, regions
from .layouts import Layout
from .records import BadgeGuest
from .roles import role_colour

TEXT = HexColor("#111111")
CUT_MARK = 5 * mm  # length of a cut mark
CUT_OFFSET = 2 * mm  # distance of a mark from the trim line it points at


@dataclass(frozen=True)
class EventLine:
    """What every badge says about the event."""

    name: str
    when: str  # e.g. "27.02.2026, 17:30"

    @classmethod
    def at(cls, name: str, starts: datetime, timezone: str) -> "EventLine":
        """The name, and the start in the event's own zone: '27.02.2026, 17:30'."""
        return cls(name, local_text(starts, timezone).replace(" ", ", ", 1))


@dataclass(frozen=True)
class DrawnText:
    """One line of text as drawn, in page coordinates (points, origin bottom left)."""

    page: int  # 1-based
    guest_id: int
    region: str  # "name", "organization", … (geometry.Regions.text_boxes)
    text: str
    size: float
    x0: float
    y0: float
    x1: float
    y1: float
    box: Box  # the region's box in page coordinates


@dataclass
class RenderResult:
    pages: int = 0
    badges: int = 0
    texts: list[DrawnText] = field(default_factory=list)
    shortened: list[tuple[int, str]] = field(default_factory=list)  # (guest id, region)


def draw_fitted(c: Canvas, fitted: Fitted, box: Box, centred: bool = False, vcentre: bool = False
                ) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Draw fitted lines from the top of box (or centred in it); each line with its ink box."""
    if not fitted.lines:
        return []
    m = fonts.metrics(fitted.font)
    top = box.top - ((box.h - fitted.height()) / 2 if vcentre else 0.0)
    baseline = top - m.ascent * fitted.size
    c.setFont(fitted.font, fitted.size)
    drawn = []
    for line, w in zip(fitted.lines, fitted.widths(), strict=True):
        x = box.x + ((box.w - w) / 2 if centred else 0.0)
        c.drawString(x, baseline, line)
        drawn.append((line, (x, baseline - m.descent * fitted.size, x + w,
                             baseline + m.ascent * fitted.size)))
        baseline -= fitted.leading
    return drawn


def draw_qr(c: Canvas, code: str, x: float, y: float, side: float, quiet: int = QR_QUIET) -> None:
    """The code's QR symbol in a square of side points at (x, y), quiet modules of margin inside."""
    symbol = qr.matrix(code)
    module = side / (symbol.size + 2 * quiet)
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.transform(module, 0, 0, module, x + quiet * module, y + quiet * module)
    # One path of rectangles in module units, written directly: a thousand badges draw a
    # hundred thousand rectangles, which ReportLab's path object would format one by one.
    c.addLiteral(qr.pdf_operators(symbol))
    c.restoreState()


class _Badges:
    """Draws badges of one layout on a canvas; fits shared by every badge are made once."""

    def __init__(self, canvas: Canvas, layout: Layout, event: EventLine, with_qr: bool,
                 result: RenderResult) -> None:
        self.c, self.layout, self.with_qr, self.result = canvas, layout, with_qr, result
        self.r: Regions = regions(layout)
        small = (layout.small_pt, min(layout.small_pt, 5.0))
        self.event = fit_text(event.name, fonts.REGULAR, self.r.event.w, self.r.event.h, small, 2)
        self.date = fit_text(event.when, fonts.BOLD, self.r.date.w, self.r.date.h, small, 1)
        self._roles: dict[str, Fitted] = {}
        self.page = 0

    def role(self, role: str) -> Fitted:
        fitted = self._roles.get(role)
        if fitted is None:
            band = self.r.role
            fitted = fit_text(role.upper(), fonts.BOLD, band.w, band.h, (band.h * 0.8, 6.0), 1)
            self._roles[role] = fitted
        return fitted

    def text(self, guest_id: int, region: str, fitted: Fitted, box: Box, ox: float, oy: float,
             centred: bool, vcentre: bool = False) -> None:
        if fitted.shortened:
            self.result.shortened.append((guest_id, region))
        page_box = Box(box.x + ox, box.y + oy, box.w, box.h)
        for line, (x0, y0, x1, y1) in draw_fitted(self.c, fitted, page_box, centred, vcentre):
            self.result.texts.append(
                DrawnText(self.page, guest_id, region, line, fitted.size, x0, y0, x1, y1, page_box)
            )

    def badge(self, guest: BadgeGuest, ox: float, oy: float) -> None:
        c, r, lay = self.c, self.r, self.layout
        c.setFillColor(HexColor(role_colour(guest.role)))
        c.rect(ox + r.band.x, oy + r.band.y, r.band.w, r.band.h, stroke=0, fill=1)
        c.setFillColor(white)
        self.text(guest.id, "role", self.role(guest.role), r.role, ox, oy, centred=r.centred,
                  vcentre=True)
        c.setFillColor(TEXT)
        # Names shrink to the smallest size before they wrap to two lines; rather than being cut
        # short they go down to six tenths of it, on up to four lines, breaking a word if need be.
        name = fit_text(guest.full_name, fonts.BOLD, r.name.w, r.name.h, lay.name_pt, 2,
                        floor=lay.name_pt[1] * 0.6, floor_lines=4, fewest_lines=True)
        self.text(guest.id, "name", name, r.name, ox, oy, r.centred, vcentre=True)
        org = fit_text(guest.organization, fonts.REGULAR, r.organization.w, r.organization.h,
                       lay.org_pt, 3)
        self.text(guest.id, "organization", org, r.organization, ox, oy, r.centred)
        code_lines = 1 if r.code.h < 2 * lay.small_pt else 2
        code = fit_text(guest.display_code, fonts.REGULAR, r.code.w, r.code.h,
                        (lay.small_pt, 4.5), code_lines, fewest_lines=True)
        self.text(guest.id, "code", code, r.code, ox, oy, centred=True)
        self.text(guest.id, "event", self.event, r.event, ox, oy, r.centred)
        self.text(guest.id, "date", self.date, r.date, ox, oy, r.centred)
        if self.with_qr and r.qr.w > 0:
            draw_qr(self.c, guest.code, ox + r.qr.x, oy + r.qr.y, r.qr.w)
        self.result.badges += 1

    def cut_marks(self) -> None:
        lay, c = self.layout, self.c
        gx, gy = (v * mm for v in lay.grid_origin())
        gw, gh = (v * mm for v in lay.grid_size())
        pw, ph = lay.page_size()
        xs = sorted({gx + col * (lay.badge[0] + lay.gap[0]) * mm + dx
                     for col in range(lay.columns) for dx in (0.0, lay.badge[0] * mm)})
        ys = sorted({gy + row * (lay.badge[1] + lay.gap[1]) * mm + dy
                     for row in range(lay.rows) for dy in (0.0, lay.badge[1] * mm)})
        c.saveState()
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(0.25)
        # Marks sit in the margin, pointing at the trim lines; with no margin to hold them they
        # run along the trim line itself from the paper's edge, where the cut removes them.
        for x in xs:
            for y0, y1 in _mark_span(gy, gy + gh, ph):
                c.line(x, y0, x, y1)
        for y in ys:
            for x0, x1 in _mark_span(gx, gx + gw, pw):
                c.line(x0, y, x1, y)
        c.restoreState()


def _mark_span(start: float, end: float, page: float) -> list[tuple[float, float]]:
    """Where the marks for a trim line go: before start and after end along a page of length page."""
    spans = []
    for margin, edge, direction in ((start, start, -1.0), (page - end, end, 1.0)):
        if margin >= CUT_OFFSET + 2 * mm:
            a = edge + direction * CUT_OFFSET
            b = a + direction * min(CUT_MARK, margin - CUT_OFFSET)
        else:
            a = 0.0 if direction < 0 else page
            b = a - direction * 2 * CUT_MARK
        spans.append((min(a, b), max(a, b)))
    return spans


def _draw(out: str | BinaryIO, guests: Sequence[BadgeGuest], layout: Layout, event: EventLine,
          with_qr: bool) -> RenderResult:
    fonts.register_fonts()
    result = RenderResult()
    # The initial font is ours too: ReportLab would otherwise list Helvetica on every page.
    canvas = Canvas(out, pagesize=layout.page_size(), pageCompression=1,
                    initialFontName=fonts.REGULAR, initialFontSize=8)
    canvas.setTitle(f"Identyfikatory – {event.name}")
    canvas.setAuthor("checkin")
    canvas.setCreator("checkin")
    badges = _Badges(canvas, layout, event, with_qr, result)
    per_page = layout.per_page
    for start in range(0, len(guests), per_page):
        badges.page += 1
        for slot, guest in enumerate(guests[start : start + per_page]):
            badges.badge(guest, *layout.slot_origin(slot))
        if layout.cut_marks:
            badges.cut_marks()
        canvas.showPage()
    result.pages = badges.page
    canvas.save()
    return result


def render_badges(guests: Sequence[BadgeGuest], layout: Layout, event: EventLine,
                  out: Path | BinaryIO, *, with_qr: bool = True) -> RenderResult:
    """Draw the guests' badges in order, filling each page of the layout (at least one guest).

    A path is written whole or not at all (a temporary file next to it, then renamed), so a
    failed run never leaves half a PDF where the last good one was.
    """
    if not guests:
        raise ValueError("no badges to render")
    if isinstance(out, Path):
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        os.close(fd)
        try:
            result = _draw(tmp, guests, layout, event, with_qr)
            os.chmod(tmp, 0o644)
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return result
    return _draw(out, guests, layout, event, with_qr)
