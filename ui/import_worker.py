"""The import wizard's slow steps on a worker thread: reading the file, the dry run, the import.

Each call returns a ticket; its answer comes back on the GUI thread as a signal carrying the same
ticket, so the wizard can drop an answer overtaken by a newer request (a dry run for a column
choice the user has already changed again). Failures arrive as a sentence for the user: a
UserError's own message (it names the file), or a general one with the details in the log.
"""

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal, SignalInstance
from sqlalchemy import Engine

from checkin.errors import UserError
from checkin.importing.headers import Field
from checkin.importing.service import import_file, prepare

log = logging.getLogger(__name__)


class ImportTasks(QObject):
    """Runs prepare / dry run / import for one event, one at a time, off the GUI thread."""

    prepared = Signal(int, object)  # ticket, (RawTable, dict[int, Field])
    checked = Signal(int, object)  # ticket, ImportReport of a dry run
    progressed = Signal(int, int, int)  # ticket, step done, steps in all
    imported = Signal(int, object)  # ticket, ImportReport
    failed = Signal(int, str)  # ticket, what to tell the user

    def __init__(self, engine: Engine, event_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.event_id = event_id
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # the import never races a dry run of the same list
        self._next = 0

    def prepare(self, path: Path) -> int:
        """Read the file and recognise its columns (answer: prepared)."""
        return self._run(self.prepared, lambda ticket: prepare(path), path, self.tr(
            "Nie udało się odczytać pliku {name}. Szczegóły zapisano w dzienniku programu."))

    def dry_run(self, path: Path, columns: dict[int, Field]) -> int:
        """What importing with these columns would change, writing nothing (answer: checked)."""
        columns = dict(columns)  # as asked: the wizard's own dict changes as columns are chosen
        return self._run(self.checked, lambda ticket: import_file(
            self.engine, path, self.event_id, dry_run=True, columns=columns,
        ), path, self.tr(
            "Nie udało się sprawdzić pliku {name}. Szczegóły zapisano w dzienniku programu."))

    def run_import(self, path: Path, columns: dict[int, Field], accept_warnings: bool) -> int:
        """Import for real in one transaction (answers: progressed…, then imported)."""
        columns = dict(columns)

        def job(ticket: int) -> object:
            def step(done: int, total: int) -> None:
                with contextlib.suppress(RuntimeError):  # the wizard is gone
                    self.progressed.emit(ticket, done, total)

            return import_file(self.engine, path, self.event_id, accept_warnings=accept_warnings,
                               columns=columns, progress=step)

        return self._run(self.imported, job, path, self.tr(
            "Import z pliku {name} nie powiódł się; niczego nie zmieniono. "
            "Szczegóły zapisano w dzienniku programu."))

    def wait(self) -> None:
        """Wait for the running step (the wizard is closing)."""
        self._pool.waitForDone()

    def _run(self, answer: SignalInstance, job: Callable[[int], object], path: Path, general: str) -> int:
        self._next += 1
        ticket = self._next
        failed = self.failed

        def run() -> None:
            try:
                result = job(ticket)
            except UserError as exc:
                message = str(exc)
            except Exception:  # noqa: BLE001 - the user gets a sentence, the log the details
                log.exception("import step failed for %s", path)
                message = general.format(name=path.name)
            else:
                with contextlib.suppress(RuntimeError):  # the wizard is gone: nobody to tell
                    answer.emit(ticket, result)
                return
            with contextlib.suppress(RuntimeError):
                failed.emit(ticket, message)

        self._pool.start(run)
        return ticket
