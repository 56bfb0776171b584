"""Badge printing from the app through Qt to the real CUPS queue (cups-pdf), off the GUI thread."""

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlmodel import select

from checkin.badges import BadgeGuest, badge_guests
from checkin.db import session
from checkin.events import EventInfo
from checkin.invitations import safe_file_name
from checkin.models import Guest
from tests.checkin.badges.conftest import import_guests
from tests.checkin.badges.cups import require_cups_pdf, wait_for_output
from tests.checkin.badges.pdftools import symbols
from ui.print_queue import FailedJobsModel, PrintQueue, choose_printer

LAYOUT = "dymo-54x101"
TIMEOUT = 60_000  # ms: CUPS and cups-pdf take a second or two per job
MakeQueue = Callable[[str], PrintQueue]


@pytest.fixture
def guest(engine: Engine, event: EventInfo, tmp_path: Path) -> BadgeGuest:
    """A guest with a Polish name unique to this test, so its cups-pdf output is easy to find."""
    surname = f"Żółć-{uuid.uuid4().hex[:8]}"
    import_guests(engine, event, tmp_path, [("Łucja", surname, "Fundacja Ślężańska", "Prasa", "")])
    return next(g for g in badge_guests(engine, event.id) if g.last_name == surname)


@pytest.fixture
def make_queue(engine: Engine, event: EventInfo) -> Iterator[MakeQueue]:
    queues: list[PrintQueue] = []

    def make(printer: str) -> PrintQueue:
        queue = PrintQueue(engine, event.id, printer, LAYOUT)
        queues.append(queue)
        return queue

    yield make
    for queue in queues:
        queue.shutdown()


def printed_count(engine: Engine, guest_id: int) -> int:
    with session(engine) as s:
        row = s.get(Guest, guest_id)
        assert row is not None
        return row.badge_prints


def cups_output_prefix(guest: BadgeGuest) -> str:
    return f"identyfikator-{safe_file_name(guest.full_name, guest.code)}"


def remove_outputs(prefix: str) -> None:
    from tests.checkin.badges.cups import output_folder

    for path in output_folder().glob(f"{prefix}*.pdf"):
        path.unlink()


def test_arrival_prints_once_then_reprint_is_counted(
    qtbot: QtBot, engine: Engine, guest: BadgeGuest, make_queue: MakeQueue
) -> None:
    printer = require_cups_pdf()
    queue = make_queue(printer)
    prefix = cups_output_prefix(guest)
    try:
        with qtbot.waitSignal(queue.jobPrinted, timeout=TIMEOUT) as printed:
            started = time.perf_counter()
            job = queue.print_on_arrival(guest.id)
            returned_after = time.perf_counter() - started
            assert queue.pending() == 1  # queued, not yet printed: the door goes on
        assert returned_after < 0.05
        assert printed.args == [job, guest.id]
        assert printed_count(engine, guest.id) == 1

        out = wait_for_output(prefix)
        # The page that came out of CUPS is the label, and its QR code scans as the guest's code.
        box = PdfReader(out).pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (54, 101)
        assert [s.text for s in symbols(out, dpi=300)] == [guest.code]
        out.unlink()

        # The same guest arriving again (a second scan, a re-entry): no second badge.
        with qtbot.waitSignal(queue.jobSkipped, timeout=TIMEOUT) as skipped:
            again = queue.print_on_arrival(guest.id)
        assert skipped.args == [again, guest.id]
        assert printed_count(engine, guest.id) == 1

        # An explicit reprint always prints, and counts.
        with qtbot.waitSignal(queue.jobPrinted, timeout=TIMEOUT):
            queue.reprint(guest.id)
        assert printed_count(engine, guest.id) == 2
        assert [s.text for s in symbols(wait_for_output(prefix), dpi=300)] == [guest.code]
        assert queue.failed_jobs() == []
    finally:
        remove_outputs(prefix)


