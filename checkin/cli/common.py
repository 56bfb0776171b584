"""Helpers shared by the CLI commands: opening the database, printing JSON and tables."""

import argparse
import json
import sys
from typing import Any

from sqlalchemy import Engine

from ..db import open_database


def engine_for(args: argparse.Namespace) -> Engine:
    """The command's database (opened once per command; main() closes it at the end)."""
    engine: Engine | None = getattr(args, "_engine", None)
    if engine is None:
        engine = open_database(args.db)
        args._engine = engine
    return engine


def close_engines(args: argparse.Namespace) -> None:
    # A server connection left to the garbage collector is a ResourceWarning and, for a
    # PostgreSQL shared by stations, a connection slot held until the process exits.
    engine: Engine | None = getattr(args, "_engine", None)
    if engine is not None:
        engine.dispose()
        args._engine = None


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    for row in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
