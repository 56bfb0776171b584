"""The `checkin` command line: `checkin [--db PATH|URL] COMMAND …` (contract in DESIGN.md).

Exit codes: 0 done, 1 refused (bad input, refused verdict; nothing changed), 2 error.
"""

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import UserError
from ..logs import configure_logging
from . import bench_cmd, door_cmds, export_cmds, import_cmd, print_cmds, selftest_cmd, setup_cmds
from .common import close_engines

if TYPE_CHECKING:  # the self-test itself loads only for `checkin self-test`
    from ..selftest import GuiCheck

log = logging.getLogger(__name__)

# Each module adds its subcommands; a handler takes the parsed args and returns the exit code.
COMMAND_MODULES = [setup_cmds, import_cmd, door_cmds, export_cmds, print_cmds, bench_cmd, selftest_cmd]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkin", description="Rejestracja gości przy wejściu na wydarzenie."
    )
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="plik SQLite lub adres postgresql:// (domyślnie CHECKIN_DB lub plik w danych)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="otwiera okno programu (to samo co checkin bez polecenia)")
    gui.add_argument("--sample", action="store_true", help="na przykładowym wydarzeniu (tworzy je)")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _utf8_streams() -> None:
    # A Windows console may not be UTF-8; a guest's name must never crash the output.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


BROKEN_PIPE = 128 + 13  # the shell's code for a process ended by SIGPIPE


def _silence_stdout() -> None:
    # Python flushes stdout again at exit, which would raise a second BrokenPipeError.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


# Opens the desktop window for `checkin` / `checkin gui`. The domain never imports the UI: the
# console entry point (ui.launcher) passes it in, so this package stays free of Qt.
GuiOpener = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, gui: GuiOpener | None = None,
         gui_check: "GuiCheck | None" = None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    args.gui_check = gui_check  # the window's part of `checkin self-test`, handed in like gui
    log_file = configure_logging()
    if args.command in (None, "gui") and gui is None:
        if args.command is None:
            parser.print_help()
            return 0
        print("checkin: okno programu nie jest dostępne w tej instalacji.", file=sys.stderr)
        return 2
    try:
        code: int = gui(args) if gui is not None and args.command in (None, "gui") else args.handler(args)
        return code
    except UserError as exc:
        print(f"checkin: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("checkin: przerwano.", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`checkin stats | head -2`): the command's own work is done or
        # not, as it was; nobody is left to read a message. Exit as a tool killed by SIGPIPE would.
        _silence_stdout()
        return BROKEN_PIPE
    except Exception:
        log.exception("unexpected error in `checkin %s`", " ".join(argv or sys.argv[1:]))
        print(
            f"checkin: nieoczekiwany błąd; nic nie zostało zmienione. Szczegóły w pliku {log_file}",
            file=sys.stderr,
        )
        return 2
    finally:
        close_engines(args)


if __name__ == "__main__":
    sys.exit(main())
