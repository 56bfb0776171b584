"""Logging to a file in the user's log folder: unexpected errors end up there, not on screen."""

import logging
import logging.handlers
from pathlib import Path

from . import paths

_configured: tuple[Path, Path, logging.Handler] | None = None  # (folder, file, handler)


def configure_logging() -> Path:
    """Send log records to a rotating file in the log folder; returns its path.

    Idempotent for one log folder; when the folder changes (CHECKIN_HOME in tests, a second
    profile) the handler moves with it instead of writing to the old place.
    """
    global _configured
    folder = paths.log_dir()
    if _configured is not None:
        old_folder, old_target, old_handler = _configured
        if old_folder == folder:
            return old_target
        logging.getLogger().removeHandler(old_handler)
        old_handler.close()
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
    _configured = (folder, target, handler)
    return target
