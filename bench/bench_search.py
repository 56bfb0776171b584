"""The guest list's search at 50,000 guests: keystroke to filtered list, refresh, first load.

Target (issue 4): keystroke to filtered list <= 16 ms. Measured as the time from a search with the
debounce bypassed (GuestListPanel.searchNow) to the model reset being done and the rows on screen
final (a long result is appended below them between input events; the time to the whole result
is printed too), with the panel shown (offscreen) so the table view's own work is included —
median and p99 over people typing names, organizations, codes with dashes, typos and
backspaces, a letter at a time. Baselines in the same
run over the same folded column and the same keystrokes: a bare SQLite LIKE per word fetching the
list's columns (the SQL design of DESIGN.md), and a bare Python substring scan.
"""

import csv
import os
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure, median, p99, samples_ms, seconds
from checkin.db import open_database
from checkin.engine import Door
from checkin.event_file import parse_event_file
from checkin.events import init_event
from checkin.importing.service import import_file
from checkin.resources import resource
from checkin.search import GuestFilter, GuestIndex, parse_query
from checkin.search_feed import GuestFeed
from checkin.textnorm import fold, key

TARGET_MS = 16.0
_LIST_COLUMNS = ("id, first_name, last_name, organization, role, code, status, walk_in, "
                 "inside_room_id, badge_prints")


