"""Fixtures shared by all tests: every folder in tmp_path, real SQLite files, a real PostgreSQL."""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from checkin.db import open_database
from checkin.event_file import parse_event_file
from checkin.events import EventInfo, init_event
from checkin.resources import resource

SAMPLE_EVENT = resource("events", "lawka-dialogu-2026.toml")


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never the developer's real data, settings or logs.
    monkeypatch.setenv("CHECKIN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CHECKIN_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "event.sqlite"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    eng = open_database(str(db_path))
    yield eng
    eng.dispose()


@pytest.fixture
def event(engine: Engine) -> EventInfo:
    return init_event(engine, parse_event_file(SAMPLE_EVENT)).event


def _pg_admin_url() -> str:
    url = os.environ.get("CHECKIN_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CHECKIN_TEST_PG_URL is not set; CI must test on a real PostgreSQL")
        pytest.skip("CHECKIN_TEST_PG_URL not set (run the tests through scripts/test)")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    admin_url = _pg_admin_url()
    name = f"checkin_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        admin_url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
