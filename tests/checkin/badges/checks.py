"""Checks shared by the badge tests: where each badge's boxes are, and what lies in them."""

from collections.abc import Sequence
from pathlib import Path

from checkin.badges import BadgeGuest, Layout
from checkin.badges.geometry import Box, regions
from checkin.badges.render import RenderResult

from .pdftools import Word, pdf_words

BREAKS = "-/‐–—"


def rejoin(lines: Sequence[str]) -> str:
    """Lines of a wrapped text joined back: a line ending in a hyphen continues the word."""
    out = ""
    for line in lines:
        out += line if not out or out[-1] in BREAKS else " " + line
    return out


Slot = tuple[int, BadgeGuest, dict[str, Box], Box]


def slot_boxes(layout: Layout, guests: Sequence[BadgeGuest]) -> list[Slot]:
    """(page, guest, text boxes in page coordinates, QR box in page coordinates) per badge."""
    r = regions(layout)
    out = []
    for i, guest in enumerate(guests):
        page, slot = divmod(i, layout.per_page)
        ox, oy = layout.slot_origin(slot)
        boxes = {name: Box(b.x + ox, b.y + oy, b.w, b.h) for name, b in r.text_boxes().items()}
        out.append((page + 1, guest, boxes, Box(r.qr.x + ox, r.qr.y + oy, r.qr.w, r.qr.h)))
    return out


def words_in(words: list[Word], page: int, box: Box) -> list[Word]:
    return [w for w in words if w.page == page and box.contains(*w.centre, *w.centre, tolerance=0)]


def read_lines(words: list[Word]) -> list[str]:
    """Words grouped into lines by baseline (top line first), each line's words left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (-w.y0, w.x0)):
        if lines and abs(lines[-1][0].y0 - w.y0) < 1.0:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [" ".join(w.text for w in sorted(line, key=lambda w: w.x0)) for line in lines]


def drawn_inside(result: RenderResult) -> None:
    for t in result.texts:
        assert t.box.contains(t.x0, t.y0, t.x1, t.y1), t


def check_words_in_boxes(pdf: Path, layout: Layout, guests: Sequence[BadgeGuest]) -> None:
    """Every word poppler finds lies inside one of the text boxes of the badge it is on."""
    boxes = [(page, box) for page, _, named, _ in slot_boxes(layout, guests) for box in named.values()]
    for word in pdf_words(pdf):
        assert any(page == word.page and box.contains(word.x0, word.y0, word.x1, word.y1, tolerance=0.5)
                   for page, box in boxes), word
