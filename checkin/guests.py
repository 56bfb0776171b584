"""Read models of guests for lists and search: plain data, never live ORM objects."""

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, or_, select

from . import codes
from .collation import person_key
from .db import session
from .models import Guest
from .textnorm import fold


@dataclass(frozen=True)
class GuestRow:
    id: int
    first_name: str
    last_name: str
    organization: str
    role: str
    email: str
    phone: str
    code: str
    status: str
    walk_in: bool
    inside: bool  # in a room now (Guest.inside_room_id, kept with every passage)

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["id"]
        return data


def search_terms(text: str) -> list[tuple[str, ...]]:
    """Folded words of a search, each with its alternatives: a word with dashes matches as typed
    (a double-barrelled name, "nowak-lis") or without them (a code typed grouped, K7M2-Q9XD-…)."""
    return [(t, t.replace("-", "")) if "-" in t else (t,) for t in fold(text).split()]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_guests(engine: Engine, event_id: int, search: str | None = None) -> list[GuestRow]:
    """Guests of the event sorted by surname; with search, those matching every word."""
    query = select(Guest).where(Guest.event_id == event_id)
    for alternatives in search_terms(search or ""):
        query = query.where(or_(*(col(Guest.search_text).like(_like(t), escape="\\")
                                  for t in alternatives)))
    with session(engine) as s:
        guests = s.exec(query).all()
    rows = [
        GuestRow(
            id=g.id or 0,
            first_name=g.first_name,
            last_name=g.last_name,
            organization=g.organization,
            role=g.role,
            email=g.email,
            phone=g.phone,
            code=g.code,
            status=g.status,
            walk_in=g.walk_in,
            inside=g.inside_room_id is not None,
        )
        for g in guests
    ]
    rows.sort(key=lambda r: person_key(r.last_name, r.first_name))
    return rows
