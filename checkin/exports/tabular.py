"""Final attendance as CSV (UTF-8 with BOM, so Excel shows Polish letters) or XLSX.

One row per guest with only the fields listed in attendance.py. Cells that a spreadsheet would
read as a formula (=, +, -, @ at the start) are written as text, so a name typed into a web form
can never run in the organizer's Excel.
"""

import csv
import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..attendance import Attendance, AttendanceRow
from ..errors import UserError
from .files import write_atomically

HEADERS = [
    "Nazwisko", "Imię", "Organizacja", "Rola", "Obecność", "Zgłoszenie na miejscu",
    "Pierwsze wejście", "Ostatnie wyjście", "Identyfikator wydrukowany",
]
STATUS_TEXT = {
    Attendance.ATTENDED: "obecna/y",
    Attendance.NO_SHOW: "nieobecna/y",
    Attendance.CANCELLED: "zgłoszenie odwołane",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TIME_FORMAT = "%Y-%m-%d %H:%M"


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as it is, never evaluates."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _local(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    return moment.astimezone(zone).replace(tzinfo=None) if moment is not None else None


def _cells(row: AttendanceRow, zone: ZoneInfo) -> list[object]:
    return [
        row.last_name, row.first_name, row.organization, row.role, STATUS_TEXT[row.status],
        "tak" if row.walk_in else "nie", _local(row.first_entry, zone), _local(row.last_exit, zone),
        "tak" if row.badge_printed else "nie",
    ]


def csv_text(rows: list[AttendanceRow], timezone: str, delimiter: str = ",") -> str:
    """The CSV document (without the BOM) as text."""
    if delimiter not in {",", ";", "\t"}:
        raise UserError(f"Separator „{delimiter}” nie jest obsługiwany: użyj , albo ; albo tabulatora.")
    zone = ZoneInfo(timezone)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([
            value.strftime(TIME_FORMAT) if isinstance(value, datetime)
            else "" if value is None else safe_cell(str(value))
            for value in _cells(row, zone)
        ])
    return buffer.getvalue()


def write_csv(path: Path, rows: list[AttendanceRow], timezone: str, delimiter: str = ",") -> None:
    text = csv_text(rows, timezone, delimiter)
    write_atomically(path, ("\ufeff" + text).encode("utf-8"))


def write_xlsx(path: Path, rows: list[AttendanceRow], timezone: str, title: str) -> None:
    """A sheet with typed date-time cells, a frozen bold header, an autofilter and column widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    zone = ZoneInfo(timezone)
    wb = Workbook()
    ws = wb.active
    ws.title = "Obecność"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in HEADERS]
    for row in rows:
        values = _cells(row, zone)
        ws.append([safe_cell(v) if isinstance(v, str) else v for v in values])
        for i, value in enumerate(values):
            shown = 16 if isinstance(value, datetime) else len(str(value or ""))
            widths[i] = max(widths[i], shown)
    for n in range(2, len(rows) + 2):
        for col in (7, 8):
            ws.cell(row=n, column=col).number_format = "yyyy-mm-dd hh:mm"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{len(rows) + 1}"
    wb.properties.title = title
    buffer = io.BytesIO()
    wb.save(buffer)
    write_atomically(path, buffer.getvalue())
