"""Slow work off the GUI thread: an ordered worker thread, and the station's Door running on it.

The GUI never waits for the database (PostgreSQL over a network may take a while): it submits a
job and gets the answer by a queued signal. One thread per worker keeps the door's actions in the
order they were made. A job may belong to a channel; when a newer job of the same channel was
submitted before an older one finished, the older answer is dropped (it is already out of date).
"""

import contextlib
import logging
import queue
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import Engine

from checkin.engine import Door, PassageView, UndoResult
from checkin.verdicts import Verdict

from .settings import StationConfig

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]

# A result crosses from a worker to the GUI thread while both run Python: with the default 5 ms
# GIL switch interval each hand-off can wait up to 5 ms, a third of a frame. 0.5 ms keeps the
# verdict on screen within a frame of the database's answer.
SWITCH_INTERVAL_S = 0.0005


@dataclass
class _Job:
    on_done: Callback | None
    on_error: Callable[[BaseException], None] | None
    channel: str | None


class SerialWorker(QObject):
    """Runs submitted callables one at a time, in order, on its own thread."""

    failed = Signal(object)  # an exception from a job that had no on_error of its own
    _finished = Signal(int, bool, object)  # ticket, ok, result or exception (emitted off-thread)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[tuple[int, Callable[[], Any]] | None] = queue.SimpleQueue()
        self._jobs: dict[int, _Job] = {}
        self._latest: dict[str, int] = {}
        self._next = 0
        self._stopped = False
        # Emitted from the worker thread, received here on the GUI thread (a queued connection).
        self._finished.connect(self._deliver)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._thread = threading.Thread(target=self._loop, name=f"checkin-{name}", daemon=True)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        channel: str | None = None,
    ) -> int:
        """Queue fn; on_done(result) or on_error(exc) is called on the GUI thread later."""
        if self._stopped:
            return -1
        self._next += 1
        ticket = self._next
        self._jobs[ticket] = _Job(on_done, on_error, channel)
        if channel is not None:
            self._latest[channel] = ticket
        self._queue.put((ticket, fn))
        return ticket

    def pending(self, channel: str | None = None) -> int:
        """How many jobs (of the channel) have not answered yet."""
        return sum(1 for job in self._jobs.values() if channel is None or job.channel == channel)

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            ticket, fn = item
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001 - every failure is reported to the GUI
                self._emit(ticket, False, exc)
            else:
                self._emit(ticket, True, result)

    def _emit(self, ticket: int, ok: bool, value: object) -> None:
        # RuntimeError: the QObject is already gone (the window closed), nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._finished.emit(ticket, ok, value)

    def _deliver(self, ticket: int, ok: bool, value: object) -> None:
        job = self._jobs.pop(ticket, None)
        if job is None:
            return
        if job.channel is not None and self._latest.get(job.channel) != ticket:
            return  # overtaken by a newer job of the same channel
        if ok:
            if job.on_done is not None:
                job.on_done(value)
        elif isinstance(value, BaseException):
            if job.on_error is not None:
                job.on_error(value)
            else:
                self.failed.emit(value)

    def stop(self, timeout_s: float = 10.0) -> None:
        """Finish the queued jobs (a scan in flight must be written) and end the thread."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.put(None)
        self._thread.join(timeout_s)


def _request_id() -> str:
    return uuid.uuid4().hex


class DoorClient(QObject):
    """This station's Door, living on its own ordered worker; answers arrive as signals."""

    verdict = Signal(object)  # Verdict
    undone = Signal(object)  # UndoResult | None (nothing to undo)
    recent = Signal(object)  # list[PassageView], newest first
    failed = Signal(object)  # an exception from any door action
    opened = Signal(object)  # StationConfig, once the Door exists

    def __init__(self, engine: Engine, event_id: int, config: StationConfig,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.event_id = event_id
        self.config = config
        self.room_id = 0
        self.worker = SerialWorker("door", self)
        self.worker.failed.connect(self.failed)
        self._door: Door | None = None  # touched only on the worker thread
        self._open_error: BaseException | None = None
        self.reopen(config)

    def reopen(self, config: StationConfig) -> None:
        """A new Door for changed station settings; queued after the actions already made."""
        self.config = config

        def make() -> Door:
            self._door = None
            try:
                self._door = Door(self.engine, self.event_id, config.station,
                                  room=config.room or None, exit_station=config.exit_station)
            except BaseException as exc:
                self._open_error = exc  # every later action reports why the door is not open
                raise
            return self._door

        self.worker.submit(make, self._opened)

    def _opened(self, door: Door) -> None:
        self.room_id = door.room_id
        self.opened.emit(self.config)
        self.refresh_recent()

    def _call(self, action: Callable[[Door], Any], done: Callback,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        def run() -> Any:
            if self._door is None:
                raise self._open_error or RuntimeError("the station's door is not open")
            return action(self._door)

        self.worker.submit(run, done, on_error)

    def _verdict(self, verdict: Verdict) -> None:
        self.verdict.emit(verdict)
        if verdict.recorded or verdict.passage_id is not None:
            # After the verdict is painted: the list of recent passages can wait a frame.
            QTimer.singleShot(0, self.refresh_recent)

    def scan(self, raw: str, *, exit: bool | None = None, override: bool = False) -> None:
        rid = _request_id()
        self._call(lambda d: d.scan(raw, exit=exit, override=override, request_id=rid), self._verdict)

    def admit(self, guest_id: int, *, override: bool = False) -> None:
        rid = _request_id()
        self._call(lambda d: d.admit(guest_id, override=override, request_id=rid), self._verdict)

    def leave(self, guest_id: int) -> None:
        rid = _request_id()
        self._call(lambda d: d.leave(guest_id, request_id=rid), self._verdict)

    def walk_in(self, first: str, last: str, organization: str, email: str, *,
                on_done: Callback, on_error: Callable[[BaseException], None]) -> None:
        rid = _request_id()

        def done(verdict: Verdict) -> None:
            on_done(verdict)
            self._verdict(verdict)

        self._call(lambda d: d.walk_in(first, last, organization, email, request_id=rid), done, on_error)

    def undo_last(self) -> None:
        def done(result: UndoResult | None) -> None:
            self.undone.emit(result)
            self.refresh_recent()

        self._call(lambda d: d.undo_last(), done)

    def undo(self, passage_id: int) -> None:
        def done(result: UndoResult) -> None:
            self.undone.emit(result)
            self.refresh_recent()

        self._call(lambda d: d.undo(passage_id), done)

    def refresh_recent(self, limit: int = 20) -> None:
        def done(rows: list[PassageView]) -> None:
            self.recent.emit(rows)

        self._call(lambda d: d.recent(limit), done)

    def stop(self) -> None:
        self.worker.stop()
