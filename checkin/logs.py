"""Logging to a file in the user's log folder: unexpected errors end up there, not on screen."""

import logging
import logging.handlers
from pathlib import Path

from . import paths

_configured: Path | None = None


def configure_logging() -> Path:
    """Send log records to a rotating file in the log folder; returns its path (idempotent)."""
    global _configured
    if _configured is not None:
        return _configured
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "checkin.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        target = folder / "checkin.log"
    except OSError:
        # A read-only profile must not stop the door: log to stderr instead.
        handler = logging.StreamHandler()
        target = Path("<stderr>")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = target
    return target
