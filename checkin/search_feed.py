"""Keeping a guest index in step with the database: one full load, then only what changed.

Meant for a worker thread (a network database may be slow): every call opens its own short
connection, and one GuestFeed must not be used by two threads at once.

What changed is found without trusting any station's clock or commit order:
- the guest table is summarised per block of ids (how many rows, the sum of their update stamps,
  locations and badge counters, how many are cancelled); a block whose summary differs from last
  time is read again, which also reveals new and deleted guests;
- passages appended since the last look (kept as a window of recent ids, so one committed late
  on PostgreSQL is still seen) name the guests whose arrival state must be read again.
A change touching many guests (an import) reloads everything into a fresh index instead.
"""

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from . import models  # noqa: F401  (registers the tables in SQLModel.metadata)
from .codes import canonical
from .models import Direction, GuestStatus
from .occupancy import effective
from .search import GuestIndex, ListedGuest, search_text
from .textnorm import fold

GUEST = SQLModel.metadata.tables["guest"]
PASSAGE = SQLModel.metadata.tables["passage"]
ROOM = SQLModel.metadata.tables["room"]

BLOCK = 256  # guests per fingerprint block: a check-in re-reads at most this many rows
PASSAGE_WINDOW = 512  # recent passage ids looked at again, for transactions that commit late
FULL_RELOAD_ABOVE = 1024  # more changed guests than this: a fresh index built on the worker

_COLUMNS = (
    GUEST.c.id, GUEST.c.first_name, GUEST.c.last_name, GUEST.c.organization, GUEST.c.role,
    GUEST.c.email, GUEST.c.code, GUEST.c.status, GUEST.c.walk_in, GUEST.c.inside_room_id,
    GUEST.c.badge_prints, GUEST.c.search_text, GUEST.c.code_key,
)
# A literal divisor: a bound parameter would make GROUP BY differ from the select list on PG.
_BLOCK_OF = sa.literal_column(f"guest.id / {BLOCK}", sa.Integer)


@dataclass(frozen=True)
class Delta:
    """What changed since the last look; ``index`` replaces the whole index when set."""

    changed: list[ListedGuest] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    index: GuestIndex | None = None
    rooms: dict[int, str] | None = None  # room names, when they changed

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.index is not None or self.rooms is not None)


def _stamp_total(dialect: str) -> sa.ColumnElement[Any]:
    if dialect == "sqlite":
        # Stored as text; milliseconds since 2023 keep the double's rounding far below a write.
        return sa.func.total((sa.func.julianday(GUEST.c.updated_at) - 2460000.0) * 86400000.0)
    return sa.func.sum(sa.func.extract("epoch", GUEST.c.updated_at))


def _listed(row: Any, admitted: set[int]) -> ListedGuest:
    text = row.search_text or fold(
        " ".join((row.first_name, row.last_name, row.organization, row.email, row.code))
    )
    return ListedGuest(
        id=row.id, first_name=row.first_name, last_name=row.last_name,
        organization=row.organization, role=row.role, email=row.email, code=row.code,
        status=row.status, walk_in=bool(row.walk_in), inside_room_id=row.inside_room_id,
        admitted=row.id in admitted, badge_prints=row.badge_prints or 0,
        text=search_text(text, row.code_key or canonical(row.code)),
    )


