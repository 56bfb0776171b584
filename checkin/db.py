"""Opening the database: a SQLite file (default) or a PostgreSQL URL, migrated, migrated."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlmodel import Session

from . import paths
from .errors import SetupError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for --db / CHECKIN_DB / the default file (a path or postgresql://)."""
    db = db or os.environ.get("CHECKIN_DB") or str(paths.default_database())
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser().resolve())
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def describe(url: str) -> str:
    """Where the data is, for people: a file path, or the server without the password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def _create_private_file(path: Path) -> None:
    # Created by us with 0600 before SQLite opens it: SQLite gives its -wal and -shm files the
    # same mode, so guests' personal data is never readable by other users of the laptop.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is turned off so that BEGIN is ours (see _begin).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA cache_size=-32768")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so a read-then-write unit of work (take the
    # last seat in a room) cannot be overtaken by another station between its read and its write.
    mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_immediate") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """An engine for the URL, without migrating. Use open_database() in application code."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise SetupError(f"Nie rozpoznano adresu bazy danych: {url}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            try:
                _create_private_file(Path(parsed.database))
            except OSError as exc:
                raise SetupError(
                    f"Nie można utworzyć pliku bazy danych {parsed.database}: {exc.strerror}. "
                    "Wybierz inny folder (--db)."
                ) from exc
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _backup_sqlite(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.chmod(target, 0o600)
    return target


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a SQLite file is backed up before a real upgrade."""
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise SetupError(
                f"Baza danych {describe(str(engine.url))} pochodzi z nowszej wersji programu "
                f"(schemat {current}). Zaktualizuj program."
            )
        if engine.dialect.name == "sqlite" and engine.url.database:
            _backup_sqlite(Path(engine.url.database), current)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_database(db: str | None = None) -> Engine:
    """The engine for --db / CHECKIN_DB / the default file, with the schema up to date."""
    url = database_url(db)
    engine = make_engine(url)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise SetupError(f"Nie można otworzyć bazy danych {describe(url)}: {reason}") from exc
    return engine


@contextmanager
def session(engine: Engine) -> Iterator[Session]:
    """A short-lived unit of work; nothing outside it holds ORM objects."""
    with Session(engine, expire_on_commit=False) as s:
        yield s


__all__ = ["database_url", "describe", "make_engine", "migrate", "open_database", "session"]
