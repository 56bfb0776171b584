"""The desktop application: Qt set-up, translations, logging, the error hook, and the window's life.

`run()` is what `checkin` / `checkin gui` call. An unexpected error never shows a traceback: it
goes to the log file, and the volunteer sees a short message on the door panel (or in a box
when there is no window yet).
"""

import logging
import os
import sys
import time
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from checkin.errors import UserError
from checkin.logs import configure_logging
from checkin.resources import resource

from . import qt_fixes  # noqa: F401  (before anything emits a signal)
from .i18n import install_translations
from .main_window import MainWindow
from .settings import Settings
from .start import Opened, StartDialog, choose_database, open_current

log = logging.getLogger(__name__)

BASE_FONT_PX = 15  # readable at arm's length on a 1366×768 laptop

_window: MainWindow | None = None  # the door window, for the error hook


def error_message() -> str:
    return QApplication.translate(
        "App", "Wystąpił nieoczekiwany błąd. Program działa dalej; szczegóły zapisano w pliku {path}"
    ).format(path=configure_logging())


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: log the traceback, show the volunteer a sentence, keep running."""
    if issubclass(exc_type, KeyboardInterrupt):
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    configure_logging()  # idempotent; the record must reach the file even outside run()
    log.critical("unexpected error", exc_info=(exc_type, exc, tb))
    try:
        text = str(exc) if isinstance(exc, UserError) else error_message()
        if _window is not None and _window.isVisible():
            _window.desk.screen.show_error(text)
            _window.statusBar().showMessage(text, 15000)
        elif QApplication.instance() is not None:
            box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("App", "Błąd"), text)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
    except Exception:  # the hook itself must never raise
        log.exception("could not show the error message")


def install_exception_hook() -> None:
    sys.excepthook = handle_exception


def create_application(argv: list[str] | None = None) -> QApplication:
    # Without an audio device the multimedia back end lists every library it could not load;
    # that only means "no sound", which the app handles (ui.sounds).
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName("checkin")
    app.setApplicationName("checkin")
    app.setApplicationDisplayName(QApplication.translate("App", "Rejestracja gości"))
    app.setWindowIcon(QIcon(str(resource("icons", "app.svg"))))
    font = QFont(app.font())
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)
    return app


def when_focused(field: QWidget, callback: Callable[[], None]) -> None:
    """Call back once the field really has the keyboard focus (window activation is asynchronous)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def check(_old: object = None, new: object = None) -> None:
        if field.hasFocus() or new is field:
            app.focusChanged.disconnect(check)
            callback()

    app.focusChanged.connect(check)
    if field.hasFocus():
        check()


class AppController(QObject):
    """Opens the event, shows the window, and rebuilds it after a language or database change."""

    def __init__(self, settings: Settings, db_override: str | None, sample: bool = False,
                 on_ready: Callable[[MainWindow], None] | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.db_override = db_override
        self.sample = sample
        self.on_ready = on_ready
        self.window: MainWindow | None = None
        self.opened: Opened | None = None

    def start(self) -> bool:
        """Open the last event (or ask); False when the volunteer closed the start dialog."""
        database = choose_database(self.settings, self.db_override)
        if self.sample:
            opened = self._ask(database, "", sample=True)
        else:
            try:
                opened = open_current(database)
            except UserError as exc:
                opened = self._ask(database, str(exc))
        if opened is None:
            return False
        self._show(opened)
        return True

    def _ask(self, database: str, problem: str, sample: bool = False) -> Opened | None:
        dialog = StartDialog(database, problem)
        if sample:
            QTimer.singleShot(0, dialog.start_sample)
        dialog.exec()
        return dialog.opened

    def _show(self, opened: Opened) -> None:
        global _window
        self.opened = opened
        self.settings.database = opened.database
        self.settings.last_event_id = opened.event.id
        self.settings.last_event_database = opened.database
        self.settings.sync()
        window = MainWindow(opened.engine, opened.event, self.settings)
        window.reopenRequested.connect(self._reopen)
        self.window = _window = window
        window.resize(1366, 768)
        screen = QGuiApplication.primaryScreen()
        if screen is not None and screen.availableSize().width() <= 1440:
            window.showMaximized()
        else:
            window.show()
        window.activateWindow()
        window.field.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if opened.pending_import is not None:
            QTimer.singleShot(0, lambda: window.guests.open_import(window, opened.pending_import))
        if self.on_ready is not None:
            when_focused(window.field, lambda: self.on_ready(window) if self.on_ready else None)

    def _reopen(self, why: str) -> None:
        """A language or database change, or another event: close this window, open anew."""
        old, opened = self.window, self.opened
        if old is None or opened is None:
            return
        old.reopenRequested.disconnect(self._reopen)
        old.close()
        old.deleteLater()
        install_translations(self.settings.language)
        database = choose_database(self.settings, None)
        if why == "event":
            new = self._ask(database, "")
        elif database != opened.database:
            try:
                new = open_current(database)
            except UserError as exc:
                new = self._ask(database, str(exc))
        else:
            new = opened
        if new is None:
            new = opened  # the volunteer cancelled: back to where they were
        if new.engine is not opened.engine:
            opened.engine.dispose()
        self._show(new)

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.opened is not None:
            self.opened.engine.dispose()


def run(db: str | None = None, sample: bool = False,
        on_ready: Callable[[QWidget], None] | None = None) -> int:
    """Open the window; returns the exit code when it is closed."""
    started = time.perf_counter()
    app = create_application()
    configure_logging()
    install_exception_hook()
    settings = Settings()
    install_translations(settings.language)
    controller = AppController(settings, db, sample, on_ready)
    if not controller.start():
        return 0
    log.info("window ready in %.0f ms", (time.perf_counter() - started) * 1000)
    try:
        return app.exec()
    finally:
        controller.shutdown()
