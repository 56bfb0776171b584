"""The importer on hostile input: never an unhandled exception, never half a list imported."""

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func
from sqlmodel import select

from checkin.db import session
from checkin.events import EventInfo
from checkin.importing import merge
from checkin.importing.reading import ImportFileError
from checkin.importing.service import import_file
from checkin.models import Guest

HEADERS = ["Imię", "Nazwisko", "Imię i nazwisko", "Organizacja", "E-mail", "Telefon", "Kod biletu",
           "Status", "Uwagi", ""]
cells = st.one_of(
    st.sampled_from(["", "Jan", "Łukasz", "Żółć", "van der Berg", "Nie", "Tak", "a@b.pl", "X", ";", '"']),
    st.text(max_size=12),
)
tables = st.tuples(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
    st.lists(st.lists(cells, max_size=7), max_size=12),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1250"]),
)


def guest_count(engine: Engine) -> int:
    with session(engine) as s:
        return s.exec(select(func.count()).select_from(Guest)).one()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables, accept=st.booleans())
def test_structured_garbage_imports_all_or_nothing(
    engine: Engine, event: EventInfo, tmp_path: Path, table: tuple[list[str], list[list[str]], str, str],
    accept: bool,
) -> None:
    header, rows, delimiter, encoding = table
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    path = tmp_path / "fuzz.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    before = guest_count(engine)
    try:
        report = import_file(engine, path, event.id, accept_warnings=accept)
    except ImportFileError as exc:
        message = str(exc)
        report = None
    if report is None:
        assert "fuzz.csv" in message
        assert guest_count(engine) == before
        return
    expected = before + len(report.plan.added) if report.applied else before
    assert guest_count(engine) == expected


def test_a_failure_while_writing_leaves_nothing(
    engine: Engine, event: EventInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "l.csv"
    path.write_text("Imię;Nazwisko\nJan;Kowalski\n", encoding="utf-8")
    import_file(engine, path, event.id)
    path.write_text("Imię;Nazwisko;E-mail\nJan;Kowalski;jan@example.org\nEwa;Nowak;\n", encoding="utf-8")
    real_keys = merge.search_keys
    calls = 0

    def failing_keys(*args: str) -> dict[str, str]:
        # Ewa's row is inserted first; the update of Jan's row then fails mid-transaction.
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")
        return real_keys(*args)

    monkeypatch.setattr(merge, "search_keys", failing_keys)
    with pytest.raises(OSError, match="disk full"):
        import_file(engine, path, event.id)
    assert calls == 2
    with session(engine) as s:
        names = [(g.first_name, g.email) for g in s.exec(select(Guest)).all()]
    assert names == [("Jan", "")]
