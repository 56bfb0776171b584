"""Event check-in: the domain (models, storage, import, engine). Imports no Qt."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("checkin")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
