"""Where each part of a badge goes: boxes computed from the layout's badge size and type sizes.

A landscape badge (wider than tall) has the name, organization and event on the left and the QR
code with the readable code on the right; a portrait badge stacks them, QR code in the middle.
Both have the role's colour band across the top. Text never leaves its box (checkin.badges.fit);
the tests check the printed text against these boxes.
"""

from dataclasses import dataclass

from reportlab.lib.units import mm

from . import fonts
from .fit import LEADING
from .layouts import Layout

QR_QUIET = 2  # modules of white kept around the symbol inside its box (the badge is white too)
GAP = 1.5 * mm


@dataclass(frozen=True)
class Box:
    """A rectangle in points, relative to the badge's bottom-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def contains(self, x0: float, y0: float, x1: float, y1: float, tolerance: float = 0.01) -> bool:
        return (x0 >= self.x - tolerance and y0 >= self.y - tolerance
                and x1 <= self.right + tolerance and y1 <= self.top + tolerance)


@dataclass(frozen=True)
class Regions:
    """The boxes of one badge; text boxes are named after what they hold."""

    badge: Box
    band: Box  # the role's colour, edge to edge
    role: Box  # the role's name, inside the band
    name: Box
    organization: Box
    qr: Box  # square: the symbol and its quiet zone
    code: Box  # the code in readable form
    event: Box  # the event's name
    date: Box  # the event's date and time
    centred: bool  # portrait badges centre their lines

    def text_boxes(self) -> dict[str, Box]:
        return {"role": self.role, "name": self.name, "organization": self.organization,
                "code": self.code, "event": self.event, "date": self.date}


def _lines_height(font: str, size: float, lines: int) -> float:
    m = fonts.metrics(font)
    return size * (m.ascent + m.descent) + (lines - 1) * size * LEADING


def regions(layout: Layout) -> Regions:
    """The boxes of a badge of this layout (the same for every badge of it)."""
    w, h = layout.badge[0] * mm, layout.badge[1] * mm
    pad = layout.padding * mm
    small = _lines_height(fonts.REGULAR, layout.small_pt, 1)
    band_h = (0.12 if layout.portrait else 0.17) * h
    band = Box(0, h - band_h, w, band_h)
    role = Box(pad, band.y + 0.15 * band_h, w - 2 * pad, 0.7 * band_h)
    top = band.y - 2 * mm  # below the band
    date = Box(pad, pad, 0, small)
    event = Box(pad, date.top, 0, _lines_height(fonts.REGULAR, layout.small_pt, 2))
    # Room for two lines at the largest size or three at the smallest: a long organization
    # name is shortened only when three small lines cannot hold it.
    org_h = max(_lines_height(fonts.REGULAR, layout.org_pt[0], 2),
                _lines_height(fonts.REGULAR, layout.org_pt[1], 3))
    if layout.portrait:
        inner = w - 2 * pad
        date, event = Box(pad, date.y, inner, date.h), Box(pad, event.y, inner, event.h)
        name_h = _lines_height(fonts.BOLD, layout.name_pt[0], 2)
        name = Box(pad, top - name_h, inner, name_h)
        code = Box(pad, event.top + GAP, inner, small)
        # The QR code takes what is left after the organization's lines, up to 62 % of the
        # width; whatever it leaves goes back to the organization.
        room = name.y - GAP - code.top - GAP
        side = max(0.0, min(room - org_h - GAP, inner, 0.62 * w))
        qr = Box((w - side) / 2, code.top + GAP, side, side)
        organization = Box(pad, qr.top + GAP, inner, name.y - GAP - qr.top - GAP)
        return Regions(Box(0, 0, w, h), band, role, name, organization, qr, code, event, date,
                       centred=True)
    code_h = _lines_height(fonts.REGULAR, layout.small_pt, 2)
    side = max(0.0, min(0.3 * w, top - pad - code_h - GAP))
    qr = Box(w - pad - side, top - side, side, side)
    code = Box(qr.x, qr.y - GAP - code_h, side, code_h)
    column = qr.x - 3 * mm - pad
    date, event = Box(pad, date.y, column, date.h), Box(pad, event.y, column, event.h)
    organization = Box(pad, event.top + GAP, column, org_h)
    name = Box(pad, organization.top + GAP, column, top - organization.top - GAP)
    return Regions(Box(0, 0, w, h), band, role, name, organization, qr, code, event, date,
                   centred=False)
