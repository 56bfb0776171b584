"""Who gets a badge and the print counter, on SQLite and PostgreSQL."""

from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import Engine, update
from sqlmodel import col, select

from checkin.badges import Who, badge_guests, guest_by_code, make_badges, mark_printed
from checkin.db import open_database, session
from checkin.errors import UserError
from checkin.event_file import parse_event_file
from checkin.events import EventInfo, init_event
from checkin.models import Guest, GuestStatus
from checkin.textnorm import fold
from tests.conftest import SAMPLE_EVENT

from .conftest import TRICKY, BadgeDb, import_guests


def prints(engine: Engine) -> dict[str, int]:
    with session(engine) as s:
        return {g.last_name: g.badge_prints for g in s.exec(select(Guest)).all()}


def set_column(engine: Engine, last_name: str, **values: object) -> None:
    with engine.begin() as conn:
        conn.execute(update(Guest).where(col(Guest.last_name) == last_name).values(**values))


def test_groups_all_inside_and_not_printed(badge_db: BadgeDb, tmp_path: Path) -> None:
    engine, event = badge_db.engine, badge_db.event
    set_column(engine, "Dąb", status=GuestStatus.CANCELLED)
    room = event.rooms[0].id
    set_column(engine, "Żółć", inside_room_id=room)
    set_column(engine, "Ślęzak-Wąsowicz", inside_room_id=room)
    everyone = [g.last_name for g in badge_guests(engine, event.id, Who.ALL)]
    assert "Dąb" not in everyone  # a cancelled registration gets no badge
    assert len(everyone) == len(TRICKY) - 1
    assert everyone == sorted(everyone, key=fold)  # by surname, Ż after Z
    assert [g.last_name for g in badge_guests(engine, event.id, Who.INSIDE)] == ["Ślęzak-Wąsowicz", "Żółć"]

    run = make_badges(engine, event.id, tmp_path / "inside.pdf", who=Who.INSIDE)
    assert [g.last_name for g in run.guests] == ["Ślęzak-Wąsowicz", "Żółć"]
    assert {n for n in prints(engine) if prints(engine)[n]} == {"Ślęzak-Wąsowicz", "Żółć"}
    not_printed = [g.last_name for g in badge_guests(engine, event.id, Who.NOT_PRINTED)]
    assert set(not_printed) == set(everyone) - {"Ślęzak-Wąsowicz", "Żółć"}


def test_not_printed_then_nothing_left_and_reprint_is_counted(badge_db: BadgeDb, tmp_path: Path) -> None:
    engine, event = badge_db.engine, badge_db.event
    first = make_badges(engine, event.id, tmp_path / "a.pdf", who=Who.NOT_PRINTED)
    assert len(first.guests) == len(TRICKY)
    again = make_badges(engine, event.id, tmp_path / "b.pdf", who=Who.NOT_PRINTED)
    assert again.guests == []
    assert not (tmp_path / "b.pdf").exists()  # nothing to print: no file
    code = next(g.code for g in badge_db.guests if g.last_name == "Żółć")
    make_badges(engine, event.id, tmp_path / "c.pdf", code=code.lower())  # typed in lower case
    assert prints(engine)["Żółć"] == 2
    assert prints(engine)["Dąb"] == 1
    with session(engine) as s:
        stamped = s.exec(select(Guest).where(Guest.last_name == "Żółć")).one().badge_printed_at
    assert stamped is not None
    assert stamped.tzinfo is not None
    assert stamped.utcoffset() == UTC.utcoffset(None)


def test_preview_does_not_count(badge_db: BadgeDb, tmp_path: Path) -> None:
    make_badges(badge_db.engine, badge_db.event.id, tmp_path / "p.pdf", count=False)
    assert set(prints(badge_db.engine).values()) == {0}


def test_unknown_and_cancelled_codes_are_refused(badge_db: BadgeDb) -> None:
    with pytest.raises(UserError, match="Nie ma gościa z kodem „NIEMA-123”"):
        guest_by_code(badge_db.engine, badge_db.event.id, "NIEMA-123")
    set_column(badge_db.engine, "Dąb", status=GuestStatus.CANCELLED)
    with pytest.raises(UserError, match="odwołane"):
        guest_by_code(badge_db.engine, badge_db.event.id, "ZAP-000123")


@pytest.mark.pg
def test_counter_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    engine = open_database(pg_url)
    try:
        event: EventInfo = init_event(engine, parse_event_file(SAMPLE_EVENT)).event
        import_guests(engine, event, tmp_path, TRICKY)
        ids = [g.id for g in badge_guests(engine, event.id)]
        mark_printed(engine, ids)
        mark_printed(engine, ids[:2])
        assert sorted(prints(engine).values()) == [1] * (len(ids) - 2) + [2, 2]
        assert badge_guests(engine, event.id, Who.NOT_PRINTED) == []
        run = make_badges(engine, event.id, tmp_path / "pg.pdf", code=badge_guests(engine, event.id)[0].code)
        assert len(run.guests) == 1
    finally:
        engine.dispose()
