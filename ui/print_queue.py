"""Badge printing from the app: a queue that renders and prints off the GUI thread.

Public API (all methods are called on the GUI thread and return at once)::

    queue = PrintQueue(engine, event_id, printer_name, layout="brother-62")
    queue.print_on_arrival(guest_id)  # silent print when a guest arrives; skipped if the badge
                                      # was already printed (jobSkipped)
    queue.reprint(guest_id)           # an explicit reprint: always printed, and counted
    queue.retry(job_id)               # print a failed job again (on the current printer)
    queue.failed_jobs()               # the failed jobs, oldest first (also queue.failed_model)
    queue.set_printer(name); queue.set_layout(name)
    queue.shutdown()                  # before the application quits

    choose_printer(parent, current)   # one system print dialog; the printer name for the
                                      # settings, or None (re-exported from ui.printers)

Signals: jobQueued(job_id, guest_id), jobPrinted(job_id, guest_id), jobSkipped(job_id,
guest_id), jobFailed(job_id, guest_id, message). Methods returning a job id return it before
the job runs. A job renders the badge with checkin.badges into a temporary PDF, prints it
through Qt (ui.printers) and then counts the print (Guest.badge_prints); one ordered worker
(ui.workers.SerialWorker) does the jobs, so a slow or missing printer never blocks the door and
two arrivals of one guest never print twice. Failed jobs stay listed until retried.
"""

import logging
import tempfile
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlalchemy import Engine

from checkin.badges import EventLine, event_line, get_layout, guest_by_id, mark_printed, render_badges
from checkin.errors import UserError
from checkin.invitations import safe_file_name

from .printers import PrintError, choose_printer, print_pdf
from .workers import SerialWorker

__all__ = ["FailedJobsModel", "JobKind", "PrintJob", "PrintQueue", "choose_printer"]

log = logging.getLogger(__name__)
_CONTEXT = "PrintQueue"


class JobKind(StrEnum):
    ARRIVAL = "arrival"  # skipped when the guest's badge was printed before
    REPRINT = "reprint"  # always printed


class JobOutcome(StrEnum):
    PRINTED = "printed"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class PrintJob:
    id: int
    guest_id: int
    kind: JobKind
    printer: str
    layout: str
    guest_name: str = ""  # known once the job ran
    error: str = ""  # why it failed, for the volunteer
    attempts: int = 0


Done = tuple[PrintJob, JobOutcome, str]  # the job (with the guest's name), its outcome, the message


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class FailedJobsModel(QAbstractListModel):
    """The failed jobs as a list: display text "name – reason"; UserRole holds the job id."""

    JobIdRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[PrintJob] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
             ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            who = job.guest_name or _tr("gość nr %1").replace("%1", str(job.guest_id))
            return f"{who} – {job.error}"
        if role == self.JobIdRole:
            return job.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return job.error
        return None

    def jobs(self) -> list[PrintJob]:
        return list(self._jobs)

    def add(self, job: PrintJob) -> None:
        self.beginInsertRows(QModelIndex(), len(self._jobs), len(self._jobs))
        self._jobs.append(job)
        self.endInsertRows()

    def take(self, job_id: int) -> PrintJob | None:
        for row, job in enumerate(self._jobs):
            if job.id == job_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._jobs[row]
                self.endRemoveRows()
                return job
        return None


