"""Snapshots of the event database: online SQLite backups and portable copies of PostgreSQL.

A SQLite file is copied with SQLite's online backup API while the door keeps scanning; the copy
is a single self-contained file (no -wal) that `checkin --db FILE` opens. A PostgreSQL database
is copied table by table into a new SQLite file of the same schema. Snapshots are private (0600),
written under a temporary name and renamed when complete, and the newest `keep` are kept.
"""

import logging
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import SQLModel

from . import paths
from .db import describe, open_database
from .errors import UserError

log = logging.getLogger(__name__)

DEFAULT_KEEP = 24
DEFAULT_EVERY_SECONDS = 300.0
_SUFFIX = ".sqlite"
# Parents before children, so foreign keys hold while the copy is written.
_TABLE_ORDER = ("event", "setting", "room", "station", "guest", "passage")


def default_folder() -> Path:
    return paths.data_dir() / "backups"


def _stem(engine: sa.Engine) -> str:
    if engine.dialect.name == "sqlite":
        return Path(engine.url.database or "checkin").stem
    return engine.url.database or "checkin"


def _private_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError(f"Nie można utworzyć folderu kopii {folder}: {exc.strerror}. "
                        "Wskaż inny folder (--to).") from exc
    if not os.access(folder, os.W_OK):
        raise UserError(f"Brak prawa zapisu w folderze kopii {folder}. Wskaż inny folder (--to).")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _new_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _copy_sqlite(source: Path, target: Path) -> None:
    src = sqlite3.connect(source, timeout=10)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # One self-contained file: a copy in WAL mode would leave -wal/-shm files beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()


def _copy_portable(engine: sa.Engine, target: Path) -> None:
    """Every table of a PostgreSQL database into a new SQLite file with the app's schema."""
    copy = open_database(str(target))
    try:
        tables = SQLModel.metadata.tables
        with engine.connect() as src, copy.begin() as dst:
            for name in _TABLE_ORDER:
                table = tables[name]
                rows = [dict(r) for r in src.execute(sa.select(table).order_by(*table.primary_key))
                        .mappings()]
                if not rows:
                    continue
                links: list[dict[str, int]] = []
                if name == "passage":  # undone_by_id points to a later row: linked afterwards
                    links = [{"pid": r["id"], "by": r["undone_by_id"]} for r in rows
                             if r["undone_by_id"] is not None]
                    for r in rows:
                        r["undone_by_id"] = None
                dst.execute(sa.insert(table), rows)
                if links:
                    dst.execute(
                        sa.update(table).where(table.c.id == sa.bindparam("pid"))
                        .values(undone_by_id=sa.bindparam("by")), links)
    finally:
        copy.dispose()


def prune(folder: Path, stem: str, keep: int) -> list[Path]:
    """Remove all but the newest `keep` snapshots of one database; returns what was removed."""
    snapshots = sorted(folder.glob(f"{stem}-backup-*{_SUFFIX}"))
    removed = snapshots[: max(0, len(snapshots) - keep)]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def backup(engine: sa.Engine, folder: Path | None = None, *, keep: int = DEFAULT_KEEP) -> Path:
    """Write a snapshot of the database into folder (default: the data folder's backups/)."""
    folder = (folder or default_folder()).expanduser()
    _private_folder(folder)
    stem = _stem(engine)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{stem}-backup-{stamp}{_SUFFIX}"
    partial = folder / f".{target.name}.partial"
    partial.unlink(missing_ok=True)
    _new_private_file(partial)
    try:
        if engine.dialect.name == "sqlite":
            source = Path(engine.url.database or "")
            if not source.is_file():
                raise UserError(f"Nie ma pliku bazy danych {describe(str(engine.url))}.")
            _copy_sqlite(source, partial)
        else:
            partial.unlink()  # open_database creates it (private) with the schema
            _copy_portable(engine, partial)
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(partial, 0o600)
        os.replace(partial, target)
        _fsync_dir(folder)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    prune(folder, stem, keep)
    return target


class RollingBackups:
    """Snapshots every few minutes on a background thread, and one more at stop().

    The app may drive backup_now() from its own timer instead of calling start().
    """

    def __init__(
        self,
        engine: sa.Engine,
        folder: Path | None = None,
        *,
        every: float = DEFAULT_EVERY_SECONDS,
        keep: int = DEFAULT_KEEP,
    ) -> None:
        self.engine, self.folder, self.every, self.keep = engine, folder, every, keep
        self.last: Path | None = None
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def backup_now(self) -> Path | None:
        """One snapshot now; a failure is logged and kept in last_error (the door goes on)."""
        with self._lock:
            try:
                self.last = backup(self.engine, self.folder, keep=self.keep)
                self.last_error = None
            except Exception as exc:  # a full disk must not stop check-in
                log.exception("backup failed")
                self.last_error = str(exc)
                return None
            return self.last

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="checkin-backups", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.backup_now()

    def stop(self) -> Path | None:
        """Stop the timer and take the closing snapshot."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        return self.backup_now()


__all__ = ["DEFAULT_EVERY_SECONDS", "DEFAULT_KEEP", "RollingBackups", "backup", "default_folder", "prune"]
