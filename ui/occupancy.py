"""How full the rooms are: a gauge per room, the large display for a second screen, and the poll.

Other stations change the counts too, so the counts are polled (cheap: one small query) every
half second on a worker of their own; a poll still running is not doubled up.
"""

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget
from sqlalchemy import Engine

from checkin.engine import room_counts
from checkin.verdicts import Level, RoomCount
from checkin.zones import local_text

from .workers import SerialWorker

POLL_MS = 500

# Colour plus words: the level is also written out ("prawie pełna", "PEŁNA").
LEVEL_COLOURS = {Level.OK: "#1e7b34", Level.WARN: "#d89200", Level.FULL: "#b3261e"}


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _fitted(text: str, pixels: int, bold: bool, width: float) -> QFont:
    """The font at `pixels`, made smaller if the text would not fit the width."""
    font = _font(pixels, bold)
    advance = QFontMetrics(font).horizontalAdvance(text)
    if advance > width > 0:
        font.setPixelSize(max(8, int(pixels * width / advance)))
    return font


class RoomGauge(QWidget):
    """One room: name, inside / capacity, a bar coloured by level, the level in words, the peak."""

    def __init__(self, timezone: str, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.large = large
        self.count: RoomCount | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(200 if large else 96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_count(self, count: RoomCount) -> None:
        if count != self.count:
            self.count = count
            self.setAccessibleName(self.summary())
            self.update()

    def level_text(self) -> str:
        assert self.count is not None
        if self.large:  # the display faces the guests waiting at the door
            return {
                Level.OK: self.tr("Wolnych miejsc: {free}"),
                Level.WARN: self.tr("Zostało niewiele miejsc: {free}"),
                Level.FULL: self.tr("Sala pełna — prosimy chwilę poczekać"),
            }[self.count.level].format(free=self.count.free)
        return {
            Level.OK: self.tr("wolnych miejsc: {free}"),
            Level.WARN: self.tr("prawie pełna — wolnych miejsc: {free}"),
            Level.FULL: self.tr("PEŁNA"),
        }[self.count.level].format(free=self.count.free)

    def peak_text(self) -> str:
        assert self.count is not None
        if self.count.peak_at is None:
            return self.tr("najwięcej: {peak}").format(peak=self.count.peak)
        return self.tr("najwięcej: {peak} (o {time})").format(
            peak=self.count.peak, time=local_text(self.count.peak_at, self.timezone, time_only=True)
        )

    def summary(self) -> str:
        assert self.count is not None
        return f"{self.count.name}: {self.count.inside} / {self.count.capacity}, {self.level_text()}"

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.count is None:
            return
        c = self.count
        # The second-screen display fills its window: readable from across the entrance hall.
        scale = max(1.0, min(self.height() / 96, self.width() / 300)) if self.large else 1.0
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        colour = QColor(LEVEL_COLOURS[c.level])
        text_colour = QColor("#1d2733")
        pad = 8 * scale
        # name (left) and inside / capacity (right) on the first line
        p.setPen(text_colour)
        line1 = QRectF(pad, pad, w - 2 * pad, 28 * scale)
        number = f"{c.inside} / {c.capacity}"
        number_font = _fitted(number, int(24 * scale), True, line1.width() / 2)
        p.setFont(number_font)
        p.drawText(line1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
        room_width = line1.width() - QFontMetrics(number_font).horizontalAdvance(number) - pad
        p.setFont(_fitted(c.name, int(20 * scale), True, room_width))
        p.drawText(line1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, c.name)
        # the bar
        bar = QRectF(pad, line1.bottom() + 6 * scale, w - 2 * pad, 18 * scale)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#d9dee5"))
        p.drawRoundedRect(bar, 4 * scale, 4 * scale)
        share = min(1.0, c.inside / c.capacity) if c.capacity > 0 else 1.0
        if share > 0:
            filled = QRectF(bar.left(), bar.top(), max(bar.height(), bar.width() * share), bar.height())
            p.setBrush(colour)
            p.drawRoundedRect(filled, 4 * scale, 4 * scale)
        # the level in words (coloured) and the peak
        line3 = QRectF(pad, bar.bottom() + 4 * scale, w - 2 * pad, 26 * scale)
        p.setPen(colour.darker(115) if c.level is not Level.FULL else colour)
        level = self.level_text()
        peak = "" if self.large else self.peak_text()
        peak_font = _font(14)
        level_width = line3.width() - (QFontMetrics(peak_font).horizontalAdvance(peak) + pad if peak else 0)
        p.setFont(_fitted(level, int(17 * scale), c.level is not Level.OK, level_width))
        p.drawText(line3, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, level)
        if peak:
            p.setPen(QColor("#55606e"))
            p.setFont(peak_font)
            p.drawText(line3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, peak)
        p.end()


class OccupancyPanel(QWidget):
    """A gauge per room, the station's own room first."""

    def __init__(self, timezone: str, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.large = large
        self.gauges: dict[int, RoomGauge] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(24 if large else 4)

    def set_counts(self, counts: Sequence[RoomCount]) -> None:
        ids = [c.id for c in counts]
        if ids != list(self.gauges):
            for gauge in self.gauges.values():
                gauge.deleteLater()
            self.gauges = {}
            for c in counts:
                gauge = RoomGauge(self.timezone, self.large, self)
                self._layout.addWidget(gauge)
                self.gauges[c.id] = gauge
        for c in counts:
            self.gauges[c.id].set_count(c)


class OccupancyDisplay(QWidget):
    """The large occupancy window for a second screen facing the door (Escape or F4 closes it)."""

    closed = Signal()

    def __init__(self, event_name: str, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Zajętość sal — {event}").format(event=event_name))
        self.setObjectName("occupancyDisplay")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#ffffff"))
        self.setPalette(palette)
        self.panel = OccupancyPanel(timezone, large=True, parent=self)
        title = QLabel(event_name)
        title.setWordWrap(True)
        title.setFont(_font(30, bold=True))
        title.setStyleSheet("color: #55606e")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 36)
        layout.addWidget(title)
        layout.addWidget(self.panel, 1)
        self.resize(1280, 720)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F4):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)


class RoomPoller(QObject):
    """Polls room_counts every POLL_MS on its own worker; emits the counts when they change."""

    counts = Signal(object)  # list[RoomCount]
    failed = Signal(object)

    def __init__(self, engine: Engine, event_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.event_id = event_id
        self.latest: list[RoomCount] = []
        self.worker = SerialWorker("rooms", self)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._failing = False
        self._version = 0

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def poll(self) -> None:
        if self.worker.pending("counts"):
            return  # the previous poll is still running (a slow server): do not pile up
        version = self._version
        self.worker.submit(lambda: room_counts(self.engine, self.event_id),
                           lambda counts: self._got(counts, version), self._error, channel="counts")

    def apply(self, count: RoomCount) -> None:
        """A fresher count of one room (from this station's own verdict) shown at once."""
        self._version += 1  # a poll that started before this action must not undo it on screen
        counts = [count if c.id == count.id else c for c in self.latest]
        if count.id not in {c.id for c in self.latest}:
            return
        self._got(counts, self._version)

    def _got(self, counts: list[RoomCount], version: int) -> None:
        self._failing = False
        if version != self._version:
            return
        if counts != self.latest:
            self.latest = counts
            self.counts.emit(counts)

    def _error(self, exc: BaseException) -> None:
        # One report per outage, not one every half second.
        if not self._failing:
            self._failing = True
            self.failed.emit(exc)

    def stop(self) -> None:
        self._timer.stop()
        self.worker.stop()
