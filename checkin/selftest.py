"""`checkin self-test`: the whole path of an event, end to end, in a temporary folder.

Made for the frozen build, where a missing data file, native library or Qt plugin shows only when
it is used: the sample event is created in a fresh SQLite file (Alembic's scripts), the sample list
imported, a guest checked in and out, a badge and an invitation rendered (embedded fonts, QR codes),
the attendance exported to XLSX (read back with openpyxl) and PDF. Every PDF is read back by
checkin.pdf_text: it must name the guest. The window's part (Qt plugins, translations, a scan in the
window) is handed in by ui/ as `gui_check`, since this package imports no Qt.

Nothing touches the user's data: CHECKIN_HOME points into the temporary folder while it runs.
"""

import io
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar

import psycopg
import zxingcpp  # the camera's decoder: a native library the build must carry
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import Engine
from sqlalchemy.dialects import registry

from .attendance import Attendance
from .badges import guest_by_code, make_badges
from .db import open_database
from .engine import Door
from .event_file import parse_event_file
from .events import EventInfo, init_event
from .exports import tabular, write_export
from .guests import GuestRow, list_guests
from .importing.service import import_file
from .invitations import event_details, write_invitations
from .logs import configure_logging
from .pdf_text import PdfError, summarize
from .qr import write_png
from .resources import resource
from .verdicts import VerdictKind

log = logging.getLogger(__name__)

SAMPLE_EVENT = ("events", "lawka-dialogu-2026.toml")
SAMPLE_LIST = ("sample", "zgloszenia-lawka-dialogu.csv")
STATION = "Self-test"
EMBEDDED_FONT = "DejaVuSansCondensed"  # the font every guest name is set in (checkin.badges.fonts)
GUI_STEP = "GUI"


@dataclass(frozen=True)
class GuiContext:
    """What the window's check gets: the self-test's database, event and a guest who has left."""

    database: str  # path of the SQLite file
    event_id: int
    code: str  # the guest's code: scanning it again in the window means "welcome back"
    guest_name: str
    badge_pdf: Path  # a PDF the window's printing path (QtPdf) must be able to open


# Checks the window in the running build; returns what it saw, raises when something is wrong.
GuiCheck = Callable[[GuiContext], str]


class StepFailed(Exception):
    """A step's check did not hold; the message says what was found instead."""


T = TypeVar("T")


def _have(value: T | None, step: str) -> T:
    if value is None:
        raise StepFailed(f"needs the {step} step, which did not run")
    return value


@dataclass
class _State:
    """What the steps made so far; each step reads what the earlier ones left."""

    folder: Path
    engine: Engine | None = None
    event: EventInfo | None = None
    guest: GuestRow | None = None
    badge: Path | None = None

    @property
    def db(self) -> Engine:
        return _have(self.engine, "database")

    @property
    def ev(self) -> EventInfo:
        return _have(self.event, "event")

    @property
    def who(self) -> GuestRow:
        return _have(self.guest, "import")


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def _pdf_names(path: Path, *names: str) -> str:
    """Checks a PDF names every one of names in embedded DejaVu; its description."""
    data = path.read_bytes()
    _require(len(data) > 0, f"{path.name} is empty")
    try:
        pdf = summarize(data)
    except PdfError as exc:
        raise StepFailed(f"{path.name} is not a readable PDF: {exc}") from exc
    _require(pdf.pages > 0, f"{path.name} has no pages")
    _require(EMBEDDED_FONT in pdf.fonts, f"{path.name} does not embed {EMBEDDED_FONT} (fonts: {pdf.fonts})")
    flat = "".join(pdf.text.split())
    for name in names:
        _require("".join(name.split()) in flat, f"{path.name} does not contain „{name}” in its text")
    return f"{path.name}: {len(data) // 1024} KB, {pdf.pages} page(s), names {' '.join(names)}"


def _database(st: _State) -> str:
    st.engine = open_database(str(st.folder / "selftest.sqlite"))
    return "SQLite file created, schema migrated (Alembic)"


