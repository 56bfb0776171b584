"""The passage log as the door reads and writes it: the statements, the read models, and undo.

Effective passages are those with direction in/out that are neither an undo nor undone; an undo is
a new passage (verdict "undo", direction "none", undoes_id) and the undone one gets undone_by_id.
Nothing is ever deleted.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import SQLModel

from . import codes
from .errors import UserError
from .models import Direction, UTCDateTime, utcnow
from .occupancy import ENTER_ROOM, GUEST, LEAVE_ROOM, PASSAGE, ROOM, effective, set_room, tally_room
from .resolve import MAX_KEYS
from .verdicts import GuestView, RoomCount, VerdictKind

STATION = SQLModel.metadata.tables["station"]
UNDO = "undo"  # the verdict of an undo passage

GUEST_COLUMNS = (
    GUEST.c.id, GUEST.c.event_id, GUEST.c.first_name, GUEST.c.last_name, GUEST.c.organization,
    GUEST.c.role, GUEST.c.email, GUEST.c.code, GUEST.c.code_key, GUEST.c.status, GUEST.c.walk_in,
    GUEST.c.badge_prints, GUEST.c.inside_room_id,
)
LAST = PASSAGE.alias("last")
# The guest's latest effective passage id rides along with the lookup: a first admission (the
# common case) then needs no further read of the log.
LAST_ID = (
    sa.select(LAST.c.id)
    .where(LAST.c.guest_id == GUEST.c.id, effective(LAST))
    .order_by(LAST.c.id.desc()).limit(1)
    .scalar_subquery().label("last_id")
)
RECENT = PASSAGE.alias("recent")
# This station's newest passage of the guest within the repeat window (a scanner's double send)
# and the passage already recorded for this request id (a retry) ride along as well. The "+ 0"
# keeps the database on the guest's index rather than scanning a busy station's recent passages.
RECENT_ID = (
    sa.select(RECENT.c.id)
    .where(RECENT.c.guest_id == GUEST.c.id,
           RECENT.c.station_id + sa.literal_column("0") == sa.bindparam("station"),
           RECENT.c.at >= sa.bindparam("since", type_=UTCDateTime()))
    .order_by(RECENT.c.id.desc()).limit(1)
    .scalar_subquery().label("recent_id")
)
REQUEST_ID = (
    sa.select(PASSAGE.c.id).where(PASSAGE.c.request_id == sa.bindparam("request"))
    .scalar_subquery().label("request_pid")
)
BY_KEYS = sa.select(*GUEST_COLUMNS, LAST_ID, RECENT_ID, REQUEST_ID).where(
    GUEST.c.code_key.in_([sa.bindparam(f"k{i}") for i in range(MAX_KEYS)]))
BY_ID = sa.select(*GUEST_COLUMNS, LAST_ID, RECENT_ID, REQUEST_ID).where(
    GUEST.c.id == sa.bindparam("gid"))
GUEST_BY_ID = sa.select(*GUEST_COLUMNS, LAST_ID).where(GUEST.c.id == sa.bindparam("gid"))
NEAR = sa.select(GUEST.c.id).where(
    GUEST.c.event_id == sa.bindparam("event"),
    GUEST.c.code_key.in_(sa.bindparam("keys", expanding=True))).limit(1)
PASSAGE_AT = (
    sa.select(PASSAGE.c.id, PASSAGE.c.direction, PASSAGE.c.at, PASSAGE.c.room_id, STATION.c.name)
    .join_from(PASSAGE, STATION, PASSAGE.c.station_id == STATION.c.id, isouter=True)
    .where(PASSAGE.c.id == sa.bindparam("pid"))
)
EARLIER_COLUMNS = (PASSAGE.c.id, PASSAGE.c.guest_id, PASSAGE.c.verdict, PASSAGE.c.raw_input,
                   PASSAGE.c.at, PASSAGE.c.request_id, PASSAGE.c.undone_by_id)
PASSAGE_BY_ID = sa.select(*EARLIER_COLUMNS).where(PASSAGE.c.id == sa.bindparam("pid"))
# Without a guest of this event (unknown code, another event's code, a walk-in): the same
# questions, matched by the raw input.
EARLIER_WITHOUT_GUEST = (
    sa.select(*EARLIER_COLUMNS)
    .where(sa.or_(
        sa.and_(PASSAGE.c.station_id == sa.bindparam("station"),
                PASSAGE.c.at >= sa.bindparam("since", type_=UTCDateTime()),
                PASSAGE.c.guest_id.is_(None), PASSAGE.c.raw_input == sa.bindparam("raw")),
        PASSAGE.c.request_id == sa.bindparam("request"),
    ))
    .order_by(PASSAGE.c.id.desc())
    .limit(2)
)
ENTER_GUEST = (
    sa.update(GUEST)
    .where(GUEST.c.id == sa.bindparam("gid"), GUEST.c.inside_room_id.is_(None))
    .values(inside_room_id=sa.bindparam("room"))
)
LEAVE_GUEST = (
    sa.update(GUEST)
    .where(GUEST.c.id == sa.bindparam("gid"), GUEST.c.inside_room_id == sa.bindparam("room"))
    .values(inside_room_id=None)
)
INSERT_PASSAGE = sa.insert(PASSAGE).returning(PASSAGE.c.id)


def move_and_log(move: sa.Update, direction: Direction) -> sa.Select[Any]:
    """PostgreSQL: a room counter's UPDATE and the passage INSERT as one statement.

    The room's row lock is the one every station of the room waits for; sending both in one
    round trip keeps it held only for the statement and the commit. The passage id is drawn
    after the lock is taken, so ids still follow the order in which the counter moved.
    Parameters: those of `move`, and event, station, kind, reason, raw, request, now.
    """
    moved = move.cte("moved")
    # Only an entry can be over the limit: an exit from a room over it is a plain exit.
    over = moved.c.inside > moved.c.capacity if direction is Direction.IN else sa.false()
    kind = sa.bindparam("kind", type_=sa.String())
    logged = (
        sa.insert(PASSAGE)
        .from_select(
            ["event_id", "guest_id", "room_id", "station_id", "direction", "verdict", "reason",
             "raw_input", "forced", "request_id", "at"],
            sa.select(
                sa.bindparam("event", type_=sa.Integer()), sa.bindparam("gid", type_=sa.Integer()),
                moved.c.id, sa.bindparam("station", type_=sa.Integer()),
                sa.literal(direction.value, sa.String()),
                sa.case((over, sa.literal(VerdictKind.OVERRIDE.value, sa.String())), else_=kind),
                sa.case((over, sa.func.concat("ponad limit (", moved.c.inside, "/", moved.c.capacity, ")")),
                        else_=sa.bindparam("reason", type_=sa.String())),
                sa.bindparam("raw", type_=sa.String()), over,
                sa.bindparam("request", type_=sa.String()), sa.bindparam("now", type_=UTCDateTime()),
            ).select_from(moved),
        )
        .returning(PASSAGE.c.id)
        .cte("logged")
    )
    return sa.select(*moved.c, logged.c.id.label("passage_id")).select_from(
        moved.join(logged, sa.true()))


ENTER_AND_LOG = move_and_log(ENTER_ROOM, Direction.IN)
LEAVE_AND_LOG = move_and_log(LEAVE_ROOM, Direction.OUT)


@dataclass(frozen=True)
class PassageView:
    """One entry of the passage log as the door's history list shows it."""

    id: int
    at: datetime
    verdict: VerdictKind | Literal["undo"]
    direction: str  # "in", "out" or "none"
    guest: GuestView | None
    room: str
    station: str
    raw_input: str
    forced: bool
    undone: bool
    undoes_id: int | None


