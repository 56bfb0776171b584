"""Real-shaped exports (tests/data, written by make_files.py) import exactly the people in them."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlmodel import select

from checkin.cli import main
from checkin.db import session
from checkin.events import EventInfo
from checkin.importing.reading import decode, read_table
from checkin.importing.service import import_file
from checkin.models import Guest

DATA = Path(__file__).resolve().parents[2] / "data"


def people(engine: Engine) -> list[tuple[str, str, str, str, str, str]]:
    with session(engine) as s:
        rows = s.exec(select(Guest).order_by(Guest.id)).all()  # type: ignore[arg-type]
    return [(g.first_name, g.last_name, g.organization, g.email, g.phone, g.status) for g in rows]


def test_google_forms_export_in_polish(engine: Engine, event: EventInfo) -> None:
    report = import_file(engine, DATA / "google-forms-pl.csv", event.id)
    assert report.applied
    assert (report.table.encoding, report.table.delimiter) == ("UTF-8", ",")
    assert people(engine) == [
        ("Łukasz", "Żółć", "Fundacja Ławka Pod Lipą", "lukasz.zolc@example.org", "", "registered"),
        ("Małgorzata", "Ślęzak-Wąsowicz", "Stowarzyszenie „Sąsiedzi z Grzegórzek”",
         "biuro@example.org", "", "registered"),
        ("Anna", "van der Berg", "", "anna.vdb@example.org", "", "registered"),
        ("Jerzy", "Chrząszcz", "Klub Sportowy Żywa Pamięć", "jerzy.chrzaszcz@example.org", "",
         "cancelled"),
    ]
    with session(engine) as s:
        malgorzata = s.exec(select(Guest).where(Guest.last_name == "Ślęzak-Wąsowicz")).one()
    # Unknown columns are kept, a multi-line answer as one line.
    assert malgorzata.extra["Uwagi / potrzeby"] == "wózek inwalidzki, proszę o miejsce przy wejściu"
    assert malgorzata.extra["Sygnatura czasowa"] == "2026/02/02 10:01:44 AM CET"


def test_excel_cp1250_semicolons_crlf_and_empty_trailing_row(engine: Engine, event: EventInfo) -> None:
    report = import_file(engine, DATA / "excel-cp1250.csv", event.id)
    assert (report.table.encoding, report.table.delimiter) == ("Windows-1250", ";")
    assert report.plan.problems == []
    assert people(engine) == [
        ("Zofia", "Źrebiec", "Spółdzielnia Socjalna Kraków dla Seniorów", "zofia.zrebiec@example.org",
         "600 100 200", "registered"),
        ("Bożena", "Ćwik", "Koło Gospodyń Wiejskich Śpiewająca Wisła", "", "", "registered"),
        ("Przemysław", "Gąsienica", "Towarzystwo Przyjaciół Zabłocia", "p.gasienica@example.org",
         "+48 601 222 333", "registered"),
    ]


def test_iso_8859_2_tab_separated(engine: Engine, event: EventInfo) -> None:
    report = import_file(engine, DATA / "iso-8859-2.tsv", event.id)
    assert (report.table.encoding, report.table.delimiter) == ("ISO-8859-2", "\t")
    assert [(p[0], p[1], p[2]) for p in people(engine)] == [
        ("Świętosława", "Łęcka", "Fundacja Głos Kobiet"),
        ("Jędrzej", "Ożóg", "Stowarzyszenie Rowerowy Kraków"),
    ]


def test_xlsx_with_a_merged_title_row_above_the_header(engine: Engine, event: EventInfo) -> None:
    report = import_file(engine, DATA / "title-row.xlsx", event.id)
    assert report.table.header_row == 3
    assert report.table.title_rows == ["Ławka dialogu – lista zgłoszeń (stan na 20.02.2026)"]
    assert people(engine) == [
        ("Grzegorz", "Brzęczyszczykiewicz", "Stowarzyszenie Teatr na Kółkach", "grzegorz.b@example.org",
         "600700800", "registered"),
        ("Katarzyna", "Wiśniewska", "", "k.wisniewska@example.org", "", "registered"),
        ("Halina", "Nowak-Jeziorańska", "Fundacja Kraków Bez Barier", "", "+48 512 000 111",
         "registered"),
    ]
    with session(engine) as s:
        grzegorz = s.exec(select(Guest).where(Guest.first_name == "Grzegorz")).one()
    assert grzegorz.extra == {"Data zgłoszenia": "14.02.2026 09:30"}


def test_eventbrite_attendees_keep_their_barcodes(engine: Engine, event: EventInfo) -> None:
    report = import_file(engine, DATA / "eventbrite-attendees.csv", event.id)
    assert report.table.encoding == "UTF-8 (BOM)"
    with session(engine) as s:
        got = {g.last_name: g for g in s.exec(select(Guest)).all()}
    assert sorted(got) == ["Kwiatkowska", "Mróz", "Wróbel"]
    assert got["Kwiatkowska"].code == "1234567890123456001"
    assert got["Kwiatkowska"].code_source == "imported"
    assert got["Kwiatkowska"].organization == "Fundacja Pszczoła Miejska"
    assert got["Wróbel"].role == "Press"
    assert got["Mróz"].status == "cancelled"
    # The attendee and order numbers are not the scan code; they stay as extra fields.
    assert got["Wróbel"].extra["Attendee #"] == "9876500002"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("empty.csv", "pusty"),
        ("binary.csv", "nie jest plik tekstowy"),
        ("header-only.csv", "nie ma żadnych wierszy z danymi"),
        ("text-named.xlsx", "zmień rozszerzenie na .csv"),
        ("old-excel.xls", "Excel 97–2003"),
        ("no-names.csv", "nie znaleziono kolumny z imieniem i nazwiskiem"),
    ],
)
def test_broken_files_import_nothing_and_say_why(
    engine: Engine, event: EventInfo, capsys: pytest.CaptureFixture[str], name: str, says: str
) -> None:
    assert main(["--db", str(engine.url.database), "import", str(DATA / "broken" / name)]) == 1
    err = capsys.readouterr().err
    assert name in err
    assert says in err
    assert "Traceback" not in err
    assert people(engine) == []


def test_header_found_below_title_and_empty_rows_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "lista.csv"
    path.write_text(
        "Lista obecności;;\n;;\nSpotkanie 27.02;;\nImię;Nazwisko;Organizacja\n\nJan;Kowalski;A\n;;\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.header_row == 4
    assert table.rows == [(6, ["Jan", "Kowalski", "A"])]


def test_excel_sep_hint_line(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_bytes("sep=,\r\nImię,Nazwisko\r\nJan,Kowalski\r\n".encode("cp1250"))
    table = read_table(path)
    assert (table.delimiter, table.headers, table.rows) == (",", ["Imię", "Nazwisko"],
                                                             [(3, ["Jan", "Kowalski"])])


POLISH_TEXT = st.text(
    alphabet="aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻ0123456789 ;,.-@\n",
    min_size=1,
    max_size=200,
)


@given(text=POLISH_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1250", "iso-8859-2"]))
def test_polish_text_is_never_decoded_wrong(text: str, encoding: str) -> None:
    decoded, _ = decode(text.encode(encoding), "lista.csv")
    assert decoded == text


@pytest.mark.parametrize("text", ["ĆĄ", "GÓŁKA", "ŃŁ", "ĘŚ", "ćĄŚ"])
def test_short_capitals_in_windows_1250_are_not_taken_for_utf8(text: str) -> None:
    # Each of these byte strings is also valid UTF-8 ("ĆĄ" -> "ƥ", "ćĄŚ" -> "楌").
    assert decode(text.encode("cp1250"), "lista.csv") == (text, "Windows-1250")


@pytest.mark.parametrize("text", ["Олена Шевченко", "李", "王 小明", "Ελένη", "Nguyễn Thị", "Zoë Ørsted"])
def test_other_scripts_in_utf8_stay_utf8(text: str) -> None:
    assert decode(text.encode("utf-8"), "lista.csv") == (text, "UTF-8")
