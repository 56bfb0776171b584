"""Driving the door window as a volunteer and a scanner do: keys into the scan field."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from checkin.verdicts import Verdict
from ui.main_window import MainWindow


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a keyboard does, Polish letters included (QTest only types ASCII keys)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def scan(qtbot: QtBot, window: MainWindow, text: str, *, delay: int = -1) -> Verdict:
    """Type the text into the focused field and press Enter, as a USB scanner does; the verdict."""
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as blocker:
        qtbot.keyClicks(window.field, text, delay=delay)
        qtbot.keyClick(window.field, Qt.Key.Key_Return)
    verdict = blocker.args[0]
    qtbot.waitUntil(lambda: window.panel.presentation is not None
                    and window.panel.presentation.kind is verdict.kind)
    return verdict


def shown(window: MainWindow) -> str:
    """Every text the verdict panel shows, one line each."""
    panel = window.panel
    labels = (panel.headline, panel.name, panel.organization, panel.instruction, panel.detail)
    return "\n".join(label.text() for label in labels if label.isVisible() and label.text())


def panel_colour(window: MainWindow) -> str:
    """The colour actually painted at the panel's left edge (under no text)."""
    image = window.panel.grab().toImage()
    return str(image.pixelColor(4, image.height() // 2).name())
