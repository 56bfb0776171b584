"""What the door answers: the verdict of a scan or action, as plain data for the UI, CLI and tests.

The domain returns the kind and the facts; the words a volunteer reads are chosen by the front
end (ui/ translates them with Qt, the CLI prints checkin.messages' Polish text).
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class VerdictKind(StrEnum):
    ADMITTED = "admitted"  # first entry: hand out the badge
    WELCOME_BACK = "welcome_back"  # re-entry after an exit
    EXIT = "exit"  # left the room (recorded)
    ALREADY_INSIDE = "already_inside"  # entry refused: the log says they are in; check the person
    NOT_INSIDE = "not_inside"  # exit refused: the log says they are not in the room
    UNKNOWN = "unknown"  # no such code (and not a typo of one)
    TYPO = "typo"  # a generated code with a wrong check character: re-scan or type it again
    CANCELLED = "cancelled"  # the registration was cancelled
    WRONG_EVENT = "wrong_event"  # a code of another event in this database
    ROOM_FULL = "room_full"  # the room is at its limit: wait (a supervisor may override)
    OVERRIDE = "override"  # admitted over the limit by a supervisor (logged as forced)

    @property
    def recorded(self) -> bool:
        """A passage was recorded (someone went in or out)."""
        return self in _RECORDED

    @property
    def tone(self) -> "Tone":
        return _TONES[self]


class Tone(StrEnum):
    """How the door screen and the sound present a verdict."""

    OK = "ok"
    WARNING = "warning"
    REFUSED = "refused"


_RECORDED = frozenset(
    {VerdictKind.ADMITTED, VerdictKind.WELCOME_BACK, VerdictKind.EXIT, VerdictKind.OVERRIDE}
)
_TONES = {
    VerdictKind.ADMITTED: Tone.OK,
    VerdictKind.WELCOME_BACK: Tone.OK,
    VerdictKind.EXIT: Tone.OK,
    VerdictKind.OVERRIDE: Tone.WARNING,
    VerdictKind.ALREADY_INSIDE: Tone.WARNING,
    VerdictKind.NOT_INSIDE: Tone.WARNING,
    VerdictKind.TYPO: Tone.WARNING,
    VerdictKind.UNKNOWN: Tone.REFUSED,
    VerdictKind.CANCELLED: Tone.REFUSED,
    VerdictKind.WRONG_EVENT: Tone.REFUSED,
    VerdictKind.ROOM_FULL: Tone.REFUSED,
}


class Level(StrEnum):
    """How full a room is, for the gauge: below the warning share, at/over it, at capacity."""

    OK = "ok"
    WARN = "warn"
    FULL = "full"


@dataclass(frozen=True)
class GuestView:
    """A guest as the door shows them (never a live ORM object)."""

    id: int
    first_name: str
    last_name: str
    organization: str
    role: str
    email: str
    code: str  # canonical, as stored
    display_code: str  # grouped for reading: K7M2-Q9XD-…
    status: str  # GuestStatus value
    walk_in: bool
    badge_prints: int

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class RoomCount:
    """A room's occupancy at one moment."""

    id: int
    name: str
    inside: int
    capacity: int
    warn_at: float  # share of capacity at which the gauge turns amber
    peak: int
    peak_at: datetime | None

    @property
    def level(self) -> Level:
        if self.inside >= self.capacity:
            return Level.FULL
        if self.inside >= self.capacity * self.warn_at:
            return Level.WARN
        return Level.OK

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.inside)


@dataclass(frozen=True)
class Verdict:
    """The answer to one scan or door action, with everything the door screen shows."""

    kind: VerdictKind
    guest: GuestView | None
    room: RoomCount | None  # the room after the action
    station: str
    at: datetime  # aware UTC
    raw_input: str = ""  # what was scanned or typed, as it came
    passage_id: int | None = None  # the passage recorded for this verdict, if any
    previous_at: datetime | None = None  # already_inside / welcome_back: the earlier passage
    previous_station: str | None = None
    repeat: bool = False  # the same code from the same station within seconds: not recorded again

    @property
    def recorded(self) -> bool:
        return self.kind.recorded and self.passage_id is not None

    @property
    def tone(self) -> Tone:
        return self.kind.tone
