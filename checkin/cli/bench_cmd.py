"""`checkin bench`: runs the benchmarks in bench/ (from a source tree) and prints the figures."""

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from ..errors import UserError


def register(sub: Any) -> None:
    p = sub.add_parser("bench", help="pomiary wydajności z folderu bench/")
    p.add_argument("--json", action="store_true", help="wynik jako JSON")
    p.add_argument("--quick", action="store_true", help="mniejsze dane (szybki przebieg)")
    p.add_argument("--only", metavar="NAME", help="tylko pomiary, których nazwa zawiera NAME")
    p.set_defaults(handler=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    root = Path(__file__).resolve().parents[2]
    if not (root / "bench" / "run.py").exists():
        raise UserError("Pomiary są dostępne tylko z kodu źródłowego (brak folderu bench/).")
    sys.path.insert(0, str(root))
    runner = importlib.import_module("bench.run")
    figures = runner.run_all(quick=args.quick, only=args.only)
    runner.print_figures(figures, as_json=args.json)
    return 0
