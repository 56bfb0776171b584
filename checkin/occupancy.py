"""How full the rooms are: counts for the door's gauge, event statistics, and the recount.

The counters on Room and Guest.inside_room_id are kept in the same transaction as each passage;
the passage log is the truth, and recount() checks (or repairs) the counters against it.
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from .verdicts import RoomCount


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


def room_counts(db: sa.Engine, event_id: int) -> list[RoomCount]:
    """Every room of the event with its count now, the default entrance room first (cheap)."""
    raise NotImplementedError


def stats(db: sa.Engine, event_id: int) -> EventStats:
    """Registered, cancelled, attended, walk-ins, inside now, and per room inside/capacity/peak."""
    raise NotImplementedError
