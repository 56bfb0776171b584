"""The door commands of the CLI: every verdict, exit codes, JSON, Polish text naming the guest."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from checkin import codes
from checkin.cli import main
from checkin.db import open_database
from checkin.engine import Door

from .conftest import PASSAGE, add_guests, consistent, make_event


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "door.sqlite")


@pytest.fixture
def guests(db: str) -> tuple[int, list[str]]:
    engine = open_database(db)
    other = make_event(engine, name="Inne spotkanie", rooms=(("Aula B", 50),))
    [foreign], _ = add_guests(engine, other, 1, first="Obcy")
    event_id = make_event(engine)  # created last: the current event
    found, _ = add_guests(engine, event_id, 7)
    [cancelled], _ = add_guests(engine, event_id, 1, status="cancelled", first="Odwołany")
    engine.dispose()
    return event_id, [*found, cancelled, foreign]


def run(db: str, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--db", db, *argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def scan_json(db: str, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code, out = run(db, capsys, "scan", *argv, "--json")
    return code, json.loads(out)


def test_every_verdict_from_the_cli(
    db: str, guests: tuple[int, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    event_id, c = guests
    code, out = scan_json(db, capsys, c[0], "--station", "Wejście 1")
    assert code == 0
    assert out["verdict"] == "admitted"
    assert out["recorded"] is True
    assert out["guest"] == {"first_name": "Gość0", "last_name": "Żółć", "organization": "Fundacja",
                            "email": "", "code": c[0], "status": "registered", "walk_in": False}
    assert out["room"] == {"name": "Sala 005", "inside": 1, "capacity": 5}
    code, out = scan_json(db, capsys, c[0], "--station", "Wejście 2")
    assert (code, out["verdict"], out["previous_station"]) == (1, "already_inside", "Wejście 1")
    code, out = scan_json(db, capsys, c[0], "--exit", "--station", "Wyjście")
    assert (code, out["verdict"]) == (0, "exit")
    assert out["room"] == {"name": "Sala 005", "inside": 0, "capacity": 5}
    code, out = scan_json(db, capsys, c[0], "--exit", "--station", "Inne")
    assert (code, out["verdict"]) == (1, "not_inside")
    code, out = scan_json(db, capsys, c[0], "--station", "Wejście 3")
    assert (code, out["verdict"], out["previous_station"]) == (0, "welcome_back", "Wyjście")
    code, out = scan_json(db, capsys, "NIE-MA-123")
    assert (code, out["verdict"], out["guest"]) == (1, "unknown", None)
    wrong = c[1][:-1] + next(ch for ch in codes.ALPHABET if ch != c[1][-1])
    code, out = scan_json(db, capsys, wrong)
    assert (code, out["verdict"], out["guest"]) == (1, "typo", None)
    code, out = scan_json(db, capsys, c[7])
    assert (code, out["verdict"]) == (1, "cancelled")
    assert out["guest"]["status"] == "cancelled"  # type: ignore[index]
    code, out = scan_json(db, capsys, c[8])
    assert (code, out["verdict"], out["guest"]) == (1, "wrong_event", None)
    for extra in c[1:5]:
        assert scan_json(db, capsys, extra)[0] == 0
    code, out = scan_json(db, capsys, c[5])
    assert (code, out["verdict"]) == (1, "room_full")
    assert out["room"] == {"name": "Sala 005", "inside": 5, "capacity": 5}
    code, out = scan_json(db, capsys, c[5], "--override", "--room", "sala 005")
    assert (code, out["verdict"]) == (0, "override")
    assert out["room"] == {"name": "Sala 005", "inside": 6, "capacity": 5}
    engine = open_database(db)
    with engine.connect() as conn:
        stations = set(conn.execute(sa.select(PASSAGE.c.station_id).distinct()).scalars())
    assert len(stations) >= 6
    consistent(engine, event_id)
    engine.dispose()


def test_human_output_names_the_guest_and_what_to_do(
    db: str, guests: tuple[int, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    _, c = guests
    code, out = run(db, capsys, "scan", codes.display(c[0]).lower())
    assert code == 0
    assert "WPUŚĆ: Gość0 Żółć (Fundacja)" in out
    assert "Sala 005: 1/5" in out
    code, out = run(db, capsys, "scan", c[0])
    assert code == 0
    assert "Powtórzony odczyt" in out
    code, out = run(db, capsys, "scan", c[0], "--station", "Drugie")
    assert code == 1
    assert "już jest w środku" in out
    assert "stanowisko CLI" in out
    code, out = run(db, capsys, "scan", c[7])
    assert code == 1
    assert "REJESTRACJA ODWOŁANA: Odwołany0 Żółć" in out
    code, out = run(db, capsys, "scan", c[1], "--room", "Balkon")
    assert code == 1
    assert "Nie ma sali „Balkon”" in out


def test_station_from_the_environment(
    db: str, guests: tuple[int, list[str]], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, c = guests
    monkeypatch.setenv("CHECKIN_STATION", "Wejście boczne")
    assert scan_json(db, capsys, c[0])[1]["station"] == "Wejście boczne"


def test_walk_in_undo_and_stats(
    db: str, guests: tuple[int, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    event_id, c = guests
    code, out = run(db, capsys, "walk-in", "--first", "Łucja", "--last", "Wąs", "--org", "KGW",
                     "--email", "lucja@example.org")
    assert code == 0
    assert "WPUŚĆ: Łucja Wąs (KGW)" in out
    assert "Kod gościa:" in out
    shown = out.split("Kod gościa:")[1].strip()
    assert codes.is_valid(codes.canonical(shown))
    code, out = run(db, capsys, "walk-in", "--first", "Jan", "--last", "Nowak", "--email", "zły-adres")
    assert code == 1
    assert "e-mail" in out
    run(db, capsys, "scan", c[0])
    code, out = run(db, capsys, "stats", "--json")
    s = json.loads(out)
    assert (s["registered"], s["cancelled"], s["attended"], s["walk_ins"], s["inside_now"]) == (8, 1, 2, 1, 2)
    assert s["rooms"][0]["name"] == "Sala 005"
    assert s["rooms"][0]["peak"] == 2
    code, out = run(db, capsys, "undo")
    assert code == 0
    assert "Cofnięto wejście: Gość0 Żółć" in out
    assert "Sala 005: 1/5" in out
    code, out = run(db, capsys, "undo")
    assert code == 0
    assert "Łucja Wąs" in out
    code, out = run(db, capsys, "undo")
    assert code == 1
    assert "nie ma działań do cofnięcia" in out
    run(db, capsys, "scan", c[1], "--exit", "--station", "Wyjście")  # refused, but registers it
    engine = open_database(db)
    Door(engine, event_id, "Wyjście", exit_station=True)
    engine.dispose()
    code, out = run(db, capsys, "undo", "--station", "Wyjście")
    assert code == 1
    assert "nie ma działań do cofnięcia" in out
    engine = open_database(db)
    with engine.connect() as conn:
        kind = conn.execute(sa.text("SELECT kind FROM station WHERE name = 'Wyjście'")).scalar()
    engine.dispose()
    assert kind == "exit"  # undo from the command line leaves the station as it was
    code, out = run(db, capsys, "undo", "--station", "Nieistniejące")
    assert code == 1
    assert "Nieistniejące" in out
    code, out = run(db, capsys, "stats")
    assert code == 0
    assert "przyszli: 0; w środku teraz: 0" in out
    assert "sala Sala 005: 0/5" in out


def test_scan_through_the_installed_command(db: str, guests: tuple[int, list[str]], tmp_path: Path) -> None:
    _, c = guests
    exe = Path(sys.executable).with_name("checkin")
    env = {**os.environ, "CHECKIN_HOME": str(tmp_path / "home"), "CHECKIN_DB": db}
    done = subprocess.run([str(exe), "scan", c[2]], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "Gość2 Żółć" in done.stdout
    done = subprocess.run([str(exe), "scan", "???"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "NIEZNANY KOD" in done.stdout
    assert "Traceback" not in done.stderr
