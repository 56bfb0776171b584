"""CLI commands for after the event: export, purge, and where the data is (info)."""

import argparse
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..events import current_event
from ..exports import FORMATS, write_export
from ..privacy import data_locations, purge
from .common import engine_for


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="eksport obecności: CSV, XLSX, lista obecności PDF, raport PDF")
    p.add_argument("--format", required=True, choices=FORMATS, help="rodzaj pliku")
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="plik wynikowy")
    p.add_argument("--delimiter", default=",", help="separator CSV: , (domyślnie) lub ;")
    p.add_argument("--attended-only", action="store_true",
                   help="lista obecności tylko z osobami, które przyszły")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("purge", help="usuwa dane osobowe po wydarzeniu (zostają liczby)")
    p.add_argument("--force", action="store_true", help="także przed końcem wydarzenia")
    p.set_defaults(handler=cmd_purge)

    p = sub.add_parser("info", help="gdzie są baza danych, kopie zapasowe i dziennik")
    p.set_defaults(handler=cmd_info)


def cmd_export(args: argparse.Namespace) -> int:
    out: Path = args.out.expanduser()
    if not out.parent.is_dir():
        raise UserError(f"Folder {out.parent} nie istnieje. Podaj istniejący folder w --out.")
    engine = engine_for(args)
    write_export(engine, current_event(engine), args.format, out,
                 delimiter=args.delimiter.replace("\\t", "\t"), attended_only=args.attended_only)
    print(f"Zapisano: {out}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    event = current_event(engine)
    result = purge(engine, event.id, force=args.force)
    print(f"Usunięto dane osobowe {result.guests} osób z wydarzenia: {event.name}")
    print(f"  wpisy dziennika bez wpisanego tekstu: {result.passages}")
    print(f"  usunięte kopie zapasowe: {len(result.backups_removed)}")
    for path in result.backups_removed:
        print(f"    {path}")
    print("  Liczby (statystyki, raport) pozostają. Baza danych: " + result.database)
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    places = data_locations(engine)
    print(f"Baza danych:      {places['database']}")
    print(f"Kopie zapasowe:   {places['backups']}")
    print(f"Dziennik błędów:  {places['logs']}")
    print("Dane osobowe gości są w bazie i w kopiach; po wydarzeniu usuń je: checkin purge")
    return 0