def _postgres_driver(st: _State) -> str:
    """Stations sharing a PostgreSQL server need psycopg's libpq; loaded here, not connected."""
    registry.load("postgresql.psycopg")
    lib = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {lib // 10000}.{lib % 10000}"


def _event(st: _State) -> str:
    event = init_event(st.db, parse_event_file(resource(*SAMPLE_EVENT))).event
    _require(bool(event.rooms), "the sample event has no rooms")
    st.event = event
    room = event.rooms[0]
    return f"{SAMPLE_EVENT[1]}: {room.name} ({room.capacity} seats)"


def _import(st: _State) -> str:
    report = import_file(st.db, resource(*SAMPLE_LIST), st.ev.id, accept_warnings=True)
    _require(report.applied, "the sample list was not imported")
    guests = list_guests(st.db, st.ev.id)
    _require(len(guests) == len(report.plan.added) > 0,
             f"{len(report.plan.added)} guests imported but {len(guests)} listed")
    st.guest = next((g for g in guests if g.status == "registered" and g.code), None)
    _require(st.guest is not None, "no registered guest with a code in the sample list")
    return f"{len(guests)} guests from {SAMPLE_LIST[1]} ({report.table.encoding})"


def _check_in(st: _State) -> str:
    guest = st.who
    door = Door(st.db, st.ev.id, STATION)
    verdict = door.scan(guest.display_code)  # grouped, as typed from an invitation
    _require(verdict.kind is VerdictKind.ADMITTED, f"scan gave {verdict.kind.value}, not admitted")
    inside = verdict.room.inside if verdict.room else None
    _require(inside == 1, f"room count after the entry: {inside}")
    return f"{guest.first_name} {guest.last_name} admitted, {door.room_name}: 1 inside"


def _check_out(st: _State) -> str:
    door = Door(st.db, st.ev.id, STATION)
    verdict = door.scan(st.who.code, exit=True)
    _require(verdict.kind is VerdictKind.EXIT, f"exit scan gave {verdict.kind.value}, not exit")
    inside = verdict.room.inside if verdict.room else None
    _require(inside == 0, f"room count after the exit: {inside}")
    return f"exit recorded, {door.room_name}: 0 inside"


def _badge(st: _State) -> str:
    guest = st.who
    st.badge = st.folder / "badge.pdf"
    run = make_badges(st.db, st.ev.id, st.badge, code=guest.code)
    _require(len(run.guests) == 1, f"{len(run.guests)} badges rendered for one code")
    return _pdf_names(st.badge, guest.first_name, guest.last_name)


def _invitation(st: _State) -> str:
    guest = st.who
    out = st.folder / "invitation.pdf"
    write_invitations([guest_by_code(st.db, st.ev.id, guest.code)], event_details(st.db, st.ev.id), out)
    return _pdf_names(out, f"{guest.first_name} {guest.last_name}", guest.display_code)


def _qr(st: _State) -> str:
    code = st.who.code
    png = io.BytesIO()
    write_png(code, png)  # as the invitations' QR files are written
    texts = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png.getvalue())))]
    _require(texts == [code], f"the QR code decodes to {texts}, not {code}")
    return "PNG written (qrcode, Pillow) and decoded back (zxing-cpp)"


def _xlsx(st: _State) -> str:
    guest, event = st.who, st.ev
    out = st.folder / "attendance.xlsx"
    write_export(st.db, event, "xlsx", out)  # as `checkin export` and the summary window write it
    workbook = load_workbook(out, read_only=True)
    try:  # a read-only workbook keeps its file open (and Windows could not remove the folder)
        table: list[tuple[Any, ...]] = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    _require(list(table[0]) == tabular.HEADERS, f"header row {table[0]}")
    mine = [r for r in table[1:] if r[0] == guest.last_name and r[1] == guest.first_name]
    _require(len(mine) == 1, f"{len(mine)} rows for {guest.first_name} {guest.last_name}")
    status = mine[0][tabular.HEADERS.index("Obecność")]
    _require(status == tabular.STATUS_TEXT[Attendance.ATTENDED], f"the guest's attendance reads {status!r}")
    return f"{out.name}: {len(table) - 1} rows read back, the guest is „{status}”"


def _attendance_pdf(st: _State) -> str:
    out = st.folder / "attendance.pdf"
    write_export(st.db, st.ev, "attendance-pdf", out)
    return _pdf_names(out, f"{st.who.last_name} {st.who.first_name}")


STEPS: list[tuple[str, Callable[[_State], str]]] = [
    ("database", _database),
    ("PostgreSQL driver", _postgres_driver),
    ("event", _event),
    ("import", _import),
    ("check-in", _check_in),
    ("check-out", _check_out),
    ("badge PDF", _badge),
    ("invitation PDF", _invitation),
    ("QR code", _qr),
    ("XLSX export", _xlsx),
    ("attendance PDF", _attendance_pdf),
]


@contextmanager
def _private_home(folder: Path) -> Iterator[None]:
    """CHECKIN_HOME (data, settings, logs) inside the self-test's folder while it runs."""
    before = os.environ.get("CHECKIN_HOME")
    os.environ["CHECKIN_HOME"] = str(folder / "home")
    configure_logging()
    try:
        yield
    finally:
        if before is None:
            del os.environ["CHECKIN_HOME"]
        else:
            os.environ["CHECKIN_HOME"] = before
        configure_logging()  # back to the user's log, and the temporary one closed


def _reason(exc: BaseException) -> str:
    if isinstance(exc, StepFailed):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def run_self_test(gui_check: GuiCheck | None, out: TextIO) -> int:
    """Run every step, one line each on out ("ok: …"); 0 when all passed, 1 at the first failure."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="checkin-selftest-") as tmp:
        folder = Path(tmp)
        st = _State(folder)
        steps = list(STEPS)
        if gui_check is not None:
            steps.append((GUI_STEP, lambda s: _gui(s, gui_check)))
        with _private_home(folder):
            try:
                for name, step in steps:
                    t0 = time.perf_counter()
                    try:
                        detail = step(st)
                    except Exception as exc:
                        log.exception("self-test step %s failed", name)
                        print(f"FAILED: {name} — {_reason(exc)}", file=out, flush=True)
                        return 1
                    ms = (time.perf_counter() - t0) * 1000
                    print(f"ok: {name} — {detail} ({ms:.0f} ms)", file=out, flush=True)
            finally:
                if st.engine is not None:
                    st.engine.dispose()
        if gui_check is None:
            print(f"skipped: {GUI_STEP} (Qt not available)", file=out)
    total = time.perf_counter() - started
    print(f"self-test passed in {total:.1f} s (in a temporary folder, now removed)", file=out)
    return 0


def _gui(st: _State, gui_check: GuiCheck) -> str:
    guest = st.who
    return gui_check(GuiContext(
        database=_have(st.db.url.database, "database"), event_id=st.ev.id, code=guest.code,
        guest_name=f"{guest.first_name} {guest.last_name}", badge_pdf=_have(st.badge, "badge PDF"),
    ))
