"""Exports read back (csv, openpyxl, pdftotext) say what happened at the door."""

import csv
import io
import json
import re
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import Engine

from checkin.attendance import Attendance, AttendanceRow
from checkin.cli import main
from checkin.collation import person_key
from checkin.events import EventInfo
from checkin.exports import tabular
from checkin.report import build_report

from .conftest import Expected

ZONE = ZoneInfo("Europe/Warsaw")


def local(moment: datetime) -> str:
    return moment.astimezone(ZONE).strftime("%Y-%m-%d %H:%M")


def export(engine: Engine, fmt: str, out: Path, *extra: str) -> Path:
    assert main(["--db", str(engine.url.database), "export", "--format", fmt, "--out", str(out),
                 *extra]) == 0
    return out


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_matches_what_happened_at_the_door(
    engine: Engine, event: EventInfo, finished_event: Expected, tmp_path: Path, delimiter: str
) -> None:
    path = export(engine, "csv", tmp_path / "obecnosc.csv", "--delimiter", delimiter)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))
    by_name = {(r["Imię"], r["Nazwisko"]): r for r in rows}
    assert len(rows) == len(finished_event.names) == 152
    for gid, (first, last, org) in finished_event.names.items():
        r = by_name[(first, last)]
        assert r["Organizacja"] == org
        came = gid in finished_event.first_entry
        assert r["Pierwsze wejście"] == (local(finished_event.first_entry[gid]) if came else "")
        left = finished_event.last_exit.get(gid)
        assert r["Ostatnie wyjście"] == (local(left) if left else "")
        assert r["Zgłoszenie na miejscu"] == ("tak" if gid in finished_event.walk_ins else "nie")
        if came:
            assert r["Obecność"] == "obecna/y"
        else:
            assert r["Obecność"] in {"nieobecna/y", "zgłoszenie odwołane"}
    assert sum(1 for r in rows if r["Obecność"] == "obecna/y") == 32
    # Sorted by surname in Polish order (Ą after A, Ł after L, Ż last).
    keys = [person_key(r["Nazwisko"], r["Imię"]) for r in rows]
    assert keys == sorted(keys)
    assert rows[0]["Nazwisko"] == "Adamczyk"
    assert rows[-1]["Nazwisko"].startswith("Ż")


def test_xlsx_has_typed_times_frozen_header_filter_and_widths(
    engine: Engine, event: EventInfo, finished_event: Expected, tmp_path: Path
) -> None:
    path = export(engine, "xlsx", tmp_path / "obecnosc.xlsx")
    ws = load_workbook(path).active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:I{len(finished_event.names) + 1}"
    header = [c.value for c in ws[1]]
    assert header == tabular.HEADERS
    assert all(ws.column_dimensions[c].width >= len(h) for c, h in zip("ABCDEFGHI", header, strict=True))
    seen = 0
    for row in ws.iter_rows(min_row=2, values_only=True):
        first, last = row[1], row[0]
        gid = next(i for i, n in finished_event.names.items() if n[:2] == (first, last))
        if gid in finished_event.first_entry:
            assert isinstance(row[6], datetime)  # a real date-time cell, not text
            expected = finished_event.first_entry[gid].astimezone(ZONE).replace(tzinfo=None)
            assert abs((row[6] - expected).total_seconds()) < 1
            seen += 1
        else:
            assert row[6] is None
    assert seen == 32
    assert ws.cell(row=2, column=7).number_format == "yyyy-mm-dd hh:mm"


