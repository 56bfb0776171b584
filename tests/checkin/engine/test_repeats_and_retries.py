"""A scanner's double send is one scan; a retried request is recorded once, even after a lost connection."""

from datetime import timedelta
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from checkin import engine as engine_module
from checkin.engine import Door, stats
from checkin.verdicts import VerdictKind

from .conftest import PASSAGE, Venue, consistent


def count(v: Venue) -> int:
    with v.engine.connect() as conn:
        n: int = conn.execute(sa.select(sa.func.count()).select_from(PASSAGE)).scalar_one()
        return n


def test_double_send_within_seconds_is_one_scan(venue: Venue) -> None:
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    first = door.scan(venue.codes[0])
    again = door.scan(venue.codes[0].lower())
    assert again.kind is VerdictKind.ADMITTED
    assert again.repeat
    assert not first.repeat
    assert again.passage_id == first.passage_id
    assert again.at == first.at
    # Another process at the same station (a second Door object) sees it in the log.
    assert Door(venue.engine, venue.event_id, "Wejście 1").scan(venue.codes[0]).repeat
    # Another station is not a double send: the guest is already inside.
    other = Door(venue.engine, venue.event_id, "Wejście 2").scan(venue.codes[0])
    assert other.kind is VerdictKind.ALREADY_INSIDE
    assert count(venue) == 2


def test_refusals_repeat_too(venue: Venue) -> None:
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    assert door.scan("NIEZNANY-42").kind is VerdictKind.UNKNOWN
    v = door.scan("NIEZNANY-42")
    assert v.kind is VerdictKind.UNKNOWN
    assert v.repeat
    assert count(venue) == 1


def test_after_the_window_it_is_a_new_scan(venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "REPEAT_WINDOW", timedelta(0))
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    door.scan(venue.codes[0])
    v = door.scan(venue.codes[0])
    assert v.kind is VerdictKind.ALREADY_INSIDE
    assert not v.repeat
    assert v.previous_station == "Wejście 1"


def test_a_new_action_within_the_window_is_not_a_repeat(venue: Venue) -> None:
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    door.scan(venue.codes[0])
    assert door.scan(venue.codes[0], exit=True).kind is VerdictKind.EXIT  # direction switched
    for c in venue.codes[1:6]:
        door.scan(c)
    assert door.scan(venue.codes[0]).kind is VerdictKind.ROOM_FULL
    assert door.scan(venue.codes[0], override=True).kind is VerdictKind.OVERRIDE  # the supervisor
    undone = door.undo_last()
    assert undone is not None
    assert door.scan(venue.codes[0], override=True).kind is VerdictKind.OVERRIDE  # after an undo
    consistent(venue.engine, venue.event_id)


def test_a_retried_request_is_recorded_once(venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "REPEAT_WINDOW", timedelta(0))
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    first = door.scan(venue.codes[0], request_id="req-1")
    retry = Door(venue.engine, venue.event_id, "Wejście 2").scan(venue.codes[0], request_id="req-1")
    assert (retry.kind, retry.passage_id, retry.at, retry.repeat) == (
        VerdictKind.ADMITTED, first.passage_id, first.at, False)
    refused = door.scan("NIEZNANY-7", request_id="req-2")
    assert door.scan("NIEZNANY-7", request_id="req-2").passage_id == refused.passage_id
    walk_in = door.walk_in("Jan", "Nowak", request_id="req-3")
    again = door.walk_in("Jan", "Nowak", request_id="req-3")
    assert again.guest == walk_in.guest
    assert again.passage_id == walk_in.passage_id
    assert stats(venue.engine, venue.event_id).walk_ins == 1
    assert count(venue) == 3
    consistent(venue.engine, venue.event_id)


def _admin(pg_url: str) -> sa.Engine:
    return sa.create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1),
                            isolation_level="AUTOCOMMIT")


@pytest.mark.pg
def test_connection_lost_mid_transaction_is_retried(pg_venue: Venue, pg_url: str) -> None:
    admin = _admin(pg_url)
    killed: list[int] = []

    def kill_before_insert(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "INSERT INTO passage" in statement and not killed:
            pid = conn.connection.dbapi_connection.info.backend_pid
            killed.append(pid)
            with admin.connect() as a:
                a.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})

    sa.event.listen(pg_venue.engine, "before_cursor_execute", kill_before_insert)
    try:
        v = Door(pg_venue.engine, pg_venue.event_id, "Wejście 1").scan(pg_venue.codes[0])
    finally:
        sa.event.remove(pg_venue.engine, "before_cursor_execute", kill_before_insert)
        admin.dispose()
    assert killed
    assert v.kind is VerdictKind.ADMITTED
    assert v.recorded
    assert count(pg_venue) == 1
    consistent(pg_venue.engine, pg_venue.event_id)


@pytest.mark.pg
def test_connection_lost_after_the_commit_is_not_recorded_twice(
    pg_venue: Venue, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialect = pg_venue.engine.dialect
    real_commit = dialect.do_commit
    lost: list[bool] = []

    def commit_then_lose_the_answer(dbapi_connection: Any) -> None:
        real_commit(dbapi_connection)
        if not lost:
            lost.append(True)
            raise psycopg.OperationalError("server closed the connection unexpectedly")

    door = Door(pg_venue.engine, pg_venue.event_id, "Wejście 1")
    monkeypatch.setattr(dialect, "do_commit", commit_then_lose_the_answer)
    v = door.scan(pg_venue.codes[0])
    assert lost
    assert v.kind is VerdictKind.ADMITTED
    assert not v.repeat
    with pg_venue.engine.connect() as conn:
        rows = conn.execute(sa.select(PASSAGE.c.id, PASSAGE.c.request_id)).all()
    assert [r.id for r in rows] == [v.passage_id]
    consistent(pg_venue.engine, pg_venue.event_id)
