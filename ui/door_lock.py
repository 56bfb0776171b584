"""Door-only mode and the supervisor PIN that guards settings, overrides and leaving that mode.

The PIN is stored only as a salted PBKDF2 hash in the settings. After several wrong tries the
gate refuses for a while, so a PIN cannot be guessed at an unattended station.
"""

import hashlib
import hmac
import secrets
import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from .settings import Settings

ITERATIONS = 120_000
MIN_LENGTH = 4
MAX_FAILURES = 5
LOCKOUT_S = 60.0
OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)


class PinDialog(QDialog):
    """Asks for the PIN (or, with `new`, a new PIN twice)."""

    def __init__(self, purpose: str, parent: QWidget | None = None, new: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PIN koordynatora"))
        self.new = new
        self.pin_edit = self._field()
        self.repeat_edit = self._field()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e; font-weight: bold")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("PIN:") if not new else self.tr("Nowy PIN:"), self.pin_edit)
        if new:
            form.addRow(self.tr("Powtórz PIN:"), self.repeat_edit)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = QLabel(purpose)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.pin_edit.setFocus()

    def _field(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(32)
        edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        return edit

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.pin_edit.clear()
        self.repeat_edit.clear()
        self.pin_edit.setFocus()

    def _check(self) -> None:
        pin = self.pin_edit.text()
        if self.new:
            if len(pin) < MIN_LENGTH:
                self.show_error(self.tr("PIN musi mieć co najmniej {n} znaki.").format(n=MIN_LENGTH))
                return
            if pin != self.repeat_edit.text():
                self.show_error(self.tr("PIN-y się różnią. Wpisz je jeszcze raz."))
                return
        self.accept()

    def pin(self) -> str:
        return self.pin_edit.text()


class DoorLock:
    """The supervisor gate: checks the PIN, counts failures, sets a new PIN."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._failures = 0
        self._locked_until = 0.0

    @property
    def is_set(self) -> bool:
        return bool(self.settings.pin_hash)

    def set_pin(self, pin: str) -> None:
        self.settings.pin_hash = hash_pin(pin)
        self.settings.sync()

    def check(self, pin: str) -> bool:
        """True for the right PIN; refuses everything for a while after too many wrong tries."""
        if time.monotonic() < self._locked_until:
            return False
        if verify_pin(pin, self.settings.pin_hash):
            self._failures = 0
            return True
        self._failures += 1
        if self._failures >= MAX_FAILURES:
            self._failures = 0
            self._locked_until = time.monotonic() + LOCKOUT_S
        return False

    @property
    def locked_out(self) -> bool:
        return time.monotonic() < self._locked_until

    def ask(self, parent: QWidget | None, purpose: str, *, confirm_without_pin: bool = False) -> bool:
        """True if the supervisor confirmed; without a PIN set, a plain confirmation (or yes)."""
        if not self.is_set:
            if not confirm_without_pin:
                return True
            title = QCoreApplication.translate("PinDialog", "Potwierdzenie")
            answer = QMessageBox.question(parent, title, purpose)
            return answer == QMessageBox.StandardButton.Yes
        dialog = PinDialog(purpose, parent)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.check(dialog.pin()):
                return True
            if self.locked_out:
                text = QCoreApplication.translate("PinDialog", "Zbyt wiele prób. Spróbuj ponownie za minutę.")
            else:
                text = QCoreApplication.translate("PinDialog", "Nieprawidłowy PIN.")
            dialog.show_error(text)
        return False

    def choose_new(self, parent: QWidget | None) -> bool:
        """Ask for a new PIN twice and store it; False if cancelled."""
        text = QCoreApplication.translate("PinDialog", "Ustaw PIN koordynatora (co najmniej 4 znaki).")
        dialog = PinDialog(text, parent, new=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.set_pin(dialog.pin())
        return True