class PrintQueue(QObject):
    """Prints badges on one printer, in order, on a worker thread (see the module docstring)."""

    jobQueued = Signal(int, int)  # job id, guest id
    jobPrinted = Signal(int, int)
    jobSkipped = Signal(int, int)  # an arrival whose badge was already printed
    jobFailed = Signal(int, int, str)  # job id, guest id, message for the volunteer

    def __init__(self, engine: Engine, event_id: int, printer_name: str, layout: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        get_layout(layout)  # an unknown layout is a mistake in the caller, said at once
        self._engine, self._event_id = engine, event_id
        self._printer, self._layout = printer_name, layout
        self._next_id = 0
        self._pending: dict[int, PrintJob] = {}
        self.failed_model = FailedJobsModel(self)
        self._event: EventLine | None = None  # read on the worker thread, once
        self._closing = False  # set by shutdown(): jobs that have not started are dropped
        self._worker = SerialWorker("print", self)
        app = QCoreApplication.instance()
        if app is not None:  # a forgotten shutdown() must not leave a job talking to a dead app
            app.aboutToQuit.connect(self.shutdown)

    # -- the GUI thread's side ---------------------------------------------------------------

    @property
    def printer_name(self) -> str:
        return self._printer

    def set_printer(self, name: str) -> None:
        """Print later jobs (and retries) on this printer."""
        self._printer = name

    def set_layout(self, layout: str) -> None:
        get_layout(layout)
        self._layout = layout

    def print_on_arrival(self, guest_id: int) -> int:
        """Print the guest's badge unless it was printed before; returns the job id."""
        return self._submit(guest_id, JobKind.ARRIVAL)

    def reprint(self, guest_id: int) -> int:
        """Print the guest's badge again (counted as one more print); returns the job id."""
        return self._submit(guest_id, JobKind.REPRINT)

    def retry(self, job_id: int) -> bool:
        """Queue a failed job again on the current printer; False if no such failed job."""
        job = self.failed_model.take(job_id)
        if job is None:
            return False
        self._enqueue(replace(job, printer=self._printer, layout=self._layout, error=""))
        return True

    def failed_jobs(self) -> list[PrintJob]:
        return self.failed_model.jobs()

    def pending(self) -> int:
        """Jobs queued or printing."""
        return len(self._pending)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Finish the job being printed and stop the worker (queued jobs are dropped)."""
        self._closing = True
        self._worker.stop(timeout)

    def _submit(self, guest_id: int, kind: JobKind) -> int:
        self._next_id += 1
        self._enqueue(PrintJob(self._next_id, guest_id, kind, self._printer, self._layout))
        return self._next_id

    def _enqueue(self, job: PrintJob) -> None:
        job = replace(job, attempts=job.attempts + 1)
        self._pending[job.id] = job
        self._worker.submit(lambda: self._run(job), self._finish,
                            lambda exc: self._finish((job, JobOutcome.FAILED, self._failure(job, exc))))
        self.jobQueued.emit(job.id, job.guest_id)

    def _finish(self, done: Done | None) -> None:
        if done is None:  # dropped by shutdown()
            return
        job, outcome, message = done
        self._pending.pop(job.id, None)
        if outcome == JobOutcome.PRINTED:
            self.jobPrinted.emit(job.id, job.guest_id)
        elif outcome == JobOutcome.SKIPPED:
            self.jobSkipped.emit(job.id, job.guest_id)
        else:
            self.failed_model.add(replace(job, error=message))
            self.jobFailed.emit(job.id, job.guest_id, message)

    @staticmethod
    def _failure(job: PrintJob, exc: BaseException) -> str:
        if isinstance(exc, PrintError | UserError):
            return str(exc)
        log.error("badge print job %s for guest %s failed", job.id, job.guest_id, exc_info=exc)
        return _tr("Nieoczekiwany błąd drukowania; szczegóły w dzienniku programu.")

    # -- the worker thread's side -----------------------------------------------------------

    def _run(self, job: PrintJob) -> Done | None:
        if self._closing:
            return None  # the application is closing: a job not started yet is dropped
        guest = guest_by_id(self._engine, job.guest_id)
        if guest is None:
            return job, JobOutcome.FAILED, _tr("Tego gościa nie ma już na liście.")
        job = replace(job, guest_name=guest.full_name)
        if job.kind is JobKind.ARRIVAL and guest.badge_prints > 0:
            return job, JobOutcome.SKIPPED, ""
        try:
            if self._event is None:
                self._event = event_line(self._engine, self._event_id)
            layout = get_layout(job.layout)
            with tempfile.TemporaryDirectory(prefix="checkin-badge-") as tmp:
                pdf = Path(tmp) / "badge.pdf"
                render_badges([guest], layout, self._event, pdf)
                # The document name is what the system's print queue shows (and cups-pdf's file
                # name): plain ASCII, the guest's name and the start of the code.
                print_pdf(pdf, job.printer, layout.page,
                          f"identyfikator-{safe_file_name(guest.full_name, guest.code)}")
            mark_printed(self._engine, [guest.id])
        except Exception as exc:
            return job, JobOutcome.FAILED, self._failure(job, exc)
        return job, JobOutcome.PRINTED, ""
