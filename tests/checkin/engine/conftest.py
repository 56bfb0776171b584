"""Fixtures for the engine: an event with small rooms and guests, on a real SQLite file or PostgreSQL."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from checkin import codes
from checkin.db import open_database
from checkin.event_file import EventSpec, RoomSpec
from checkin.events import init_event
from checkin.guest_keys import guest_keys
from checkin.models import utcnow
from checkin.occupancy import recount

GUEST = SQLModel.metadata.tables["guest"]
PASSAGE = SQLModel.metadata.tables["passage"]


@dataclass(frozen=True)
class Venue:
    """An event in a database: its id, and guests by code."""

    engine: sa.Engine
    event_id: int
    codes: list[str]  # registered guests' codes, canonical
    ids: list[int]


def make_event(engine: sa.Engine, name: str = "Ławka dialogu", rooms: tuple[tuple[str, int], ...] = (
        ("Sala 005", 5), ("Aula", 100))) -> int:
    spec = EventSpec(name=name, starts=datetime(2026, 2, 27, 16, 30, tzinfo=UTC), ends=None,
                     rooms=[RoomSpec(n, c, 0.8) for n, c in rooms])
    return init_event(engine, spec).event.id


def add_guests(engine: sa.Engine, event_id: int, n: int, *, status: str = "registered",
               code: str | None = None, first: str = "Gość") -> tuple[list[str], list[int]]:
    """n guests with generated codes (or one with the given code); returns their codes and ids."""
    now = utcnow()
    rows = []
    for i in range(n):
        c = code if code is not None else codes.generate()
        rows.append({
            "event_id": event_id, "first_name": f"{first}{i}", "last_name": "Żółć",
            "organization": "Fundacja", "role": "", "email": "", "phone": "", "extra": {},
            "status": status, "walk_in": False, "code": c,
            "code_source": "imported" if code is not None else "generated",
            "source_file": "", "source_row": i, "badge_prints": 0, "created_at": now,
            "updated_at": now, **guest_keys(f"{first}{i}", "Żółć", "Fundacja", "", c),
        })
    with engine.begin() as conn:
        ids = [conn.execute(sa.insert(GUEST).returning(GUEST.c.id), r).scalar_one() for r in rows]
    return [r["code"] for r in rows], ids


def consistent(engine: sa.Engine, event_id: int) -> None:
    """The counters equal the log, and nobody has two effective entries in a row."""
    assert recount(engine, event_id) == []


@pytest.fixture
def venue(tmp_path: Path) -> Iterator[Venue]:
    engine = open_database(str(tmp_path / "door.sqlite"))
    event_id = make_event(engine)
    found, ids = add_guests(engine, event_id, 12)
    yield Venue(engine, event_id, found, ids)
    engine.dispose()


@pytest.fixture
def pg_venue(pg_url: str) -> Iterator[Venue]:
    engine = open_database(pg_url)
    event_id = make_event(engine)
    found, ids = add_guests(engine, event_id, 12)
    yield Venue(engine, event_id, found, ids)
    engine.dispose()