@dataclass(frozen=True)
class UndoResult:
    """What an undo did: the passage it took back, its own log entry, the room after it."""

    undone: PassageView
    undo_passage_id: int
    room: RoomCount


def guest_view(m: Any) -> GuestView:
    """A guest row (GUEST_COLUMNS) as the read model the door shows."""
    return GuestView(
        id=m["id"], first_name=m["first_name"], last_name=m["last_name"],
        organization=m["organization"], role=m["role"], email=m["email"], code=m["code"],
        display_code=codes.display(m["code"]), status=m["status"], walk_in=m["walk_in"],
        badge_prints=m["badge_prints"],
    )


def passage_views(conn: sa.Connection, where: sa.ColumnElement[bool], limit: int) -> list[PassageView]:
    """Passages matching where, newest first, with their guest, room and station."""
    rows = conn.execute(
        sa.select(PASSAGE, *[c.label(f"g_{c.name}") for c in GUEST_COLUMNS],
                  ROOM.c.name.label("room_name"), STATION.c.name.label("station_name"))
        .join_from(PASSAGE, GUEST, PASSAGE.c.guest_id == GUEST.c.id, isouter=True)
        .join_from(PASSAGE, ROOM, PASSAGE.c.room_id == ROOM.c.id, isouter=True)
        .join_from(PASSAGE, STATION, PASSAGE.c.station_id == STATION.c.id, isouter=True)
        .where(where).order_by(PASSAGE.c.id.desc()).limit(limit)
    ).mappings()
    out = []
    for m in rows:
        guest = None
        if m["g_id"] is not None:
            guest = guest_view({c.name: m[f"g_{c.name}"] for c in GUEST_COLUMNS})
        verdict: VerdictKind | Literal["undo"] = (
            "undo" if m["verdict"] == UNDO else VerdictKind(m["verdict"]))
        out.append(PassageView(
            id=m["id"], at=m["at"], verdict=verdict, direction=m["direction"], guest=guest,
            room=m["room_name"] or "", station=m["station_name"] or "", raw_input=m["raw_input"],
            forced=m["forced"], undone=m["undone_by_id"] is not None, undoes_id=m["undoes_id"],
        ))
    return out


