"""The guest list's reads from the database, on a worker thread of its own.

A network database may be slow, so the first load and every refresh (checkin.search_feed) run on
the client's own thread, one at a time (the feed is not thread-safe); answers come back as
signals on the GUI thread. An answer for an event no longer shown is dropped. Refreshes asked
for while one runs collapse into one more run after it.
"""

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from sqlalchemy import Engine

from checkin.search_feed import Delta, GuestFeed

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a worker's answer to the GUI thread (emitted there, received here: queued)."""

    answered = Signal(int, str, object)  # generation, "loaded" | "changes" | "failed", payload


class GuestFeedClient(QObject):
    """Loads an event's guests into a GuestIndex and reports what changed since, off the GUI thread."""

    loaded = Signal(object, object)  # GuestIndex, {room id: name}
    changed = Signal(object)  # a non-empty Delta
    unchanged = Signal()  # a refresh found nothing new
    failed = Signal()  # reading failed (the log has why); the next refresh tries again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.answered.connect(self._answered)
        self._feed: GuestFeed | None = None
        self._generation = 0
        self.is_loaded = self._loading = self._syncing = self._again = False

    def open(self, engine: Engine, event_id: int) -> None:
        """Read another event (answers still coming for the previous one are dropped)."""
        self._generation += 1
        self._feed = GuestFeed(engine, event_id)
        self.is_loaded, self._syncing, self._again = False, False, False
        self._load()

    def refresh(self) -> None:
        """Look for changes (or load, if the first load failed); answer: changed or unchanged."""
        if not self.is_loaded:
            if not self._loading and self._feed is not None:
                self._load()
            return
        if self._syncing:
            self._again = True
            return
        feed = self._feed
        assert feed is not None
        self._syncing = True
        self._submit("changes", feed.changes)

    def shown(self) -> bool:
        """The last answer is on screen now; True if another refresh was asked for and started."""
        self._syncing = False
        if self._again:
            self._again = False
            self.refresh()
            return True
        return False

    def shutdown(self) -> None:
        """Queued reads are dropped, a running one is waited for, its answer ignored."""
        self._generation += 1
        self._pool.clear()
        self._pool.waitForDone()

    def _load(self) -> None:
        feed = self._feed
        assert feed is not None
        self._loading = True
        self._submit("loaded", lambda: (feed.load(), feed.rooms))

    def _submit(self, what: str, job: Callable[[], object]) -> None:
        generation, relay = self._generation, self._relay

        def run() -> None:
            try:
                kind, payload = what, job()
            except Exception as exc:  # noqa: BLE001 - reported as a message, logged with details
                log.exception("guest list: reading the guests failed")
                kind, payload = "failed", exc
            with contextlib.suppress(RuntimeError):  # the client is gone: nobody to tell
                relay.answered.emit(generation, kind, payload)

        self._pool.start(run)

    @Slot(int, str, object)
    def _answered(self, generation: int, kind: str, payload: object) -> None:
        if generation != self._generation:
            return  # for an event no longer shown
        if kind == "failed":
            self._loading = self._syncing = self._again = False
            self.failed.emit()
        elif kind == "loaded":
            assert isinstance(payload, tuple)
            self.is_loaded, self._loading = True, False
            self.loaded.emit(*payload)
        else:
            assert isinstance(payload, Delta)
            if payload:
                self.changed.emit(payload)
            else:
                self.unchanged.emit()
