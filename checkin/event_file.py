"""Reading and validating an event file (TOML): the event and its rooms with their limits."""

import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import UserError

DEFAULT_TIMEZONE = "Europe/Warsaw"
_TOP_KEYS = {"event", "rooms"}
_EVENT_KEYS = {"name", "starts", "ends", "venue", "address", "timezone"}
_ROOM_KEYS = {"name", "capacity", "warn_at"}


@dataclass(frozen=True)
class RoomSpec:
    name: str
    capacity: int
    warn_at: float = 0.9


@dataclass(frozen=True)
class EventSpec:
    name: str
    starts: datetime
    ends: datetime | None
    venue: str = ""
    address: str = ""
    timezone: str = DEFAULT_TIMEZONE
    rooms: list[RoomSpec] = field(default_factory=list)


class EventFileError(UserError):
    pass


def _fail(path: Path, where: str, problem: str) -> EventFileError:
    return EventFileError(f"{path}: {where}: {problem}")


def _unknown(path: Path, where: str, given: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(given) - allowed)
    if extra:
        raise _fail(
            path,
            where,
            f"nieznany klucz „{extra[0]}” (dozwolone: {', '.join(sorted(allowed))}). "
            "Popraw literówkę — nieznane klucze nie są pomijane, by nie zgubić np. limitu sali.",
        )


def _text(path: Path, where: str, value: Any, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(path, where, "wymagany niepusty tekst w cudzysłowie")
    return value.strip()


def _moment(path: Path, where: str, value: Any, zone: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        # A time without an offset means the event's own zone, not the laptop's.
        return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(UTC)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(0, 0), zone).astimezone(UTC)
    raise _fail(path, where, "wymagana data i godzina, np. 2026-02-27T17:30:00+01:00")


def parse_event_file(path: Path) -> EventSpec:
    """The event in the TOML file; EventFileError names the file and key of any problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EventFileError(f"{path}: nie można odczytać pliku ({exc.strerror}).") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise EventFileError(f"{path}: plik nie jest tekstem UTF-8. Zapisz go jako UTF-8.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise EventFileError(f"{path}: błąd składni TOML: {exc}.") from exc

    _unknown(path, "plik", data, _TOP_KEYS)
    ev = data.get("event")
    if not isinstance(ev, dict):
        raise _fail(path, "[event]", "brak sekcji [event] z nazwą i datą wydarzenia")
    _unknown(path, "[event]", ev, _EVENT_KEYS)

    tz_name = _text(path, "event.timezone", ev.get("timezone", DEFAULT_TIMEZONE))
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise _fail(path, "event.timezone", f"nieznana strefa czasowa „{tz_name}”") from exc
    if "starts" not in ev:
        raise _fail(path, "event.starts", "brak daty i godziny rozpoczęcia")
    starts = _moment(path, "event.starts", ev["starts"], zone)
    ends = _moment(path, "event.ends", ev["ends"], zone) if "ends" in ev else None
    if ends is not None and ends <= starts:
        raise _fail(path, "event.ends", "koniec musi być po rozpoczęciu")

    rooms_raw = data.get("rooms", [])
    if not isinstance(rooms_raw, list) or not rooms_raw:
        raise _fail(path, "[[rooms]]", "wymagana co najmniej jedna sala z pojemnością")
    rooms: list[RoomSpec] = []
    for n, room in enumerate(rooms_raw, start=1):
        where = f"[[rooms]] nr {n}"
        if not isinstance(room, dict):
            raise _fail(path, where, "sala musi być tabelą [[rooms]]")
        _unknown(path, where, room, _ROOM_KEYS)
        name = _text(path, f"{where}.name", room.get("name"))
        capacity = room.get("capacity")
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise _fail(path, f"{where}.capacity", "wymagana liczba całkowita większa od zera")
        warn_at = room.get("warn_at", 0.9)
        bad = isinstance(warn_at, bool) or (
            not isinstance(warn_at, int | float) or not 0 < warn_at <= 1
        )
        if bad:
            raise _fail(path, f"{where}.warn_at", "wymagany ułamek pojemności od 0 do 1, np. 0.9")
        if any(r.name.casefold() == name.casefold() for r in rooms):
            raise _fail(path, f"{where}.name", f"sala „{name}” występuje dwa razy")
        rooms.append(RoomSpec(name=name, capacity=capacity, warn_at=float(warn_at)))

    return EventSpec(
        name=_text(path, "event.name", ev.get("name")),
        starts=starts,
        ends=ends,
        venue=_text(path, "event.venue", ev.get("venue"), required=False),
        address=_text(path, "event.address", ev.get("address"), required=False),
        timezone=tz_name,
        rooms=rooms,
    )
