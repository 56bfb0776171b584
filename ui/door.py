"""The door screen as a state machine: a verdict picks the colour, icon, sound, words and timeout.

States: READY (waiting for a scan), BUSY (a request is taking longer than a blink), VERDICT (what
happened and what to do now, until the next scan or its timeout), NOTICE (undo and other answers
that are not verdicts) and ERROR. The widgets only draw the Presentation this object emits.
"""

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from checkin.verdicts import Tone, Verdict, VerdictKind
from checkin.zones import local_text

from . import messages as m


class Screen(Enum):
    READY = "ready"
    BUSY = "busy"
    VERDICT = "verdict"
    NOTICE = "notice"
    ERROR = "error"


@dataclass(frozen=True)
class Style:
    background: str
    foreground: str
    icon: str  # file name in resources/icons


# Colour is never the only signal: every tone has its own icon shape and headline words.
STYLES: dict[Tone | None, Style] = {
    None: Style("#eef1f5", "#1d2733", "ready.svg"),
    Tone.OK: Style("#1e7b34", "#ffffff", "ok.svg"),
    Tone.WARNING: Style("#f2b705", "#1d1d1d", "warning.svg"),
    Tone.REFUSED: Style("#b3261e", "#ffffff", "refused.svg"),
}

# How long a verdict stays before the screen returns to READY (a new scan replaces it at once).
TIMEOUTS_MS: dict[Tone, int] = {Tone.OK: 5000, Tone.WARNING: 12000, Tone.REFUSED: 12000}
BUSY_AFTER_MS = 150  # a quick answer never flashes "checking…"


@dataclass(frozen=True)
class Presentation:
    """Everything the verdict panel shows, in words already translated."""

    screen: Screen
    tone: Tone | None
    headline: str
    instruction: str
    name: str = ""
    organization: str = ""
    detail: str = ""
    kind: VerdictKind | None = None
    timeout_ms: int = 0  # 0: stays until replaced
    can_override: bool = False  # room full: a supervisor may admit over the limit

    @property
    def style(self) -> Style:
        return STYLES[self.tone]


def _already_inside_text(verdict: Verdict, timezone: str) -> str:
    if verdict.previous_at is None:
        return m.translate(m.ALREADY_INSIDE_NO_TIME)
    when = local_text(verdict.previous_at, timezone, time_only=True)
    if not verdict.previous_station:
        return m.translate(m.ALREADY_INSIDE_NO_STATION).format(time=when)
    return m.verdict_text(VerdictKind.ALREADY_INSIDE).instruction.format(
        time=when, station=verdict.previous_station
    )


def present(verdict: Verdict, timezone: str) -> Presentation:
    """The screen for a verdict (pure: no timers, no widgets)."""
    text = m.verdict_text(verdict.kind)
    instruction = text.instruction
    if verdict.kind is VerdictKind.ALREADY_INSIDE:
        instruction = _already_inside_text(verdict, timezone)
    details: list[str] = []
    if verdict.repeat:
        details.append(m.translate(m.REPEAT_NOTE))
    if verdict.guest is None and verdict.raw_input and verdict.kind in (
        VerdictKind.UNKNOWN, VerdictKind.TYPO, VerdictKind.WRONG_EVENT
    ):
        details.append(m.translate(m.READ_AS).format(code=verdict.raw_input.strip()[:60]))
    if verdict.room is not None:
        room = verdict.room
        details.append(
            m.translate(m.ROOM_LINE).format(room=room.name, inside=room.inside, capacity=room.capacity)
        )
    guest = verdict.guest
    return Presentation(
        screen=Screen.VERDICT,
        tone=verdict.tone,
        headline=text.headline,
        instruction=instruction,
        name=guest.full_name if guest else "",
        organization=guest.organization if guest else "",
        detail="   ·   ".join(details),
        kind=verdict.kind,
        timeout_ms=TIMEOUTS_MS[verdict.tone],
        can_override=verdict.kind is VerdictKind.ROOM_FULL and guest is not None,
    )


class DoorScreen(QObject):
    """Holds the current Presentation and moves between states; emits `changed` on every move."""

    changed = Signal(object)  # Presentation

    def __init__(self, timezone: str, door_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.door_only = door_only
        self._timeout = QTimer(self, singleShot=True)
        self._timeout.timeout.connect(self.reset)
        self._busy = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy.timeout.connect(self._show_busy)
        self.current = self._ready()

    def _ready(self) -> Presentation:
        instruction = m.READY_INSTRUCTION_DOOR_ONLY if self.door_only else m.READY_INSTRUCTION
        return Presentation(Screen.READY, None, m.translate(m.READY_HEADLINE), m.translate(instruction))

    def _set(self, presentation: Presentation) -> None:
        self._busy.stop()
        self._timeout.stop()
        self.current = presentation
        if presentation.timeout_ms:
            self._timeout.start(presentation.timeout_ms)
        self.changed.emit(presentation)

    def reset(self) -> None:
        """Back to READY (the verdict timed out, or the volunteer pressed Escape)."""
        self._set(self._ready())

    def set_door_only(self, door_only: bool) -> None:
        self.door_only = door_only
        if self.current.screen is Screen.READY:
            self.reset()

    def waiting(self) -> None:
        """A request went out: show "checking…" only if the answer takes longer than a blink."""
        if not self._busy.isActive():
            self._busy.start()

    def _show_busy(self) -> None:
        self._timeout.stop()
        self.current = Presentation(Screen.BUSY, None, m.translate(m.BUSY_HEADLINE), "")
        self.changed.emit(self.current)

    def show_verdict(self, verdict: Verdict) -> None:
        self._set(present(verdict, self.timezone))

    def show_notice(self, tone: Tone, headline: str, instruction: str, detail: str = "") -> None:
        self._set(Presentation(Screen.NOTICE, tone, headline, instruction, detail=detail,
                               timeout_ms=TIMEOUTS_MS[tone]))

    def show_error(self, instruction: str = "") -> None:
        self._set(Presentation(
            Screen.ERROR, Tone.REFUSED, m.translate(m.ERROR_HEADLINE),
            instruction or m.translate(m.ERROR_INSTRUCTION), timeout_ms=TIMEOUTS_MS[Tone.REFUSED],
        ))
