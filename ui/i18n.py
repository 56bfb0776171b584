"""Loading translations: the app's own (resources/i18n/checkin_<lang>.qm) and Qt's for its dialogs.

The source strings are Polish, so Polish needs only Qt's own translation (standard buttons such
as "Anuluj"); English loads checkin_en.qm, compiled from the .ts by scripts/setup.sh.
"""

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from checkin.resources import resource

from .settings import LANGUAGES

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def install_translations(language: str) -> str:
    """Install the translators for the language ('pl' or 'en'); returns the language in effect."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translations needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = "pl"
    if language != "pl":
        ours = QTranslator()
        try:
            path = resource("i18n", f"checkin_{language}.qm")
        except FileNotFoundError:
            log.warning("translation checkin_%s.qm missing (run scripts/setup.sh): Polish", language)
            language = "pl"
        else:
            if ours.load(str(path)):
                app.installTranslator(ours)
                _installed.append(ours)
            else:
                log.warning("translation %s could not be loaded: Polish", path)
                language = "pl"
    qt = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(language), "qtbase", "_", qt_folder):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    return language
