"""Importing and merging registration lists end to end, on a real SQLite file and PostgreSQL."""

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import select

from checkin.cli import main
from checkin.db import open_database, session
from checkin.events import EventInfo
from checkin.guests import list_guests
from checkin.importing.reading import ImportFileError
from checkin.importing.service import import_file
from checkin.models import Direction, Guest, Passage
from checkin.resources import resource

SAMPLE = resource("sample", "zgloszenia-lawka-dialogu.csv")
HEADER = ["Imię", "Nazwisko", "Organizacja", "E-mail", "Telefon"]


def write(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows([header, *rows])
    return path


def guests(engine: Engine, event: EventInfo) -> dict[str, Guest]:
    with session(engine) as s:
        rows = s.exec(select(Guest).where(Guest.event_id == event.id)).all()
    return {f"{g.first_name} {g.last_name}": g for g in rows}


def count(engine: Engine) -> int:
    with session(engine) as s:
        return s.exec(select(func.count()).select_from(Guest)).one()


def test_sample_list_imports_every_person(engine: Engine, event: EventInfo) -> None:
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        source = list(csv.DictReader(f))
    report = import_file(engine, SAMPLE, event.id)
    assert report.applied
    assert report.plan.problems == []
    imported = guests(engine, event)
    assert len(imported) == len(source) == 150
    for row in source:
        g = imported[row["Imię i nazwisko"]]
        assert g.organization == row["Nazwa organizacji"]
        assert g.email == row["Adres e-mail"]
        assert g.role == row["Kategoria"]
        assert (g.status == "cancelled") == row["Czy weźmiesz udział w spotkaniu?"].startswith("Nie")
        assert g.extra.get("Czy potrzebujesz udogodnień?", "") == row["Czy potrzebujesz udogodnień?"]
    assert imported["Anna van der Berg"].last_name == "van der Berg"
    assert [g.last_name for g in list_guests(engine, event.id, "lukasz zolc")] == ["Żółć"]


def test_generated_codes_are_valid_and_distinct(engine: Engine, event: EventInfo) -> None:
    from checkin import codes

    import_file(engine, SAMPLE, event.id)
    all_codes = [g.code for g in guests(engine, event).values()]
    assert len(set(all_codes)) == 150
    assert all(codes.is_valid(c) for c in all_codes)


def test_reimport_merges_without_losing_anything(
    engine: Engine, event: EventInfo, tmp_path: Path
) -> None:
    first = write(tmp_path / "v1.csv", [
        ["Jan", "Kowalski", "Fundacja A", "jan@example.org", ""],
        ["Ewa", "Nowak", "Stowarzyszenie B", "ewa@example.org", "600100200"],
        ["Piotr", "Wiśniewski", "Klub C", "", ""],
        ["Zofia", "Ćwik", "", "zofia@example.org", ""],
    ])
    import_file(engine, first, event.id)
    before = guests(engine, event)
    with session(engine) as s:  # Ewa is already inside when the updated list arrives
        s.add(Passage(event_id=event.id, guest_id=before["Ewa Nowak"].id,
                      room_id=event.rooms[0].id, direction=Direction.IN, verdict="admitted"))
        s.commit()

    second = write(tmp_path / "v2 (1).csv", [
        ["Jan", "Kowalski", "Fundacja A – oddział Kraków", "JAN@example.org", "601 000 001"],
        ["Ewa", "Nowak-Lis", "Stowarzyszenie B", "ewa@example.org", ""],  # married, same e-mail
        ["Zofia", "Ćwik", "", "zofia@example.org", ""],
        ["Łucja", "Żak", "Fundacja D", "lucja@example.org", ""],
    ])
    preview = import_file(engine, second, event.id, dry_run=True)
    assert not preview.applied
    assert guests(engine, event).keys() == before.keys()  # a dry run writes nothing

    report = import_file(engine, second, event.id)
    after = guests(engine, event)
    assert [r.display_name for r in report.plan.added] == ["Łucja Żak"]
    assert sorted(c.record.display_name for c in report.plan.updated) == ["Ewa Nowak-Lis", "Jan Kowalski"]
    assert report.plan.unchanged == 1
    assert [m.name for m in report.plan.missing] == ["Piotr Wiśniewski"]
    assert "Piotr Wiśniewski" in after  # reported, not deleted
    assert after["Jan Kowalski"].organization == "Fundacja A – oddział Kraków"
    assert after["Jan Kowalski"].phone == "601 000 001"
    assert after["Ewa Nowak-Lis"].phone == "600100200"  # an empty cell erases nothing
    # Codes already sent out keep working, and the check-in is untouched.
    for name, new_name in [("Jan Kowalski", "Jan Kowalski"), ("Ewa Nowak", "Ewa Nowak-Lis")]:
        assert after[new_name].code == before[name].code
    with session(engine) as s:
        passages = s.exec(select(Passage)).all()
    assert [(p.guest_id, p.direction) for p in passages] == [(before["Ewa Nowak"].id, "in")]
    assert [g.last_name for g in list_guests(engine, event.id, "nowak lis")] == ["Nowak-Lis"]


def test_ticket_codes_are_kept_and_match_on_reimport(
    engine: Engine, event: EventInfo, tmp_path: Path
) -> None:
    header = ["First Name", "Last Name", "Email", "Barcode #", "Attendee Status"]
    v1 = write(tmp_path / "eb.csv", [
        ["Anna", "Mazur", "a@example.org", "1234567890123456001", "Attending"],
        ["Jan", "Bąk", "j@example.org", "1234567890123456002", "Not Attending"],
    ], header)
    import_file(engine, v1, event.id)
    got = guests(engine, event)
    assert got["Anna Mazur"].code == "1234567890123456001"
    assert got["Anna Mazur"].code_source == "imported"
    assert got["Jan Bąk"].status == "cancelled"
    v2 = write(tmp_path / "eb2.csv", [
        ["Anna", "Mazur-Kos", "anna.nowy@example.org", "1234567890123456001", "Attending"],
        ["Jan", "Bąk", "j@example.org", "1234567890123456002", "Attending"],  # changed their mind
    ], header)
    report = import_file(engine, v2, event.id)
    assert report.plan.added == []
    got = guests(engine, event)
    assert got["Anna Mazur-Kos"].email == "anna.nowy@example.org"
    assert got["Jan Bąk"].status == "registered"


def test_shared_inbox_is_two_people(engine: Engine, event: EventInfo, tmp_path: Path) -> None:
    path = write(tmp_path / "l.csv", [
        ["Jan", "Kowalski", "Fundacja A", "biuro@example.org", ""],
        ["Maria", "Lis", "Fundacja A", "biuro@example.org", ""],
    ])
    report = import_file(engine, path, event.id)
    assert report.plan.problems == []
    assert set(guests(engine, event)) == {"Jan Kowalski", "Maria Lis"}


def test_duplicates_need_acceptance_then_import_once(
    engine: Engine, event: EventInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "dup.csv", [
        ["Jan", "Kowalski", "Fundacja A", "jan@example.org", ""],
        ["Ewa", "Nowak", "", "", ""],
        ["JAN", "KOWALSKI", "Fundacja A", "Jan@Example.org", ""],
        ["", "", "Fundacja X", "x@example.org", ""],
        ["Ola", "Lis", "", "ola(at)example.org", ""],
    ])
    db = str(engine.url.database)
    assert main(["--db", db, "import", str(path)]) == 1
    out = capsys.readouterr().out
    assert "wiersz 4" in out
    assert "powtarza się (jak w wierszu 2)" in out
    assert "wiersz 5" in out
    assert "brak imienia i nazwiska" in out
    assert "wiersz 6" in out
    assert "ola(at)example.org" in out
    assert "Nic nie zaimportowano" in out
    assert count(engine) == 0

    assert main(["--db", db, "import", str(path), "--accept-warnings"]) == 0
    assert sorted(guests(engine, event)) == ["Ewa Nowak", "Jan Kowalski", "Ola Lis"]


def test_cli_import_dry_run_and_guests_json(
    engine: Engine, event: EventInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(engine.url.database)
    assert main(["--db", db, "import", str(SAMPLE), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Nowe osoby: 150" in out
    assert "niczego nie zapisano" in out
    assert count(engine) == 0
    assert main(["--db", db, "import", str(SAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "guests", "--search", "LUKASZ ZOLC", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1
    assert set(listed[0]) >= {"first_name", "last_name", "organization", "email", "code", "status",
                              "inside"}
    assert (listed[0]["first_name"], listed[0]["last_name"], listed[0]["inside"]) == (
        "Łukasz", "Żółć", False)


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\xff" * 50, b"Imie;Nazwisko\r\n"])
def test_unreadable_file_imports_nothing_and_says_which(
    engine: Engine, event: EventInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    content: bytes,
) -> None:
    path = tmp_path / "zepsuty.csv"
    path.write_bytes(content)
    assert main(["--db", str(engine.url.database), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "zepsuty.csv" in err
    assert "Traceback" not in err
    assert count(engine) == 0


def test_file_without_name_columns_is_refused(engine: Engine, event: EventInfo, tmp_path: Path) -> None:
    path = write(tmp_path / "bez.csv", [["a", "b"]], header=["Kolor", "Liczba"])
    with pytest.raises(ImportFileError, match="bez.csv.*imieniem i nazwiskiem"):
        import_file(engine, path, event.id)


def test_import_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    from checkin.event_file import parse_event_file
    from checkin.events import init_event
    from tests.conftest import SAMPLE_EVENT

    engine = open_database(pg_url)
    event = init_event(engine, parse_event_file(SAMPLE_EVENT)).event
    import_file(engine, SAMPLE, event.id)
    again = import_file(engine, SAMPLE, event.id)
    assert again.plan.added == []
    assert again.plan.updated == []
    assert again.plan.unchanged == 150
    assert [g.last_name for g in list_guests(engine, event.id, "Łukasz Żółć")] == ["Żółć"]
    engine.dispose()


def test_bulk_written_rows_read_back_exactly_on_postgresql(pg_url: str) -> None:
    from datetime import UTC, datetime, timedelta

    from checkin.event_file import parse_event_file
    from checkin.events import init_event
    from tests.conftest import SAMPLE_EVENT

    engine = open_database(pg_url)
    event = init_event(engine, parse_event_file(SAMPLE_EVENT)).event
    before = datetime.now(UTC)
    import_file(engine, SAMPLE, event.id)
    got = guests(engine, event)
    g = got["Łukasz Żółć"]
    assert g.extra["Zgoda na przetwarzanie danych osobowych"] == "Wyrażam zgodę"
    assert g.created_at.tzinfo is not None
    assert before - timedelta(seconds=5) <= g.created_at <= datetime.now(UTC)
    assert (g.badge_prints, g.walk_in, g.inside_room_id) == (0, False, None)
    engine.dispose()


def test_cli_search_finds_double_barrelled_names_and_grouped_codes(
    engine: Engine, event: EventInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from checkin import codes

    path = write(tmp_path / "l.csv", [["Ewa", "Nowak-Lis", "", "", ""], ["Jan", "Łęcki", "", "", ""]])
    import_file(engine, path, event.id)
    db = str(engine.url.database)
    for text, expected in [("Nowak-Lis", ["Nowak-Lis"]), ("nowak lis", ["Nowak-Lis"]),
                           ("LECKI", ["Łęcki"])]:
        assert main(["--db", db, "guests", "--search", text, "--json"]) == 0
        assert [g["last_name"] for g in json.loads(capsys.readouterr().out)] == expected, text
    code = guests(engine, event)["Jan Łęcki"].code
    assert main(["--db", db, "guests", "--search", codes.display(code).lower(), "--json"]) == 0
    assert [g["last_name"] for g in json.loads(capsys.readouterr().out)] == ["Łęcki"]
