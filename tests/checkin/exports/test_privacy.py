"""After the event: purge removes personal data from the database file and keeps the numbers."""

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from checkin import backup
from checkin.cli import main
from checkin.events import EventInfo
from checkin.report import build_report

from .conftest import Expected


def stats_json(db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["--db", db, "stats", "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_purge_leaves_no_name_or_email_in_the_file_and_the_same_counts(
    engine: Engine, event: EventInfo, finished_event: Expected, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = str(engine.url.database)
    snapshot = backup.backup(engine)
    before = stats_json(db, capsys)
    report_before = build_report(engine, event.id)
    assert main(["--db", db, "purge"]) == 0  # the event (27.02.2026) is over
    out = capsys.readouterr().out
    assert "Usunięto dane osobowe 152 osób" in out
    assert not snapshot.exists()  # backups held the same personal data
    assert stats_json(db, capsys) == before
    after = build_report(engine, event.id)
    assert (after.registered, after.attended, after.no_shows, after.walk_ins, after.cancelled,
            after.organizations, after.attendance_rate, after.arrivals, after.rooms) == (
        report_before.registered, report_before.attended, report_before.no_shows,
        report_before.walk_ins, report_before.cancelled, report_before.organizations,
        report_before.attendance_rate, report_before.arrivals, report_before.rooms)
    # Read while the database is still open, as on the laptop: its -wal file counts too.
    files = [p for p in Path(db).parent.iterdir() if p.name.startswith(Path(db).name)]
    raw = b"".join(p.read_bytes() for p in files)
    # Organizations are kept (an NGO's name is not personal data, and the report counts them);
    # a name that also occurs in one ("Kazimierz" in "Mieszkańców Kazimierza") proves nothing.
    kept = " ".join(org for _, _, org in finished_event.names.values())
    for first, last, _ in finished_event.names.values():
        assert f"{first} {last}".encode() not in raw
        for word in (first, last):
            if len(word) > 3 and word not in kept:
                assert word.encode() not in raw, word
    for email in finished_event.emails:
        assert email.encode() not in raw, email
    assert b"example.org" not in raw


def test_purge_before_the_event_ends_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import SAMPLE_EVENT

    future = tmp_path / "future.toml"
    future.write_text(SAMPLE_EVENT.read_text(encoding="utf-8").replace("2026-02-27", "2099-02-27"),
                      encoding="utf-8")
    db = str(tmp_path / "f.sqlite")
    assert main(["--db", db, "init", str(future)]) == 0
    assert main(["--db", db, "walk-in", "--first", "Jan", "--last", "Kowalski"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "purge"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--db", db, "guests", "--search", "kowalski", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1  # nothing was removed
    assert main(["--db", db, "purge", "--force"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "guests", "--search", "kowalski", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_info_says_where_the_data_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "e.sqlite"
    assert main(["--db", str(db), "info"]) == 0
    out = capsys.readouterr().out
    assert str(db) in out
    assert str(tmp_path / "home" / "data" / "backups") in out
    assert str(tmp_path / "home" / "logs") in out


def test_purge_on_postgresql(pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import SAMPLE_EVENT

    assert main(["--db", pg_url, "init", str(SAMPLE_EVENT)]) == 0
    assert main(["--db", pg_url, "walk-in", "--first", "Łucja", "--last", "Żak", "--email",
                 "lucja@example.org"]) == 0
    before = stats_json(pg_url, capsys)
    assert main(["--db", pg_url, "purge"]) == 0
    assert stats_json(pg_url, capsys) == before
    out = tmp_path / "po.csv"
    assert main(["--db", pg_url, "export", "--format", "csv", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "Łucja" not in text
    assert "lucja@example.org" not in text
