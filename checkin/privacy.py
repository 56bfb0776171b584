"""Data protection after the event (RODO/GDPR): remove personal data, keep anonymous counts.

Purging blanks every guest's name, e-mail, phone, extra answers and what was typed at the door,
replaces their codes, and keeps organization, role, status, walk-in flag and the passage log's
times — so `checkin stats` and the report give the same figures afterwards. On SQLite the file is
then vacuumed and its WAL truncated, so the removed text is gone from the disk, and the backups
of that database (which hold the same personal data) are deleted.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import SQLModel

from . import backup
from .db import describe
from .errors import UserError
from .models import utcnow
from .occupancy import GUEST, PASSAGE

log = logging.getLogger(__name__)
EVENT = SQLModel.metadata.tables["event"]


@dataclass(frozen=True)
class PurgeResult:
    guests: int  # guests whose personal data was removed
    passages: int  # log entries whose typed input was removed
    backups_removed: tuple[Path, ...]
    database: str  # where the database is, for the message


def data_locations(db: sa.Engine) -> dict[str, str]:
    """Where personal data may be: the database, its backups, the log folder (for the user)."""
    from . import paths

    return {
        "database": describe(str(db.url)),
        "backups": str(backup.default_folder()),
        "logs": str(paths.log_dir()),
    }


def snapshots_of(db: sa.Engine) -> list[Path]:
    """The backup snapshots of this database, and the copies made before schema migrations."""
    found: list[Path] = []
    folder = backup.default_folder()
    if db.dialect.name == "sqlite" and db.url.database:
        path = Path(db.url.database)
        found += sorted(path.parent.glob(f"{path.stem}.before-*{path.suffix}"))
        stem = path.stem
    else:
        stem = db.url.database or "checkin"
    if folder.is_dir():
        found += sorted(folder.glob(f"{stem}-backup-*.sqlite"))
    return found


def purge(db: sa.Engine, event_id: int, *, force: bool = False, now: datetime | None = None) -> PurgeResult:
    """Remove the event's personal data (refused before the event ends unless force)."""
    now = now or utcnow()
    with db.begin() as conn:
        ends, starts = conn.execute(
            sa.select(EVENT.c.ends, EVENT.c.starts).where(EVENT.c.id == event_id)
        ).one()
        finished = ends or starts
        if finished.replace(tzinfo=finished.tzinfo or UTC) > now and not force:
            raise UserError(
                "Wydarzenie jeszcze się nie skończyło — usunięcie danych osobowych teraz "
                "uniemożliwiłoby rejestrację gości. Jeśli na pewno, użyj --force."
            )
        guests = conn.execute(
            sa.update(GUEST).where(GUEST.c.event_id == event_id).values(
                first_name="", last_name="", email="", phone="", extra={},
                code=sa.literal("usunięty-") + sa.cast(GUEST.c.id, sa.String),
                code_key=sa.literal("USUNIĘTY-") + sa.cast(GUEST.c.id, sa.String),
                name_key="", email_key="", search_text="", source_file="", source_row=None,
                updated_at=now,
            )
        ).rowcount
        passages = conn.execute(
            sa.update(PASSAGE).where(PASSAGE.c.event_id == event_id).values(raw_input="")
        ).rowcount
        conn.execute(sa.update(EVENT).where(EVENT.c.id == event_id).values(purged_at=now))
    _scrub_storage(db)
    removed = []
    for snapshot in snapshots_of(db):
        try:
            snapshot.unlink()
            removed.append(snapshot)
        except OSError as exc:
            log.warning("cannot remove backup %s: %s", snapshot, exc)
    return PurgeResult(guests, passages, tuple(removed), describe(str(db.url)))


def _scrub_storage(db: sa.Engine) -> None:
    """Make the removed text unrecoverable from the database's own files."""
    if db.dialect.name == "sqlite":
        raw = db.raw_connection()
        try:
            driver = raw.driver_connection
            assert driver is not None
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            driver.execute("VACUUM")  # rewrites the file: freed pages with old rows are gone
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    else:
        try:
            with db.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM FULL guest, passage")
        except sa.exc.DBAPIError as exc:  # e.g. not the owner: the rows are still blanked
            log.warning("VACUUM FULL after purge failed: %s", exc)
