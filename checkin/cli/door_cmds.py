"""CLI commands at the door: scan, walk-in, undo, stats, backup (contract in DESIGN.md)."""

import argparse
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..backup import backup
from ..db import describe
from ..engine import STATION, Door, stats
from ..errors import UserError
from ..events import EventInfo, current_event
from ..messages import verdict_message
from ..models import StationKind
from ..verdicts import Verdict
from ..zones import local_text
from .common import engine_for, print_json

DEFAULT_STATION = "CLI"


def _station(args: argparse.Namespace) -> str:
    return str(args.station or os.environ.get("CHECKIN_STATION") or DEFAULT_STATION)


def _door_options(p: Any, *, override: bool = True) -> None:
    p.add_argument("--room", metavar="NAME", help="sala (domyślnie pierwsza sala wydarzenia)")
    p.add_argument("--station", metavar="NAME",
                   help=f"nazwa stanowiska (domyślnie CHECKIN_STATION lub „{DEFAULT_STATION}”)")
    if override:
        p.add_argument("--override", action="store_true",
                       help="wpuść ponad limit sali (decyzja koordynatora, zapisywana w dzienniku)")
    p.add_argument("--json", action="store_true", help="wynik jako JSON")


def register(sub: Any) -> None:
    p = sub.add_parser("scan", help="jeden odczyt kodu przy wejściu lub wyjściu")
    p.add_argument("code", metavar="CODE", help="kod z zaproszenia (zeskanowany lub wpisany)")
    p.add_argument("--exit", action="store_true", help="zapisz wyjście zamiast wejścia")
    _door_options(p)
    p.set_defaults(handler=cmd_scan)

    p = sub.add_parser("walk-in", help="rejestruje i wpuszcza gościa bez rejestracji")
    p.add_argument("--first", required=True, metavar="IMIĘ")
    p.add_argument("--last", required=True, metavar="NAZWISKO")
    p.add_argument("--org", default="", metavar="ORGANIZACJA")
    p.add_argument("--email", default="", metavar="E-MAIL")
    _door_options(p)
    p.set_defaults(handler=cmd_walk_in)

    p = sub.add_parser("undo", help="cofa ostatnie działanie stanowiska")
    p.add_argument("--station", metavar="NAME",
                   help=f"stanowisko (domyślnie CHECKIN_STATION lub „{DEFAULT_STATION}”)")
    p.set_defaults(handler=cmd_undo)

    p = sub.add_parser("stats", help="zarejestrowani, obecni, stan sal")
    p.add_argument("--json", action="store_true", help="wynik jako JSON")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("backup", help="kopia bazy danych (domyślnie do folderu danych/backups)")
    p.add_argument("--to", type=Path, metavar="DIR", help="folder na kopię")
    p.set_defaults(handler=cmd_backup)


def verdict_json(v: Verdict, zone: str) -> dict[str, Any]:
    g = v.guest
    return {
        "verdict": v.kind.value,
        "recorded": v.recorded,
        "repeat": v.repeat,
        "guest": None if g is None else {
            "first_name": g.first_name, "last_name": g.last_name, "organization": g.organization,
            "email": g.email, "code": g.code, "status": g.status, "walk_in": g.walk_in,
        },
        "room": None if v.room is None else {
            "name": v.room.name, "inside": v.room.inside, "capacity": v.room.capacity,
        },
        "station": v.station,
        "at": v.at.isoformat(),
        "previous_at": v.previous_at.isoformat() if v.previous_at else None,
        "previous_station": v.previous_station,
        "passage_id": v.passage_id,
        "message": verdict_message(v, zone),
    }


def _report(v: Verdict, ev: EventInfo, as_json: bool) -> int:
    if as_json:
        print_json(verdict_json(v, ev.timezone))
    else:
        print(verdict_message(v, ev.timezone))
    return 0 if v.recorded else 1


def cmd_scan(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    ev = current_event(engine)
    door = Door(engine, ev.id, _station(args), room=args.room)
    return _report(door.scan(args.code, exit=True if args.exit else None, override=args.override),
                   ev, args.json)


def cmd_walk_in(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    ev = current_event(engine)
    door = Door(engine, ev.id, _station(args), room=args.room)
    v = door.walk_in(args.first, args.last, args.org, args.email, override=args.override)
    code = _report(v, ev, args.json)
    if not args.json and v.guest is not None:
        print(f"Kod gościa: {v.guest.display_code}")
    return code


def cmd_undo(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    ev = current_event(engine)
    name = _station(args)
    with engine.connect() as conn:
        known = conn.execute(sa.select(STATION.c.kind).where(
            STATION.c.event_id == ev.id, STATION.c.name == name)).first()
    if known is None:
        raise UserError(f"Stanowisko „{name}” nie ma żadnych zapisanych działań — nie ma czego cofać. "
                        "Podaj nazwę stanowiska: --station NAZWA.")
    result = Door(engine, ev.id, name, exit_station=known.kind == StationKind.EXIT).undo_last()
    if result is None:
        raise UserError(f"Stanowisko „{name}” nie ma działań do cofnięcia.")
    p = result.undone
    who = p.guest.full_name if p.guest else "?"
    what = "wejście" if p.direction == "in" else "wyjście"
    print(f"Cofnięto {what}: {who} (wpis nr {p.id}, {local_text(p.at, ev.timezone)}).")
    print(f"Sala {result.room.name}: {result.room.inside}/{result.room.capacity} osób.")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    ev = current_event(engine)
    s = stats(engine, ev.id)
    if args.json:
        print_json({
            "registered": s.registered, "cancelled": s.cancelled, "attended": s.attended,
            "walk_ins": s.walk_ins, "inside_now": s.inside_now,
            "rooms": [{"name": r.name, "inside": r.inside, "capacity": r.capacity, "peak": r.peak,
                       "peak_at": r.peak_at.isoformat() if r.peak_at else None} for r in s.rooms],
        })
        return 0
    print(ev.name)
    print(f"  zarejestrowani: {s.registered} (w tym bez rejestracji: {s.walk_ins}); "
          f"odwołani: {s.cancelled}")
    print(f"  przyszli: {s.attended}; w środku teraz: {s.inside_now}")
    for r in s.rooms:
        peak = f", najwięcej {r.peak} o {local_text(r.peak_at, ev.timezone)}" if r.peak_at else ""
        print(f"  sala {r.name}: {r.inside}/{r.capacity}{peak}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    target = backup(engine, args.to)
    print(f"Kopia bazy {describe(str(engine.url))} zapisana: {target}")
    if engine.dialect.name != "sqlite":
        print(f"To plik SQLite; otworzysz go poleceniem: checkin --db {target} stats")
    return 0
