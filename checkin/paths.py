"""Where the app keeps its data, backups and logs (the user's folders, via platformdirs)."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "checkin"
APP_AUTHOR = "checkin"


def data_dir() -> Path:
    """The user's data folder for the app (CHECKIN_HOME overrides it, e.g. in tests)."""
    override = os.environ.get("CHECKIN_HOME")
    if override:
        return Path(override) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    """The user's log folder for the app."""
    override = os.environ.get("CHECKIN_HOME")
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database() -> Path:
    """The embedded SQLite file used when neither --db nor CHECKIN_DB names one."""
    return data_dir() / "checkin.sqlite"
