"""The attendance list ("Lista obecności") in the form Polish public bodies keep for their records.

Numbered rows sorted by surname in Polish order, organization, arrival time and an empty column
for the signature; the table header repeats on every page and each page says "strona X z Y".
"""

from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, Spacer, TableStyle

from ..attendance import Attendance, AttendanceRow
from ..events import EventInfo
from ..zones import local_text
from .files import write_atomically
from .pdf_common import a4_document, escape, event_header, styles

COLUMNS = ["Lp.", "Nazwisko i imię", "Organizacja", "Godz. przybycia", "Podpis"]
WIDTHS = [11 * mm, 52 * mm, 55 * mm, 20 * mm, 44 * mm]  # 182 mm: A4 less 14 mm margins
# A one-line row is ~10 mm high, room for a handwritten signature; longer names and organizations
# wrap and the row grows (a fixed height would let them spill over the row above).
CELL_PADDING = 3.1 * mm


def listed(rows: list[AttendanceRow], attended_only: bool = False) -> list[AttendanceRow]:
    """Who is on the list: everyone not cancelled (or only those who came), in the rows' order."""
    if attended_only:
        return [r for r in rows if r.status == Attendance.ATTENDED]
    return [r for r in rows if r.status != Attendance.CANCELLED]


def render(event: EventInfo, rows: list[AttendanceRow], *, attended_only: bool = False,
           generated: datetime | None = None) -> bytes:
    st = styles()
    people = listed(rows, attended_only)
    data: list[list[object]] = [[Paragraph(h, st["head"]) for h in COLUMNS]]
    for n, r in enumerate(people, start=1):
        arrival = local_text(r.first_entry, event.timezone, time_only=True) if r.first_entry else ""
        data.append([
            Paragraph(f"{n}.", st["cell"]),
            Paragraph(escape(f"{r.last_name} {r.first_name}".strip()), st["cell"]),
            Paragraph(escape(r.organization), st["cell"]),
            Paragraph(arrival, st["cell"]),
            "",
        ])
    table = LongTable(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#33415c")),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f7")]),
        ("TOPPADDING", (0, 1), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), CELL_PADDING),
    ]))
    room = event.rooms[0].name if len(event.rooms) == 1 else ""
    story: list[object] = [*event_header(event, "Lista obecności", room), Spacer(1, 5 * mm), table]
    if generated is not None:
        story += [Spacer(1, 4 * mm), Paragraph(
            f"Stan na {local_text(generated, event.timezone)}; osób na liście: {len(people)}.",
            st["meta"])]
    return a4_document(story, f"Lista obecności – {event.name}")


def write(path: Path, event: EventInfo, rows: list[AttendanceRow], *, attended_only: bool = False,
          generated: datetime | None = None) -> None:
    write_atomically(path, render(event, rows, attended_only=attended_only, generated=generated))
