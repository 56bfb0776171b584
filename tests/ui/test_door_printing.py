"""Print on arrival from the door window, through the real CUPS queue (cups-pdf)."""

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.events import EventInfo
from checkin.guests import list_guests
from checkin.invitations import safe_file_name
from checkin.verdicts import VerdictKind
from tests.checkin.badges.cups import require_cups_pdf, wait_for_output
from tests.ui.door_helpers import scan, type_text
from ui.walk_in_dialog import WalkInDialog

TIMEOUT = 60_000  # ms: CUPS and cups-pdf take a second or two per job


def test_walk_in_with_print_on_arrival_prints_the_badge_once(
    qtbot: QtBot, open_window, engine: Engine, sample_event: EventInfo, tmp_path: Path
) -> None:
    printer = require_cups_pdf()
    window = open_window(sample_event, print_on_arrival=True, printer=printer, badge_layout="dymo-54x101")
    surname = f"Żółć{tmp_path.name[-6:].replace('_', '')}"
    dialogs: list[WalkInDialog] = []
    window.desk.walkInOpened.connect(dialogs.append)
    qtbot.keyClick(window.field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[0].first.hasFocus())
    assert dialogs[0].ok.text() == "Zapisz, wpuść i drukuj"
    type_text(qtbot, dialogs[0].first, "Łucja")
    type_text(qtbot, dialogs[0].last, surname)
    with qtbot.waitSignal(window.printing.queue.jobPrinted, timeout=TIMEOUT) as printed:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    guest = next(g for g in list_guests(engine, sample_event.id) if g.last_name == surname)
    assert printed.args[1] == guest.id
    pdf = wait_for_output(f"identyfikator-{safe_file_name(f'Łucja {surname}', guest.code)}")
    assert len(PdfReader(pdf).pages) == 1  # one badge (printed through Qt as an image)
    assert next(g for g in list_guests(engine, sample_event.id) if g.id == guest.id).inside
    # Out and back in: the badge is not printed a second time.
    qtbot.keyClick(window.field, Qt.Key.Key_F3)
    assert scan(qtbot, window, guest.code).kind is VerdictKind.EXIT
    qtbot.keyClick(window.field, Qt.Key.Key_F3)
    with qtbot.waitSignal(window.printing.queue.jobSkipped, timeout=TIMEOUT):
        assert scan(qtbot, window, guest.code).kind is VerdictKind.WELCOME_BACK
