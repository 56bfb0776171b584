"""Helpers shared by the CLI commands: opening the database, printing JSON and tables."""

import argparse
import json
import sys
from typing import Any

from sqlalchemy import Engine

from ..db import open_database


def engine_for(args: argparse.Namespace) -> Engine:
    return open_database(args.db)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    for row in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
