"""CLI commands that prepare an event: init, import, guests, demo."""

import argparse
from pathlib import Path
from typing import Any

from ..db import describe
from ..event_file import parse_event_file
from ..events import current_event, init_event
from ..guests import list_guests
from ..zones import local_text
from .common import engine_for, print_json, print_table


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="tworzy lub aktualizuje wydarzenie i sale z pliku TOML")
    p.add_argument("event_file", type=Path, metavar="EVENT.toml")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("guests", help="lista gości")
    p.add_argument("--search", metavar="TEXT", help="szukaj po imieniu, nazwisku, organizacji…")
    p.add_argument("--json", action="store_true", help="wynik jako JSON")
    p.set_defaults(handler=cmd_guests)

    register_demo(sub)


def cmd_init(args: argparse.Namespace) -> int:
    spec = parse_event_file(args.event_file)
    engine = engine_for(args)
    result = init_event(engine, spec, source=str(args.event_file.resolve()))
    ev = result.event
    print(f"{'Utworzono' if result.created else 'Zaktualizowano'} wydarzenie: {ev.name}")
    print(f"  termin: {local_text(ev.starts, ev.timezone)}", end="")
    print(f" – {local_text(ev.ends, ev.timezone, time_only=True)}" if ev.ends else "")
    if ev.venue or ev.address:
        print(f"  miejsce: {', '.join(x for x in (ev.venue, ev.address) if x)}")
    for room in ev.rooms:
        print(f"  sala: {room.name} (limit {room.capacity} osób)")
    for name in result.rooms_kept:
        print(f"  uwaga: sali „{name}” nie ma w pliku, ale zostaje, bo są w niej zapisane wejścia")
    print(f"  baza danych: {describe(str(engine.url))}")
    return 0


def cmd_guests(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    ev = current_event(engine)
    rows = list_guests(engine, ev.id, args.search)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    print_table(
        ["Nazwisko", "Imię", "Organizacja", "Kod", "Status", "W sali"],
        [
            [r.last_name, r.first_name, r.organization, r.display_code,
             "odwołany" if r.status == "cancelled" else "zarejestrowany",
             "tak" if r.inside else ""]
            for r in rows
        ],
    )
    print(f"\n{len(rows)} os.")
    return 0


def register_demo(sub: Any) -> None:
    p = sub.add_parser("demo", help="przykładowe wydarzenie (Ławka dialogu) z fikcyjną listą gości")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    """The sample event with its fictional list, ready to use (re-running it changes nothing)."""
    from ..importing.service import import_file
    from ..resources import resource

    args.event_file = resource("events", "lawka-dialogu-2026.toml")
    cmd_init(args)
    engine = engine_for(args)
    event = current_event(engine)
    report = import_file(
        engine, resource("sample", "zgloszenia-lawka-dialogu.csv"), event.id, accept_warnings=True
    )
    print(f"Lista przykładowa: nowe osoby {len(report.plan.added)}, bez zmian {report.plan.unchanged}")
    args.search, args.json = None, False
    return cmd_guests(args)
