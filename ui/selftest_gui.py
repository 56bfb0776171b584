"""The window's part of `checkin self-test`: what goes missing in a frozen build shows here.

Qt plugins (the platform, SVG icons, QtPdf, QtMultimedia), Qt's and our translations, the package
metadata behind the About box, and the door window itself: built on the self-test's database, a
scan typed into its field as a USB scanner types it must come back as a verdict on the panel.
Runs on the offscreen platform unless `checkin self-test --show` asks for the real display.
"""

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSize, Qt, QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QImageReader, QKeyEvent
from PySide6.QtPdf import QPdfDocument

from checkin import __version__
from checkin.db import open_database
from checkin.events import event_info
from checkin.resources import resource
from checkin.selftest import GuiContext, StepFailed
from checkin.verdicts import Verdict, VerdictKind

from .about import about_text
from .app import create_application
from .i18n import install_translations
from .main_window import MainWindow
from .settings import LANGUAGES, Settings

WAIT_S = 20.0  # a first scan on a cold laptop (or a slow CI) takes well under a second


def _wait(what: str, done: Callable[[], bool], timeout_s: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise StepFailed(f"timed out after {timeout_s:.0f} s waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _icons() -> str:
    if b"svg" not in QImageReader.supportedImageFormats():
        raise StepFailed("Qt cannot read SVG (the imageformats/qsvg plugin is missing)")
    names = sorted(p.name for p in resource("icons").glob("*.svg"))
    for name in names:
        if QIcon(str(resource("icons", name))).pixmap(48, 48).isNull():
            raise StepFailed(f"icon {name} does not render (the iconengines/qsvgicon plugin is missing?)")
    return f"{len(names)} SVG icons render"


def _translations() -> str:
    """Qt's own Polish (standard buttons) and every shipped translation of ours load."""
    install_translations("pl")
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if cancel != "Anuluj":
        raise StepFailed(f"Qt's Polish translation is missing (Cancel → {cancel!r}): qtbase_pl.qm")
    loaded, notes = ["pl"], []
    for language in LANGUAGES:
        if language == "pl":
            continue
        try:
            path = resource("i18n", f"checkin_{language}.qm")
        except FileNotFoundError:
            notes.append(f"{language} not shipped")
            continue
        if install_translations(language) != language:
            raise StepFailed(f"translation {path.name} is shipped but does not load")
        loaded.append(language)
        ours = QTranslator()
        if ours.load(str(path)) and ours.isEmpty():  # the .ts has no finished translation yet
            notes.append(f"{language} has no finished strings")
    install_translations("pl")
    return "translations " + ", ".join(loaded) + " load" + (f" ({'; '.join(notes)})" if notes else "")


def _about() -> str:
    if __version__.startswith("0.0.0"):
        raise StepFailed("the package metadata is missing: no version for `--version` and About")
    if __version__ not in about_text():
        raise StepFailed("the About box does not show the version")
    return f"About shows version {__version__}"


def _pdf(context: GuiContext) -> str:
    """The badge through QtPdf, the way the print queue renders pages for the printer."""
    doc = QPdfDocument()
    if doc.load(str(context.badge_pdf)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
        raise StepFailed(f"QtPdf cannot open {context.badge_pdf.name} ({doc.status().name})")
    page: QImage = doc.render(0, QSize(210, 297))
    inked = page.pixelColor(0, 0) != QColor("white") or any(
        page.pixelColor(x, y).lightness() < 128 for x in range(0, 210, 3) for y in range(0, 297, 3))
    if page.isNull() or not inked:
        raise StepFailed("QtPdf rendered the badge as an empty page")
    text = doc.getAllText(0).text()
    if "".join(context.guest_name.split()) not in "".join(text.split()):
        raise StepFailed(f"QtPdf does not find „{context.guest_name}” in the badge")
    doc.close()
    return "QtPdf renders the badge"


def _multimedia() -> str:
    """QtMultimedia with its media back end (a plugin): sounds and the camera need both.

    Without the back end Qt only logs "No QtMultimedia backends found" and the app stays silent;
    a back end that loaded knows file formats it can decode.
    """
    from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

    formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    if not formats:
        raise StepFailed("QtMultimedia has no media back end (plugins/multimedia missing or not loadable)")
    return (f"QtMultimedia back end decodes {len(formats)} formats "
            f"({len(QMediaDevices.audioOutputs())} audio outputs here)")


def _type(window: MainWindow, text: str) -> None:
    """Keys into the scan field, then Enter, as a keyboard-wedge scanner sends them."""
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else Qt.Key.Key_unknown.value
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(window.field,
                                       QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(window.field, QKeyEvent(kind, Qt.Key.Key_Return.value,
                                                           Qt.KeyboardModifier.NoModifier, "\r"))


def _window(context: GuiContext) -> str:
    engine = open_database(context.database)
    settings = Settings()  # in the self-test's own CHECKIN_HOME
    settings.station = "Self-test window"
    settings.sound = False
    window = MainWindow(engine, event_info(engine, context.event_id), settings)
    verdicts: list[Verdict] = []
    window.desk.client.verdict.connect(verdicts.append)
    try:
        window.resize(1366, 768)
        window.show()
        _wait("the door to open", lambda: window.desk.client.room_id != 0)
        _type(window, context.code)
        _wait("the verdict of a scan", lambda: bool(verdicts))
        kind = verdicts[0].kind
        if kind is not VerdictKind.WELCOME_BACK:
            raise StepFailed(f"a scan in the window gave {kind.value}, not welcome_back")
        _wait("the verdict panel", lambda: window.panel.presentation is not None
              and window.panel.presentation.kind is kind)
        if window.panel.presentation is not None and context.guest_name not in window.panel.presentation.name:
            raise StepFailed(f"the panel shows {window.panel.presentation.name!r}, not the guest")
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
        engine.dispose()
    return f"door window scan → {kind.value}"


def check_gui(context: GuiContext) -> str:
    """Everything the frozen build needs for the window; a description, or StepFailed."""
    create_application()
    return "; ".join([
        f"{QGuiApplication.platformName()} platform", _icons(), _translations(), _about(),
        _window(context), _pdf(context), _multimedia(),
    ])