class GuestFeed:
    """Reads one event's guests for a GuestIndex: load() once, then changes() on every refresh."""

    def __init__(self, engine: sa.Engine, event_id: int) -> None:
        self.engine = engine
        self.event_id = event_id
        self.rooms: dict[int, str] = {}
        self._blocks: dict[int, tuple[Any, ...]] = {}
        self._block_ids: dict[int, set[int]] = {}
        self._passage_top = 0
        self._passages_seen: set[int] = set()

    def load(self) -> GuestIndex:
        """Every guest of the event, in a fresh index; resets what changes() compares against."""
        with self.engine.connect() as conn, conn.begin():
            return self._load(conn)

    def changes(self) -> Delta:
        """What changed since load() or the previous changes(); an empty Delta if nothing."""
        with self.engine.connect() as conn, conn.begin():
            rooms = self._rooms(conn)
            new_rooms = rooms if rooms != self.rooms else None
            self.rooms = rooms
            blocks = self._fingerprints(conn)
            stale = {b for b in blocks.keys() | self._blocks.keys()
                     if blocks.get(b) != self._blocks.get(b)}
            touched = self._new_passages(conn)
            if not stale and not touched:
                return Delta(rooms=new_rooms)
            rereads = sum(blocks[b][0] if b in blocks else 0 for b in stale) + len(touched)
            if rereads > FULL_RELOAD_ABOVE:
                return Delta(index=self._load(conn), rooms=new_rooms)
            wanted = [GUEST.c.id.in_(touched)] if touched else []
            wanted += [GUEST.c.id.between(b * BLOCK, b * BLOCK + BLOCK - 1) for b in stale]
            rows = conn.execute(
                sa.select(*_COLUMNS).where(GUEST.c.event_id == self.event_id, sa.or_(*wanted))
            ).all()
            admitted = self._admitted(conn, [r.id for r in rows])
            self._blocks = blocks
        changed = [_listed(r, admitted) for r in rows]
        present = {g.id for g in changed}
        removed: list[int] = []
        for b in stale:
            removed += [i for i in self._block_ids.pop(b, set()) if i not in present]
        for g in changed:
            self._block_ids.setdefault(g.id // BLOCK, set()).add(g.id)
        return Delta(changed=changed, removed=removed, rooms=new_rooms)

    # -- queries --------------------------------------------------------------------------------

    def _load(self, conn: sa.Connection) -> GuestIndex:
        self.rooms = self._rooms(conn)
        self._blocks = self._fingerprints(conn)
        self._passage_top = conn.execute(sa.select(sa.func.max(PASSAGE.c.id))).scalar() or 0
        self._passages_seen = set(conn.scalars(
            sa.select(PASSAGE.c.id).where(PASSAGE.c.id > self._passage_top - PASSAGE_WINDOW)
        ))
        rows = conn.execute(sa.select(*_COLUMNS).where(GUEST.c.event_id == self.event_id)).all()
        admitted = self._admitted(conn, None)
        guests = [_listed(r, admitted) for r in rows]
        self._block_ids = {}
        for g in guests:
            self._block_ids.setdefault(g.id // BLOCK, set()).add(g.id)
        return GuestIndex(guests)

    def _rooms(self, conn: sa.Connection) -> dict[int, str]:
        rows = conn.execute(sa.select(ROOM.c.id, ROOM.c.name).where(ROOM.c.event_id == self.event_id))
        return {room_id: name for room_id, name in rows}

    def _fingerprints(self, conn: sa.Connection) -> dict[int, tuple[Any, ...]]:
        query = (
            sa.select(
                _BLOCK_OF, sa.func.count(), _stamp_total(conn.dialect.name),
                sa.func.sum(GUEST.c.badge_prints),
                sa.func.sum(sa.func.coalesce(GUEST.c.inside_room_id, 0)),
                sa.func.count().filter(GUEST.c.status == GuestStatus.CANCELLED.value),
            )
            .where(GUEST.c.event_id == self.event_id)
            .group_by(_BLOCK_OF)
        )
        return {row[0]: tuple(row[1:]) for row in conn.execute(query)}

    def _new_passages(self, conn: sa.Connection) -> set[int]:
        """Guests named by passages not seen before (and by the passages those undid)."""
        low = max(0, self._passage_top - PASSAGE_WINDOW)
        rows = conn.execute(
            sa.select(PASSAGE.c.id, PASSAGE.c.event_id, PASSAGE.c.guest_id, PASSAGE.c.undoes_id)
            .where(PASSAGE.c.id > low)
        ).all()
        new = [r for r in rows if r.id not in self._passages_seen and r.event_id == self.event_id]
        touched = {r.guest_id for r in new if r.guest_id is not None}
        undone = [r.undoes_id for r in new if r.undoes_id is not None]
        if undone:
            touched.update(g for g in conn.scalars(
                sa.select(PASSAGE.c.guest_id).where(PASSAGE.c.id.in_(undone))
            ) if g is not None)
        self._passage_top = max([self._passage_top, *(r.id for r in rows)])
        floor = self._passage_top - PASSAGE_WINDOW
        self._passages_seen = {r.id for r in rows if r.id > floor}
        return touched

    def _admitted(self, conn: sa.Connection, ids: list[int] | None) -> set[int]:
        """Of the guests (all of the event's when None), those admitted at least once."""
        query = sa.select(PASSAGE.c.guest_id).distinct().where(
            PASSAGE.c.event_id == self.event_id, PASSAGE.c.guest_id.is_not(None),
            PASSAGE.c.direction == Direction.IN.value, effective(),
        )
        if ids is not None:
            if not ids:
                return set()
            query = query.where(PASSAGE.c.guest_id.in_(ids))
        return set(conn.scalars(query))
