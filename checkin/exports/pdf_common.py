"""What the PDF exports share: fonts with Polish letters, styles, the event header, page numbers."""

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ..badges.fonts import BOLD, REGULAR, register_fonts
from ..events import EventInfo
from ..zones import local_text


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()  # Helvetica cannot draw ł, ś, ż: every style uses the embedded font
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=4),
        "event": ParagraphStyle("event", fontName=BOLD, fontSize=11, leading=14, spaceAfter=2),
        "meta": ParagraphStyle("meta", fontName=REGULAR, fontSize=9.5, leading=12.5),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=9, leading=11),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=9, leading=11, textColor=colors.white),
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13),
        "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=12, leading=15, spaceBefore=10,
                             spaceAfter=4),
    }


def escape(text: str) -> str:
    """Guest text inside a Paragraph: its markup characters are shown, not interpreted."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def event_header(event: EventInfo, title: str, room: str = "") -> list[Paragraph]:
    st = styles()
    when = local_text(event.starts, event.timezone)
    if event.ends is not None:
        when += "–" + local_text(event.ends, event.timezone, time_only=True)
    place = ", ".join(x for x in (event.venue, event.address, room) if x)
    parts = [Paragraph(escape(title), st["title"]), Paragraph(escape(event.name), st["event"]),
             Paragraph(f"Termin: {escape(when)}", st["meta"])]
    if place:
        parts.append(Paragraph(f"Miejsce: {escape(place)}", st["meta"]))
    return parts


class NumberedCanvas(canvas.Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    """A canvas that writes "strona X z Y" on every page once the number of pages is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            register_fonts()
            self.setFont(REGULAR, 8.5)
            self.setFillColor(colors.HexColor("#444444"))
            width, _ = self._pagesize
            self.drawRightString(width - 14 * mm, 10 * mm,
                                 f"strona {self._pageNumber} z {total}")
            super().showPage()
        super().save()


def a4_document(story: list[object], title: str) -> bytes:
    """The story laid out on A4 with the exports' margins and "strona X z Y" on every page."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm,
                            topMargin=14 * mm, bottomMargin=18 * mm, title=title, author="checkin")
    doc.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue()
