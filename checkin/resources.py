"""The one way to reach files in resources/, from a source tree and a frozen build alike.

The PyInstaller spec copies resources/ next to the checkin package, as it is in the source tree,
so nothing here branches on "frozen or not".
"""

from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of a shipped resource, e.g. resource('events', 'lawka-dialogu-2026.toml')."""
    path = _ROOT.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing from the installation: {'/'.join(parts)}")
    return path