def test_exports_carry_no_email_phone_or_answers(
    engine: Engine, event: EventInfo, finished_event: Expected, tmp_path: Path
) -> None:
    texts = [
        export(engine, "csv", tmp_path / "a.csv").read_text(encoding="utf-8-sig"),
        pdf_text(export(engine, "attendance-pdf", tmp_path / "a.pdf")),
        pdf_text(export(engine, "report-pdf", tmp_path / "r.pdf")),
    ]
    ws = load_workbook(export(engine, "xlsx", tmp_path / "a.xlsx")).active
    texts.append("\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v))
    for text in texts:
        assert "@" not in text
        assert "+48" not in text
        assert "Wyrażam zgodę" not in text


def test_attendance_list_pdf(engine: Engine, event: EventInfo, finished_event: Expected,
                             tmp_path: Path) -> None:
    path = export(engine, "attendance-pdf", tmp_path / "lista.pdf")
    pages = PdfReader(path).pages
    total = len(pages)
    assert total >= 3  # 150 people do not fit on one page
    text = pdf_text(path)
    per_page = text.split("\f")[:total]
    for n, page in enumerate(per_page, start=1):
        assert f"strona {n} z {total}" in page
        assert "Nazwisko i imię" in page  # the table header repeats on every page
        assert "Podpis" in page
    assert "Lista obecności" in per_page[0]
    assert "Ławka dialogu – spotkanie Prezydenta Miasta Krakowa" in per_page[0]
    assert "27.02.2026 17:30–19:30" in per_page[0]
    assert "Żądło Świętosław" in text  # Polish letters come back exactly
    assert "Fundacja Nowa" in text
    numbered = re.findall(r"^\s*(\d+)\.\s{2,}(\S+)", text, flags=re.MULTILINE)
    numbers = [int(n) for n, _ in numbered]
    assert numbers == list(range(1, len(numbers) + 1))
    listed = sum(1 for g in finished_event.names if g) - 14  # all but the 14 cancelled
    assert len(numbers) == listed
    surnames = [s for _, s in numbered]
    assert surnames == sorted(surnames, key=lambda s: person_key(s, ""))
    arrival = finished_event.first_entry[next(iter(finished_event.walk_ins))]
    assert arrival.astimezone(ZONE).strftime("%H:%M") in text


def test_attended_only_list(engine: Engine, event: EventInfo, finished_event: Expected,
                            tmp_path: Path) -> None:
    text = pdf_text(export(engine, "attendance-pdf", tmp_path / "l.pdf", "--attended-only"))
    assert len(re.findall(r"^\s*\d+\.\s{2,}", text, flags=re.MULTILINE)) == 32


def test_report_figures_equal_checkin_stats(
    engine: Engine, event: EventInfo, finished_event: Expected, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", str(engine.url.database), "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    report = build_report(engine, event.id)
    assert (report.registered, report.attended, report.walk_ins, report.cancelled,
            report.inside_now) == (stats["registered"], stats["attended"], stats["walk_ins"],
                                   stats["cancelled"], stats["inside_now"])
    assert [(r.name, r.peak, r.capacity) for r in report.rooms] == [
        (r["name"], r["peak"], r["capacity"]) for r in stats["rooms"]]
    assert report.attended == 32
    assert report.walk_ins == 2
    assert report.no_shows == 136 - 30
    assert report.attendance_rate == pytest.approx(30 / 136)
    assert sum(n for _, n in report.arrivals) == 32
    text = pdf_text(export(engine, "report-pdf", tmp_path / "r.pdf"))
    for label, value in [("Obecni", 32), ("Zgłoszeni na miejscu", 2), ("Odwołane zgłoszenia", 14),
                         ("Zarejestrowani", stats["registered"])]:
        assert re.search(rf"{label}.*\s{value}\b", text), label
    assert "Frekwencja zarejestrowanych wcześniej" in text
    assert "22%" in text
    assert "Wejścia (pierwsze przybycie) na 5 minut" in text
    peak = stats["rooms"][0]
    assert re.search(rf"Sala 005\s+60\s+{peak['peak']}", text)
    assert "strona 1 z 1" in text


def test_export_to_a_missing_folder_is_refused(
    engine: Engine, event: EventInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nie-ma" / "a.csv"
    assert main(["--db", str(engine.url.database), "export", "--format", "csv", "--out", str(out)]) == 1
    assert "nie-ma" in capsys.readouterr().err
    assert not out.exists()


def test_export_files_are_private(engine: Engine, event: EventInfo, finished_event: Expected,
                                  tmp_path: Path) -> None:
    path = export(engine, "xlsx", tmp_path / "a.xlsx")
    assert path.stat().st_mode & 0o077 == 0


names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=names, last=names, org=names)
def test_any_name_survives_the_csv_and_never_becomes_a_formula(first: str, last: str, org: str) -> None:
    row = AttendanceRow(1, first, last, org, "Gość", Attendance.NO_SHOW, False, None, None, False, False)
    text = tabular.csv_text([row], "Europe/Warsaw", ";")
    got = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    for cell, original in zip(got[:3], (last, first, org), strict=True):
        if original.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert cell == "'" + original
        else:
            assert cell == original


def test_export_never_replaces_a_device(engine: Engine, event: EventInfo,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(engine.url.database), "export", "--format", "csv", "--out",
                 "/dev/null"]) == 1
    assert "nie jest zwykłym plikiem" in capsys.readouterr().err
    assert Path("/dev/null").is_char_device()
