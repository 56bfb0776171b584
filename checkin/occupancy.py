"""How full the rooms are: the counter statements, counts for the gauge, statistics, the recount.

Room.inside/peak/peak_at and Guest.inside_room_id are kept in the same transaction as each
passage; the passage log is the truth, and recount() checks (or repairs) the counters against it.
A passage is effective when it moved someone (direction in/out), is not an undo and was not undone.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from . import models  # noqa: F401  (registers the tables in SQLModel.metadata)
from .models import Direction, GuestStatus, UTCDateTime
from .verdicts import RoomCount

ROOM = SQLModel.metadata.tables["room"]
GUEST = SQLModel.metadata.tables["guest"]
PASSAGE = SQLModel.metadata.tables["passage"]

ROOM_COLUMNS = (ROOM.c.id, ROOM.c.name, ROOM.c.inside, ROOM.c.capacity, ROOM.c.warn_at, ROOM.c.peak,
                ROOM.c.peak_at)
MOVES = (Direction.IN.value, Direction.OUT.value)
# Written into the SQL text rather than bound: an IN list of parameters is expanded per execution.
_MOVES_SQL: list[sa.ColumnElement[str]] = [sa.literal_column(f"'{m}'") for m in MOVES]


def effective(passage: sa.FromClause = PASSAGE) -> sa.ColumnElement[bool]:
    """The passages that count: someone went in or out, and it was neither undone nor an undo.

    passage: the passage table, or an alias of it in a correlated subquery.
    """
    return sa.and_(
        passage.c.direction.in_(_MOVES_SQL),
        passage.c.undone_by_id.is_(None),
        passage.c.undoes_id.is_(None),
    )


_NOW = sa.bindparam("now", type_=UTCDateTime())
_AFTER = ROOM.c.inside + 1
# One statement takes a seat: the WHERE is the limit check, so two stations racing for the last
# seat cannot both get it (the row lock on PostgreSQL, the write lock on SQLite). A supervisor's
# override (force) lifts the limit. The new peak is stamped with the passage's own time.
ENTER_ROOM = (
    sa.update(ROOM)
    .where(ROOM.c.id == sa.bindparam("room"),
           sa.or_(ROOM.c.inside < ROOM.c.capacity, sa.bindparam("force", type_=sa.Boolean())))
    .values(
        inside=_AFTER,
        peak=sa.case((ROOM.c.peak < _AFTER, _AFTER), else_=ROOM.c.peak),
        peak_at=sa.case((ROOM.c.peak < _AFTER, _NOW), else_=ROOM.c.peak_at),
    )
    .returning(*ROOM_COLUMNS)
)
LEAVE_ROOM = (
    sa.update(ROOM)
    .where(ROOM.c.id == sa.bindparam("room"))
    .values(inside=ROOM.c.inside - 1)
    .returning(*ROOM_COLUMNS)
)
GET_ROOM = sa.select(*ROOM_COLUMNS).where(ROOM.c.id == sa.bindparam("room"))


def room_count(row: Any) -> RoomCount:
    """A room row (ROOM_COLUMNS) as the read model the door shows."""
    m = row._mapping if isinstance(row, sa.Row) else row  # a Row or a RowMapping
    return RoomCount(
        id=m["id"], name=m["name"], inside=m["inside"], capacity=m["capacity"],
        warn_at=m["warn_at"], peak=m["peak"], peak_at=m["peak_at"],
    )


@dataclass(frozen=True)
class RoomStats:
    """One room in the statistics."""

    name: str
    inside: int
    capacity: int
    peak: int
    peak_at: datetime | None


@dataclass(frozen=True)
class EventStats:
    """The numbers of an event: who registered, who came, who is inside now."""

    registered: int  # registrations not cancelled (walk-ins included)
    cancelled: int
    attended: int  # guests admitted at least once (an undone admission does not count)
    walk_ins: int
    inside_now: int
    rooms: tuple[RoomStats, ...]


_EVENT_ROOMS = (
    sa.select(*ROOM_COLUMNS)
    .where(ROOM.c.event_id == sa.bindparam("event"))
    .order_by(ROOM.c.position, ROOM.c.id)
)


def room_counts(db: sa.Engine, event_id: int) -> list[RoomCount]:
    """Every room of the event with its count now, the default entrance room first (cheap)."""
    with db.connect() as conn:
        return [room_count(r) for r in conn.execute(_EVENT_ROOMS, {"event": event_id})]


def stats(db: sa.Engine, event_id: int) -> EventStats:
    """Registered, cancelled, attended, walk-ins, inside now, and per room inside/capacity/peak."""
    of_event = GUEST.c.event_id == event_id
    counts = sa.select(
        sa.func.count().filter(GUEST.c.status == GuestStatus.REGISTERED.value),
        sa.func.count().filter(GUEST.c.status == GuestStatus.CANCELLED.value),
        sa.func.count().filter(GUEST.c.walk_in.is_(True)),
    ).where(of_event)
    attended = sa.select(sa.func.count(sa.distinct(PASSAGE.c.guest_id))).where(
        PASSAGE.c.event_id == event_id, PASSAGE.c.guest_id.is_not(None), effective(),
        PASSAGE.c.direction == Direction.IN.value,
    )
    with db.connect() as conn:
        registered, cancelled, walk_ins = conn.execute(counts).one()
        came = conn.execute(attended).scalar_one()
        rooms = [room_count(r) for r in conn.execute(_EVENT_ROOMS, {"event": event_id})]
    return EventStats(
        registered=registered, cancelled=cancelled, attended=came, walk_ins=walk_ins,
        inside_now=sum(r.inside for r in rooms),
        rooms=tuple(RoomStats(r.name, r.inside, r.capacity, r.peak, r.peak_at) for r in rooms),
    )


# --- the recount: the counters as the log says they should be -------------------------------


@dataclass(frozen=True)
class RoomTally:
    inside: int
    peak: int
    peak_at: datetime | None


def tally_room(conn: sa.Connection, room_id: int) -> RoomTally:
    """Inside, peak and its time for one room, replaying its effective passages in log order.

    Log order is id order: a passage is inserted while its transaction holds the room's counter,
    so ids follow the order in which the counter moved.
    """
    rows = conn.execute(
        sa.select(PASSAGE.c.direction, PASSAGE.c.at)
        .where(PASSAGE.c.room_id == room_id, effective())
        .order_by(PASSAGE.c.id)
    )
    inside = peak = 0
    peak_at: datetime | None = None
    for direction, at in rows:
        inside += 1 if direction == Direction.IN.value else -1
        if inside > peak:
            peak, peak_at = inside, at
    return RoomTally(inside, peak, peak_at)


def set_room(conn: sa.Connection, room_id: int, tally: RoomTally) -> RoomCount:
    """Write a room's counters from a tally; returns the room as it is now."""
    row = conn.execute(
        sa.update(ROOM).where(ROOM.c.id == room_id)
        .values(inside=tally.inside, peak=tally.peak, peak_at=tally.peak_at)
        .returning(*ROOM_COLUMNS)
    ).one()
    return room_count(row)


