"""The one input field for codes and names, and how it tells a scanner from a person.

A keyboard-wedge scanner types a whole code within a few milliseconds per key, then (usually)
Enter. A person types one key every 80 ms or more. So:
- Enter submits whatever is there (the window decides: code → scan, otherwise → search);
- with "scanner without Enter" on, a burst of keys closer than `burst_gap_ms`, followed by a
  pause of `burst_pause_ms`, submits too;
- a burst that starts after the field sat idle (a name left from a search) replaces that old text
  instead of being glued onto it.
"""

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
STALE_AFTER_MS = 1000  # text older than this is not part of a burst that starts now
UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
BURST_KEYS = 3  # this many fast keys in a row are a scanner, not a person


class ScanField(QLineEdit):
    submitted = Signal(str, bool)  # text, came as a scanner burst without Enter
    navigate = Signal(object)  # Qt.Key: Up/Down/PageUp/PageDown for the guest list
    escaped = Signal()
    focused = Signal()  # the field got the keyboard focus (the window is ready to scan)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setMaxLength(300)
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) * 2.0)
        self.setFont(font)
        self.setMinimumHeight(56)
        self.scanner_without_enter = False
        self.burst_gap_ms = 30
        self.burst_pause_ms = 120
        self.min_burst_length = 4
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last_key_ms = -STALE_AFTER_MS * 10
        self._fast_run = 0  # consecutive keys closer than burst_gap_ms
        self._burst_start = 0  # cursor position where the current burst began
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._burst_ended)

    def configure(self, *, without_enter: bool, gap_ms: int, pause_ms: int) -> None:
        self.scanner_without_enter = without_enter
        self.burst_gap_ms = max(5, gap_ms)
        self.burst_pause_ms = max(self.burst_gap_ms * 2, pause_ms)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def event(self, event: QEvent) -> bool:
        # A line edit claims Ctrl+Z for undoing its own typing; here Ctrl+Z is the door's undo
        # (the field is cleared after every scan, so its own undo has nothing useful to give).
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and any(event.matches(k) for k in UNDO_KEYS)):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pause.stop()
            self._submit(burst=False)
            return
        if key == Qt.Key.Key_Escape:
            self._pause.stop()
            self.clear()
            self.escaped.emit()
            return
        if key in NAVIGATION_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.navigate.emit(Qt.Key(key))
            return
        text = event.text()
        if not text or not text.isprintable():
            super().keyPressEvent(event)
            return
        now = self._clock.elapsed()
        gap = now - self._last_key_ms
        self._last_key_ms = now
        if gap > self.burst_gap_ms:
            # A slow key: a person typing, or the first key of a scan.
            self._fast_run = 1
            self._burst_start = self.cursorPosition() if gap > STALE_AFTER_MS else -1
        else:
            self._fast_run += 1
        super().keyPressEvent(event)
        if self._fast_run == BURST_KEYS and self._burst_start > 0:
            # A scan began after the field sat idle: the old text is not part of the code.
            self.setText(self.text()[self._burst_start :])
        if self.scanner_without_enter and self._fast_run > 1:
            self._pause.start(self.burst_pause_ms)
        else:
            self._pause.stop()

    def _burst_ended(self) -> None:
        if self._fast_run >= self.min_burst_length and len(self.text().strip()) >= self.min_burst_length:
            self._submit(burst=True)

    def _submit(self, burst: bool) -> None:
        self._fast_run = 0
        text = self.text()
        if text.strip():
            self.submitted.emit(text, burst)
