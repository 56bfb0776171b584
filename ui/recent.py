"""This station's recent passages, newest first; a double-click offers to undo one of them."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from checkin.engine import PassageView
from checkin.verdicts import Tone, VerdictKind
from checkin.zones import local_text

from . import messages as m

MARKS = {Tone.OK: "✔", Tone.WARNING: "⚠", Tone.REFUSED: "✖"}


def describe(passage: PassageView, timezone: str) -> str:
    """One line: time, mark, what happened, who (or what was scanned)."""
    when = local_text(passage.at, timezone, time_only=True)
    if passage.verdict == "undo":
        mark, what = "↶", m.kind_name("undo")
    else:
        kind = VerdictKind(passage.verdict)
        mark, what = MARKS[kind.tone], m.kind_name(kind)
    who = passage.guest.full_name if passage.guest else passage.raw_input.strip()[:40]
    return f"{when}  {mark} {what} — {who}" if who else f"{when}  {mark} {what}"


class RecentList(QListWidget):
    undoRequested = Signal(int, str)  # passage id, its description

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.setObjectName("recentList")
        # Clicks here must not take the scanner's keystrokes away from the scan field.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAlternatingRowColors(True)
        font = QFont(self.font())
        font.setPixelSize(15)
        self.setFont(font)
        self.passages: list[PassageView] = []
        self.itemDoubleClicked.connect(self._double_clicked)

    def set_passages(self, passages: list[PassageView]) -> None:
        self.passages = passages
        self.clear()
        for p in passages:
            item = QListWidgetItem(describe(p, self.timezone))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            if p.undone:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#7a838f")))
                item.setToolTip(self.tr("cofnięte"))
            self.addItem(item)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        passage = next((p for p in self.passages if p.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if passage is None or passage.undone or passage.verdict == "undo":
            return
        if passage.verdict.recorded:  # someone went in or out: that can be taken back
            self.undoRequested.emit(passage.id, item.text())
