"""The large verdict panel: colour, icon and words — what happened and what to do now."""

from functools import lru_cache

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from checkin.resources import resource

from .door import Presentation

ICON_SIZE = 112


@lru_cache(maxsize=16)
def icon_pixmap(name: str, size: int, ratio: float) -> QPixmap:
    icon = QIcon(str(resource("icons", name)))
    return icon.pixmap(QSize(size, size), ratio)


def _label(pixels: int, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class VerdictPanel(QFrame):
    """Draws a Presentation; the override button appears only where a supervisor may act."""

    overrideRequested = Signal()
    painted = Signal(object)  # the Presentation now on screen (for the bench and tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(260)
        self.presentation: Presentation | None = None
        self._painted: Presentation | None = None
        self.icon = QLabel()
        self.icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = _label(40, bold=True)
        self.headline.setObjectName("verdictHeadline")
        self.name = _label(40, bold=True)
        self.name.setObjectName("verdictName")
        self.organization = _label(24)
        self.instruction = _label(28)
        self.instruction.setObjectName("verdictInstruction")
        self.detail = _label(18)
        self.override = QPushButton(self.tr("Wpuść ponad limit (koordynator, F8)"))
        self.override.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.override.setMinimumHeight(44)
        self.override.clicked.connect(self.overrideRequested)
        self.override.hide()

        top = QHBoxLayout()
        top.setSpacing(20)
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(self.headline)
        words.addWidget(self.name)
        words.addWidget(self.organization)
        top.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.instruction)
        layout.addStretch(1)
        layout.addWidget(self.detail)
        layout.addWidget(self.override, 0, Qt.AlignmentFlag.AlignLeft)

    def show_presentation(self, presentation: Presentation) -> None:
        self.presentation = presentation
        style = presentation.style
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(style.foreground))
        self.setPalette(palette)
        self.icon.setPixmap(icon_pixmap(style.icon, ICON_SIZE, self.devicePixelRatioF()))
        self.icon.setAccessibleName(presentation.headline)
        self.headline.setText(presentation.headline)
        for label, text in ((self.name, presentation.name), (self.organization, presentation.organization),
                            (self.instruction, presentation.instruction), (self.detail, presentation.detail)):
            label.setText(text)
            label.setVisible(bool(text))
        self.override.setVisible(presentation.can_override)
        self.setAccessibleDescription(f"{presentation.headline}. {presentation.instruction}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colour = self.presentation.style.background if self.presentation else "#eef1f5"
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(self.rect(), 14, 14)
        painter.end()
        super().paintEvent(event)
        if self.presentation is not self._painted:
            self._painted = self.presentation
            self.painted.emit(self.presentation)
