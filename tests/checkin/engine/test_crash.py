"""A station killed with SIGKILL at random moments: every admission it reported is in the database."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from checkin.db import open_database
from checkin.occupancy import recount

from .conftest import GUEST, PASSAGE, add_guests, make_event

ROOT = Path(__file__).resolve().parents[3]
KILLS = 20


@pytest.mark.slow  # 20 process starts: about 20 s on an idle 2-core machine, more under load
def test_killed_station_loses_no_reported_admission(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite"
    engine = open_database(str(db))
    event_id = make_event(engine, rooms=(("Sala 005", 100_000),))
    # Each round gets more codes than a fast machine admits before the kill (at most ~0.25 s after
    # the first admission), so the kill always lands mid-work; 20 rounds never use them all up.
    codes, _ = add_guests(engine, event_id, 20_000)
    rng = random.Random(20260227)
    reported: list[dict[str, int]] = []
    for round_ in range(KILLS):
        with engine.connect() as conn:
            left = list(conn.execute(sa.select(GUEST.c.code).where(GUEST.c.inside_room_id.is_(None))
                                     .limit(2000)).scalars())
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.checkin.engine.station_worker", str(db), str(event_id),
             f"Wejście {round_ % 3}", "loop", "0", str(round_), *left],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # running and admitting
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
        proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL, "the station finished before it was killed"
        lines = (first + rest).decode()
        # A line cut off by the kill was never reported; whole lines were.
        reported += [json.loads(line) for line in lines.split("\n")[:-1] if line]
    assert len(reported) > KILLS
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with engine.connect() as conn:
        stored = {r.id: r for r in conn.execute(
            sa.select(PASSAGE.c.id, PASSAGE.c.guest_id, PASSAGE.c.verdict, PASSAGE.c.undone_by_id))}
        inside = set(conn.execute(sa.select(GUEST.c.id).where(GUEST.c.inside_room_id.is_not(None))).scalars())
    for r in reported:
        row = stored[r["passage"]]
        assert (row.guest_id, row.verdict, row.undone_by_id) == (r["guest"], "admitted", None)
        assert r["guest"] in inside
    assert recount(engine, event_id) == []
    engine.dispose()
