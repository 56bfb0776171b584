"""System printers through Qt: choosing one in a print dialog, and printing a PDF onto it.

Printing goes through QPrinter, so the same code reaches Windows, macOS and CUPS printers: each
page of the PDF is rendered by QPdfDocument to an image at the printer's resolution (at most
MAX_DPI) and painted on the page, which is set to the PDF page's own size without margins.
print_pdf() blocks until the job is handed to the system, so it runs on a worker thread (see
ui.print_queue); choose_printer() shows a dialog and belongs to the GUI thread.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

MAX_DPI = 300  # enough for a QR code's modules and small type; A4 at 300 dpi is a 35 MB image
_CONTEXT = "Printers"


class PrintError(Exception):
    """A print job could not be handed to the printer; the message is for the volunteer."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def choose_printer(parent: QWidget | None = None, current: str | None = None) -> str | None:
    """Show the system's print dialog once; the chosen printer's name, or None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if current:
        info = QPrinterInfo.printerInfo(current)
        if not info.isNull():
            printer.setPrinterName(info.printerName())
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Drukarka identyfikatorów"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    name = printer.printerName()
    return name or None


def _printer(name: str, page_mm: tuple[float, float], doc_name: str) -> QPrinter:
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintError(_tr("Drukarka „%1” nie jest dostępna. Wybierz drukarkę w ustawieniach.")
                         .replace("%1", name))
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    printer.setFullPage(True)
    size = QPageSize(QSizeF(*page_mm), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    # A printer that refuses the custom size keeps its own; the page is then scaled to fit.
    printer.setPageSize(size)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    return printer


def _target(paper: QRectF, page: QSizeF) -> QRectF:
    """The largest rectangle of the page's proportions in the paper, at its top left."""
    scale = min(paper.width() / page.width(), paper.height() / page.height())
    return QRectF(paper.x(), paper.y(), page.width() * scale, page.height() * scale)


def print_pdf(pdf: Path, printer_name: str, page_mm: tuple[float, float], doc_name: str) -> None:
    """Print every page of a PDF on the named printer; PrintError says why it could not."""
    doc = QPdfDocument()
    if doc.load(str(pdf)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
        raise PrintError(_tr("Nie można odczytać pliku identyfikatora do druku."))
    try:
        printer = _printer(printer_name, page_mm, doc_name)
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        refused = _tr("Drukarka „%1” nie przyjęła zadania.").replace("%1", printer_name)
        if not painter.begin(printer):
            raise PrintError(refused)
        try:
            for index in range(doc.pageCount()):
                if index:
                    printer.newPage()
                points = doc.pagePointSize(index)
                image = doc.render(index, QSize(round(points.width() / 72 * dpi),
                                                round(points.height() / 72 * dpi)))
                if image.isNull():
                    raise PrintError(_tr("Nie udało się przygotować strony do druku."))
                painter.drawImage(_target(printer.paperRect(QPrinter.Unit.DevicePixel), points), image)
        except BaseException:
            printer.abort()  # half a job never reaches the printer
            painter.end()
            raise
        if not painter.end():  # end() hands the job to the system's spooler
            raise PrintError(refused)
    finally:
        doc.close()
