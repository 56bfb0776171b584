"""The check-in engine: one admission on SQLite at 50,000 guests, and four stations on PostgreSQL.

Targets (issue 3): Door.scan median <= 1 ms on SQLite with durable commits (WAL, synchronous=FULL),
printed against a bare sqlite3 transaction doing the same reads and writes in the same run; four
station processes on one PostgreSQL database admit >= 300 guests/s together, none twice.

The PostgreSQL figures need a server: CHECKIN_BENCH_PG_URL, CHECKIN_TEST_PG_URL, a postgresql://
CHECKIN_DB, or `python -m bench.bench_engine --db URL`; a fresh database is created and dropped.
"""

import multiprocessing
import os
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from bench.common import Figure, median, p99
from checkin import codes
from checkin.db import open_database
from checkin.engine import Door
from checkin.event_file import EventSpec, RoomSpec
from checkin.events import init_event
from checkin.guest_keys import guest_keys
from checkin.models import utcnow
from checkin.occupancy import recount

STATIONS = 4

# The same reads and writes as one admission by Door.scan, written by hand for the bare drivers.
_FIND = """SELECT id, event_id, first_name, last_name, organization, role, email, code, code_key,
  status, walk_in, badge_prints, inside_room_id,
  (SELECT p.id FROM passage p WHERE p.guest_id = guest.id AND p.direction IN ('in', 'out')
     AND p.undone_by_id IS NULL AND p.undoes_id IS NULL ORDER BY p.id DESC LIMIT 1),
  (SELECT r.id FROM passage r WHERE r.guest_id = guest.id AND r.station_id + 0 = ? AND r.at >= ?
     ORDER BY r.id DESC LIMIT 1),
  (SELECT q.id FROM passage q WHERE q.request_id = ?)
FROM guest WHERE code_key IN (?, ?, ?, ?, ?, ?, ?, ?)"""
_ENTER_GUEST = "UPDATE guest SET inside_room_id = ? WHERE id = ? AND inside_room_id IS NULL"
_ENTER_ROOM = """UPDATE room SET inside = inside + 1,
  peak = CASE WHEN peak < inside + 1 THEN inside + 1 ELSE peak END,
  peak_at = CASE WHEN peak < inside + 1 THEN ? ELSE peak_at END
WHERE id = ? AND (inside < capacity OR ?) RETURNING id, name, inside, capacity, warn_at, peak, peak_at"""
_INSERT = """INSERT INTO passage (event_id, guest_id, room_id, station_id, direction, verdict, reason,
  raw_input, forced, request_id, at, undoes_id, undone_by_id)
VALUES (?, ?, ?, ?, 'in', 'admitted', '', ?, ?, ?, ?, NULL, NULL) RETURNING id"""


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def make_event(engine: sa.Engine, guests: int) -> tuple[int, int, list[str]]:
    """An event with one large room and `guests` registered guests; returns ids and codes."""
    spec = EventSpec(name="Bench", starts=datetime(2026, 2, 27, 16, 30, tzinfo=UTC), ends=None,
                     rooms=[RoomSpec("Sala", 10_000_000)])
    event = init_event(engine, spec).event
    now = utcnow()
    found = [codes.generate() for _ in range(guests)]
    rows = [{
        "event_id": event.id, "first_name": f"Gość{i}", "last_name": "Żółć", "organization": "",
        "role": "", "email": "", "phone": "", "extra": {}, "status": "registered",
        "walk_in": False, "code": c, "code_source": "generated", "source_file": "",
        "source_row": i, "badge_prints": 0, "created_at": now, "updated_at": now,
        **guest_keys(f"Gość{i}", "Żółć", "", "", c),
    } for i, c in enumerate(found)]
    with engine.begin() as conn:
        conn.execute(sa.insert(SQLModel.metadata.tables["guest"]), rows)
    return event.id, event.rooms[0].id, found


# --- SQLite: one station, latency -------------------------------------------------------------


