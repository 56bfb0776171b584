"""After the event: who came (CSV, XLSX), the attendance list and the summary report (PDF)."""

from pathlib import Path

from sqlalchemy import Engine

from ..attendance import attendance
from ..events import EventInfo
from ..models import utcnow
from ..report import build_report
from . import attendance_pdf, report_pdf, tabular

FORMATS = ("csv", "xlsx", "attendance-pdf", "report-pdf")


def write_export(engine: Engine, event: EventInfo, fmt: str, out: Path, *, delimiter: str = ",",
                 attended_only: bool = False) -> Path:
    """Write one export of the event to out (the CLI's `checkin export` and the app's buttons)."""
    if fmt == "report-pdf":
        report_pdf.write(out, build_report(engine, event.id), utcnow())
        return out
    rows = attendance(engine, event.id)
    if fmt == "csv":
        tabular.write_csv(out, rows, event.timezone, delimiter)
    elif fmt == "xlsx":
        tabular.write_xlsx(out, rows, event.timezone, f"Obecność – {event.name}")
    elif fmt == "attendance-pdf":
        attendance_pdf.write(out, event, rows, attended_only=attended_only, generated=utcnow())
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return out
