"""Screenshots of the door's main states at 1366×768, for a reviewer (out/screenshots/, not in git).

Besides writing the PNGs, each state is checked for what would make it unreadable: text cut off in
the verdict panel, fonts too small to read at arm's length.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.engine import Door
from tests.ui.conftest import make_event
from tests.ui.door_helpers import scan, type_text
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[2] / "out" / "screenshots"
MIN_PANEL_TEXT_PX = 18


def save(widget: object, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    assert widget.grab().save(str(path))  # type: ignore[attr-defined]
    return path


def assert_panel_readable(window: MainWindow) -> None:
    """Every visible text of the verdict panel fits its label and is large enough."""
    QApplication.processEvents()
    for label in window.panel.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        assert label.font().pixelSize() >= MIN_PANEL_TEXT_PX, label.text()
        needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        assert needed <= label.height() + 2, f"cut off: {label.text()!r} needs {needed}px of {label.height()}"
        assert label.geometry().bottom() <= window.panel.height(), label.text()


def test_screenshots_of_the_main_states(qtbot: QtBot, open_window, engine: Engine, tmp_path: Path,
                                        guests) -> None:
    event = make_event(engine, tmp_path, capacity=3)
    people = guests(event.id)
    window = open_window(event)
    qtbot.waitUntil(lambda: window.guests.panel is not None and window.guests.panel.isLoaded())
    qtbot.waitUntil(lambda: "zarejestrowani" in window.stats_label.text())
    qtbot.wait(50)  # the list's first layout
    assert_panel_readable(window)
    save(window, "1-empty")

    assert window.guests.panel is not None
    with qtbot.waitSignal(window.guests.panel.refreshed, timeout=10_000):
        scan(qtbot, window, people[0].code)  # the list catches up a moment after the verdict
    assert_panel_readable(window)
    save(window, "2-admitted")

    Door(engine, event.id, "Stanowisko 2").scan(people[1].code)
    scan(qtbot, window, people[1].code)
    assert_panel_readable(window)
    save(window, "3-already-inside")

    Door(engine, event.id, "Stanowisko 2").scan(people[2].code)
    scan(qtbot, window, people[3].code)
    assert window.panel.override.isVisible()
    assert_panel_readable(window)
    save(window, "4-room-full")

    dialogs: list[object] = []
    window.desk.walkInOpened.connect(dialogs.append)
    qtbot.keyClick(window.field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[0].isVisible())  # type: ignore[attr-defined]
    dialog = dialogs[0]
    type_text(qtbot, dialog.first, "Żaneta")  # type: ignore[attr-defined]
    type_text(qtbot, dialog.last, "Brzęczyszczykiewicz")  # type: ignore[attr-defined]
    type_text(qtbot, dialog.organization, "Fundacja Łączy Nas")  # type: ignore[attr-defined]
    save(dialog, "5-walk-in-dialog")
    dialog.reject()  # type: ignore[attr-defined]

    qtbot.keyClick(window.field, Qt.Key.Key_F4)
    display = window.occupancy_display
    assert display is not None
    display.resize(1280, 720)
    qtbot.waitUntil(lambda: bool(display.panel.gauges))
    save(display, "6-occupancy-display")
