"""`checkin import FILE [--dry-run] [--accept-warnings]`: import or merge a registration list."""

import argparse
from pathlib import Path
from typing import Any

from ..events import current_event
from ..importing.service import ImportReport, import_file
from .common import engine_for

FIELD_NAMES = {
    "first_name": "imię", "last_name": "nazwisko", "full_name": "imię i nazwisko",
    "organization": "organizacja", "role": "rola", "email": "e-mail", "phone": "telefon",
    "code": "kod wejścia", "status": "status/udział",
}
SHOWN = 15  # a terminal list longer than this is summarised, the first ones shown


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="importuje lub scala listę zgłoszeń (CSV, XLSX)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="pokaż zmiany, niczego nie zapisuj")
    p.add_argument(
        "--accept-warnings", action="store_true", help="importuj mimo ostrzeżeń dla wierszy"
    )
    p.set_defaults(handler=cmd_import)


def _more(items: list[str]) -> list[str]:
    return items[:SHOWN] + ([f"… i {len(items) - SHOWN} więcej"] if len(items) > SHOWN else [])


def print_report(report: ImportReport) -> None:
    t, plan = report.table, report.plan
    how = f"{t.encoding}, separator „{t.delimiter}”" if t.kind == "csv" else "arkusz XLSX"
    print(f"Plik: {t.path.name} ({how}; nagłówki w wierszu {t.header_row}, {len(t.rows)} wierszy danych)")
    print("Kolumny: " + "; ".join(
        f"{t.headers[i]} → {FIELD_NAMES[f.value]}" for i, f in sorted(report.columns.items())
    ))
    cancelled = sum(1 for r in plan.added if r.cancelled)
    print(f"Nowe osoby: {len(plan.added)}" + (f" (w tym odwołane: {cancelled})" if cancelled else ""))
    print(f"Zmienione dane: {len(plan.updated)}")
    for line in _more([
        f"  wiersz {c.record.row}: {c.record.display_name}: " + ", ".join(
            f"{FIELD_NAMES.get(n, n)}: {old or '—'} → {new}" if n != "extra" else f"dodatkowe pola ({new})"
            for n, (old, new) in c.fields.items()
        )
        for c in plan.updated
    ]):
        print(line)
    print(f"Bez zmian: {plan.unchanged}")
    if plan.missing:
        print(f"Brak w tym pliku (pozostają na liście, nic nie usunięto): {len(plan.missing)}")
        for line in _more([f"  {m.name}" + (f" ({m.organization})" if m.organization else "")
                           for m in plan.missing]):
            print(line)
    if plan.problems:
        print(f"Ostrzeżenia ({len(plan.problems)}):")
        for p in plan.problems:
            where = f"wiersz {p.row}" + (f", kolumna „{p.column}”" if p.column else "")
            print(f"  {where}: {p.message}")


def cmd_import(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    event = current_event(engine)
    report = import_file(
        engine, args.file, event.id, dry_run=args.dry_run, accept_warnings=args.accept_warnings
    )
    print_report(report)
    if args.dry_run:
        print("Próba (--dry-run): niczego nie zapisano.")
        return 0
    if not report.applied:
        print(
            "Nic nie zaimportowano z powodu ostrzeżeń. Popraw plik albo, jeśli są w porządku, "
            "uruchom ponownie z --accept-warnings."
        )
        return 1
    print(f"Zaimportowano do wydarzenia: {event.name}")
    return 0