@dataclass(frozen=True)
class Mismatch:
    """A counter that differs from the log: what is stored, and what the log says."""

    what: str  # e.g. "room 3 inside", "guest 17 inside_room_id"
    stored: object
    from_log: object


def recount(db: sa.Engine, event_id: int, *, repair: bool = False) -> list[Mismatch]:
    """Compare the counters of the event with its passage log; with repair, make them equal it."""
    mismatches: list[Mismatch] = []
    with db.execution_options(sqlite_immediate=True).begin() as conn:
        rooms = conn.execute(
            sa.select(ROOM.c.id, ROOM.c.inside, ROOM.c.peak, ROOM.c.peak_at)
            .where(ROOM.c.event_id == event_id).with_for_update()
        ).all()
        for room_id, inside, peak, peak_at in rooms:
            tally = tally_room(conn, room_id)
            stored = RoomTally(inside, peak, peak_at)
            if stored != tally:
                for name in ("inside", "peak", "peak_at"):
                    if getattr(stored, name) != getattr(tally, name):
                        mismatches.append(Mismatch(f"room {room_id} {name}", getattr(stored, name),
                                                   getattr(tally, name)))
                if repair:
                    set_room(conn, room_id, tally)
        last = (
            sa.select(PASSAGE.c.guest_id, PASSAGE.c.direction, PASSAGE.c.room_id)
            .where(PASSAGE.c.event_id == event_id, PASSAGE.c.guest_id.is_not(None), effective())
            .order_by(PASSAGE.c.id)
        )
        expected: dict[int, int | None] = {}
        for guest_id, direction, room_id in conn.execute(last):
            expected[guest_id] = room_id if direction == Direction.IN.value else None
        stored_places = conn.execute(
            sa.select(GUEST.c.id, GUEST.c.inside_room_id).where(GUEST.c.event_id == event_id)
        ).all()
        for guest_id, place in stored_places:
            should = expected.get(guest_id)
            if place != should:
                mismatches.append(Mismatch(f"guest {guest_id} inside_room_id", place, should))
                if repair:
                    conn.execute(
                        sa.update(GUEST).where(GUEST.c.id == guest_id).values(inside_room_id=should)
                    )
    return mismatches


__all__ = [
    "EventStats", "Mismatch", "RoomStats", "RoomTally", "effective", "recount", "room_counts",
    "stats", "tally_room",
]