def undo_passage(conn: sa.Connection, event_id: int, station_id: int, passage_id: int) -> UndoResult:
    """Take back a recorded entry or exit as a new log entry (the caller's transaction)."""
    p = conn.execute(
        sa.select(PASSAGE).where(PASSAGE.c.id == passage_id)).mappings().first()
    if p is None or p["event_id"] != event_id:
        raise UserError(f"Nie ma wpisu nr {passage_id} w dzienniku tego wydarzenia.")
    if p["verdict"] == UNDO:
        raise UserError("Cofnięcia nie można cofnąć. Jeśli gość jednak wszedł lub wyszedł, "
                        "zeskanuj jego kod ponownie.")
    if p["undone_by_id"] is not None:
        raise UserError(f"Wpis nr {passage_id} został już cofnięty.")
    if p["direction"] not in (Direction.IN.value, Direction.OUT.value) or p["guest_id"] is None:
        raise UserError("Ten wpis niczego nie zmienił (odmowa), więc nie ma czego cofać.")
    latest = conn.execute(
        sa.select(PASSAGE.c.id).where(PASSAGE.c.guest_id == p["guest_id"], effective())
        .order_by(PASSAGE.c.id.desc()).limit(1)
    ).scalar()
    if latest != passage_id:
        raise UserError("Po tym wpisie gość przechodził jeszcze przez drzwi. Cofnij najpierw "
                        "późniejsze wpisy albo zeskanuj jego kod ponownie.")
    room_id = p["room_id"]
    if p["direction"] == Direction.IN.value:
        moved = conn.execute(LEAVE_GUEST, {"gid": p["guest_id"], "room": room_id})
    else:
        moved = conn.execute(ENTER_GUEST, {"gid": p["guest_id"], "room": room_id})
    if moved.rowcount != 1:
        raise UserError("Stan gościa nie zgadza się z dziennikiem; spróbuj ponownie za chwilę.")
    # Lock the room's counter before reading the log, so the tally sees every passage.
    conn.execute(sa.select(ROOM.c.id).where(ROOM.c.id == room_id).with_for_update())
    undo_id: int = conn.execute(INSERT_PASSAGE, {
        "event_id": event_id, "guest_id": p["guest_id"], "room_id": room_id,
        "station_id": station_id, "direction": Direction.NONE.value, "verdict": UNDO,
        "reason": f"cofnięcie wpisu nr {passage_id}", "raw_input": "", "forced": False,
        "request_id": uuid.uuid4().hex, "at": utcnow(), "undoes_id": passage_id,
        "undone_by_id": None,
    }).scalar_one()
    linked = conn.execute(
        sa.update(PASSAGE).where(PASSAGE.c.id == passage_id, PASSAGE.c.undone_by_id.is_(None))
        .values(undone_by_id=undo_id))
    if linked.rowcount != 1:
        raise UserError(f"Wpis nr {passage_id} został już cofnięty.")
    # Undoing an exit may put the room over its limit: it corrects a mistake, the person
    # never left. The peak is replayed from the log, which no longer has the undone move.
    room = set_room(conn, room_id, tally_room(conn, room_id))
    view = passage_views(conn, PASSAGE.c.id == passage_id, 1)[0]
    return UndoResult(view, undo_id, room)


__all__ = [
    "BY_ID", "BY_KEYS", "EARLIER_WITHOUT_GUEST", "ENTER_AND_LOG", "ENTER_GUEST", "GUEST_BY_ID",
    "GUEST_COLUMNS", "LEAVE_AND_LOG",
    "INSERT_PASSAGE", "LEAVE_GUEST", "NEAR", "PASSAGE_AT", "PASSAGE_BY_ID", "STATION", "UNDO",
    "PassageView", "UndoResult", "guest_view", "passage_views", "undo_passage",
]
