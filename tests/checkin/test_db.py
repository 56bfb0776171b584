import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from checkin.db import database_url, open_database
from checkin.errors import SetupError


def test_sqlite_file_is_private_wal_and_durable(db_path: Path) -> None:
    engine = open_database(str(db_path))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_migrated_schema_matches_the_models(db_path: Path) -> None:
    engine = open_database(str(db_path))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_migrated_schema_matches_the_models_on_postgresql(pg_url: str) -> None:
    engine = open_database(pg_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_url_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url(str(tmp_path / "a.sqlite")) == f"sqlite:///{tmp_path}/a.sqlite"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("CHECKIN_DB", str(tmp_path / "env.sqlite"))
    assert database_url(None).endswith("env.sqlite")
    monkeypatch.delenv("CHECKIN_DB")
    assert database_url(None).endswith("checkin.sqlite")
    assert str(tmp_path / "home") in database_url(None)


def test_newer_database_is_refused_clearly(db_path: Path) -> None:
    open_database(str(db_path)).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SetupError, match="nowszej wersji"):
        open_database(str(db_path))


def test_unreachable_server_is_a_message() -> None:
    with pytest.raises(SetupError, match="127.0.0.1:1"):
        open_database("postgresql://nobody@127.0.0.1:1/none")
