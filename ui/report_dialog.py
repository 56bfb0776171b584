"""After the event, in the app: the summary on screen with its chart, exports, where the data is.

Everything slow (reading the log, writing an XLSX or a PDF) runs on a worker thread; the dialog
shows the outcome when it comes back. The figures are the ones the report PDF prints.
"""

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from checkin.errors import UserError
from checkin.events import EventInfo
from checkin.exports import write_export
from checkin.privacy import data_locations
from checkin.report import Report, build_report
from checkin.zones import local_text

from .workers import SerialWorker

log = logging.getLogger(__name__)

# format -> (file suffix, file dialog filter)
FORMATS = {
    "csv": (".csv", "CSV (*.csv)"),
    "xlsx": (".xlsx", "Excel (*.xlsx)"),
    "attendance-pdf": (".pdf", "PDF (*.pdf)"),
    "report-pdf": (".pdf", "PDF (*.pdf)"),
}


def export_file(engine: Engine, event: EventInfo, fmt: str, out: Path) -> Path:
    """Write one export (runs on the worker thread); the same files as `checkin export`."""
    return write_export(engine, event, fmt, out, delimiter=";")  # Polish Excel opens ; at once


class ArrivalsChart(QWidget):
    """Arrivals per 5 minutes as bars, painted directly (no chart module needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._arrivals: tuple[tuple[datetime, int], ...] = ()
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Wykres przybyć na 5 minut"))

    def set_arrivals(self, arrivals: tuple[tuple[datetime, int], ...]) -> None:
        self._arrivals = arrivals
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802  (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(36, 10, -10, -28)
        p.setPen(QPen(self.palette().text().color()))
        if not self._arrivals:
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("Nikt jeszcze nie wszedł."))
            return
        top = max(1, max(n for _, n in self._arrivals))
        slot = min(48.0, area.width() / len(self._arrivals))  # one early bucket is no wall
        every = max(1, round(len(self._arrivals) / max(1, area.width() // 60)))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.8))
        p.setFont(small)
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawText(QRectF(0, area.top() - 6, 32, 14), Qt.AlignmentFlag.AlignRight, str(top))
        p.drawText(QRectF(0, area.bottom() - 8, 32, 14), Qt.AlignmentFlag.AlignRight, "0")
        for i, (when, count) in enumerate(self._arrivals):
            h = area.height() * count / top
            bar = QRectF(area.left() + i * slot + slot * 0.12, area.bottom() - h, slot * 0.76, h)
            p.fillRect(bar, QColor("#2f6db5"))
            if i % every == 0:
                p.drawText(QRectF(area.left() + i * slot - 20, area.bottom() + 4, 40 + slot, 18),
                           Qt.AlignmentFlag.AlignLeft, when.strftime("%H:%M"))


class ReportDialog(QDialog):
    """The event's figures, the arrivals chart, exports and where the data is kept."""

    reportShown = Signal(object)  # Report, once loaded
    exported = Signal(object)  # Path of a finished export
    exportFailed = Signal(str)  # the message shown to the volunteer

    def __init__(self, engine: Engine, event: EventInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.event_info = event  # not "event": that name is QObject.event(), which Qt calls
        self.report: Report | None = None
        self._worker = SerialWorker("report", self)
        self.setWindowTitle(self.tr("Podsumowanie i eksport"))
        self.resize(820, 640)

        self._figures = QFormLayout()
        self._rooms = QFormLayout()
        figures_box = QGroupBox(self.tr("Liczby"))
        figures_box.setLayout(self._figures)
        rooms_box = QGroupBox(self.tr("Obłożenie sal"))
        rooms_box.setLayout(self._rooms)
        top = QHBoxLayout()
        top.addWidget(figures_box, 3)
        top.addWidget(rooms_box, 2)

        self.chart = ArrivalsChart(self)
        chart_box = QGroupBox(self.tr("Przybycia na 5 minut"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.chart)

        buttons = QHBoxLayout()
        for fmt, text in [("csv", self.tr("Eksport CSV")), ("xlsx", self.tr("Eksport XLSX")),
                          ("attendance-pdf", self.tr("Lista obecności (PDF)")),
                          ("report-pdf", self.tr("Raport (PDF)"))]:
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, f=fmt: self.choose_and_export(f))
            buttons.addWidget(button)

        places = data_locations(engine)
        self.where = QLabel(self.tr(
            "Baza danych: {db}\nKopie zapasowe: {backups}\nDziennik: {logs}\n"
            "Po wydarzeniu usuń dane osobowe poleceniem: checkin purge"
        ).format(db=places["database"], backups=places["backups"], logs=places["logs"]), self)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setWordWrap(True)
        self.status = QLabel(self.tr("Wczytywanie…"), self)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(chart_box, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.where)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self._worker.submit(lambda: build_report(self.engine, self.event_info.id), self._show,
                            self._failed_load, channel="report")

    def _show(self, report: Report) -> None:
        self.report = report
        rate = "—" if report.attendance_rate is None else f"{report.attendance_rate * 100:.0f}%"
        rows = [
            (self.tr("Zarejestrowani"), str(report.registered)),
            (self.tr("Obecni"), str(report.attended)),
            (self.tr("Nieobecni"), str(report.no_shows)),
            (self.tr("Zgłoszeni na miejscu"), str(report.walk_ins)),
            (self.tr("Odwołane zgłoszenia"), str(report.cancelled)),
            (self.tr("Organizacje"), str(report.organizations)),
            (self.tr("Frekwencja"), rate),
            (self.tr("W środku teraz"), str(report.inside_now)),
        ]
        _fill(self._figures, rows)
        _fill(self._rooms, [
            (r.name, self.tr("najwięcej {peak} z {capacity} ({when})").format(
                peak=r.peak, capacity=r.capacity,
                when=local_text(r.peak_at, self.event_info.timezone, time_only=True) if r.peak_at else "—"))
            for r in report.rooms
        ])
        self.chart.set_arrivals(report.arrivals)
        self.status.setText("")
        self.reportShown.emit(report)

    def _failed_load(self, exc: BaseException) -> None:
        log.error("report failed", exc_info=exc)
        self.status.setText(self.tr("Nie udało się wczytać podsumowania — szczegóły w dzienniku."))

    def choose_and_export(self, fmt: str) -> None:
        suffix, pattern = FORMATS[fmt]
        default = str(Path.home() / f"{fmt.replace('-pdf', '')}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Zapisz jako"), default, pattern)
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the export on the worker thread; exported / exportFailed tell how it went."""
        self.status.setText(self.tr("Zapisywanie {name}…").format(name=path.name))
        self._worker.submit(lambda: export_file(self.engine, self.event_info, fmt, path),
                            self._done, self._export_failed)

    def _done(self, path: Path) -> None:
        self.status.setText(self.tr("Zapisano: {path}").format(path=path))
        self.exported.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            message = str(exc)
        else:
            log.error("export failed", exc_info=exc)
            message = self.tr("Nie udało się zapisać pliku — szczegóły w dzienniku.")
        self.status.setText(message)
        self.exportFailed.emit(message)
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Eksport"), message)

    def done(self, result: int) -> None:  # noqa: D102  (Qt's name)
        self._worker.stop()
        super().done(result)


def _fill(form: QFormLayout, rows: list[tuple[str, str]]) -> None:
    while form.rowCount():
        form.removeRow(0)
    for label, value in rows:
        shown = QLabel(value)
        font = shown.font()
        font.setBold(True)
        shown.setFont(font)
        form.addRow(label, shown)
