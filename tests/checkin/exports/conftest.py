"""An event as it looks at the end: the sample list imported, people in, out, back, an undo, walk-ins."""

from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from checkin.db import session
from checkin.engine import Door
from checkin.events import EventInfo
from checkin.importing.service import import_file
from checkin.models import Guest, GuestStatus
from checkin.resources import resource


@dataclass
class Expected:
    """What the test itself saw at the door, to compare the exports against."""

    first_entry: dict[int, datetime]
    last_exit: dict[int, datetime]  # only guests who ended outside
    inside: set[int]
    walk_ins: set[int]
    names: dict[int, tuple[str, str, str]]  # id -> (first, last, organization)
    emails: list[str]


@pytest.fixture
def finished_event(engine: Engine, event: EventInfo) -> Expected:
    import_file(engine, resource("sample", "zgloszenia-lawka-dialogu.csv"), event.id)
    with session(engine) as s:
        guests = s.exec(select(Guest).where(Guest.status == GuestStatus.REGISTERED)
                        .order_by(Guest.id)).all()  # type: ignore[arg-type]
        emails = [g.email for g in s.exec(select(Guest)).all() if g.email]
    entrance = Door(engine, event.id, "Wejście 1")
    exit_door = Door(engine, event.id, "Wyjście", exit_station=True)
    first: dict[int, datetime] = {}
    last_exit: dict[int, datetime] = {}
    inside: set[int] = set()
    for g in guests[:30]:
        v = entrance.scan(g.code)
        assert v.recorded, v
        first[g.id or 0] = v.at
        inside.add(g.id or 0)
    for g in guests[:8]:  # eight leave
        v = exit_door.scan(g.code)
        assert v.recorded
        last_exit[g.id or 0] = v.at
        inside.discard(g.id or 0)
    for g in guests[:3]:  # three of them come back and stay
        assert entrance.scan(g.code).recorded
        inside.add(g.id or 0)
        last_exit.pop(g.id or 0)
    wrong = entrance.scan(guests[30].code)  # admitted by mistake, then undone
    assert wrong.recorded
    assert entrance.undo_last() is not None
    walk_ins: set[int] = set()
    for first_name, last_name, org in [("Świętosław", "Żądło", "Fundacja Nowa"),
                                       ("Ola", "Ąbek", "")]:
        v = entrance.walk_in(first_name, last_name, org)
        assert v.recorded
        assert v.guest is not None
        first[v.guest.id] = v.at
        inside.add(v.guest.id)
        walk_ins.add(v.guest.id)
    with session(engine) as s:
        names = {g.id or 0: (g.first_name, g.last_name, g.organization) for g in s.exec(select(Guest)).all()}
    return Expected(first, last_exit, inside, walk_ins, names, emails)
