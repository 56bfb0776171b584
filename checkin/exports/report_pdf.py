"""The summary report PDF: the event's figures, occupancy against the limit, arrivals over time."""

import math
from datetime import datetime
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..badges.fonts import BOLD, REGULAR
from ..report import Report
from ..zones import local_text
from .files import write_atomically
from .pdf_common import a4_document, escape, event_header, styles

BAR_COLOUR = colors.HexColor("#2f6db5")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%".replace(".", ",")


def figure_rows(report: Report) -> list[tuple[str, str]]:
    """The headline figures as (label, value) — also what the app shows on screen."""
    return [
        ("Zarejestrowani (bez odwołanych, z osobami z wejścia)", str(report.registered)),
        ("Obecni", str(report.attended)),
        ("Nieobecni (zarejestrowani wcześniej)", str(report.no_shows)),
        ("Zgłoszeni na miejscu", str(report.walk_ins)),
        ("Odwołane zgłoszenia", str(report.cancelled)),
        ("Reprezentowane organizacje", str(report.organizations)),
        ("Frekwencja zarejestrowanych wcześniej", percent(report.attendance_rate)),
    ]


def arrivals_chart(report: Report, width: float = 182 * mm, height: float = 70 * mm) -> Drawing:
    """Arrivals per 5 minutes as a bar chart drawn with ReportLab graphics."""
    drawing = Drawing(width, height)
    if not report.arrivals:
        drawing.add(String(0, height / 2, "Nikt jeszcze nie wszedł.", fontName=REGULAR, fontSize=10))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 12 * mm
    chart.width, chart.height = width - 16 * mm, height - 18 * mm
    chart.data = [[count for _, count in report.arrivals]]
    every = max(1, math.ceil(len(report.arrivals) / 12))  # at most ~12 time labels
    chart.categoryAxis.categoryNames = [
        t.strftime("%H:%M") if i % every == 0 else "" for i, (t, _) in enumerate(report.arrivals)
    ]
    top = max(count for _, count in report.arrivals)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, math.ceil(top / 5))
    chart.valueAxis.valueMax = chart.valueAxis.valueStep * math.ceil(top / chart.valueAxis.valueStep)
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = 8
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    drawing.add(String(0, height - 4 * mm, "Wejścia (pierwsze przybycie) na 5 minut",
                       fontName=BOLD, fontSize=9))
    return drawing


def render(report: Report, generated: datetime) -> bytes:
    st = styles()
    ev = report.event
    figures = Table([[Paragraph(escape(k), st["body"]), Paragraph(v, st["body"])]
                     for k, v in figure_rows(report)], colWidths=[130 * mm, 40 * mm])
    grid = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])
    figures.setStyle(grid)
    room_data: list[list[object]] = [[Paragraph(h, st["head"]) for h in
                                      ("Sala", "Limit", "Najwięcej naraz", "Kiedy", "Teraz")]]
    for r in report.rooms:
        when = local_text(r.peak_at, ev.timezone) if r.peak_at is not None else "—"
        over = " (ponad limit)" if r.peak > r.capacity else ""
        room_data.append([Paragraph(escape(r.name), st["cell"]), str(r.capacity),
                          f"{r.peak}{over}", when, str(r.inside)])
    rooms = Table(room_data, colWidths=[52 * mm, 22 * mm, 40 * mm, 40 * mm, 22 * mm])
    rooms.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#33415c")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("FONTNAME", (0, 1), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story: list[object] = [
        *event_header(ev, "Podsumowanie wydarzenia"),
        Spacer(1, 5 * mm), figures,
        Paragraph("Obłożenie sal", st["h2"]), rooms,
        Paragraph("Przybycia w czasie", st["h2"]), arrivals_chart(report),
        Spacer(1, 4 * mm),
        Paragraph(f"Stan na {local_text(generated, ev.timezone)}.", st["meta"]),
    ]
    return a4_document(story, f"Podsumowanie – {ev.name}")


def write(path: Path, report: Report, generated: datetime) -> None:
    write_atomically(path, render(report, generated))
