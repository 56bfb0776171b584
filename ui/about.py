"""The About box: the program's name and version (from the package metadata, i.e. pyproject)."""

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from checkin import __version__


def about_text() -> str:
    """The box's text: version first, then what a bug report needs (Qt, Python, system)."""
    lines = [
        QCoreApplication.translate("About", "Rejestracja gości przy wejściu na wydarzenie"),
        QCoreApplication.translate("About", "Wersja {version}").format(version=__version__),
        "",
        f"Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}",
        f"{platform.system()} {platform.release()}",
    ]
    return "\n".join(lines)


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "O programie"), about_text())
