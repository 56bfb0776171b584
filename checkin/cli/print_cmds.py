"""`checkin badges` and `checkin invitations`: badge PDFs and invitations with QR codes."""

import argparse
from pathlib import Path
from typing import Any

from ..badges import DEFAULT_LAYOUT, LAYOUTS, BadgeRun, Who, get_layout, make_badges, mark_printed
from ..badges.spool import check_printer, send_to_printer
from ..errors import UserError
from ..events import current_event
from ..invitations import make_invitations
from .common import engine_for

WHO = {
    Who.ALL: "wszyscy zarejestrowani",
    Who.INSIDE: "osoby obecnie w sali",
    Who.NOT_PRINTED: "osoby bez wydrukowanego identyfikatora",
}
SHOWN = 15


def register(sub: Any) -> None:
    layouts = "; ".join(f"{lay.name}: {lay.title}" for lay in LAYOUTS)
    p = sub.add_parser("badges", help="identyfikatory do druku (PDF)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="plik PDF do zapisania")
    p.add_argument("--layout", default=DEFAULT_LAYOUT, metavar="NAME",
                   help=f"układ (domyślnie {DEFAULT_LAYOUT}): {layouts}")
    p.add_argument("--who", default=Who.ALL.value, metavar="all|inside|not-printed",
                   help="dla kogo: wszyscy (all), obecni w sali (inside), bez identyfikatora (not-printed)")
    p.add_argument("--guest", metavar="CODE", help="tylko dla jednej osoby (kod z zaproszenia)")
    p.add_argument("--printer", metavar="NAME",
                   help="wyślij też plik do tej drukarki (CUPS: Linux, macOS)")
    p.add_argument("--no-count", action="store_true",
                   help="podgląd: nie zwiększaj licznika wydruków")
    p.set_defaults(handler=cmd_badges)

    p = sub.add_parser("invitations", help="zaproszenia z kodem QR (PDF), lista do korespondencji seryjnej")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder na pliki")
    p.set_defaults(handler=cmd_invitations)


def _who(value: str) -> Who:
    try:
        return Who(value.strip().lower())
    except ValueError:
        raise UserError(
            f"Nieznana wartość --who „{value}”. Dozwolone: all (wszyscy), inside (obecni w sali), "
            "not-printed (bez wydrukowanego identyfikatora)."
        ) from None


def _report(run: BadgeRun, out: Path, counted: bool) -> None:
    assert run.result is not None
    n, pages = len(run.guests), run.result.pages
    print(f"Zapisano identyfikatory: {n} (stron: {pages}, układ {run.layout.name}: {run.layout.title})")
    print(f"  plik: {out}")
    print("  licznik wydruków zwiększony" if counted else "  podgląd: licznika wydruków nie zmieniono")
    by_id = {g.id: g for g in run.guests}
    short = sorted({gid for gid, region in run.result.shortened if region in ("name", "organization")})
    if short:
        print(f"Uwaga: skrócono tekst na identyfikatorach ({len(short)}); sprawdź je przed drukiem:")
        for gid in short[:SHOWN]:
            g = by_id[gid]
            print(f"  {g.full_name}" + (f" ({g.organization})" if g.organization else ""))
        if len(short) > SHOWN:
            print(f"  … i {len(short) - SHOWN} więcej")


def cmd_badges(args: argparse.Namespace) -> int:
    layout = get_layout(args.layout)
    who = _who(args.who)
    if args.guest and args.who != Who.ALL.value:
        raise UserError("Podaj --guest (jedna osoba) albo --who (grupa), nie oba naraz.")
    if args.printer:
        check_printer(args.printer)
    engine = engine_for(args)
    event = current_event(engine)
    out = args.out.expanduser()
    count = not args.no_count
    # With a printer, a print is counted once the spooler took the job, not when the file is written.
    run = make_badges(engine, event.id, out, layout=layout, who=who, code=args.guest,
                      count=count and not args.printer)
    if not run.guests:
        print(f"Brak osób do wydruku ({WHO[who]}); nie utworzono pliku.")
        return 0
    job = ""
    if args.printer:
        job = send_to_printer(out, args.printer, out.stem, run.layout.page)
        if count:
            mark_printed(engine, [g.id for g in run.guests])
    _report(run, out, counted=count)
    if args.printer:
        print(f"  wysłano do drukarki {args.printer}" + (f" (zadanie {job})" if job else ""))
    return 0


def cmd_invitations(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    event = current_event(engine)
    out = args.out.expanduser()
    result = make_invitations(engine, event.id, out)
    if not result.files:
        print("Brak zarejestrowanych osób; nie utworzono zaproszeń.")
        return 0
    print(f"Zaproszenia: {len(result.files)} (po jednym pliku PDF na osobę w {result.pdf_dir})")
    print(f"  wszystkie w jednym pliku: {result.merged}")
    print(f"  lista do korespondencji seryjnej: {result.csv}")
    print(f"  kody QR (PNG): {result.qr_dir}")
    missing = sum(1 for f in result.files if not f.email)
    if missing:
        print(f"Uwaga: {missing} os. bez adresu e-mail (w liście mają pustą kolumnę E-mail).")
    return 0
