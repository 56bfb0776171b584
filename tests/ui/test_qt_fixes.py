"""A door calls Qt all day long: that must never wear out the interpreter (ui.qt_fixes)."""

import sys

from PySide6.QtCore import QObject, Signal

from ui import qt_fixes


class Chatty(QObject):
    said = Signal(str)


def test_many_qt_calls_and_emits_never_use_up_none_or_true() -> None:
    chatty = Chatty()
    heard: list[str] = []
    chatty.said.connect(heard.append)
    for _ in range(100_000):  # more than a day of polls at a door; an unfixed 6.12.0 aborts here
        chatty.setObjectName("x")
        chatty.said.emit("x")
    assert len(heard) == 100_000
    assert qt_fixes.references_lost() == 0 or qt_fixes.INSTALLED
    if qt_fixes.INSTALLED:
        assert sys.getrefcount(None) > 1_000_000_000
        assert sys.getrefcount(True) > 1_000_000_000


def test_the_fix_is_applied_once() -> None:
    assert qt_fixes.install() is qt_fixes.INSTALLED
