"""The check-in engine: one Door per station turns scans and door actions into verdicts.

Every action is one short transaction in SQLAlchemy Core on a pooled connection; the passage log
is appended to in the same transaction that moves the room counter and the guest's location.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa

from .occupancy import EventStats, RoomStats, room_counts, stats
from .verdicts import GuestView, RoomCount, Verdict, VerdictKind


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
        self.db = db
        self.event_id = event_id
        self.station = station
        self.exit_station = exit_station
        self.room_id = 0
        raise NotImplementedError

    def scan(
        self,
        raw: str,
        *,
        exit: bool | None = None,
        override: bool = False,
        request_id: str | None = None,
    ) -> Verdict:
        raise NotImplementedError

    def admit(self, guest_id: int, *, override: bool = False, request_id: str | None = None) -> Verdict:
        raise NotImplementedError

    def leave(self, guest_id: int, *, request_id: str | None = None) -> Verdict:
        raise NotImplementedError

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
        raise NotImplementedError

    def undo_last(self) -> UndoResult | None:
        raise NotImplementedError

    def undo(self, passage_id: int) -> UndoResult:
        raise NotImplementedError

    def recent(self, limit: int = 20) -> list[PassageView]:
        raise NotImplementedError


__all__ = [
    "Door", "EventStats", "PassageView", "RoomStats", "UndoResult", "room_counts", "stats",
]
