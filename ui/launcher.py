"""The `checkin` console command: the CLI, and the desktop window for `checkin` / `checkin gui`.

Qt is imported only when the window is asked for, so every other command starts fast and works
on a machine without a display.
"""

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checkin import cli

if TYPE_CHECKING:
    from checkin.selftest import GuiContext


def open_window(args: argparse.Namespace) -> int:
    from .app import run  # lazy: the CLI never loads Qt unless the window is wanted

    return run(db=args.db, sample=bool(getattr(args, "sample", False)))


def check_window(context: "GuiContext") -> str:
    from .selftest_gui import check_gui  # lazy, as above: `checkin self-test`'s window part

    return check_gui(context)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=open_window, gui_check=check_window)


if __name__ == "__main__":
    sys.exit(main())
