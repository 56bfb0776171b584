"""The CLI contract: exit codes, messages instead of tracebacks, errors logged to a file."""

import subprocess
import sys
from pathlib import Path

import pytest

from checkin.cli import main
from tests.conftest import SAMPLE_EVENT


def test_init_creates_then_updates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "e.sqlite")
    assert main(["--db", db, "init", str(SAMPLE_EVENT)]) == 0
    out = capsys.readouterr().out
    assert "Utworzono wydarzenie: Ławka dialogu" in out
    assert "27.02.2026 17:30 – 19:30" in out
    assert "Sala 005 (limit 60 osób)" in out
    changed = tmp_path / "ev.toml"
    changed.write_text(SAMPLE_EVENT.read_text(encoding="utf-8").replace("capacity = 60", "capacity = 55"),
                       encoding="utf-8")
    assert main(["--db", db, "init", str(changed)]) == 0
    out = capsys.readouterr().out
    assert "Zaktualizowano wydarzenie" in out
    assert "limit 55 osób" in out


def test_commands_need_an_event_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "e.sqlite"), "guests"]) == 1
    assert "checkin init" in capsys.readouterr().err


def test_bad_event_file_exits_1_naming_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(SAMPLE_EVENT.read_text(encoding="utf-8").replace("capacity", "capcity"), encoding="utf-8")
    assert main(["--db", str(tmp_path / "e.sqlite"), "init", str(bad)]) == 1
    assert "capcity" in capsys.readouterr().err


def test_unexpected_error_is_logged_not_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from checkin.cli import setup_cmds

    def explode(_args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(setup_cmds, "cmd_guests", explode)
    assert main(["--db", str(tmp_path / "e.sqlite"), "guests"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "nieoczekiwany błąd" in err
    log = tmp_path / "home" / "logs" / "checkin.log"
    assert "disk on fire" in log.read_text(encoding="utf-8")


def test_installed_entry_point_and_env_database(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("checkin")
    env = {"CHECKIN_DB": str(tmp_path / "env.sqlite"), "CHECKIN_HOME": str(tmp_path / "home"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([exe, "init", str(SAMPLE_EVENT)], env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.sqlite").exists()
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("checkin ")


def test_demo_sets_up_the_sample_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo"]) == 0
    out = capsys.readouterr().out
    assert "nowe osoby 150" in out
    assert main(["--db", db, "demo"]) == 0  # running it again changes nothing
    assert "nowe osoby 0, bez zmian 150" in capsys.readouterr().out


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """`checkin guests | head -1`: no "unexpected error" message, nothing in the error log."""
    exe = Path(sys.executable).with_name("checkin")
    env = {"CHECKIN_DB": str(tmp_path / "e.sqlite"), "CHECKIN_HOME": str(tmp_path / "home"),
           "PATH": "/usr/bin:/bin"}
    subprocess.run([exe, "demo"], env=env, capture_output=True, check=True)
    done = subprocess.run(f"'{exe}' guests | head -1", shell=True, env=env, capture_output=True,
                          text=True, check=False)
    assert done.stdout.startswith("Nazwisko")
    assert done.stderr == ""
    log = tmp_path / "home" / "logs" / "checkin.log"
    assert "unexpected error" not in log.read_text(encoding="utf-8")
