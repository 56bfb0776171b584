"""Where the parts built beside the door window plug in: the guest list, the import wizard, printing.

The window talks to these two small adapters only, so the door keeps working (with a plain
placeholder) on a build where a part is missing, and a change of a part's API touches one file.
"""

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy import Engine

log = logging.getLogger(__name__)


class GuestArea(QWidget):
    """The guest list with its search and filters (ui.guest_list), and the import wizard."""

    checkInRequested = Signal(int)
    checkOutRequested = Signal(int)
    printBadgeRequested = Signal(int)
    importDone = Signal()

    def __init__(self, engine: Engine, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.event_id = event_id
        self.panel: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        placeholder = QLabel(self.tr("Lista gości pojawi się tutaj."))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(placeholder)

    def search(self, text: str) -> None:
        pass

    def refresh(self) -> None:
        pass

    def navigate(self, key: Qt.Key) -> None:
        pass

    def open_import(self, parent: QWidget, path: Path | None = None) -> None:
        pass

    def shutdown(self) -> None:
        pass


class Printing(QObject):
    """Badge printing (ui.print_queue): print on arrival, reprint on request."""

    def __init__(self, engine: Engine, event_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.event_id = event_id

    def print_on_arrival(self, guest_id: int) -> None:
        pass

    def reprint(self, guest_id: int) -> None:
        pass
