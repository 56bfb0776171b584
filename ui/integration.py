"""Where the parts built beside the door window plug in: the guest list, the import wizard, printing.

The window talks to these small adapters only, so a change of a part's API touches one file.
Both start after the scan field is up (start()): loading 50,000 guests and the badge renderer
must not stand between a volunteer and the first scan. Until then they quietly do nothing.
"""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from .guest_list import GuestListPanel

if TYPE_CHECKING:
    from .print_queue import PrintQueue

log = logging.getLogger(__name__)


class GuestArea(QWidget):
    """The guest list with its search and filters, driven from the window's one input field."""

    checkInRequested = Signal(int)
    checkOutRequested = Signal(int)
    printBadgeRequested = Signal(int)
    importDone = Signal()

    def __init__(self, engine: Engine, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.event_id = event_id
        self.panel: GuestListPanel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._shown: str | None = None  # the search whose result the volunteer sees now
        self._query = ""

    def start(self) -> None:
        """Build the list (it loads the guests on its own thread)."""
        if self.panel is not None:
            return
        panel = self.panel = GuestListPanel(self.engine, self.event_id, self)
        self._layout.addWidget(panel)
        panel.checkInRequested.connect(self.checkInRequested)
        panel.checkOutRequested.connect(self.checkOutRequested)
        panel.printBadgeRequested.connect(self.printBadgeRequested)
        panel.resultsChanged.connect(self._results)
        if self._query:
            panel.search(self._query)

    def _results(self, _shown: int, _total: int) -> None:
        if self.panel is not None:
            self._shown = self.panel.query()

    def search(self, text: str) -> None:
        self._query = text
        if self.panel is not None:
            self.panel.search(text)

    def submit_name(self, text: str) -> bool:
        """Enter on a name: check in the highlighted guest if the list already shows this search
        (the volunteer has seen who it is); otherwise show the result now. True: a check-in went out."""
        if self.panel is None:
            return False
        if self._shown == text and self.panel.selectedGuestId() is not None:
            return self.panel.activateSelected()
        self.panel.searchNow(text)
        return False

    def navigate(self, key: Qt.Key) -> None:
        if self.panel is None:
            return
        page = self.panel.visibleRowCount()
        delta = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -page, Qt.Key.Key_PageDown: page}
        self.panel.moveSelection(delta.get(key, 0))

    def check_out_selected(self) -> None:
        if self.panel is not None:
            self.panel.checkOutSelected()

    def print_selected(self) -> None:
        if self.panel is not None:
            self.panel.printBadgeSelected()

    def refresh(self) -> None:
        if self.panel is not None:
            self.panel.refresh()

    def open_import(self, parent: QWidget, path: Path | None = None) -> None:
        """The import wizard; after an import the list reloads."""
        from .import_wizard import ImportWizard  # loaded when wanted, not at start

        wizard = ImportWizard(self.engine, self.event_id, parent, path=path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self.refresh)
        wizard.imported.connect(self.importDone)
        wizard.open()

    def shutdown(self) -> None:
        shutdown = getattr(self.panel, "shutdown", None)
        if callable(shutdown):
            shutdown()


class Printing(QObject):
    """Badge printing: print on arrival (skips printed badges), reprint, failed jobs retried."""

    failed = Signal(str)  # a sentence for the volunteer
    started = Signal(object)  # the PrintQueue, once start() made it

    def __init__(self, engine: Engine, event_id: int, printer: str, layout: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine, self.event_id = engine, event_id
        self.printer, self.layout = printer, layout
        self.queue: PrintQueue | None = None

    def start(self) -> "PrintQueue":
        """The queue (loading the badge renderer on first use)."""
        if self.queue is None:
            from .print_queue import PrintQueue

            self.queue = PrintQueue(self.engine, self.event_id, self.printer, self._layout(), self)
            self.queue.jobFailed.connect(self._failed)
            self.started.emit(self.queue)
        return self.queue

    def _layout(self) -> str:
        from checkin.badges import DEFAULT_LAYOUT, layout_names

        return self.layout if self.layout in layout_names() else DEFAULT_LAYOUT

    def _failed(self, _job: int, _guest: int, message: str) -> None:
        self.failed.emit(message)

    def print_on_arrival(self, guest_id: int) -> None:
        self.start().print_on_arrival(guest_id)

    def reprint(self, guest_id: int) -> None:
        self.start().reprint(guest_id)

    def configure(self, printer: str, layout: str) -> None:
        self.printer, self.layout = printer, layout
        if self.queue is not None:
            self.queue.set_printer(printer)
            self.queue.set_layout(self._layout())

    def shutdown(self) -> None:
        if self.queue is not None:
            self.queue.shutdown()


class FailedPrints(QWidget):
    """Failed badge prints, visible until retried (hidden while there are none)."""

    def __init__(self, queue: "PrintQueue", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        model = queue.failed_model
        title = QLabel(self.tr("Nieudane wydruki identyfikatorów"))
        title.setStyleSheet("color: #b3261e; font-weight: bold")
        self.view = QListView()
        self.view.setModel(model)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setMaximumHeight(110)
        retry = QPushButton(self.tr("Drukuj ponownie"))
        retry.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        retry.clicked.connect(self.retry)
        row = QHBoxLayout()
        row.addWidget(title, 1)
        row.addWidget(retry)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)
        model.rowsInserted.connect(self._update)
        model.rowsRemoved.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.setVisible(self.queue.failed_model.rowCount() > 0)

    def retry(self) -> None:
        """Retry the selected failed job, or all of them when none is selected."""
        model = self.queue.failed_model
        selected = self.view.currentIndex()
        rows = [selected.row()] if selected.isValid() else range(model.rowCount())
        ids = [model.data(model.index(r), model.JobIdRole) for r in rows]
        for job_id in ids:
            self.queue.retry(job_id)
