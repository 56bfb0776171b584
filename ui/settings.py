"""This station's settings (QSettings) and the dialog that edits them.

Settings live in an INI file: under CHECKIN_HOME when it is set (tests, a second profile), else in
the user's configuration folder. Every value has a typed accessor here, so no widget spells a key.
"""

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")

LANGUAGES = ("pl", "en")


def settings_file() -> Path | None:
    """The INI file when CHECKIN_HOME overrides the user's folders; None: Qt's default place."""
    home = os.environ.get("CHECKIN_HOME")
    return Path(home) / "settings" / "checkin.ini" if home else None


def open_qsettings() -> QSettings:
    path = settings_file()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "checkin", "checkin")


def default_station() -> str:
    # Two laptops must never share a station name: undo acts on "this station's last action".
    host = socket.gethostname().split(".")[0] or "1"
    return f"Stanowisko {host}"


def _as_str(raw: object) -> str:
    return "" if raw is None else str(raw)


def _as_bool(raw: object) -> bool:
    # An INI file gives "true"/"false" back as text.
    return raw if isinstance(raw, bool) else str(raw).strip().lower() in ("true", "1", "yes")


def _as_int(raw: object) -> int:
    return int(str(raw).strip())


class _Key(Generic[T]):
    """A typed settings value; the default may be computed (default_factory) on first read."""

    def __init__(self, key: str, parse: Callable[[object], T], default: T,
                 default_factory: Callable[[], T] | None = None) -> None:
        self.key, self.parse, self.default, self.default_factory = key, parse, default, default_factory

    def _default(self) -> T:
        return self.default_factory() if self.default_factory is not None else self.default

    def __get__(self, obj: "Settings", owner: object = None) -> T:
        if not obj.qs.contains(self.key):
            return self._default()
        try:
            return self.parse(obj.qs.value(self.key))
        except (TypeError, ValueError):
            return self._default()

    def __set__(self, obj: "Settings", value: T) -> None:
        obj.qs.setValue(self.key, value)


class Settings:
    """Typed access to this station's settings."""

    station = _Key("station/name", _as_str, "", default_station)
    room = _Key("station/room", _as_str, "")  # '' = the event's default entrance room
    exit_station = _Key("station/exit", _as_bool, False)
    print_on_arrival = _Key("print/on_arrival", _as_bool, False)
    printer = _Key("print/printer", _as_str, "")  # '' = the system's default printer
    badge_layout = _Key("print/layout", _as_str, "")  # '' = checkin.badges.DEFAULT_LAYOUT
    sound = _Key("sound/enabled", _as_bool, True)
    language = _Key("ui/language", _as_str, "pl")
    scanner_without_enter = _Key("scanner/without_enter", _as_bool, False)
    # Keys closer than burst_gap_ms come from a scanner; a pause of burst_pause_ms ends its code.
    burst_gap_ms = _Key("scanner/burst_gap_ms", _as_int, 30)
    burst_pause_ms = _Key("scanner/burst_pause_ms", _as_int, 120)
    database = _Key("database/url", _as_str, "")  # '' = the default SQLite file
    last_event_id = _Key("database/last_event_id", _as_int, 0)
    last_event_database = _Key("database/last_event_database", _as_str, "")
    door_only = _Key("door/only", _as_bool, False)
    pin_hash = _Key("door/pin_hash", _as_str, "")
    camera_enabled = _Key("camera/enabled", _as_bool, False)
    camera_device = _Key("camera/device", _as_str, "")
    backup_minutes = _Key("backup/interval_minutes", _as_int, 10)

    def __init__(self, qs: QSettings | None = None) -> None:
        self.qs = qs if qs is not None else open_qsettings()

    def sync(self) -> None:
        self.qs.sync()


@dataclass(frozen=True)
class StationConfig:
    """What a Door needs from the settings: a change of any of these means a new Door."""

    station: str
    room: str
    exit_station: bool

    @classmethod
    def of(cls, settings: Settings) -> "StationConfig":
        return cls(settings.station.strip() or default_station(), settings.room, settings.exit_station)
