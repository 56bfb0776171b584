"""Read models of guests for lists and search: plain data, never live ORM objects."""

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from . import codes
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


def search_terms(text: str) -> list[str]:
    """Folded words of a search; a code typed with dashes matches its stored form too."""
    return [t.replace("-", "") if "-" in t and len(t) > 8 else t for t in fold(text).split()]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_guests(engine: Engine, event_id: int, search: str | None = None) -> list[GuestRow]:
    """Guests of the event sorted by surname; with search, those matching every word."""
    query = select(Guest).where(Guest.event_id == event_id)
    for term in search_terms(search or ""):
        query = query.where(col(Guest.search_text).like(_like(term), escape="\\"))
    with session(engine) as s:
        guests = s.exec(query.order_by(col(Guest.last_name), col(Guest.first_name))).all()
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
    rows.sort(key=lambda r: (fold(r.last_name), fold(r.first_name)))
    return rows
