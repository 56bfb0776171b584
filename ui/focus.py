"""Keeps the scan field ready: a scanner types into whatever has focus, so that must be the field.

- a printable key typed anywhere else in the window (a list, a button) goes to the scan field;
- a mouse click on something that is not a text input gives the focus back afterwards;
- when the window is activated again (another app was used) or one of its dialogs closes, the
  field gets it.
Text inputs of their own (a dialog's fields, the list's filter) keep their keys.
"""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_MOD = Qt.KeyboardModifier
_COMMAND_MODIFIERS = _MOD.ControlModifier | _MOD.AltModifier | _MOD.MetaModifier


def _takes_text(widget: QWidget | None) -> bool:
    if widget is None:
        return False
    if isinstance(widget, TEXT_INPUTS):
        return not (isinstance(widget, QLineEdit) and widget.isReadOnly())
    return isinstance(widget, QComboBox) and widget.isEditable()


class FocusKeeper(QObject):
    """An application event filter that routes keys and focus back to `field` in `window`."""

    def __init__(self, window: QWidget, field: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.field = field
        self.enabled = True
        self._reactivate = False
        self._refocus = QTimer(self)
        self._refocus.setSingleShot(True)
        self._refocus.setInterval(0)
        self._refocus.timeout.connect(self.restore)
        self.windows: list[QWidget] = [window]  # also the occupancy display, which has no input
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.installEventFilter(self)
            app.focusChanged.connect(self._focus_changed)

    def detach(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.removeEventFilter(self)
            app.focusChanged.disconnect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # The focus went nowhere (a dialog closed, a window of ours was hidden) while this app is
        # still the one in use: give it back to the field. Another application in front is left alone.
        if (new is None and self.window.isVisible()
                and QApplication.applicationState() == Qt.ApplicationState.ApplicationActive):
            self._refocus.start()

    def restore(self) -> None:
        """Put the focus back on the field if the window is the active one and nothing modal is up."""
        if not self.enabled or not self.field.isVisible() or QApplication.activeModalWidget() is not None:
            return
        active = QApplication.activeWindow()
        reactivate, self._reactivate = self._reactivate, False
        if active is None or active in self.windows or not active.isVisible():
            if reactivate or active is not self.window:
                # After a dialog the window system may leave no window active; ask for ours.
                self.window.activateWindow()
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _in_window(self, obj: QObject) -> bool:
        return isinstance(obj, QWidget) and obj.window() in self.windows

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._in_window(obj):
            focused = QApplication.focusWidget()
            if obj is self.field or focused is self.field or _takes_text(focused):
                return False
            text = event.text()
            if text and text.isprintable() and not event.modifiers() & _COMMAND_MODIFIERS:
                if not self.window.isActiveWindow():
                    self.window.activateWindow()
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)
                forwarded = QKeyEvent(event.type(), event.key(), event.modifiers(), text,
                                      event.isAutoRepeat(), event.count())
                QApplication.sendEvent(self.field, forwarded)
                return True
        elif kind == QEvent.Type.MouseButtonRelease and self._in_window(obj):
            if not _takes_text(obj if isinstance(obj, QWidget) else None):
                self._refocus.start()
        elif kind == QEvent.Type.WindowActivate and obj is self.window:
            self._refocus.start()
        elif (kind == QEvent.Type.Hide and isinstance(obj, QWidget) and obj.isWindow()
              and obj is not self.window and (parent := obj.parentWidget()) is not None
              and parent.window() is self.window):
            self._reactivate = True  # a dialog of this window closed: back to scanning
            self._refocus.start()
        return False
