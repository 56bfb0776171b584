"""The schema: events, rooms, guests, stations and the append-only passage log."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, TypeDecorator, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware timestamps on every backend: stored as UTC, returned as aware UTC.

    SQLite has no time zones, so a naive value would silently mean "whatever the laptop's clock
    zone was"; this type refuses naive datetimes and converts to the event's zone only for display.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must carry a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _created() -> Any:
    # A fresh Column per field: SQLAlchemy binds a Column object to exactly one table.
    return Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class GuestStatus(StrEnum):
    REGISTERED = "registered"
    CANCELLED = "cancelled"


class CodeSource(StrEnum):
    GENERATED = "generated"
    IMPORTED = "imported"


class Direction(StrEnum):
    IN = "in"
    OUT = "out"
    NONE = "none"  # a refused scan moves nobody


class StationKind(StrEnum):
    ENTRANCE = "entrance"
    EXIT = "exit"


class Event(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    starts: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    ends: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    timezone: str = Field(default="Europe/Warsaw")
    venue: str = ""
    address: str = ""
    source_file: str = ""
    created_at: datetime = _created()
    # Set when personal data was removed after the event (checkin purge); counts remain.
    purged_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class Room(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("event_id", "name", name="uq_room_event_name"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    name: str
    capacity: int
    warn_at: float = 0.9
    position: int = 0  # the first room is the default entrance room
    # Counters kept in the same transaction as each passage, so the limit check is one atomic
    # UPDATE (… WHERE inside < capacity) on SQLite and PostgreSQL alike; the passage log stays
    # the truth and checkin.engine can recount them from it.
    inside: int = 0
    peak: int = 0
    peak_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class Guest(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("event_id", "code", name="uq_guest_event_code"),
        Index("ix_guest_event_name_key", "event_id", "name_key"),
        # Scans look up code_key (upper-case, no dashes or spaces) in every event, so a code of
        # another event is recognised as such rather than as unknown.
        Index("ix_guest_code_key", "code_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id")
    first_name: str = ""
    last_name: str = ""
    organization: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    extra: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default=GuestStatus.REGISTERED)
    walk_in: bool = False
    code: str
    code_source: str = Field(default=CodeSource.GENERATED)
    # Folded copies for the door's lookups (checkin.guest_keys): nothing folds at query time.
    code_key: str = ""  # codes.canonical(code): what a scan is matched against
    name_key: str = ""  # key(first + last): merge matching
    email_key: str = ""  # folded e-mail: merge matching
    search_text: str = ""  # fold(first last organization email code): search
    source_file: str = ""
    source_row: int | None = None
    # Where the guest is now (None: not inside), set atomically with their passage so one code
    # can never be admitted twice by two stations; derived from the log like the room counters.
    inside_room_id: int | None = Field(default=None, foreign_key="room.id")
    badge_prints: int = 0  # how many times a badge was printed (a reprint is counted)
    badge_printed_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    created_at: datetime = _created()
    updated_at: datetime = _created()


class Station(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("event_id", "name", name="uq_station_event_name"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    name: str
    kind: str = Field(default=StationKind.ENTRANCE)
    created_at: datetime = _created()


class Setting(SQLModel, table=True):
    """Small per-database state, e.g. which event the CLI and the app work on."""

    key: str = Field(primary_key=True)
    value: str


class Passage(SQLModel, table=True):
    """One scan or action at a station. Never updated except to link the entry that undid it."""

    __table_args__ = (
        Index("ix_passage_guest", "guest_id", "at"),
        Index("ix_passage_room", "room_id", "at"),
        Index("ix_passage_station", "station_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id")
    guest_id: int | None = Field(default=None, foreign_key="guest.id")
    room_id: int | None = Field(default=None, foreign_key="room.id")
    station_id: int | None = Field(default=None, foreign_key="station.id")
    direction: str = Field(default=Direction.NONE)
    verdict: str
    reason: str = ""
    raw_input: str = ""
    forced: bool = False
    request_id: str | None = Field(default=None, unique=True)
    at: datetime = _created()
    undoes_id: int | None = Field(default=None, foreign_key="passage.id")
    undone_by_id: int | None = Field(default=None, foreign_key="passage.id")
