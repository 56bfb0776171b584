"""The large verdict panel: colour, icon and words — what happened and what to do now."""

from functools import lru_cache

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from checkin.resources import resource

from .door import Presentation

ICON_SIZE = 112


@lru_cache(maxsize=16)
def icon_pixmap(name: str, size: int, ratio: float) -> QPixmap:
    icon = QIcon(str(resource("icons", name)))
    return icon.pixmap(QSize(size, size), ratio)


# Pixel sizes at full scale; a long text shrinks them together (never below MIN_PX) to fit.
SIZES = {"headline": 44, "name": 38, "organization": 24, "instruction": 30, "detail": 20}
MIN_PX = 18


def _label(name: str, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(f"verdict_{name}")
    font = QFont()
    font.setPixelSize(SIZES[name])
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    return label


class VerdictPanel(QFrame):
    """Draws a Presentation; the override button appears only where a supervisor may act."""

    overrideRequested = Signal()
    painted = Signal(object)  # a Presentation was just painted, labels and all (bench, tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(240)
        self.presentation: Presentation | None = None
        self.icon = QLabel()
        self.icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = _label("headline", bold=True)
        self.name = _label("name", bold=True)
        self.organization = _label("organization")
        self.instruction = _label("instruction", bold=True)
        self.detail = _label("detail")
        self.labels = {"headline": self.headline, "name": self.name, "organization": self.organization,
                       "instruction": self.instruction, "detail": self.detail}
        self.override = QPushButton(self.tr("Wpuść ponad limit (koordynator, F8)"))
        self.override.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.override.setMinimumHeight(44)
        self.override.clicked.connect(self.overrideRequested)
        self.override.hide()

        words = QVBoxLayout()
        words.setSpacing(4)
        for label in self.labels.values():
            words.addWidget(label)
        words.addSpacing(6)
        words.addWidget(self.override, 0, Qt.AlignmentFlag.AlignLeft)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(24)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self._words, self._outer = words, layout

    def show_presentation(self, presentation: Presentation) -> None:
        self.presentation = presentation
        style = presentation.style
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(style.foreground))
        self.setPalette(palette)
        self.icon.setPixmap(icon_pixmap(style.icon, ICON_SIZE, self.devicePixelRatioF()))
        self.icon.setAccessibleName(presentation.headline)
        texts = {"headline": presentation.headline, "name": presentation.name,
                 "organization": presentation.organization, "instruction": presentation.instruction,
                 "detail": presentation.detail}
        for key, label in self.labels.items():
            label.setText(texts[key])
            label.setVisible(bool(texts[key]))
        self.override.setVisible(presentation.can_override)
        self.setAccessibleDescription(f"{presentation.headline}. {presentation.instruction}")
        self._fit()
        if self.isVisible():
            # Painted now, not at the platform's next update tick (up to 5 ms later): the
            # verdict is the one thing on this screen that must appear the moment it is known.
            self.repaint()
            self.painted.emit(presentation)

    def _text_width(self) -> int:
        margins = self._outer.contentsMargins()
        return max(100, self.width() - margins.left() - margins.right() - ICON_SIZE - self._outer.spacing())

    def _needed(self, scale: float, width: int) -> int:
        spacing = self._words.spacing()
        total = 18 + 18 + 6  # margins and the gap above the button
        for key, label in self.labels.items():
            if label.isVisibleTo(self):
                font = label.font()
                font.setPixelSize(max(MIN_PX, round(SIZES[key] * scale)))
                rect = QFontMetrics(font).boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap,
                                                      label.text())
                total += rect.height() + spacing
        if self.override.isVisibleTo(self):
            total += self.override.sizeHint().height()
        return total

    def _fit(self) -> None:
        """Shrink the fonts together until the words fit the panel (long names, long advice)."""
        width, scale = self._text_width(), 1.0
        while scale > 0.55 and self._needed(scale, width) > self.height():
            scale -= 0.05
        for key, label in self.labels.items():
            font = label.font()
            size = max(MIN_PX, round(SIZES[key] * scale))
            if font.pixelSize() != size:
                font.setPixelSize(size)
                label.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.presentation is not None:
            self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colour = self.presentation.style.background if self.presentation else "#eef1f5"
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(self.rect(), 14, 14)
        painter.end()
        super().paintEvent(event)
