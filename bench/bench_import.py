"""Import of a 50,000-row registration CSV, against a bare sqlite3 executemany of the same rows.

Target (issue 2): the import takes at most 2 s, and at most 10x the bare baseline.
"""

import csv
import random
import sqlite3
import tempfile
from pathlib import Path

from bench.common import Figure, seconds
from checkin.db import open_database
from checkin.event_file import parse_event_file
from checkin.events import init_event
from checkin.importing.service import import_file
from checkin.resources import resource

FIRST = ["Anna", "Łukasz", "Małgorzata", "Świętosław", "Żaneta", "Grzegorz", "Zofia", "Jędrzej"]
LAST = ["Nowak", "Żółć", "Brzęczyszczykiewicz", "Ślęzak-Wąsowicz", "Kowalska", "Chrząszcz"]
HEADER = ["Imię", "Nazwisko", "Organizacja", "Adres e-mail", "Telefon", "Kategoria"]


def write_csv(path: Path, n: int) -> list[list[str]]:
    rng = random.Random(50_000)
    rows = [
        [
            rng.choice(FIRST),
            f"{rng.choice(LAST)}{i}",
            f"Fundacja Numer {i % 700}",
            f"osoba{i}@example.org",
            f"+48 600 {i % 1000:03d} {i // 1000:03d}",
            "Gość",
        ]
        for i in range(n)
    ]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return rows


def bare_baseline(csv_path: Path, db_path: Path) -> float:
    """The floor: parse the same file and executemany the same rows into the same table.

    The table is the app's own guest table (same columns, same indexes, created by the app's
    migration beforehand, not timed), written with raw sqlite3 and durably committed; the values
    are the cells as they are, with no folding, matching or code generation.
    """
    open_database(str(db_path)).dispose()
    sql = (
        "INSERT INTO guest (event_id, first_name, last_name, organization, role, email, phone, "
        "extra, status, walk_in, code, code_source, code_key, name_key, email_key, search_text, "
        "source_file, source_row, badge_prints, created_at, updated_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, '{}', 'registered', 0, ?, 'generated', ?, ?, ?, ?, "
        "'lista.csv', ?, 0, '2026-02-01 10:00:00.000000', '2026-02-01 10:00:00.000000')"
    )

    def run() -> None:
        conn = sqlite3.connect(db_path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("INSERT INTO event (id, name, starts, timezone, venue, address, source_file, "
                     "created_at) VALUES (1, 'x', '2026-02-27 16:30:00.000000', 'Europe/Warsaw', "
                     "'', '', '', '2026-02-01 10:00:00.000000')")
        with csv_path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))[1:]
        params = [
            (first, last, org, role, email, phone, f"C{n}", f"C{n}", first + last, email,
             f"{first} {last} {org} {email}", n)
            for n, (first, last, org, email, phone, role) in enumerate(rows, start=2)
        ]
        with conn:
            conn.executemany(sql, params)
        conn.close()

    return seconds(run)


def run(quick: bool = False) -> list[Figure]:
    n = 5_000 if quick else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "lista.csv"
        write_csv(csv_path, n)
        baseline = bare_baseline(csv_path, folder / "bare.sqlite")
        engine = open_database(str(folder / "event.sqlite"))
        event = init_event(engine, parse_event_file(resource("events", "lawka-dialogu-2026.toml"))).event
        took = seconds(lambda: import_file(engine, csv_path, event.id))
        again = seconds(lambda: import_file(engine, csv_path, event.id))  # a re-import: all matched
        engine.dispose()
    limit = 2.0 * n / 50_000
    return [
        Figure(f"import {n:,}-row CSV (new list)", took, "s", f"<= {limit:g} s and <= 10x baseline",
               took <= limit and took <= 10 * baseline, "bare sqlite3 executemany, same table", baseline),
        Figure(f"re-import {n:,}-row CSV (merge, nothing changed)", again, "s", f"<= {limit:g} s",
               again <= limit, "bare sqlite3 executemany, same table", baseline),
    ]
