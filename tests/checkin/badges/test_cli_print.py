"""`checkin badges` and `checkin invitations` from the command line: output, exit codes, messages."""

from pathlib import Path

import pytest

from checkin.cli import main

from .conftest import TRICKY, import_guests
from .pdftools import pdf_text


@pytest.fixture
def db(tmp_path: Path) -> str:
    from checkin.db import open_database
    from checkin.event_file import parse_event_file
    from checkin.events import init_event
    from tests.conftest import SAMPLE_EVENT

    path = tmp_path / "cli.sqlite"
    engine = open_database(str(path))
    event = init_event(engine, parse_event_file(SAMPLE_EVENT)).event
    import_guests(engine, event, tmp_path, TRICKY)
    engine.dispose()
    return str(path)


def counters(db: str) -> list[int]:
    from sqlmodel import select

    from checkin.db import open_database, session
    from checkin.models import Guest

    engine = open_database(db)
    with session(engine) as s:
        values = sorted(g.badge_prints for g in s.exec(select(Guest)).all())
    engine.dispose()
    return values


def test_badges_for_everyone_then_not_printed(db: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "identyfikatory.pdf"
    assert main(["--db", db, "badges", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"Zapisano identyfikatory: {len(TRICKY)} (stron: 1, układ a4-90x55" in said
    assert "licznik wydruków zwiększony" in said
    assert "Brzęczyszczykiewicz" in pdf_text(out)
    assert counters(db) == [1] * len(TRICKY)
    assert main(["--db", db, "badges", "--out", str(tmp_path / "again.pdf"), "--who", "not-printed"]) == 0
    assert "Brak osób do wydruku (osoby bez wydrukowanego identyfikatora)" in capsys.readouterr().out
    assert not (tmp_path / "again.pdf").exists()


def test_one_guest_on_a_label_and_preview(db: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "jeden.pdf"
    assert main(["--db", db, "badges", "--out", str(out), "--guest", "ZAP-000123", "--layout", "dymo-54x101",
                 "--no-count"]) == 0
    said = capsys.readouterr().out
    assert "Zapisano identyfikatory: 1 (stron: 1, układ dymo-54x101" in said
    assert "podgląd" in said
    text = pdf_text(out)
    assert "Zdzisław Dąb" in text
    assert "Łukasz" not in text
    assert counters(db) == [0] * len(TRICKY)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layout", "a5-bogus"], "Nieznany układ identyfikatorów „a5-bogus”. Dostępne układy:"),
        (["--who", "someone"], "Nieznana wartość --who „someone”"),
        (["--guest", "NIEMA-1"], "Nie ma gościa z kodem „NIEMA-1”"),
        (["--guest", "ZAP-000123", "--who", "inside"], "nie oba naraz"),
        (["--printer", "Nie-Ma-Takiej"], "Nie ma drukarki „Nie-Ma-Takiej”"),
    ],
)
def test_bad_input_exits_1_and_changes_nothing(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               args: list[str], message: str) -> None:
    out = tmp_path / "x.pdf"
    assert main(["--db", db, "badges", "--out", str(out), *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()
    assert counters(db) == [0] * len(TRICKY)


def test_unknown_layout_lists_the_layouts(db: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "badges", "--out", str(tmp_path / "x.pdf"), "--layout", "A4"]) == 1
    err = capsys.readouterr().err
    for name in ("a4-90x55", "a4-a6", "a4-54x90", "a4-50x80", "brother-62", "dymo-54x101", "zebra-57x102"):
        assert name in err


@pytest.mark.parametrize("where", ["missing-folder", "parent-is-a-file", "is-a-folder"])
def test_unwritable_out_path_exits_1(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     where: str) -> None:
    blocker = tmp_path / "plik.txt"
    blocker.write_text("nie folder", encoding="utf-8")
    out = {"missing-folder": tmp_path / "nie-ma" / "b.pdf", "parent-is-a-file": blocker / "b.pdf",
           "is-a-folder": tmp_path}[where]
    assert main(["--db", db, "badges", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"Nie można zapisać pliku {out}" in err
    assert "--out" in err
    assert counters(db) == [0] * len(TRICKY)
    assert blocker.read_text(encoding="utf-8") == "nie folder"


def test_invitations_command(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "zaproszenia"
    assert main(["--db", db, "invitations", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"Zaproszenia: {len(TRICKY)}" in said
    assert (out / "zaproszenia-wszystkie.pdf").exists()
    assert "korespondencja-seryjna.csv" in said


def test_invitations_into_a_file_exits_1(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "plik.pdf"
    blocker.write_bytes(b"%PDF-1.4 not ours")
    assert main(["--db", db, "invitations", "--out", str(blocker)]) == 1
    assert "nie jest folderem" in capsys.readouterr().err
    assert blocker.read_bytes() == b"%PDF-1.4 not ours"
