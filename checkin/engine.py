"""The check-in engine: one Door per station turns scans and door actions into verdicts.

Every action is one short transaction in SQLAlchemy Core on a pooled connection (no ORM session on
the scan path). The passage is appended in the same transaction that moves the room counter and
the guest's location, each move being one conditional UPDATE, so two stations can neither admit
one code twice nor take the same last seat. A verdict is returned only after its commit.
"""

import logging
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa

from . import codes
from .errors import UserError
from .guest_keys import guest_keys
from .models import CodeSource, Direction, GuestStatus, StationKind, utcnow
from .occupancy import (
    ENTER_ROOM,
    GET_ROOM,
    GUEST,
    LEAVE_ROOM,
    PASSAGE,
    ROOM,
    EventStats,
    RoomStats,
    effective,
    room_count,
    room_counts,
    stats,
)
from .passage_log import (
    BY_ID,
    BY_KEYS,
    EARLIER_WITHOUT_GUEST,
    ENTER_AND_LOG,
    ENTER_GUEST,
    GUEST_BY_ID,
    GUEST_COLUMNS,
    INSERT_PASSAGE,
    LEAVE_AND_LOG,
    LEAVE_GUEST,
    NEAR,
    PASSAGE_AT,
    PASSAGE_BY_ID,
    STATION,
    UNDO,
    PassageView,
    UndoResult,
    guest_view,
    passage_views,
    undo_passage,
)
from .resolve import MAX_KEYS, Resolved, near_misses, resolve
from .textnorm import clean
from .verdicts import RoomCount, Verdict, VerdictKind

log = logging.getLogger(__name__)

REPEAT_WINDOW = timedelta(seconds=2)  # a scanner that sends a code twice does so within this
_ATTEMPTS = 3  # a lost PostgreSQL connection is retried this many times with the same request id
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

_ENTRY_INTENT = {VerdictKind.ADMITTED, VerdictKind.WELCOME_BACK, VerdictKind.OVERRIDE,
                 VerdictKind.ALREADY_INSIDE, VerdictKind.ROOM_FULL}
_EXIT_INTENT = {VerdictKind.EXIT, VerdictKind.NOT_INSIDE}
RAW_INPUT_LIMIT = 1000  # characters of the raw input kept in the log


def storable(raw: str) -> str:
    """The raw input as the log can hold it on every backend: NUL and broken characters escaped."""
    if len(raw) <= RAW_INPUT_LIMIT and raw.isprintable():
        return raw
    # A lone surrogate cannot be stored as UTF-8, nor NUL in a PostgreSQL text column.
    text = raw[:RAW_INPUT_LIMIT].encode("utf-8", "backslashreplace").decode("utf-8")
    return text.replace("\x00", "\\x00")


class _Refuse(Exception):
    """Raised inside a unit of work to roll its writes back and log a refusal instead."""

    def __init__(self, kind: VerdictKind, reason: str, room: RoomCount | None = None) -> None:
        super().__init__(kind)
        self.kind, self.reason, self.room = kind, reason, room


@dataclass
class _Scan:
    """One request being decided: what came in and what is known so far."""

    raw: str
    exit: bool
    override: bool
    request_id: str
    now: datetime
    resolved: Resolved | None = None  # None: an action by guest id, not a scan
    reason: str = ""  # why a recorded passage happened that way (by name, walk-in)


T = TypeVar("T")


