"""Which guests get a badge, and the print counter: plain data in, plain data out.

Cancelled registrations never get a badge. Whether someone is inside is read from
Guest.inside_room_id, which the check-in engine keeps in step with the passage log.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Engine, update
from sqlmodel import col, select

from .. import codes
from ..db import session
from ..errors import UserError
from ..models import Guest, GuestStatus
from ..textnorm import fold

_CHUNK = 5000


class Who(StrEnum):
    ALL = "all"
    INSIDE = "inside"
    NOT_PRINTED = "not-printed"


@dataclass(frozen=True)
class BadgeGuest:
    """What a badge shows about a guest."""

    id: int
    first_name: str
    last_name: str
    organization: str
    role: str
    code: str
    badge_prints: int = 0
    email: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_code(self) -> str:
        return codes.display(self.code)


def _badge_guest(g: Guest) -> BadgeGuest:
    return BadgeGuest(
        id=g.id or 0, first_name=g.first_name, last_name=g.last_name,
        organization=g.organization, role=g.role, code=g.code, badge_prints=g.badge_prints,
        email=g.email,
    )


def _sort_key(g: BadgeGuest) -> tuple[str, str, int]:
    return fold(g.last_name), fold(g.first_name), g.id


def badge_guests(engine: Engine, event_id: int, who: Who = Who.ALL) -> list[BadgeGuest]:
    """Registered guests of the event, sorted by surname: all, those inside, or not yet printed."""
    query = select(Guest).where(Guest.event_id == event_id, Guest.status != GuestStatus.CANCELLED)
    if who is Who.INSIDE:
        query = query.where(col(Guest.inside_room_id).is_not(None))
    elif who is Who.NOT_PRINTED:
        query = query.where(Guest.badge_prints == 0)
    with session(engine) as s:
        guests = [_badge_guest(g) for g in s.exec(query).all()]
    return sorted(guests, key=_sort_key)


def guest_by_code(engine: Engine, event_id: int, code: str) -> BadgeGuest:
    """The guest with this code (typed with or without dashes, any case); UserError otherwise."""
    wanted = codes.canonical(code)
    with session(engine) as s:
        guest = s.exec(
            select(Guest).where(Guest.event_id == event_id, Guest.code_key == wanted)
        ).first()
    if guest is None:
        raise UserError(f"Nie ma gościa z kodem „{code.strip()}”. Sprawdź kod (checkin guests).")
    if guest.status == GuestStatus.CANCELLED:
        raise UserError(
            f"Zgłoszenie osoby {guest.first_name} {guest.last_name} ({code.strip()}) jest odwołane: "
            "identyfikatora nie drukujemy."
        )
    return _badge_guest(guest)


def guest_by_id(engine: Engine, guest_id: int) -> BadgeGuest | None:
    with session(engine) as s:
        guest = s.get(Guest, guest_id)
        return _badge_guest(guest) if guest is not None else None


def mark_printed(engine: Engine, guest_ids: Iterable[int], at: datetime | None = None) -> None:
    """Count one more print for each guest (a reprint is counted too), in one transaction."""
    ids = sorted(set(guest_ids))
    if not ids:
        return
    at = at or datetime.now(UTC)
    # An increment in SQL, so two stations printing the same badge both count; chunks keep the
    # IN list under every backend's limit on bound parameters.
    with engine.begin() as conn:
        for start in range(0, len(ids), _CHUNK):
            conn.execute(
                update(Guest)
                .where(col(Guest.id).in_(ids[start : start + _CHUNK]))
                .values(badge_prints=col(Guest.badge_prints) + 1, badge_printed_at=at)
            )
