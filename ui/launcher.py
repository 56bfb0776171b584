"""The `checkin` console command: the CLI, and the desktop window for `checkin` / `checkin gui`.

Qt is imported only when the window is asked for, so every other command starts fast and works
on a machine without a display.
"""

import argparse
import sys
from collections.abc import Sequence

from checkin import cli


def open_window(args: argparse.Namespace) -> int:
    from .app import run  # lazy: the CLI never loads Qt unless the window is wanted

    return run(db=args.db, sample=bool(getattr(args, "sample", False)))


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=open_window)


if __name__ == "__main__":
    sys.exit(main())
