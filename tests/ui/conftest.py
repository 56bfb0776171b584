"""Fixtures for the Qt tests: the offscreen platform, settings in tmp_path, an event with guests.

Generic on purpose: every ui test module uses these (the door window, the guest list, printing).
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLoggingCategory, QSettings
from sqlalchemy import Engine

from checkin.event_file import parse_event_file
from checkin.events import EventInfo, init_event
from checkin.guests import GuestRow, list_guests
from checkin.importing.service import import_file
from checkin.resources import resource
from tests.conftest import SAMPLE_EVENT
from ui import qt_fixes  # noqa: F401  (PySide6 6.12.0's emit leak: see the module)

SAMPLE_LIST = resource("sample", "zgloszenia-lawka-dialogu.csv")

# Before pytest-qt creates the QApplication: no display needed. The multimedia back end reports
# a machine without audio (or PipeWire/VA) as warnings, which would fail every test that loads
# sound; for the app it only means "sound off".
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_QUIET = "qt.multimedia*=false\nqt.multimedia.*=false"
os.environ["QT_LOGGING_RULES"] = ";".join(filter(None, [os.environ.get("QT_LOGGING_RULES", ""),
                                                        "qt.multimedia*=false"]))
QLoggingCategory.setFilterRules(_QUIET)


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path: Path) -> None:
    # ui.settings keeps its INI under CHECKIN_HOME (set by the root conftest); anything that asks
    # QSettings for its default places lands in tmp_path too, never in the developer's profile.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "qsettings"))


@pytest.fixture
def settings() -> "object":
    from ui.settings import Settings

    s = Settings()
    s.station = "Stanowisko testowe"
    s.sound = False
    return s


def make_event(engine: Engine, tmp_path: Path, *, capacity: int | None = None, name: str | None = None,
               guests: Path | None = SAMPLE_LIST) -> EventInfo:
    """An event from the sample file (optionally another capacity or name) with its guest list."""
    text = SAMPLE_EVENT.read_text(encoding="utf-8")
    if capacity is not None:
        text = text.replace("capacity = 60", f"capacity = {capacity}")
    if name is not None:
        text = text.replace('name = "Ławka dialogu', f'name = "{name}', 1)
    path = tmp_path / f"event-{capacity}-{abs(hash(name))}.toml"
    path.write_text(text, encoding="utf-8")
    event = init_event(engine, parse_event_file(path)).event
    if guests is not None:
        import_file(engine, guests, event.id, accept_warnings=True)
    return event


@pytest.fixture
def sample_event(engine: Engine, tmp_path: Path) -> EventInfo:
    """The sample event (Sala 005, 60 seats) with its fictional list of guests."""
    return make_event(engine, tmp_path)


@pytest.fixture
def guests(engine: Engine) -> Callable[[int], list[GuestRow]]:
    """Registered (not cancelled) guests of an event, sorted by surname."""

    def get(event_id: int) -> list[GuestRow]:
        return [g for g in list_guests(engine, event_id) if g.status == "registered"]

    return get


@pytest.fixture
def open_window(qtbot: "object", engine: Engine, settings: "object") -> Iterator[Callable[..., "object"]]:
    """Opens the door window on an event at 1366×768, focused and with its door open."""
    from ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def open_(event: EventInfo, **overrides: object) -> MainWindow:
        for key, value in overrides.items():
            setattr(settings, key, value)
        window = MainWindow(engine, event, settings)  # type: ignore[arg-type]
        windows.append(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.field.hasFocus)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.desk.client.room_id != 0)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.started)  # type: ignore[attr-defined]  # list, printing…
        return window

    yield open_
    for window in windows:
        window.close()
        window.deleteLater()
