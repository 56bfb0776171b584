"""Backups: a snapshot opens as a database and holds the check-ins; private files; the newest kept."""

import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from checkin.backup import RollingBackups, backup
from checkin.cli import main
from checkin.db import open_database
from checkin.engine import Door, stats
from checkin.errors import UserError

from .conftest import Venue


def _check_ins_in(path: Path, event_id: int) -> int:
    engine = open_database(str(path))
    try:
        return stats(engine, event_id).attended
    finally:
        engine.dispose()


def test_sqlite_snapshot_while_the_door_is_open(venue: Venue, tmp_path: Path) -> None:
    door = Door(venue.engine, venue.event_id, "Wejście 1")
    for c in venue.codes[:3]:
        door.scan(c)
    target = backup(venue.engine, tmp_path / "kopie")
    assert target.parent == tmp_path / "kopie"
    assert target.name.startswith("door-backup-")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not list(target.parent.glob("*-wal"))
    assert not list(target.parent.glob(".*partial"))
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    door.scan(venue.codes[3])  # after the snapshot: not in it
    assert _check_ins_in(target, venue.event_id) == 3


def test_default_folder_and_keeping_the_newest(venue: Venue) -> None:
    made = [backup(venue.engine, keep=3) for _ in range(5)]
    folder = Path(os.environ["CHECKIN_HOME"]) / "data" / "backups"
    assert sorted(folder.iterdir()) == made[2:]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_rolling_backups_on_a_timer_and_at_stop(venue: Venue, tmp_path: Path) -> None:
    rolling = RollingBackups(venue.engine, tmp_path / "r", every=0.05, keep=100)
    rolling.start()
    deadline = time.monotonic() + 10
    while len(list((tmp_path / "r").glob("*.sqlite"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    Door(venue.engine, venue.event_id, "A").scan(venue.codes[0])
    last = rolling.stop()
    assert last is not None
    assert rolling.last_error is None
    assert len(list((tmp_path / "r").glob("*.sqlite"))) >= 3
    assert _check_ins_in(last, venue.event_id) == 1  # the closing snapshot has the last check-in


def test_unwritable_folder_is_a_clear_error(venue: Venue, tmp_path: Path) -> None:
    blocker = tmp_path / "plik"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="Nie można utworzyć folderu kopii"):
        backup(venue.engine, blocker / "kopie")
    rolling = RollingBackups(venue.engine, blocker / "kopie")
    assert rolling.backup_now() is None
    assert rolling.last_error


@pytest.mark.pg
def test_postgresql_snapshot_opens_with_db(
    pg_venue: Venue, tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    door = Door(pg_venue.engine, pg_venue.event_id, "Wejście 1")
    door.scan(pg_venue.codes[0])
    door.scan(pg_venue.codes[1])
    door.scan(pg_venue.codes[1], exit=True)
    door.undo_last()  # the undo links a later passage to an earlier one
    door.walk_in("Jan", "Nowak")
    assert main(["--db", pg_url, "backup", "--to", str(tmp_path / "kopie")]) == 0
    out = capsys.readouterr().out
    [target] = (tmp_path / "kopie").glob("*.sqlite")
    assert str(target) in out
    assert "checkin --db" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert main(["--db", str(target), "stats", "--json"]) == 0
    copied = capsys.readouterr().out
    assert main(["--db", pg_url, "stats", "--json"]) == 0
    assert copied == capsys.readouterr().out
    snapshot = open_database(str(target))
    try:
        again = Door(snapshot, pg_venue.event_id, "Wejście 1").scan(pg_venue.codes[1])
        assert again.kind == "already_inside"  # the copy knows who is inside
    finally:
        snapshot.dispose()


def test_cli_backup_of_sqlite(venue: Venue, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Door(venue.engine, venue.event_id, "A").scan(venue.codes[0])
    assert main(["--db", str(venue.engine.url.database), "backup", "--to", str(tmp_path / "k")]) == 0
    [target] = (tmp_path / "k").glob("*.sqlite")
    assert str(target) in capsys.readouterr().out
    assert _check_ins_in(target, venue.event_id) == 1
