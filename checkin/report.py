"""The numbers of an event for the organizers' report, from the passage log.

The counts come from checkin.occupancy.stats — the same figures `checkin stats` prints — and the
attendance read model adds no-shows, organizations, the attendance rate and arrivals over time.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from .attendance import Attendance, AttendanceRow, attendance
from .events import EventInfo, event_info
from .occupancy import RoomStats, stats
from .textnorm import key

BUCKET = timedelta(minutes=5)


@dataclass(frozen=True)
class Report:
    event: EventInfo
    registered: int  # not cancelled, walk-ins included (as checkin stats)
    attended: int  # admitted at least once (as checkin stats)
    no_shows: int  # registered beforehand, never came
    walk_ins: int
    cancelled: int
    organizations: int  # distinct organizations among those who came
    attendance_rate: float | None  # of those registered beforehand (and not cancelled), who came
    inside_now: int
    rooms: tuple[RoomStats, ...]  # inside, capacity, peak and when, per room
    arrivals: tuple[tuple[datetime, int], ...]  # first arrivals per 5 minutes (event's zone)


def arrivals_per_bucket(rows: list[AttendanceRow], timezone: str) -> tuple[tuple[datetime, int], ...]:
    """First arrivals counted per 5 minutes, every bucket from the first to the last one."""
    zone = ZoneInfo(timezone)
    times = sorted(r.first_entry.astimezone(zone) for r in rows if r.first_entry is not None)
    if not times:
        return ()

    def floor(t: datetime) -> datetime:
        return t.replace(minute=t.minute - t.minute % 5, second=0, microsecond=0)

    counts = Counter(map(floor, times))
    out = []
    bucket, last = floor(times[0]), floor(times[-1])
    while bucket <= last:
        out.append((bucket, counts.get(bucket, 0)))
        bucket = (bucket + BUCKET).astimezone(zone)  # across a DST change too
    return tuple(out)


def build_report(db: sa.Engine, event_id: int) -> Report:
    figures = stats(db, event_id)
    rows = attendance(db, event_id)
    beforehand = [r for r in rows if not r.walk_in and r.status != Attendance.CANCELLED]
    came_beforehand = sum(1 for r in beforehand if r.status == Attendance.ATTENDED)
    organizations = {key(r.organization) for r in rows if r.status == Attendance.ATTENDED}
    organizations.discard("")
    event = event_info(db, event_id)
    return Report(
        event=event,
        registered=figures.registered,
        attended=figures.attended,
        no_shows=sum(1 for r in rows if r.status == Attendance.NO_SHOW),
        walk_ins=figures.walk_ins,
        cancelled=figures.cancelled,
        organizations=len(organizations),
        attendance_rate=came_beforehand / len(beforehand) if beforehand else None,
        inside_now=figures.inside_now,
        rooms=figures.rooms,
        arrivals=arrivals_per_bucket(rows, event.timezone),
    )
