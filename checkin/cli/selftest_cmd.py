"""`checkin self-test [--show]`: the end-to-end smoke run (checkin.selftest), for the frozen build."""

import argparse
import os
import sys
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "self-test",
        help="sprawdza instalację od początku do końca (w folderze tymczasowym; dla zbudowanej wersji)",
    )
    p.add_argument("--show", action="store_true",
                   help="pokaż okno na ekranie (domyślnie sprawdzane bez ekranu, platforma offscreen)")
    p.set_defaults(handler=cmd_self_test)


def cmd_self_test(args: argparse.Namespace) -> int:
    # Imported here: the self-test pulls in openpyxl and zxing-cpp, which other commands never need.
    from ..selftest import run_self_test

    if args.db:
        print("checkin: self-test używa własnej, tymczasowej bazy; --db pominięto.", file=sys.stderr)
    if not args.show:
        # Before any QApplication exists: the check needs no display (CI, a build server, ssh).
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The multimedia back end's notes about a machine without audio or video acceleration are
    # expected (the app then has no sound); the self-test reports what it found in its own line.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
    return run_self_test(getattr(args, "gui_check", None), sys.stdout)
