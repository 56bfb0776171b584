"""Creating and updating the event and its rooms from an event file; which event is current."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from .db import session
from .errors import UserError
from .event_file import EventSpec
from .models import Event, Passage, Room, Setting
from .textnorm import fold

CURRENT_EVENT = "current_event_id"


@dataclass(frozen=True)
class RoomInfo:
    id: int
    name: str
    capacity: int
    warn_at: float


@dataclass(frozen=True)
class EventInfo:
    id: int
    name: str
    starts: datetime
    ends: datetime | None
    venue: str
    address: str
    timezone: str
    rooms: list[RoomInfo]


@dataclass(frozen=True)
class InitResult:
    event: EventInfo
    created: bool
    rooms_kept: list[str]  # rooms gone from the file but kept because passages refer to them


def _info(s: Session, ev: Event) -> EventInfo:
    assert ev.id is not None
    rooms = s.exec(
        select(Room).where(Room.event_id == ev.id).order_by(col(Room.position), col(Room.id))
    ).all()
    return EventInfo(
        id=ev.id,
        name=ev.name,
        starts=ev.starts,
        ends=ev.ends,
        venue=ev.venue,
        address=ev.address,
        timezone=ev.timezone,
        rooms=[RoomInfo(r.id or 0, r.name, r.capacity, r.warn_at) for r in rooms],
    )


def _same_event(ev: Event, spec: EventSpec) -> bool:
    return fold(ev.name) == fold(spec.name) and ev.starts.date() == spec.starts.date()


def init_event(engine: Engine, spec: EventSpec, source: str = "") -> InitResult:
    """Create the event (or update the one with the same name and date) and make it current."""
    with session(engine) as s:
        existing = next((ev for ev in s.exec(select(Event)).all() if _same_event(ev, spec)), None)
        created = existing is None
        ev = existing or Event(name=spec.name, starts=spec.starts)
        ev.name, ev.starts, ev.ends = spec.name, spec.starts, spec.ends
        ev.venue, ev.address, ev.timezone = spec.venue, spec.address, spec.timezone
        ev.source_file = source
        s.add(ev)
        s.flush()
        assert ev.id is not None

        rooms = {fold(r.name): r for r in s.exec(select(Room).where(Room.event_id == ev.id)).all()}
        for position, rs in enumerate(spec.rooms):
            room = rooms.pop(fold(rs.name), None) or Room(event_id=ev.id, name=rs.name, capacity=1)
            room.name, room.capacity, room.warn_at, room.position = (
                rs.name, rs.capacity, rs.warn_at, position,
            )
            s.add(room)
        kept: list[str] = []
        for room in rooms.values():
            used = s.exec(select(func.count()).where(Passage.room_id == room.id)).one()
            if used:
                room.position = len(spec.rooms) + len(kept)  # never the default entrance room
                kept.append(room.name)
                s.add(room)
            else:
                s.delete(room)
        _set(s, CURRENT_EVENT, str(ev.id))
        s.commit()
        return InitResult(event=_info(s, ev), created=created, rooms_kept=kept)


def _set(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
        s.add(row)


def current_event_id(s: Session) -> int:
    """The event the CLI and the app work on; a clear message when none was created yet."""
    row = s.get(Setting, CURRENT_EVENT)
    if row is not None and s.get(Event, int(row.value)) is not None:
        return int(row.value)
    last = s.exec(select(Event.id).order_by(col(Event.id).desc())).first()
    if last is None:
        raise UserError(
            "W tej bazie nie ma jeszcze wydarzenia. Utwórz je poleceniem: checkin init PLIK.toml"
        )
    return last


def current_event(engine: Engine) -> EventInfo:
    with session(engine) as s:
        ev = s.get(Event, current_event_id(s))
        assert ev is not None
        return _info(s, ev)


def event_info(engine: Engine, event_id: int) -> EventInfo:
    """The event with this id (UserError if there is none)."""
    with session(engine) as s:
        ev = s.get(Event, event_id)
        if ev is None:
            raise UserError(f"W bazie nie ma wydarzenia nr {event_id}.")
        return _info(s, ev)
