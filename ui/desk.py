"""What the volunteer's actions do at the door: input → Door (on its worker) → screen and sound.

The window builds the widgets; this object holds the door's behaviour so it reads in one place:
Enter with a code scans it, anything else searches; a verdict is shown, sounded and (on arrival)
sent to the badge printer; room-full overrides and leaving door-only mode need the PIN.
"""

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from checkin.engine import UndoResult
from checkin.errors import UserError
from checkin.events import EventInfo
from checkin.logs import configure_logging
from checkin.resolve import is_code_like
from checkin.verdicts import Tone, Verdict, VerdictKind

from . import messages as m
from .door import DoorScreen
from .door_lock import DoorLock
from .recent import describe
from .settings import Settings, StationConfig
from .sounds import Sounds
from .walk_in_dialog import WalkIn, WalkInDialog
from .workers import DoorClient

log = logging.getLogger(__name__)

ARRIVALS = (VerdictKind.ADMITTED, VerdictKind.OVERRIDE, VerdictKind.WELCOME_BACK)


def error_text(exc: BaseException) -> str:
    """What to tell the volunteer about a failure; unexpected ones are logged with their traceback."""
    if isinstance(exc, UserError):
        return str(exc)
    where = configure_logging()  # idempotent: the log file is there before anything is written
    log.error("door action failed", exc_info=(type(exc), exc, exc.__traceback__))
    return m.translate(m.ERROR_INSTRUCTION) + " " + m.translate(m.LOG_NOTE).format(path=where)


class DoorDesk(QObject):
    verdictShown = Signal(object)  # Verdict
    printRequested = Signal(int)  # guest id: print on arrival (the queue skips printed badges)
    exitModeChanged = Signal(bool)
    walkInOpened = Signal(object)  # the dialog, for the window to return focus when it closes

    def __init__(self, engine: Engine, event: EventInfo, settings: Settings, lock: DoorLock,
                 sounds: Sounds, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.event_info = event
        self.settings = settings
        self.lock = lock
        self.sounds = sounds
        self.screen = DoorScreen(event.timezone, settings.door_only, self)
        self.client = DoorClient(engine, event.id, StationConfig.of(settings), self)
        self.client.verdict.connect(self._on_verdict)
        self.client.undone.connect(self._on_undone)
        self.client.failed.connect(self._on_failed)
        self.exit_mode = settings.exit_station
        self.last_verdict: Verdict | None = None

    # -- input -------------------------------------------------------------------------------
    def submit(self, text: str, burst: bool = False) -> bool:
        """Enter (or a scanner burst): True if the door took it (a code), False: it is a name."""
        if burst or is_code_like(text):
            self.scan(text)
            return True
        if self.screen.door_only:
            self.screen.show_notice(Tone.WARNING, m.translate(m.SEARCH_OFF_HEADLINE),
                                    m.translate(m.SEARCH_OFF))
            self.sounds.play(Tone.WARNING)
            return True
        return False

    def scan(self, code: str) -> None:
        self.screen.waiting()
        self.client.scan(code, exit=self.exit_mode)

    def check_in(self, guest_id: int) -> None:
        self.screen.waiting()
        self.client.admit(guest_id)

    def check_out(self, guest_id: int) -> None:
        self.screen.waiting()
        self.client.leave(guest_id)

    def set_exit_mode(self, on: bool) -> None:
        if on != self.exit_mode:
            self.exit_mode = on
            self.exitModeChanged.emit(on)

    # -- supervisor --------------------------------------------------------------------------
    def can_override(self) -> bool:
        return self.screen.current.can_override and self.last_verdict is not None

    def override(self, parent: QWidget | None) -> None:
        verdict = self.last_verdict
        if not self.can_override() or verdict is None or verdict.guest is None:
            return
        question = self.tr("Sala jest pełna. Wpuścić {name} ponad limit? Decyzja zostanie zapisana.").format(
            name=verdict.guest.full_name)
        if self.lock.ask(parent, question, confirm_without_pin=True):
            self.screen.waiting()
            self.client.admit(verdict.guest.id, override=True)

    # -- undo --------------------------------------------------------------------------------
    def undo_last(self) -> None:
        self.client.undo_last()

    def undo(self, passage_id: int) -> None:
        self.client.undo(passage_id)

    def _on_undone(self, result: UndoResult | None) -> None:
        if result is None:
            self.screen.show_notice(Tone.WARNING, m.translate(m.UNDONE_HEADLINE),
                                    m.translate(m.NOTHING_TO_UNDO))
            self.sounds.play(Tone.WARNING)
            return
        what = describe(result.undone, self.event_info.timezone)
        room = result.room
        self.screen.show_notice(
            Tone.WARNING, m.translate(m.UNDONE_HEADLINE), m.translate(m.UNDONE_INSTRUCTION).format(what=what),
            detail=m.translate(m.ROOM_LINE).format(room=room.name, inside=room.inside,
                                                   capacity=room.capacity),
        )
        self.sounds.play(Tone.WARNING)

    # -- walk-in -----------------------------------------------------------------------------
    def open_walk_in(self, parent: QWidget | None) -> WalkInDialog:
        dialog = WalkInDialog(parent, self.settings.print_on_arrival)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda data: self._walk_in(dialog, data))
        self.walkInOpened.emit(dialog)
        dialog.open()
        return dialog

    def _walk_in(self, dialog: WalkInDialog, data: WalkIn) -> None:
        def done(_verdict: Verdict) -> None:
            dialog.accept()

        def failed(exc: BaseException) -> None:
            dialog.show_error(error_text(exc))

        self.screen.waiting()
        self.client.walk_in(data.first_name, data.last_name, data.organization, data.email,
                            on_done=done, on_error=failed)

    # -- answers -----------------------------------------------------------------------------
    def _on_verdict(self, verdict: Verdict) -> None:
        self.last_verdict = verdict
        self.screen.show_verdict(verdict)
        self.sounds.play(verdict.tone)
        if (verdict.recorded and not verdict.repeat and verdict.kind in ARRIVALS and verdict.guest is not None
                and self.settings.print_on_arrival):
            self.printRequested.emit(verdict.guest.id)
        self.verdictShown.emit(verdict)

    def _on_failed(self, exc: BaseException) -> None:
        self.screen.show_error(error_text(exc))
        self.sounds.play(Tone.REFUSED)

    def reconfigure(self) -> None:
        """Station settings changed: a new Door (queued after what is in flight)."""
        config = StationConfig.of(self.settings)
        if config != self.client.config:
            self.client.reopen(config)
            self.set_exit_mode(config.exit_station)

    def stop(self) -> None:
        self.client.stop()