class Door:
    """A station at a room's door: scans, admissions by name, exits, walk-ins and undo."""

    def __init__(
        self,
        db: sa.Engine,
        event_id: int,
        station: str,
        *,
        room: str | None = None,
        exit_station: bool = False,
    ) -> None:
        station = clean(station)
        if not station:
            raise UserError("Podaj nazwę stanowiska (np. „Wejście 1”).")
        self.db = db
        # Read-then-write units of work take SQLite's write lock at BEGIN (checkin.db).
        self._wdb = db.execution_options(sqlite_immediate=True)
        # On PostgreSQL the counter and the log entry go in one statement (passage_log.move_and_log);
        # SQLite has one writer at a time anyway and cannot put an UPDATE in a WITH clause.
        self._one_trip = db.dialect.name == "postgresql"
        self.event_id = event_id
        self.station = station
        self.exit_station = exit_station
        with self._wdb.begin() as conn:
            rooms = conn.execute(
                sa.select(ROOM.c.id, ROOM.c.name).where(ROOM.c.event_id == event_id)
                .order_by(ROOM.c.position, ROOM.c.id)
            ).all()
            if not rooms:
                raise UserError("Wydarzenie nie ma żadnej sali. Dodaj salę w pliku wydarzenia "
                                "i wczytaj go ponownie (checkin init).")
            chosen = rooms[0] if room is None else next(
                (r for r in rooms if r.name.casefold() == room.strip().casefold()), None)
            if chosen is None:
                names = ", ".join(f"„{r.name}”" for r in rooms)
                raise UserError(f"Nie ma sali „{room}” w tym wydarzeniu. Sale: {names}.")
            self.room_id: int = chosen.id
            self.room_name: str = chosen.name
            self.station_id = self._register_station(conn, self._kind())
        self._recorded_kind = self._kind()

    # --- public actions ------------------------------------------------------------------------

    def scan(
        self,
        raw: str,
        *,
        exit: bool | None = None,
        override: bool = False,
        request_id: str | None = None,
    ) -> Verdict:
        """One scan or typed code: admit (or let out) the guest, or say why not."""
        req = request_id or uuid.uuid4().hex
        leaving = self.exit_station if exit is None else exit
        return self._retrying(lambda: self._decide(
            _Scan(raw, leaving, override, req, utcnow(), resolve(raw)), None))

    def admit(self, guest_id: int, *, override: bool = False, request_id: str | None = None) -> Verdict:
        """Admit a guest found by name."""
        req = request_id or uuid.uuid4().hex
        return self._retrying(lambda: self._decide(
            _Scan("", False, override, req, utcnow(), reason="po nazwisku"), guest_id))

    def leave(self, guest_id: int, *, request_id: str | None = None) -> Verdict:
        """Record that a guest found by name left the room."""
        req = request_id or uuid.uuid4().hex
        return self._retrying(lambda: self._decide(
            _Scan("", True, False, req, utcnow(), reason="po nazwisku"), guest_id))

    def walk_in(
        self,
        first_name: str,
        last_name: str,
        organization: str = "",
        email: str = "",
        *,
        override: bool = False,
        request_id: str | None = None,
    ) -> Verdict:
        """Register a walk-in (with a new code) and admit them, in one transaction."""
        first, last, org, mail = clean(first_name), clean(last_name), clean(organization), clean(email)
        if not first or not last:
            raise UserError("Wpisz imię i nazwisko gościa — oba pola są wymagane.")
        if mail and not _EMAIL.fullmatch(mail):
            raise UserError(f"Adres e-mail „{mail}” jest niepoprawny. Popraw go albo zostaw puste pole.")
        req = request_id or uuid.uuid4().hex
        return self._retrying(lambda: self._walk_in(first, last, org, mail, override, req))

    def undo_last(self) -> UndoResult | None:
        """Undo this station's last recorded action that was not undone yet (None: nothing to undo)."""
        with self.db.connect() as conn:
            pid = conn.execute(
                sa.select(PASSAGE.c.id)
                .where(PASSAGE.c.station_id == self.station_id, effective())
                .order_by(PASSAGE.c.id.desc()).limit(1)
            ).scalar()
        return None if pid is None else self.undo(pid)

    def undo(self, passage_id: int) -> UndoResult:
        """Take back a recorded entry or exit, as a new log entry; the room count follows."""
        return self._retrying(lambda: self._undo(passage_id))

    def _undo(self, passage_id: int) -> UndoResult:
        with self._wdb.begin() as conn:
            return undo_passage(conn, self.event_id, self.station_id, passage_id)

    def recent(self, limit: int = 20) -> list[PassageView]:
        """This station's passages, newest first, refusals and undos included."""
        with self.db.connect() as conn:
            return passage_views(conn, PASSAGE.c.station_id == self.station_id, limit)

    def room_count(self) -> RoomCount:
        """This door's room now."""
        with self.db.connect() as conn:
            return room_count(conn.execute(GET_ROOM, {"room": self.room_id}).one())

    # --- units of work -------------------------------------------------------------------------

    def _retrying(self, work: Callable[[], T]) -> T:
        """Run a unit of work, again when the connection to PostgreSQL was lost.

        The retry carries the same request id, so a request whose commit went through before the
        connection dropped is found in the log and not recorded twice.
        """
        for attempt in range(_ATTEMPTS):
            try:
                return work()
            except sa.exc.DBAPIError as exc:
                lost = exc.connection_invalidated or (
                    isinstance(exc, sa.exc.OperationalError) and self.db.dialect.name != "sqlite")
                if not lost or attempt == _ATTEMPTS - 1:
                    raise
                log.warning("station %s: database connection lost, retrying: %s", self.station, exc)
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    def _decide(self, scan: _Scan, guest_id: int | None) -> Verdict:
        with self._wdb.connect() as conn:
            try:
                with conn.begin():
                    return self._decide_in(conn, scan, guest_id)
            except _Refuse as refused:
                # The writes were rolled back; the refusal itself is logged in a new transaction.
                with conn.begin():
                    return self._refusal(conn, scan, refused, self._guest(conn, scan, guest_id))

    def _lookup(self, scan: _Scan) -> dict[str, Any]:
        return {"station": self.station_id, "since": scan.now - REPEAT_WINDOW,
                "request": scan.request_id}

    def _guest(self, conn: sa.Connection, scan: _Scan, guest_id: int | None) -> sa.RowMapping | None:
        if guest_id is not None:
            return conn.execute(BY_ID, {"gid": guest_id, **self._lookup(scan)}).mappings().first()
        assert scan.resolved is not None
        keys = scan.resolved.keys
        if not keys:
            return None
        params = self._lookup(scan)
        for i in range(MAX_KEYS):
            params[f"k{i}"] = keys[i] if i < len(keys) else keys[0]
        rows = conn.execute(BY_KEYS, params).mappings().all()
        if not rows:
            return None

        # The best reading first; within it a guest of this event, and a live registration.
        def rank(m: sa.RowMapping) -> tuple[int, bool, bool]:
            return (keys.index(m["code_key"]), m["event_id"] != self.event_id,
                    m["status"] != GuestStatus.REGISTERED.value)
        return min(rows, key=rank)

    def _decide_in(self, conn: sa.Connection, scan: _Scan, guest_id: int | None) -> Verdict:
        self._sync_station_kind(conn)
        guest = self._guest(conn, scan, guest_id)
        earlier = self._earlier(conn, scan, guest)
        if earlier is not None:
            return earlier
        if guest is None:
            if guest_id is not None:
                raise UserError(f"Nie ma gościa o numerze {guest_id}. Odśwież listę i wyszukaj ponownie.")
            kind, reason = self._unknown_or_typo(conn, scan)
            raise _Refuse(kind, reason)
        if guest["event_id"] != self.event_id:
            raise _Refuse(VerdictKind.WRONG_EVENT, f"kod wydarzenia nr {guest['event_id']}")
        if scan.exit:
            return self._leave(conn, scan, guest)
        if guest["status"] == GuestStatus.CANCELLED.value:
            raise _Refuse(VerdictKind.CANCELLED, "rejestracja odwołana")
        if guest["inside_room_id"] is not None:
            raise _Refuse(VerdictKind.ALREADY_INSIDE, "już wszedł")
        return self._enter(conn, scan, guest)

    def _enter(self, conn: sa.Connection, scan: _Scan, guest: sa.RowMapping) -> Verdict:
        moved = conn.execute(ENTER_GUEST, {"gid": guest["id"], "room": self.room_id})
        if moved.rowcount != 1:  # another station admitted them a moment ago
            raise _Refuse(VerdictKind.ALREADY_INSIDE, "już wszedł")
        # Everything known before the room's counter is touched: from there on other stations
        # of the room wait for this transaction.
        previous = self._previous(conn, guest["last_id"])
        kind = VerdictKind.WELCOME_BACK if previous is not None else VerdictKind.ADMITTED
        params = {"room": self.room_id, "force": scan.override, "now": scan.now}
        if self._one_trip:
            row = conn.execute(ENTER_AND_LOG, {**params, **self._log_params(scan, guest, kind)}).first()
        else:
            row = conn.execute(ENTER_ROOM, params).first()
        if row is None:
            room = room_count(conn.execute(GET_ROOM, {"room": self.room_id}).one())
            raise _Refuse(VerdictKind.ROOM_FULL, f"sala pełna ({room.inside}/{room.capacity})", room)
        room = room_count(row)
        forced = room.inside > room.capacity
        if forced:
            kind = VerdictKind.OVERRIDE
        if self._one_trip:
            pid: int = row.passage_id
        else:
            reason = f"ponad limit ({room.inside}/{room.capacity})" if forced else scan.reason
            pid = self._insert(conn, scan, guest["id"], Direction.IN, kind, reason, forced)
        return Verdict(kind, guest_view(guest), room, self.station, scan.now, scan.raw, pid,
                       previous[1] if previous else None, previous[2] if previous else None)

    def _leave(self, conn: sa.Connection, scan: _Scan, guest: sa.RowMapping) -> Verdict:
        if guest["inside_room_id"] != self.room_id:
            raise _Refuse(VerdictKind.NOT_INSIDE, "nie ma go w sali")
        moved = conn.execute(LEAVE_GUEST, {"gid": guest["id"], "room": self.room_id})
        if moved.rowcount != 1:
            raise _Refuse(VerdictKind.NOT_INSIDE, "nie ma go w sali")
        entry = self._previous(conn, guest["last_id"], Direction.IN)
        if self._one_trip:
            row = conn.execute(LEAVE_AND_LOG, {
                "room": self.room_id, **self._log_params(scan, guest, VerdictKind.EXIT)}).one()
            room, pid = room_count(row), row.passage_id
        else:
            room = room_count(conn.execute(LEAVE_ROOM, {"room": self.room_id}).one())
            pid = self._insert(conn, scan, guest["id"], Direction.OUT, VerdictKind.EXIT, scan.reason, False)
        return Verdict(VerdictKind.EXIT, guest_view(guest), room, self.station, scan.now, scan.raw, pid,
                       entry[1] if entry else None, entry[2] if entry else None)

    def _log_params(self, scan: _Scan, guest: sa.RowMapping, kind: VerdictKind) -> dict[str, Any]:
        return {"event": self.event_id, "gid": guest["id"], "station": self.station_id,
                "kind": kind.value, "reason": scan.reason, "raw": storable(scan.raw),
                "request": scan.request_id, "now": scan.now}

    def _refusal(
        self, conn: sa.Connection, scan: _Scan, refused: _Refuse, guest: sa.RowMapping | None
    ) -> Verdict:
        room = refused.room or room_count(conn.execute(GET_ROOM, {"room": self.room_id}).one())
        shown = guest if guest is not None and guest["event_id"] == self.event_id else None
        previous = None
        if refused.kind is VerdictKind.ALREADY_INSIDE and shown is not None:
            previous = self._previous(conn, shown["last_id"], Direction.IN)
            if previous is not None:
                where = "" if previous[3] == self.room_id else " (w innej sali)"
                refused.reason = f"wszedł {previous[1]:%H:%M:%S} UTC, stanowisko {previous[2]}{where}"
        pid = self._insert(conn, scan, shown["id"] if shown else None, Direction.NONE, refused.kind,
                           refused.reason, False)
        return Verdict(refused.kind, guest_view(shown) if shown else None, room, self.station, scan.now,
                       scan.raw, pid, previous[1] if previous else None,
                       previous[2] if previous else None)

    def _unknown_or_typo(self, conn: sa.Connection, scan: _Scan) -> tuple[VerdictKind, str]:
        assert scan.resolved is not None
        if scan.resolved.bad_check:
            return VerdictKind.TYPO, "błędny znak kontrolny"
        near = sorted({k for key in scan.resolved.near for k in near_misses(key)})
        if near and conn.execute(NEAR, {"event": self.event_id, "keys": near}).first() is not None:
            return VerdictKind.TYPO, "jeden znak różni się od istniejącego kodu"
        return VerdictKind.UNKNOWN, "nieznany kod"

    def _earlier(self, conn: sa.Connection, scan: _Scan, guest: sa.RowMapping | None) -> Verdict | None:
        """The verdict already given to this request (a retry) or to this scan seconds ago."""
        if guest is not None and guest["event_id"] == self.event_id:
            if guest["request_pid"] is not None:
                original = conn.execute(PASSAGE_BY_ID, {"pid": guest["request_pid"]}).mappings().one()
                return self._again(conn, scan, original, repeat=False)
            if guest["recent_id"] is None:
                return None
            if guest["last_id"] is not None and guest["last_id"] > guest["recent_id"]:
                return None  # they went through another door since: this is a new scan
            latest = conn.execute(PASSAGE_BY_ID, {"pid": guest["recent_id"]}).mappings().one()
        else:
            rows = conn.execute(EARLIER_WITHOUT_GUEST, {**self._lookup(scan), "raw": storable(scan.raw)}
                                ).mappings().all()
            retried = next((r for r in rows if r["request_id"] == scan.request_id), None)
            if retried is not None:
                return self._again(conn, scan, retried, repeat=False)
            if not rows or scan.resolved is None:
                return None  # a walk-in is never a double send
            latest = rows[0]
        # Only the newest passage of this code at this station counts: after an undo, a switch
        # of direction, or a supervisor overriding the refusal just shown, it is a new action.
        if latest["verdict"] == UNDO or latest["undone_by_id"] is not None:
            return None
        kind = VerdictKind(latest["verdict"])
        if (kind in _EXIT_INTENT and not scan.exit) or (kind in _ENTRY_INTENT and scan.exit):
            return None
        if scan.override and kind is VerdictKind.ROOM_FULL:
            return None
        return self._again(conn, scan, latest, repeat=True)

    def _again(self, conn: sa.Connection, scan: _Scan, original: sa.RowMapping, *, repeat: bool) -> Verdict:
        kind = VerdictKind(original["verdict"])
        guest = None
        if original["guest_id"] is not None:
            guest = conn.execute(GUEST_BY_ID, {"gid": original["guest_id"]}).mappings().first()
        room = room_count(conn.execute(GET_ROOM, {"room": self.room_id}).one())
        previous = None
        if guest is not None and kind in (VerdictKind.ALREADY_INSIDE, VerdictKind.WELCOME_BACK):
            previous = self._previous_before(conn, guest["id"], original["id"])
        return Verdict(kind, guest_view(guest) if guest else None, room, self.station, original["at"],
                       original["raw_input"] if not repeat else scan.raw, original["id"],
                       previous[1] if previous else None, previous[2] if previous else None,
                       repeat=repeat)

    def _previous(
        self, conn: sa.Connection, last_id: int | None, direction: Direction | None = None
    ) -> tuple[int, datetime, str, int] | None:
        """The guest's latest effective passage (id, at, station, room), if it has that direction."""
        if last_id is None:
            return None
        row = conn.execute(PASSAGE_AT, {"pid": last_id}).first()
        if row is None or (direction is not None and row.direction != direction.value):
            return None
        return row.id, row.at, row.name or "", row.room_id

    def _previous_before(
        self, conn: sa.Connection, guest_id: int, before: int
    ) -> tuple[int, datetime, str, int] | None:
        last_id = conn.execute(
            sa.select(PASSAGE.c.id)
            .where(PASSAGE.c.guest_id == guest_id, PASSAGE.c.id < before, effective())
            .order_by(PASSAGE.c.id.desc()).limit(1)
        ).scalar()
        return self._previous(conn, last_id)

    def _insert(
        self, conn: sa.Connection, scan: _Scan, guest_id: int | None, direction: Direction,
        kind: VerdictKind | str, reason: str, forced: bool, undoes: int | None = None,
    ) -> int:
        pid: int = conn.execute(INSERT_PASSAGE, {
            "event_id": self.event_id, "guest_id": guest_id, "room_id": self.room_id,
            "station_id": self.station_id, "direction": direction.value, "verdict": str(kind),
            "reason": reason, "raw_input": storable(scan.raw), "forced": forced,
            "request_id": scan.request_id, "at": scan.now, "undoes_id": undoes, "undone_by_id": None,
        }).scalar_one()
        return pid

    # --- walk-ins ------------------------------------------------------------------------------

    def _walk_in(self, first: str, last: str, org: str, mail: str, override: bool, req: str) -> Verdict:
        scan = _Scan(f"{first} {last}", False, override, req, utcnow(), reason="bez rejestracji")
        with self._wdb.connect() as conn:
            try:
                with conn.begin():
                    self._sync_station_kind(conn)
                    earlier = self._earlier(conn, scan, None)
                    if earlier is not None and not earlier.repeat:
                        return earlier
                    row = conn.execute(ENTER_ROOM, {"room": self.room_id, "force": override,
                                                    "now": scan.now}).first()
                    if row is None:
                        room = room_count(conn.execute(GET_ROOM, {"room": self.room_id}).one())
                        raise _Refuse(VerdictKind.ROOM_FULL, f"sala pełna ({room.inside}/{room.capacity}); "
                                      "gość bez rejestracji nie został zapisany", room)
                    room = room_count(row)
                    code = codes.generate()
                    guest = conn.execute(sa.insert(GUEST).returning(*GUEST_COLUMNS), {
                        "event_id": self.event_id, "first_name": first, "last_name": last,
                        "organization": org, "role": "", "email": mail, "phone": "", "extra": {},
                        "status": GuestStatus.REGISTERED.value, "walk_in": True, "code": code,
                        "code_source": CodeSource.GENERATED.value, "source_file": "",
                        "source_row": None, "inside_room_id": self.room_id, "badge_prints": 0,
                        "badge_printed_at": None, "created_at": scan.now, "updated_at": scan.now,
                        **guest_keys(first, last, org, mail, code),
                    }).mappings().one()
                    forced = room.inside > room.capacity
                    kind = VerdictKind.OVERRIDE if forced else VerdictKind.ADMITTED
                    if forced:
                        reason = f"{scan.reason}; ponad limit ({room.inside}/{room.capacity})"
                    else:
                        reason = scan.reason
                    pid = self._insert(conn, scan, guest["id"], Direction.IN, kind, reason, forced)
                    return Verdict(kind, guest_view(guest), room, self.station, scan.now, scan.raw, pid)
            except _Refuse as refused:
                with conn.begin():
                    return self._refusal(conn, scan, refused, None)

    # --- undo ----------------------------------------------------------------------------------

    # --- the station ---------------------------------------------------------------------------

    def _kind(self) -> str:
        return (StationKind.EXIT if self.exit_station else StationKind.ENTRANCE).value

    def _register_station(self, conn: sa.Connection, kind: str) -> int:
        # Two stations may start with one name at once: insert-or-keep, then read the id.
        values = {"event_id": self.event_id, "name": self.station, "kind": kind, "created_at": utcnow()}
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql
            conn.execute(postgresql.insert(STATION).values(values)
                         .on_conflict_do_nothing(index_elements=["event_id", "name"]))
        else:
            from sqlalchemy.dialects import sqlite
            conn.execute(sqlite.insert(STATION).values(values)
                         .on_conflict_do_nothing(index_elements=["event_id", "name"]))
        sid: int = conn.execute(
            sa.update(STATION)
            .where(STATION.c.event_id == self.event_id, STATION.c.name == self.station)
            .values(kind=kind).returning(STATION.c.id)
        ).scalar_one()
        return sid

    def _sync_station_kind(self, conn: sa.Connection) -> None:
        kind = self._kind()
        if kind != self._recorded_kind:  # the UI switched the station between entrance and exit
            conn.execute(sa.update(STATION).where(STATION.c.id == self.station_id).values(kind=kind))
            self._recorded_kind = kind


__all__ = [
    "REPEAT_WINDOW", "STATION", "Door", "EventStats", "PassageView", "RoomStats", "UndoResult",
    "passage_views", "room_counts", "stats",
]
