"""Writing an export so that a crash or a full disk never leaves half a file behind."""

import os
from pathlib import Path

from ..errors import UserError


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target, then rename over it; UserError names the file on failure.

    The file is readable by its owner only, like the database: it lists guests by name.
    """
    if path.exists() and not path.is_file():
        # A device or a folder (e.g. /dev/null, /dev/stdout): renaming over it would replace it.
        raise UserError(f"{path} nie jest zwykłym plikiem. Podaj nazwę pliku do zapisania.")
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        with os.fdopen(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(
            f"Nie można zapisać pliku {path}: {exc.strerror}. Wybierz inny folder lub nazwę."
        ) from exc
