"""Handing a badge PDF to the system's print spooler from the command line (CUPS: Linux, macOS).

The app prints through Qt (ui.print_queue), which works on Windows too; this is for
`checkin badges --printer NAME`, which sends the PDF itself, so the printer gets vector text.
"""

import re
import shutil
import subprocess
from pathlib import Path

from ..errors import UserError
from .layouts import A4

_REQUEST = re.compile(r"request id is (\S+)")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise UserError(
            "Drukowanie z wiersza poleceń wymaga systemu CUPS (polecenie lp), którego tu nie ma. "
            "Wydrukuj zapisany plik PDF albo drukuj z okna programu."
        )
    return path


def check_printer(printer: str) -> None:
    """UserError unless CUPS knows a printer of this name (checked before anything is written)."""
    done = subprocess.run([_tool("lpstat"), "-p", printer], capture_output=True, text=True,
                          timeout=30, check=False)
    if done.returncode != 0:
        listed = subprocess.run([_tool("lpstat"), "-e"], capture_output=True, text=True,
                                timeout=30, check=False).stdout.split()
        known = ", ".join(listed) if listed else "brak"
        raise UserError(f"Nie ma drukarki „{printer}”. Dostępne drukarki: {known}.")


def media(page_mm: tuple[float, float]) -> str:
    """CUPS's name for a paper size: A4, or a custom size such as a label's."""
    if page_mm == A4:
        return "A4"
    return f"Custom.{page_mm[0]:g}x{page_mm[1]:g}mm"


def send_to_printer(pdf: Path, printer: str, title: str, page_mm: tuple[float, float]) -> str:
    """Queue the PDF on the printer on paper of page_mm; returns the job id (e.g. 'PDF-12').

    The paper size is asked for explicitly: without it CUPS puts a label on the printer's
    default paper (A4 or Letter).
    """
    done = subprocess.run(
        [_tool("lp"), "-d", printer, "-t", title, "-o", f"media={media(page_mm)}", "--", str(pdf)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    if done.returncode != 0:
        reason = done.stderr.strip() or done.stdout.strip()
        raise UserError(f"Drukarka „{printer}” nie przyjęła wydruku: {reason}. "
                        f"Plik PDF został zapisany: {pdf}")
    match = _REQUEST.search(done.stdout)
    return match.group(1) if match else ""
