"""Several stations in separate processes on one database: no double admission, never over the limit."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkin.db import open_database
from checkin.engine import Door, room_counts
from checkin.occupancy import recount

from .conftest import PASSAGE, add_guests, make_event

ROOT = Path(__file__).resolve().parents[3]
STATIONS = 4


def run_stations(url: str, event_id: int, mode: str, codes: list[str]) -> list[list[dict[str, Any]]]:
    start_at = time.time() + 3.0  # every process imported and connected by then
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.checkin.engine.station_worker", url, str(event_id),
             f"Stanowisko {i}", mode, str(start_at), str(i), *codes],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for i in range(STATIONS)
    ]
    outputs = []
    try:
        for p in procs:
            outputs.append(p.communicate(timeout=180))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    return [[json.loads(line) for line in out.splitlines()] for out, _ in outputs]


def the_room(url: str, rooms: tuple[tuple[str, int], ...], inside: int, guests: int) -> tuple[
        sa.Engine, int, list[str]]:
    engine = open_database(url)
    event_id = make_event(engine, rooms=rooms)
    codes, _ = add_guests(engine, event_id, guests + inside)
    door = Door(engine, event_id, "Przygotowanie")
    for c in codes[:inside]:
        door.scan(c)
    return engine, event_id, codes[inside:]


def check_the_log(engine: sa.Engine, event_id: int, capacity: int) -> None:
    assert recount(engine, event_id) == []
    with engine.connect() as conn:
        moves = conn.execute(
            sa.select(PASSAGE.c.guest_id, PASSAGE.c.direction)
            .where(PASSAGE.c.direction.in_(["in", "out"]), PASSAGE.c.undone_by_id.is_(None))
            .order_by(PASSAGE.c.id)).all()
    last: dict[int, str] = {}
    inside = 0
    for guest_id, direction in moves:
        assert last.get(guest_id, "out") != direction, f"guest {guest_id}: two '{direction}' in a row"
        last[guest_id] = direction
        inside += 1 if direction == "in" else -1
        assert inside <= capacity  # at no moment of the log more inside than the limit
    assert room_counts(engine, event_id)[0].inside == inside


def few_seats_left(url: str) -> None:
    engine, event_id, codes = the_room(url, (("Sala 005", 10),), inside=7, guests=24)
    results = run_stations(url, event_id, "enter", codes)
    admitted = [v for station in results for v in station if v["kind"] == "admitted"]
    assert len(admitted) == 3
    assert len({v["guest"] for v in admitted}) == 3
    for station in results:
        assert len(station) == 24
        assert {v["kind"] for v in station} <= {"admitted", "room_full", "already_inside"}
        assert all(v["inside"] <= 10 for v in station)
        assert station[-1]["inside"] == 10  # each station sees the seats the others took
    check_the_log(engine, event_id, 10)
    engine.dispose()


def entries_and_exits(url: str) -> None:
    engine, event_id, codes = the_room(url, (("Sala 005", 6),), inside=4, guests=14)
    results = run_stations(url, event_id, "mixed", codes)
    kinds = {v["kind"] for station in results for v in station}
    assert {"admitted", "exit", "room_full"} <= kinds
    assert all(v["inside"] <= 6 for station in results for v in station)
    check_the_log(engine, event_id, 6)
    engine.dispose()


def test_few_seats_left_on_one_sqlite_file(tmp_path: Path) -> None:
    few_seats_left(str(tmp_path / "shared.sqlite"))


def test_entries_and_exits_on_one_sqlite_file(tmp_path: Path) -> None:
    entries_and_exits(str(tmp_path / "shared.sqlite"))


@pytest.mark.pg
def test_few_seats_left_on_postgresql(pg_url: str) -> None:
    few_seats_left(pg_url)


@pytest.mark.pg
def test_entries_and_exits_on_postgresql(pg_url: str) -> None:
    entries_and_exits(pg_url)