def _sample_people() -> tuple[list[str], list[str], list[str]]:
    with resource("sample", "zgloszenia-lawka-dialogu.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    firsts, lasts, orgs = set(), set(), set()
    for r in rows:
        first, _, last = r["Imię i nazwisko"].partition(" ")
        firsts.add(first)
        lasts.add(last)
        if r["Nazwa organizacji"]:
            orgs.add(r["Nazwa organizacji"])
    return sorted(firsts), sorted(lasts), sorted(orgs)


def write_list(path: Path, n: int, seed: int = 16) -> list[tuple[str, str, str]]:
    """A registration CSV of n different people, Polish names drawn from the sample list."""
    rng = random.Random(seed)
    firsts, lasts, orgs = _sample_people()
    people: dict[tuple[str, str, str], None] = {}
    while len(people) < n:
        last = rng.choice(lasts)
        if rng.random() < 0.3:
            last = f"{last}-{rng.choice(lasts)}"
        org = rng.choice(orgs) if rng.random() < 0.85 else ""
        people.setdefault((rng.choice(firsts), last, org))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Imię", "Nazwisko", "Organizacja", "Adres e-mail", "Kategoria"])
        for i, (first, last, org) in enumerate(people):
            writer.writerow([first, last, org, f"{key(first)}.{key(last)}{i}@example.org",
                             rng.choice(["Gość", "Gość", "Organizator", "Media"])])
    return list(people)


def keystrokes(index: GuestIndex, rng: random.Random, sessions: int) -> list[tuple[str, GuestFilter]]:
    """What volunteers type: names, organizations, codes, typos, corrections — a letter at a time."""
    guests = index.guests()
    out: list[tuple[str, GuestFilter]] = []
    for s in range(sessions):
        g = rng.choice(guests)
        kind = s % 6
        if kind == 0:
            text = fold(g.last_name)
        elif kind == 1:
            text = f"{g.first_name} {g.last_name}"  # with diacritics, as a Polish keyboard types
        elif kind == 2:
            text = g.display_code
        elif kind == 3:
            word = fold(g.last_name).split("-")[0]
            i = rng.randrange(1, len(word) - 1)
            text = word[:i] + word[i + 1] + word[i] + word[i + 2:]  # letters swapped
        elif kind == 4:
            text = f"{fold(g.organization).split(' ')[-1]} {fold(g.first_name)}".strip()
        else:
            text = fold(g.last_name)[:6]
        guest_filter = GuestFilter.INSIDE if s % 7 == 6 else GuestFilter.ALL
        out += [(text[:n], guest_filter) for n in range(1, len(text) + 1)]
        if kind == 5:  # a correction: back two letters, then on
            out += [(text[:-1], guest_filter), (text[:-2], guest_filter)]
        out.append(("", guest_filter))  # the field cleared after the check-in
    return out


def _like_baseline(db: Path, event_id: int, strokes: list[tuple[str, GuestFilter]]) -> list[float]:
    conn = sqlite3.connect(db)

    def query(text: str, guest_filter: GuestFilter) -> Callable[[], object]:
        words = [t.bare or t.word for t in parse_query(text)]
        where = " AND ".join(["event_id = ?"] + ["search_text LIKE ?"] * len(words)
                             + (["inside_room_id IS NOT NULL"] if guest_filter is GuestFilter.INSIDE else []))
        sql = f"SELECT {_LIST_COLUMNS} FROM guest WHERE {where} ORDER BY last_name, first_name"
        params = [event_id] + [f"%{w}%" for w in words]
        return lambda: conn.execute(sql, params).fetchall()

    times = [samples_ms(query(text, f), 1)[0] for text, f in strokes]
    conn.close()
    return times


def _scan_baseline(texts: list[str], strokes: list[tuple[str, GuestFilter]]) -> list[float]:
    def scan(text: str) -> Callable[[], object]:
        words = fold(text).split()

        def run() -> list[int]:
            hits = list(range(len(texts)))
            for w in words:
                hits = [i for i in hits if w in texts[i]]
            return hits

        return run

    return [samples_ms(scan(text), 1)[0] for text, _ in strokes]


def run(quick: bool = False) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from ui import qt_fixes  # noqa: F401  (a GUI running for minutes: see the module)
    from ui.guest_list import GuestListPanel

    app = QApplication.instance() or QApplication([])
    n = 5_000 if quick else 50_000
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("CHECKIN_HOME", str(folder / "home"))
        write_list(folder / "lista.csv", n)
        db = folder / "event.sqlite"
        engine = open_database(str(db))
        event = init_event(engine, parse_event_file(resource("events", "lawka-dialogu-2026.toml"))).event
        import_file(engine, folder / "lista.csv", event.id)
        door = Door(engine, event.id, "Wejście 1", room=None)
        with engine.connect() as conn:
            ids = [row[0] for row in conn.exec_driver_sql("SELECT id FROM guest")]
        for gid in rng.sample(ids, 50):  # some inside, for the filter
            door.admit(gid, override=True)

        feed = GuestFeed(engine, event.id)
        load_s = seconds(feed.load)
        conn = sqlite3.connect(db)
        bare_load_s = seconds(lambda: conn.execute(
            f"SELECT {_LIST_COLUMNS}, search_text FROM guest WHERE event_id = ?", (event.id,)).fetchall())

        panel = GuestListPanel(engine, event.id)
        panel.resize(1100, 620)
        panel.show()
        loop = QEventLoop()
        panel.resultsChanged.connect(loop.quit)
        loop.exec()
        panel.resultsChanged.disconnect(loop.quit)
        app.processEvents()

        def type_(text: str, guest_filter: GuestFilter) -> None:
            if panel.currentFilter() is not guest_filter:
                panel.setFilter(guest_filter)
            panel.searchNow(text)

        for text in ["anna", "fundacja", ""]:  # warm-up: first use of the code paths
            type_(text, GuestFilter.ALL)
        strokes = keystrokes(feed.load(), rng, 30 if quick else 60)
        load = os.getloadavg()[0]  # other processes on the machine stretch wall-clock times
        panel_ms: list[float] = []
        panel_cpu_ms: list[float] = []
        painted_ms: list[float] = []
        complete_ms: list[float] = []
        screen = panel.visibleRowCount()
        for text, f in strokes:
            start, cpu = time.perf_counter(), time.thread_time()
            type_(text, f)
            # The rows on screen are final once a screenful of exact matches is there (the rest
            # of a long result is appended below, between input events) or the search is done.
            while panel.isSearching() and panel.model().exact_rows() < screen:
                app.processEvents()
            panel_ms.append((time.perf_counter() - start) * 1000)
            panel_cpu_ms.append((time.thread_time() - cpu) * 1000)
            panel.view().viewport().repaint()  # painted now, not at the next event loop turn
            painted_ms.append((time.perf_counter() - start) * 1000)
            while panel.isSearching():
                app.processEvents()
            complete_ms.append((time.perf_counter() - start) * 1000)
            app.processEvents()
        index = feed.load()
        index_ms = [samples_ms(lambda t=text, f=f: index.search(t, f), 1)[0] for text, f in strokes]
        like_ms = _like_baseline(db, event.id, strokes[::3])  # a third: SQL is slow to measure
        scan_ms = _scan_baseline([g.text for g in index.guests()], strokes)

        refresh_idle = samples_ms(feed.changes, 10)
        bare_reload = samples_ms(lambda: conn.execute(
            f"SELECT {_LIST_COLUMNS}, search_text FROM guest WHERE event_id = ?", (event.id,)).fetchall(), 5)
        other = Door(engine, event.id, "Wejście 2")
        after_check_in: list[float] = []
        for gid in rng.sample(ids, 10):
            other.admit(gid, override=True)
            start = time.perf_counter()
            with_loop = QEventLoop()
            panel.refreshed.connect(with_loop.quit)
            panel.refresh()
            with_loop.exec()
            panel.refreshed.disconnect(with_loop.quit)
            after_check_in.append((time.perf_counter() - start) * 1000)
        panel.shutdown()
        panel.close()
        panel.deleteLater()
        app.processEvents()
        conn.close()
        engine.dispose()

    label = f"guest search at {n:,}: keystroke to filtered list in the model"
    print(f"(search bench: load average {load:.1f} on {os.cpu_count()} CPUs when typing began)")
    like = "bare SQLite LIKE on search_text, list columns fetched"
    return [
        Figure(f"{label} (median, {len(strokes)} keystrokes)", median(panel_ms), "ms",
               f"<= {TARGET_MS:g} ms", median(panel_ms) <= TARGET_MS, like, median(like_ms)),
        Figure(f"{label} (p99)", p99(panel_ms), "ms", f"<= {TARGET_MS:g} ms",
               p99(panel_ms) <= TARGET_MS, like, p99(like_ms)),
        Figure(f"{label}: GUI thread CPU time (p99; wall time above includes other processes)",
               p99(panel_cpu_ms), "ms", f"<= {TARGET_MS:g} ms", p99(panel_cpu_ms) <= TARGET_MS,
               like, p99(like_ms)),
        Figure(f"guest search at {n:,}: keystroke to list repainted (p99)", p99(painted_ms), "ms",
               f"<= {TARGET_MS:g} ms", p99(painted_ms) <= TARGET_MS, like, p99(like_ms)),
        Figure(f"guest search at {n:,}: keystroke to the whole result listed, input handled "
               "meanwhile (p99)", p99(complete_ms), "ms", "<= 100 ms", p99(complete_ms) <= 100,
               like, p99(like_ms)),
        Figure(f"guest search at {n:,}: the index alone (median)", median(index_ms), "ms",
               f"<= {TARGET_MS:g} ms", median(index_ms) <= TARGET_MS,
               "bare Python substring scan, no typos", median(scan_ms)),
        Figure(f"guest list refresh at {n:,}, nothing changed (worker thread, median)",
               median(refresh_idle), "ms", "<= 1000 ms (changes show within a second)",
               median(refresh_idle) <= 1000, "bare sqlite3 re-read of the whole list", median(bare_reload)),
        Figure(f"guest list refresh at {n:,} after a check-in elsewhere (median, until shown)",
               median(after_check_in), "ms", "<= 1000 ms", median(after_check_in) <= 1000,
               "bare sqlite3 re-read of the whole list", median(bare_reload)),
        Figure(f"guest list first load of {n:,} (worker thread)", load_s, "s", "<= 3 s",
               load_s <= 3.0, "bare sqlite3 read of the same rows", bare_load_s),
    ]
