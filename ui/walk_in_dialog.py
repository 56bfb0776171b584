"""Registering someone who is not on the list: three fields, Enter registers and admits.

The dialog stays open while the door works on it, so a refusal (missing surname, a full room)
is shown where the volunteer is typing, and nothing typed is lost.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class WalkIn:
    first_name: str
    last_name: str
    organization: str
    email: str


class WalkInDialog(QDialog):
    submitted = Signal(object)  # WalkIn

    def __init__(self, parent: QWidget | None = None, print_on_arrival: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Osoba spoza listy"))
        self.setObjectName("walkInDialog")
        self.setMinimumWidth(560)
        font = QFont(self.font())
        font.setPixelSize(20)
        self.setFont(font)
        self.first = self._field("walkInFirst")
        self.last = self._field("walkInLast")
        self.organization = self._field("walkInOrganization")
        self.email = self._field("walkInEmail")
        intro = QLabel(self.tr("Wpisz dane osoby, której nie ma na liście. Enter zapisuje i wpuszcza."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("&Imię:"), self.first)
        form.addRow(self.tr("&Nazwisko:"), self.last)
        form.addRow(self.tr("&Organizacja:"), self.organization)
        form.addRow(self.tr("&E-mail (nieobowiązkowy):"), self.email)
        self.error = QLabel()
        self.error.setObjectName("walkInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        label = self.tr("Zapisz, wpuść i drukuj") if print_on_arrival else self.tr("Zapisz i wpuść")
        self.ok = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.first.setFocus()

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(200)
        edit.setMinimumHeight(36)
        return edit

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        # Enter in any field registers (not only on the default button).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return
        super().keyPressEvent(event)

    def walk_in(self) -> WalkIn:
        return WalkIn(self.first.text().strip(), self.last.text().strip(),
                      self.organization.text().strip(), self.email.text().strip())

    def _submit(self) -> None:
        if not self.ok.isEnabled():
            return  # already sent; waiting for the door
        data = self.walk_in()
        if not data.first_name or not data.last_name:
            self.show_error(self.tr("Wpisz imię i nazwisko."))
            (self.first if not data.first_name else self.last).setFocus()
            return
        self.error.hide()
        self.set_busy(True)
        self.submitted.emit(data)

    def set_busy(self, busy: bool) -> None:
        self.ok.setEnabled(not busy)
        for edit in (self.first, self.last, self.organization, self.email):
            edit.setReadOnly(busy)

    def show_error(self, text: str) -> None:
        """The door refused: say why, keep what was typed, let the volunteer correct it."""
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
