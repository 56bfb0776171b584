"""Opening the door on an event: the last used database and its event, or the first-run choices.

On first run (or when the database cannot be opened) a small dialog offers the sample event, or
an event file with an optional registration list. The database work runs on a worker; the
dialog shows that it is busy and says what went wrong in words.
"""

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from checkin.db import open_database
from checkin.errors import UserError
from checkin.event_file import parse_event_file
from checkin.events import EventInfo, current_event, init_event
from checkin.resources import resource

from .settings import Settings
from .workers import SerialWorker

log = logging.getLogger(__name__)

SAMPLE_EVENT = ("events", "lawka-dialogu-2026.toml")
SAMPLE_LIST = ("sample", "zgloszenia-lawka-dialogu.csv")


@dataclass(frozen=True)
class Opened:
    engine: Engine
    event: EventInfo
    database: str  # as the settings keep it ('' = the default file)
    pending_import: Path | None = None  # a list with warnings: the import wizard should review it


def normalise_database(db: str) -> str:
    db = db.strip()
    if db and "://" not in db:
        return str(Path(db).expanduser().resolve())
    return db


def choose_database(settings: Settings, override: str | None) -> str:
    """--db, then CHECKIN_DB, then the last used database, then '' (the default file)."""
    return normalise_database(override or os.environ.get("CHECKIN_DB") or settings.database)


def open_current(database: str) -> Opened:
    """The database's current event; UserError (SetupError) when there is none or no database."""
    engine = open_database(database or None)
    try:
        return Opened(engine, current_event(engine), database)
    except BaseException:
        engine.dispose()
        raise


def open_sample(database: str) -> Opened:
    """The sample event with its fictional list (re-running it changes nothing)."""
    from checkin.importing.service import import_file

    engine = open_database(database or None)
    event = init_event(engine, parse_event_file(resource(*SAMPLE_EVENT))).event
    import_file(engine, resource(*SAMPLE_LIST), event.id, accept_warnings=True)
    return Opened(engine, event, database)


def open_event_file(database: str, event_file: Path, guest_list: Path | None) -> Opened:
    """Create or update the event from its file; import the list if it has no warnings."""
    from checkin.importing.service import import_file

    spec = parse_event_file(event_file)
    engine = open_database(database or None)
    event = init_event(engine, spec, source=str(event_file.resolve())).event
    pending = None
    if guest_list is not None:
        report = import_file(engine, guest_list, event.id)
        pending = guest_list if report.needs_acceptance else None
    return Opened(engine, event, database, pending)


def _path_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class StartDialog(QDialog):
    """First run, or a database without an event: choose what to open."""

    def __init__(self, database: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rejestracja gości — otwórz wydarzenie"))
        self.setMinimumWidth(680)
        self.opened: Opened | None = None
        self.worker = SerialWorker("start", self)
        title = QLabel(self.tr("Co otworzyć?"))
        font = QFont(title.font())
        font.setPixelSize(24)
        font.setBold(True)
        title.setFont(font)
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("startProblem")
        self.problem.setStyleSheet("color: #b3261e; font-weight: bold")
        self.problem.setVisible(bool(problem))

        self.database = QLineEdit(database)
        self.database.setPlaceholderText(self.tr("domyślny plik w folderze danych"))
        db_button = QPushButton(self.tr("Plik…"))
        db_button.clicked.connect(self._choose_database)

        self.sample = QPushButton(self.tr(
            "Wydarzenie przykładowe: Ławka dialogu\n(z fikcyjną listą 150 gości — do nauki i prób)"))
        self.sample.setObjectName("sampleButton")
        self.sample.setMinimumHeight(64)
        self.sample.clicked.connect(self.start_sample)

        self.event_file = QLineEdit()
        self.event_file.setPlaceholderText(self.tr("plik .toml z nazwą, terminem i salami"))
        event_button = QPushButton(self.tr("Wybierz…"))
        event_button.clicked.connect(self._choose_event_file)
        self.guest_list = QLineEdit()
        self.guest_list.setPlaceholderText(self.tr("nieobowiązkowa: CSV lub XLSX z formularza"))
        list_button = QPushButton(self.tr("Wybierz…"))
        list_button.clicked.connect(self._choose_list)
        self.open_button = QPushButton(self.tr("Otwórz to wydarzenie"))
        self.open_button.clicked.connect(self.start_event_file)
        own = QGroupBox(self.tr("Własne wydarzenie"))
        form = QFormLayout(own)
        form.addRow(self.tr("Plik wydarzenia:"), _path_row(self.event_file, event_button))
        form.addRow(self.tr("Lista zgłoszeń:"), _path_row(self.guest_list, list_button))
        form.addRow("", self.open_button)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.problem)
        db_form = QFormLayout()
        db_form.addRow(self.tr("Baza danych:"), _path_row(self.database, db_button))
        layout.addLayout(db_form)
        layout.addWidget(self.sample)
        layout.addWidget(own)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.sample.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- choosing files ----------------------------------------------------------------------
    def _choose_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Plik bazy danych"), self.database.text(),
                                              self.tr("Baza SQLite (*.sqlite)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.database.setText(path)

    def _choose_event_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Plik wydarzenia"), "",
                                              self.tr("Plik wydarzenia (*.toml)"))
        if path:
            self.event_file.setText(path)

    def _choose_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Lista zgłoszeń"), "",
                                              self.tr("Lista zgłoszeń (*.csv *.xlsx *.txt)"))
        if path:
            self.guest_list.setText(path)

    # -- doing it ----------------------------------------------------------------------------
    def _db(self) -> str:
        return normalise_database(self.database.text())

    def start_sample(self) -> None:
        db = self._db()
        self._run(lambda: open_sample(db), self.tr("Przygotowuję wydarzenie przykładowe…"))

    def start_event_file(self) -> None:
        if not self.event_file.text().strip():
            self._failed(UserError(self.tr("Wybierz plik wydarzenia (.toml).")))
            return
        db, event_file = self._db(), Path(self.event_file.text().strip())
        guests = Path(self.guest_list.text().strip()) if self.guest_list.text().strip() else None
        self._run(lambda: open_event_file(db, event_file, guests), self.tr("Otwieram wydarzenie…"))

    def _run(self, job: object, what: str) -> None:
        self._busy(True, what)
        self.worker.submit(job, self._done, self._failed)  # type: ignore[arg-type]

    def _busy(self, busy: bool, what: str = "") -> None:
        self.status.setText(what)
        self.progress.setVisible(busy)
        for w in (self.sample, self.open_button, self.database, self.event_file, self.guest_list):
            w.setEnabled(not busy)

    def _done(self, opened: Opened) -> None:
        self._busy(False)
        self.opened = opened
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, UserError):
            text = str(exc)
        else:
            log.error("opening the event failed", exc_info=(type(exc), exc, exc.__traceback__))
            text = self.tr("Nie udało się otworzyć wydarzenia (szczegóły w dzienniku programu).")
        self.problem.setText(text)
        self.problem.show()

    def done(self, result: int) -> None:
        self.worker.stop()
        super().done(result)
