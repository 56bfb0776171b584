"""Making a badge PDF for the CLI, the app and the self-test: choose guests, render, count."""

import errno
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine

from ..db import session
from ..errors import UserError
from ..models import Event
from .layouts import DEFAULT_LAYOUT, Layout, get_layout
from .records import BadgeGuest, Who, badge_guests, guest_by_code, mark_printed
from .render import EventLine, RenderResult, render_badges


@dataclass(frozen=True)
class BadgeRun:
    layout: Layout
    guests: list[BadgeGuest]  # in the order printed; empty: nothing was written
    result: RenderResult | None


def event_line(engine: Engine, event_id: int) -> EventLine:
    """The event's name and local start time as badges print them."""
    with session(engine) as s:
        ev = s.get(Event, event_id)
        if ev is None:
            raise UserError(f"Nie ma wydarzenia o numerze {event_id}.")
        return EventLine.at(ev.name, ev.starts, ev.timezone)


def output_problem(out: Path) -> str | None:
    """Why a file cannot be written at out (in Polish), or None when it can be tried."""
    parent = out.parent
    if out.is_dir():
        return f"{out} jest folderem; podaj nazwę pliku, np. {out / 'identyfikatory.pdf'}"
    if out.exists() and not out.is_file():  # /dev/null, a pipe: renaming over it replaces it
        return f"{out} nie jest zwykłym plikiem; podaj nazwę pliku, np. identyfikatory.pdf"
    if not parent.exists():
        return f"folder {parent} nie istnieje"
    if not parent.is_dir():
        return f"{parent} nie jest folderem"
    return None


def _write_error(out: Path, exc: OSError) -> UserError:
    reason = {
        errno.EACCES: f"brak uprawnień do zapisu w folderze {out.parent}",
        errno.EPERM: f"brak uprawnień do zapisu w folderze {out.parent}",
        errno.EROFS: f"folder {out.parent} jest tylko do odczytu",
        errno.ENOSPC: "brak miejsca na dysku",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    return UserError(f"Nie można zapisać pliku {out}: {reason}. Wybierz inne miejsce (--out).")


def make_badges(engine: Engine, event_id: int, out: Path | BinaryIO, *,
                layout: str | Layout = DEFAULT_LAYOUT, who: Who = Who.ALL,
                code: str | None = None, count: bool = True) -> BadgeRun:
    """Badges for one guest (code) or a group (who) into out; each badge printed is counted.

    Bad input (unknown layout or code, an output path that cannot be written) raises UserError
    before anything is written or counted. No guests to print: nothing is written.
    """
    chosen = layout if isinstance(layout, Layout) else get_layout(layout)
    if isinstance(out, Path) and (problem := output_problem(out)) is not None:
        raise UserError(f"Nie można zapisać pliku {out}: {problem}. Wybierz inne miejsce (--out).")
    guests = [guest_by_code(engine, event_id, code)] if code else badge_guests(engine, event_id, who)
    if not guests:
        return BadgeRun(chosen, [], None)
    try:
        result = render_badges(guests, chosen, event_line(engine, event_id), out)
    except OSError as exc:
        if isinstance(out, Path):
            raise _write_error(out, exc) from exc
        raise
    if count:
        mark_printed(engine, [g.id for g in guests])
    return BadgeRun(chosen, guests, result)