def test_missing_printer_fails_visibly_and_retry_prints(
    qtbot: QtBot, engine: Engine, guest: BadgeGuest, make_queue: MakeQueue
) -> None:
    printer = require_cups_pdf()
    queue = make_queue("Nie-Ma-Takiej-Drukarki")
    prefix = cups_output_prefix(guest)
    try:
        with qtbot.waitSignal(queue.jobFailed, timeout=TIMEOUT) as failed:
            job = queue.print_on_arrival(guest.id)
        job_id, guest_id, message = failed.args
        assert (job_id, guest_id) == (job, guest.id)
        assert "Nie-Ma-Takiej-Drukarki" in message
        assert printed_count(engine, guest.id) == 0  # nothing printed, nothing counted

        model: FailedJobsModel = queue.failed_model
        assert [j.id for j in queue.failed_jobs()] == [job]
        assert model.rowCount() == 1
        shown = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
        assert guest.full_name in shown
        assert "Nie-Ma-Takiej-Drukarki" in shown
        assert model.data(model.index(0, 0), FailedJobsModel.JobIdRole) == job
        assert model.rowCount(model.index(0, 0)) == 0
        assert model.data(QModelIndex()) is None

        queue.set_printer(printer)  # the volunteer picks the right printer and retries
        with qtbot.waitSignal(queue.jobPrinted, timeout=TIMEOUT) as printed:
            assert queue.retry(job)
        assert printed.args == [job, guest.id]
        assert model.rowCount() == 0
        assert queue.failed_jobs() == []
        assert not queue.retry(job)  # nothing left to retry
        assert printed_count(engine, guest.id) == 1
        assert [s.text for s in symbols(wait_for_output(prefix), dpi=300)] == [guest.code]
    finally:
        remove_outputs(prefix)


def test_a_guest_gone_from_the_list_fails_with_a_message(
    qtbot: QtBot, make_queue: MakeQueue
) -> None:
    queue = make_queue("PDF")
    with qtbot.waitSignal(queue.jobFailed, timeout=TIMEOUT) as failed:
        queue.reprint(10**9)
    assert "nie ma już na liście" in failed.args[2]
    assert len(queue.failed_jobs()) == 1


def test_jobs_run_in_order_off_the_gui_thread(
    qtbot: QtBot, engine: Engine, event: EventInfo, tmp_path: Path, make_queue: MakeQueue
) -> None:
    printer = require_cups_pdf()
    import_guests(engine, event, tmp_path, [(f"Anna{i}", f"Kolejka-{uuid.uuid4().hex[:6]}", "", "", "")
                                           for i in range(3)])
    people = [g for g in badge_guests(engine, event.id) if g.last_name.startswith("Kolejka-")]
    queue = make_queue(printer)
    order: list[int] = []
    queue.jobPrinted.connect(lambda _job, guest_id: order.append(guest_id))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    try:
        for g in people:
            queue.print_on_arrival(g.id)
        qtbot.waitUntil(lambda: len(order) == len(people), timeout=TIMEOUT)
        timer.stop()
        assert order == [g.id for g in people]
        # The GUI thread's event loop kept running while the jobs rendered and printed.
        assert len(ticks) >= 5
        assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 0.5
        with session(engine) as s:
            counts = [s.exec(select(Guest.badge_prints).where(Guest.id == g.id)).one() for g in people]
        assert counts == [1, 1, 1]
        for g in people:  # each came out of CUPS as its own badge
            assert [s.text for s in symbols(wait_for_output(cups_output_prefix(g)), dpi=200)] == [g.code]
    finally:
        for g in people:
            remove_outputs(cups_output_prefix(g))


def test_choose_printer_shows_one_dialog_and_returns_the_name(qtbot: QtBot) -> None:
    printer = require_cups_pdf()
    seen: list[str] = []

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        seen.append(dialog.windowTitle())
        dialog.accept()  # type: ignore[attr-defined]

    QTimer.singleShot(300, accept)
    assert choose_printer(None, printer) == printer
    assert seen == ["Drukarka identyfikatorów"]

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(300, cancel)
    assert choose_printer(None, printer) is None


def test_unknown_layout_is_refused_at_once(engine: Engine, event: EventInfo) -> None:
    from checkin.errors import UserError

    with pytest.raises(UserError, match="Nieznany układ"):
        PrintQueue(engine, event.id, "PDF", "a3-bogus")