def _bare_sqlite(path: Path, event_id: int, room_id: int, station_id: int) -> Any:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")

    def admit(code: str) -> None:
        now = datetime.now(UTC)
        request = uuid.uuid4().hex
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute(_FIND, (station_id, _stamp(now - timedelta(seconds=2)), request,
                                   *([code] * 8))).fetchone()
        conn.execute(_ENTER_GUEST, (room_id, row[0]))
        conn.execute(_ENTER_ROOM, (_stamp(now), room_id, 0)).fetchone()
        conn.execute(_INSERT, (event_id, row[0], room_id, station_id, code, 0, request,
                               _stamp(now))).fetchone()
        conn.execute("COMMIT")

    return conn, admit


def sqlite_figures(quick: bool) -> list[Figure]:
    n = 5_000 if quick else 50_000
    samples = 400 if quick else 2_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        engine = open_database(str(path))
        event_id, room_id, found = make_event(engine, n)
        random.Random(3).shuffle(found)
        door = Door(engine, event_id, "Bench")
        bare_conn, bare = _bare_sqlite(path, event_id, room_id, door.station_id)
        for c in found[:100]:  # warm up: pool, statement caches, pages
            door.scan(c)
        for c in found[100:200]:
            bare(c)
        ours: list[float] = []
        baseline: list[float] = []
        # Interleaved, so both see the same machine load and the same database size.
        for i in range(samples):
            a, b = found[200 + 2 * i], found[201 + 2 * i]
            start = time.perf_counter()
            v = door.scan(a)
            ours.append((time.perf_counter() - start) * 1000)
            assert v.recorded, v
            start = time.perf_counter()
            bare(b)
            baseline.append((time.perf_counter() - start) * 1000)
        bare_conn.close()
        consistent = recount(engine, event_id) == []
        engine.dispose()
    m, base = median(ours), median(baseline)
    name = f"check_in median (SQLite, {n:,} guests, durable commit)"
    return [
        Figure(name, m, "ms", "<= 1 ms", m <= 1.0 and consistent,
               "bare sqlite3 transaction, same reads and writes", base),
        Figure(f"check_in p99 (SQLite, {n:,} guests)", p99(ours), "ms", "report only", True,
               "bare sqlite3 p99", p99(baseline)),
    ]


# --- PostgreSQL: four stations, throughput ------------------------------------------------------


def _station(url: str, event_id: int, name: str, my_codes: list[str], start_at: float,
             results: Any) -> None:
    from checkin.db import make_engine

    engine = make_engine(url)
    door = Door(engine, event_id, name)
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)
    admitted = 0
    for c in my_codes:
        if door.scan(c).recorded:
            admitted += 1
    results.put((admitted, time.time()))
    engine.dispose()


def _bare_station(url: str, event_id: int, room_id: int, station_id: int, my_codes: list[str],
                  start_at: float, results: Any) -> None:
    import psycopg

    conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    delay = start_at - time.time()
    if delay > 0:
        time.sleep(delay)
    admitted = 0
    for code in my_codes:
        now = datetime.now(UTC)
        request = uuid.uuid4().hex
        with conn.transaction():
            row = conn.execute(_pg(_FIND), (station_id, now - timedelta(seconds=2), request,
                                            *([code] * 8))).fetchone()
            assert row is not None
            if conn.execute(_pg(_ENTER_GUEST), (room_id, row[0])).rowcount != 1:
                continue
            conn.execute(_pg(_ENTER_ROOM), (now, room_id, False)).fetchone()
            conn.execute(_pg(_INSERT), (event_id, row[0], room_id, station_id, code, False, request,
                                        now)).fetchone()
            admitted += 1
    results.put((admitted, time.time()))
    conn.close()


def _shares(found: list[str], per_station: int) -> list[list[str]]:
    """Each station's codes; a fifth of them also scanned by the next station (overlap)."""
    overlap = per_station // 5
    shares = []
    for i in range(STATIONS):
        own = found[i * per_station:(i + 1) * per_station]
        nxt = found[((i + 1) % STATIONS) * per_station:][:overlap]
        mixed = own + nxt
        random.Random(i).shuffle(mixed)
        shares.append(mixed)
    return shares


