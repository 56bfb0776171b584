"""Merging guest records into an event: match by code, then e-mail, then name + organization.

New people are added, changed details updated, people missing from the file reported (never
deleted), and the passage log is never touched. Everything happens in one transaction.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, select, type_coerce, update
from sqlmodel import Session, SQLModel, col

from .. import codes
from ..bulk import bulk_insert
from ..guest_keys import guest_keys as search_keys
from ..models import CodeSource, Guest, GuestStatus, utcnow
from ..textnorm import fold_cached, key_of_folded
from .records import GuestRecord, RowProblem, same_person_names

# Fields a re-import may update; an empty cell never erases what an earlier import brought.
UPDATABLE = ("first_name", "last_name", "organization", "role", "email", "phone")


@dataclass
class Change:
    guest_id: int
    record: GuestRecord
    fields: dict[str, tuple[str, str]]  # field -> (old, new)
    # The guest's row as planned against (same transaction as the write): apply_merge builds the
    # update from it instead of reading the rows again.
    stored: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Missing:
    guest_id: int
    name: str
    organization: str


@dataclass
class MergePlan:
    added: list[GuestRecord] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    unchanged: int = 0
    missing: list[Missing] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


_NO_EXTRA: dict[str, str] = {}

_EXISTING_COLUMNS: tuple[Any, ...] = (
    Guest.id, Guest.code, Guest.code_source, Guest.first_name, Guest.last_name, Guest.organization,
    Guest.role, Guest.email, Guest.phone,
    # As stored (JSON text on SQLite): decoded only for the guests whose extra fields matter.
    type_coerce(Guest.extra, String).label("extra"), Guest.status, Guest.walk_in, Guest.name_key,
    Guest.email_key,
)


def plan_merge(s: Session, event_id: int, records: list[GuestRecord]) -> MergePlan:
    """What merging the records would change, without writing."""
    result = s.connection().execute(
        select(*_EXISTING_COLUMNS).where(col(Guest.event_id) == event_id)
    )
    names = list(result.keys())
    existing = [dict(zip(names, row, strict=True)) for row in result]
    by_code = {g["code"].casefold(): g for g in existing}
    by_email: dict[str, list[dict[str, Any]]] = {}
    by_person: dict[tuple[str, str], list[dict[str, Any]]] = {}
    org_keys: dict[str, str] = {}  # many guests share an organization: its key is made once
    for g in existing:
        if g["email_key"]:
            by_email.setdefault(g["email_key"], []).append(g)
        org = g["organization"]
        org_key = org_keys.get(org)
        if org_key is None:
            org_key = org_keys[org] = key_of_folded(fold_cached(org))
        # name_key is stored with each guest (guest_keys), computed as GuestRecord.name_key is.
        by_person.setdefault((g["name_key"], org_key), []).append(g)

    plan = MergePlan()
    matched: set[int] = set()
    for rec in records:
        guest = _match(rec, by_code, by_email, by_person, matched)
        if guest is None:
            plan.added.append(rec)
            continue
        matched.add(guest["id"])
        changes = _changes(guest, rec, by_code, plan)
        if changes:
            plan.updated.append(Change(guest["id"], rec, changes, guest))
        else:
            plan.unchanged += 1
    plan.missing = [
        Missing(g["id"], f"{g['first_name']} {g['last_name']}".strip(), g["organization"])
        for g in existing
        if g["id"] not in matched and not g["walk_in"]
    ]
    return plan


def _match(
    rec: GuestRecord,
    by_code: dict[str, dict[str, Any]],
    by_email: dict[str, list[dict[str, Any]]],
    by_person: dict[tuple[str, str], list[dict[str, Any]]],
    matched: set[int],
) -> dict[str, Any] | None:
    if rec.code:
        guest = by_code.get(rec.code.casefold())
        if guest is not None and guest["id"] not in matched:
            return guest
    for guest in by_email.get(rec.email_key, []) if rec.email_key else []:
        if guest["id"] not in matched and same_person_names(
            rec.first_name, rec.last_name, guest["first_name"], guest["last_name"]
        ):
            return guest
    for guest in by_person.get(rec.person_key, []):
        if guest["id"] not in matched:
            return guest
    return None


def _extra(guest: dict[str, Any]) -> dict[str, str]:
    value = guest["extra"]
    if isinstance(value, str | bytes):  # PostgreSQL's driver hands JSON over decoded already
        value = guest["extra"] = json.loads(value)
    return value  # type: ignore[no-any-return]


def _changes(
    guest: dict[str, Any], rec: GuestRecord, by_code: dict[str, dict[str, Any]], plan: MergePlan
) -> dict[str, tuple[str, str]]:
    changes: dict[str, tuple[str, str]] = {}
    for name in UPDATABLE:
        new = getattr(rec, name)
        if new and new != guest[name]:
            changes[name] = (guest[name], new)
    if rec.code and rec.code != guest["code"]:
        owner = by_code.get(rec.code.casefold())
        if owner is not None and owner["id"] != guest["id"]:
            plan.problems.append(RowProblem(
                rec.row, "", f"kod „{rec.code}” należy już do {owner['first_name']} "
                f"{owner['last_name']}; {rec.display_name} zachowuje kod {guest['code']}",
                skipped=False,
            ))
        else:
            changes["code"] = (guest["code"], rec.code)
    if rec.cancelled is not None:
        status = GuestStatus.CANCELLED if rec.cancelled else GuestStatus.REGISTERED
        if status != guest["status"]:
            changes["status"] = (guest["status"], status.value)
    if rec.extra and {**_extra(guest), **rec.extra} != _extra(guest):
        changes["extra"] = ("", ", ".join(k for k in rec.extra if _extra(guest).get(k) != rec.extra[k]))
    return changes


def apply_merge(s: Session, event_id: int, plan: MergePlan, source_file: str) -> None:
    """Write the plan (the caller commits). Bulk statements keep a 50,000-row import fast."""
    now = utcnow()
    if plan.added:
        rows = []
        fresh = iter(codes.generate_many(sum(1 for rec in plan.added if not rec.code)))
        for rec in plan.added:
            code = rec.code or next(fresh)
            rows.append({
                "event_id": event_id,
                "first_name": rec.first_name,
                "last_name": rec.last_name,
                "organization": rec.organization,
                "role": rec.role,
                "email": rec.email,
                "phone": rec.phone,
                "extra": rec.extra or _NO_EXTRA,  # one shared {}: converted to JSON once
                "status": GuestStatus.CANCELLED if rec.cancelled else GuestStatus.REGISTERED,
                "walk_in": False,
                "code": code,
                "code_source": CodeSource.IMPORTED if rec.code else CodeSource.GENERATED,
                "source_file": source_file,
                "source_row": rec.row,
                "created_at": now,
                "updated_at": now,
                **search_keys(rec.first_name, rec.last_name, rec.organization, rec.email, code),
            })
        bulk_insert(s.connection(), SQLModel.metadata.tables["guest"], rows)
    if plan.updated:
        rows = []
        for change in plan.updated:
            g = change.stored
            values: dict[str, Any] = {n: new for n, (_, new) in change.fields.items() if n != "extra"}
            if "code" in values:
                values["code_source"] = CodeSource.IMPORTED
            merged = {**g, **values}
            rows.append({
                "id": change.guest_id,
                **values,
                "extra": {**_extra(g), **change.record.extra},
                "source_file": source_file,
                "source_row": change.record.row,
                "updated_at": now,
                **search_keys(merged["first_name"], merged["last_name"], merged["organization"],
                              merged["email"], merged["code"]),
            })
        s.execute(update(Guest), rows)
