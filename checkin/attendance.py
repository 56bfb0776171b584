"""Who came: one row per guest, derived from the passage log (the read model exports use).

Only the fields an attendance export may carry are here (no e-mail, phone or extra answers):
name, organization, role, status, walk-in, first entry, last exit, badge printed.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa

from .collation import person_key
from .models import Direction, GuestStatus
from .occupancy import GUEST, PASSAGE, effective


class Attendance(StrEnum):
    ATTENDED = "attended"  # admitted at least once
    NO_SHOW = "no_show"  # registered, never admitted
    CANCELLED = "cancelled"  # cancelled the registration and did not come


@dataclass(frozen=True)
class AttendanceRow:
    guest_id: int
    first_name: str
    last_name: str
    organization: str
    role: str
    status: Attendance
    walk_in: bool
    first_entry: datetime | None  # aware UTC
    last_exit: datetime | None  # the exit that ended their stay; None while still inside
    inside: bool
    badge_printed: bool


def attendance(db: sa.Engine, event_id: int) -> list[AttendanceRow]:
    """Every guest of the event with their attendance, sorted by surname in Polish order."""
    moves = (
        sa.select(PASSAGE.c.guest_id, PASSAGE.c.direction, PASSAGE.c.at)
        .where(PASSAGE.c.event_id == event_id, PASSAGE.c.guest_id.is_not(None), effective())
        .order_by(PASSAGE.c.id)
    )
    guests = sa.select(
        GUEST.c.id, GUEST.c.first_name, GUEST.c.last_name, GUEST.c.organization, GUEST.c.role,
        GUEST.c.status, GUEST.c.walk_in, GUEST.c.badge_prints,
    ).where(GUEST.c.event_id == event_id)
    first_in: dict[int, datetime] = {}
    last_move: dict[int, tuple[str, datetime]] = {}
    with db.connect() as conn:
        for guest_id, direction, at in conn.execute(moves):
            if direction == Direction.IN.value:
                first_in.setdefault(guest_id, at)
            last_move[guest_id] = (direction, at)
        rows = conn.execute(guests).all()
    out: list[AttendanceRow] = []
    for gid, first, last, org, role, status, walk_in, prints in rows:
        came = gid in first_in
        final = last_move.get(gid)
        inside = final is not None and final[0] == Direction.IN.value
        if came:
            state = Attendance.ATTENDED
        elif status == GuestStatus.CANCELLED.value:
            state = Attendance.CANCELLED
        else:
            state = Attendance.NO_SHOW
        out.append(AttendanceRow(
            guest_id=gid, first_name=first, last_name=last, organization=org, role=role,
            status=state, walk_in=bool(walk_in), first_entry=first_in.get(gid),
            last_exit=final[1] if final is not None and not inside else None,
            inside=inside, badge_printed=prints > 0,
        ))
    out.sort(key=lambda r: person_key(r.last_name, r.first_name))
    return out