def _run_stations(target: Any, args_for: Any) -> tuple[int, float]:
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    start_at = time.time() + 4.0  # every process imported and connected by then
    procs = [ctx.Process(target=target, args=(*args_for(i), start_at, results)) for i in range(STATIONS)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    return sum(a for a, _ in outcomes), max(t for _, t in outcomes) - start_at


def _doubled(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        n: int = conn.execute(sa.text(
            "SELECT count(*) FROM (SELECT guest_id FROM passage WHERE direction = 'in' "
            "AND undone_by_id IS NULL GROUP BY guest_id HAVING count(*) > 1) d")).scalar_one()
        return n


def _commit_ms(url: str, room_id: int) -> float:
    """Median time of a durable one-row commit on the room's row: the bound on admissions/s.

    Every admission to a room updates that room's counter, and the row stays locked until the
    commit is on disk, so one room admits at most about 1000 / this figure guests per second.
    """
    import psycopg

    samples = []
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        for _ in range(200):
            start = time.perf_counter()
            conn.execute("UPDATE room SET warn_at = warn_at WHERE id = %s", (room_id,))
            conn.commit()
            samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


def pg_figures(admin_url: str, quick: bool) -> list[Figure]:
    per_station = 300 if quick else 1_000
    admin_url = admin_url.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"checkin_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = f"{admin_url.rsplit('/', 1)[0]}/{name}"
    try:
        engine = open_database(url)
        event_id, room_id, found = make_event(engine, STATIONS * per_station * 2)
        ours_codes, bare_codes = found[: len(found) // 2], found[len(found) // 2:]
        shares = _shares(ours_codes, per_station)
        ours, took = _run_stations(_station, lambda i: (url, event_id, f"Stanowisko {i}", shares[i]))
        doubled = _doubled(engine)
        consistent = recount(engine, event_id) == []
        station_ids = [Door(engine, event_id, f"Bez silnika {i}").station_id for i in range(STATIONS)]
        bare_shares = _shares(bare_codes, per_station)
        bare, bare_took = _run_stations(
            _bare_station, lambda i: (url, event_id, room_id, station_ids[i], bare_shares[i]))
        commit = _commit_ms(url, room_id)
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    rate, bare_rate = ours / took, bare / bare_took
    expected = STATIONS * per_station
    return [Figure(
        f"admissions/s, {STATIONS} stations on PostgreSQL ({ours} admitted of {expected}, "
        f"{doubled} doubled)", rate, "/s", ">= 300/s, none doubled",
        rate >= 300 and doubled == 0 and ours == expected and consistent,
        f"bare psycopg, {STATIONS} processes, same statements", bare_rate),
        Figure("PostgreSQL durable commit of the room's row (one room admits <= 1000/this per s)",
               commit, "ms", "report only", True)]


def _pg_url(argv: list[str]) -> str | None:
    if "--db" in argv:
        return argv[argv.index("--db") + 1]
    for var in ("CHECKIN_BENCH_PG_URL", "CHECKIN_TEST_PG_URL", "CHECKIN_DB"):
        value = os.environ.get(var, "")
        if value.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
            return value.replace("postgres://", "postgresql://", 1)
    return None


def run(quick: bool = False) -> list[Figure]:
    figures = sqlite_figures(quick)
    url = _pg_url(sys.argv)
    if url is None:
        print("bench_engine: PostgreSQL figure skipped: set CHECKIN_BENCH_PG_URL or "
              "CHECKIN_TEST_PG_URL (or run python -m bench.bench_engine --db postgresql://…)")
    else:
        figures += pg_figures(url, quick)
    return figures


if __name__ == "__main__":
    from bench.run import print_figures

    print_figures(run(quick="--quick" in sys.argv))
