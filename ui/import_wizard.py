"""The import wizard: choose a registration list, check its columns and what would change, import.

Three pages: the file (read on a worker; a file that cannot be read says so, naming it), the
columns with a dry run (each column's meaning can be changed; warnings need an explicit yes, like
the CLI's --accept-warnings), and the import with a progress bar. Nothing is written before the
last page, and the import is one transaction: it happens completely or not at all.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import Engine

from checkin.importing.headers import Field
from checkin.importing.reading import RawTable
from checkin.importing.service import IMPORT_STEPS, ImportReport

from . import qt_fixes  # noqa: F401  (PySide6 6.12.0 leaks None/True: see the module)
from .import_worker import ImportTasks
from .messages import QT_TRANSLATE_NOOP  # typed, unlike PySide6's own

CONTEXT = "ImportWizard"
# The choices of every column's combo, in this order; None keeps the column as an extra field.
FIELD_CHOICES: list[tuple[Field | None, str]] = [
    (Field.FIRST_NAME, QT_TRANSLATE_NOOP("ImportWizard", "Imię")),
    (Field.LAST_NAME, QT_TRANSLATE_NOOP("ImportWizard", "Nazwisko")),
    (Field.FULL_NAME, QT_TRANSLATE_NOOP("ImportWizard", "Imię i nazwisko")),
    (Field.ORGANIZATION, QT_TRANSLATE_NOOP("ImportWizard", "Organizacja")),
    (Field.ROLE, QT_TRANSLATE_NOOP("ImportWizard", "Rola/kategoria")),
    (Field.EMAIL, QT_TRANSLATE_NOOP("ImportWizard", "E-mail")),
    (Field.PHONE, QT_TRANSLATE_NOOP("ImportWizard", "Telefon")),
    (Field.CODE, QT_TRANSLATE_NOOP("ImportWizard", "Kod")),
    (Field.STATUS, QT_TRANSLATE_NOOP("ImportWizard", "Status")),
    (None, QT_TRANSLATE_NOOP("ImportWizard", "— pomiń/dodatkowe pole —")),
]
_FIELDS = [f for f, _ in FIELD_CHOICES]
_EXTRA = QT_TRANSLATE_NOOP("ImportWizard", "dodatkowe pola")
PREVIEW_ROWS = 200  # the first rows are enough to recognise the columns
LISTED = 100  # lines per kind of change in the details list; the rest are counted
_WARNING = QBrush(QColor("#fff1c2"))


_LABELS: dict[str | None, str] = {f: label for f, label in FIELD_CHOICES}


def field_label(f: str | None) -> str:
    """A field's name in the user's language; anything else (a change of "extra") is extra fields."""
    return QCoreApplication.translate(CONTEXT, _LABELS.get(f, _EXTRA))


class ImportWizard(QWizard):
    """Choose file → preview with the columns (changeable) and the dry run's changes → import."""

    imported = Signal()  # the list was imported (the guest list should reload)
    fileRead = Signal()  # the file was read and its preview is ready
    checked = Signal()  # a dry run finished and its changes are shown

    FILE_PAGE, COLUMNS_PAGE, IMPORT_PAGE = range(3)

    def __init__(self, engine: Engine, event_id: int, parent: QWidget | None = None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.tasks = ImportTasks(engine, event_id, self)
        self.path: Path | None = None
        self.table: RawTable | None = None
        self.columns: dict[int, Field] = {}
        self.importing = False
        self.setWindowTitle(self.tr("Import listy zgłoszeń"))
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 1.15, 11.0))
        self.setFont(font)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Dalej >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Wstecz"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Importuj"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Zakończ"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Anuluj"))
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.import_page = ImportPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.COLUMNS_PAGE, self.columns_page)
        self.setPage(self.IMPORT_PAGE, self.import_page)
        self.resize(1040, 660)  # fits 1366×768 with the taskbar
        if path is not None:
            self.setPath(path)

    def setPath(self, path: Path | str) -> None:
        """Choose the file (as if picked in the dialog) and read it."""
        self.file_page.choose(Path(path))

    def columnMapping(self) -> dict[int, Field]:
        """Column index -> field, as the column combos say now."""
        return dict(self.columns)

    def setColumnField(self, column: int, field: Field | None) -> None:
        """Set what a column holds, as choosing it in the column's combo does."""
        self.columns_page.set_field(column, field)

    def dryRunReport(self) -> ImportReport | None:
        """The last dry run's report (what the import would change)."""
        return self.columns_page.report

    def importReport(self) -> ImportReport | None:
        return self.import_page.report

    def reject(self) -> None:
        if self.importing:  # the transaction finishes on its own; closing now would hide how
            return
        super().reject()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self._ticket = 0
        self.setTitle(self.tr("Wybierz plik z listą zgłoszeń"))
        self.setSubTitle(self.tr("Plik CSV albo XLSX, np. eksport z formularza rejestracji."))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("ścieżka do pliku CSV lub XLSX"))
        self.edit.editingFinished.connect(lambda: self.choose(Path(self.edit.text().strip())))
        self.edit.textEdited.connect(lambda _text: self._forget())
        browse = QPushButton(self.tr("Wybierz plik…"), self)
        browse.clicked.connect(self._browse)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addStretch(1)
        wizard.tasks.prepared.connect(self._prepared)
        wizard.tasks.failed.connect(self._failed)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Lista zgłoszeń"), str(self.wiz.path.parent if self.wiz.path else Path.home()),
            self.tr("Listy zgłoszeń (*.csv *.tsv *.txt *.xlsx *.xlsm);;Wszystkie pliki (*)"),
        )
        if name:
            self.choose(Path(name))

    def _forget(self) -> None:
        self._ticket = 0
        self.wiz.table = None
        self.completeChanged.emit()

    def choose(self, path: Path) -> None:
        if str(path) == ".":  # an empty field (Path("") is ".")
            return
        if self.wiz.table is not None and self.wiz.path == path:
            return  # already read
        self.edit.setText(str(path))
        self.wiz.path, self.wiz.table = path, None
        self.info.setStyleSheet("")
        self.info.setText(self.tr("Wczytywanie pliku {name}…").format(name=path.name))
        self._ticket = self.wiz.tasks.prepare(path)
        self.completeChanged.emit()

    def _prepared(self, ticket: int, result: object) -> None:
        if ticket != self._ticket:
            return  # for a file chosen before the current one
        assert isinstance(result, tuple)
        table, columns = result
        self.wiz.table, self.wiz.columns = table, dict(columns)
        if table.kind == "csv":
            how = self.tr("CSV, kodowanie {encoding}, separator „{sep}”").format(
                encoding=table.encoding, sep=table.delimiter)
        else:
            how = self.tr("arkusz XLSX „{sheet}”").format(sheet=table.sheet)
        self.info.setText(self.tr(
            "Plik {name}: {how}; nagłówki w wierszu {header}, wierszy danych: {rows}."
        ).format(name=table.path.name, how=how, header=table.header_row, rows=len(table.rows)))
        self.completeChanged.emit()
        self.wiz.fileRead.emit()

    def _failed(self, ticket: int, message: str) -> None:
        if ticket == self._ticket:
            self.info.setStyleSheet("color: #b3261e; font-weight: bold")
            self.info.setText(message + "\n" + self.tr("Nic nie zostało zmienione. Wybierz inny plik."))

    def isComplete(self) -> bool:
        return self.wiz.table is not None


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.report: ImportReport | None = None
        self._ticket = 0
        self._combos: list[QComboBox] = []
        self._rows: dict[int, int] = {}  # file row number -> preview table row
        self.setTitle(self.tr("Sprawdź kolumny i zmiany"))
        self.setSubTitle(self.tr("Nad każdą kolumną wybierz, co zawiera. Poniżej: co zmieni import "
                                 "(nic nie jest jeszcze zapisane)."))
        self.setCommitPage(True)
        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.details = QListWidget(self)
        self.accept = QCheckBox(self.tr(
            "Rozumiem ostrzeżenia — importuj mimo nich (wiersze oznaczone jako pominięte nie zostaną dodane)"
        ), self)
        self.accept.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.accept)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)  # a few combos changed in a row: one dry run
        self._debounce.timeout.connect(self._dry_run)
        wizard.tasks.checked.connect(self._checked)
        wizard.tasks.failed.connect(self._failed)

    def initializePage(self) -> None:
        table = self.wiz.table
        assert table is not None
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(1 + len(shown))
        self.preview.setHorizontalHeaderLabels(
            [h or self.tr("Kolumna {n}").format(n=i + 1) for i, h in enumerate(table.headers)])
        self.preview.setVerticalHeaderLabels([self.tr("Pole")] + [str(row) for row, _ in shown])
        self._combos = []
        for column in range(len(table.headers)):
            combo = QComboBox(self.preview)
            combo.addItems([field_label(f) for f in _FIELDS])
            combo.setCurrentIndex(_FIELDS.index(self.wiz.columns.get(column)))
            combo.currentIndexChanged.connect(lambda i, c=column: self.set_field(c, _FIELDS[i]))
            self.preview.setCellWidget(0, column, combo)
            self._combos.append(combo)
        self._rows = {}
        for r, (row, cells) in enumerate(shown, start=1):
            self._rows[row] = r
            for c, value in enumerate(cells[: len(table.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        for column in range(len(table.headers)):
            width = max(self.preview.columnWidth(column), self._combos[column].sizeHint().width())
            self.preview.setColumnWidth(column, min(width, 320))
        self.accept.setChecked(False)
        self._dry_run()

    def set_field(self, column: int, field: Field | None) -> None:
        """One field per column: choosing a field taken by another column frees that column."""
        columns = self.wiz.columns
        if columns.get(column) == field:
            return
        for other, taken in list(columns.items()):
            if taken == field and other != column:
                del columns[other]
                self._show_choice(other, None)
        if field is None:
            columns.pop(column, None)
        else:
            columns[column] = field
        self._show_choice(column, field)
        self.report = None
        self.summary.setText(self.tr("Sprawdzanie zmian…"))
        self.completeChanged.emit()
        self._debounce.start()

    def _show_choice(self, column: int, field: Field | None) -> None:
        if column < len(self._combos):
            combo = self._combos[column]
            combo.blockSignals(True)
            combo.setCurrentIndex(_FIELDS.index(field))
            combo.blockSignals(False)

    def _dry_run(self) -> None:
        assert self.wiz.path is not None
        self.report = None
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Sprawdzanie zmian…"))
        self._ticket = self.wiz.tasks.dry_run(self.wiz.path, self.wiz.columns)
        self.completeChanged.emit()

    def _checked(self, ticket: int, report: object) -> None:
        if ticket != self._ticket:
            return  # the columns were changed again meanwhile
        assert isinstance(report, ImportReport)
        self.report = report
        plan = report.plan
        cancelled = sum(1 for r in plan.added if r.cancelled)
        lines = [self.tr("Nowe osoby: {n}").format(n=len(plan.added))
                 + (self.tr(" (w tym odwołane: {n})").format(n=cancelled) if cancelled else ""),
                 self.tr("Zmienione dane: {n}").format(n=len(plan.updated)),
                 self.tr("Bez zmian: {n}").format(n=plan.unchanged)]
        if plan.missing:
            lines.append(self.tr("Brak w tym pliku: {n} (pozostają na liście, nic nie zostanie usunięte)")
                         .format(n=len(plan.missing)))
        if plan.problems:
            lines.append(self.tr("Ostrzeżenia: {n} — sprawdź je poniżej").format(n=len(plan.problems)))
        self.summary.setStyleSheet("color: #8a5a00; font-weight: bold" if plan.problems else "")
        self.summary.setText(" · ".join(lines))
        self._fill_details(report)
        self.accept.setVisible(bool(plan.problems))
        self.completeChanged.emit()
        self.wiz.checked.emit()

    def _fill_details(self, report: ImportReport) -> None:
        plan = report.plan
        self.details.clear()
        for r in range(1, self.preview.rowCount()):
            self._mark_row(r, QBrush(), "")
        lines: list[str] = []
        for p in plan.problems:
            where = self.tr("wiersz {row}").format(row=p.row)
            if p.column:
                where += self.tr(", kolumna „{column}”").format(column=p.column)
            lines.append(self.tr("Ostrzeżenie — {where}: {message}").format(where=where, message=p.message))
            preview_row = self._rows.get(p.row)
            if preview_row is not None:
                self._mark_row(preview_row, _WARNING, p.message)
        lines += self._limited([
            self.tr("Zmiana — wiersz {row}: {name}: {what}").format(
                row=c.record.row, name=c.record.display_name, what="; ".join(
                    f"{field_label(n)}: {old or '—'} → {new}" if n != "extra" else f"{field_label(n)} ({new})"
                    for n, (old, new) in c.fields.items()))
            for c in plan.updated])
        lines += self._limited([
            self.tr("Brak w pliku: {name}").format(
                name=m.name + (f" ({m.organization})" if m.organization else ""))
            for m in plan.missing])
        self.details.addItems(lines)

    def _mark_row(self, row: int, background: QBrush, tooltip: str) -> None:
        for c in range(self.preview.columnCount()):
            item = self.preview.item(row, c)
            if item is not None:
                item.setBackground(background)
                item.setToolTip(tooltip)

    def _limited(self, lines: list[str]) -> list[str]:
        if len(lines) <= LISTED:
            return lines
        return lines[:LISTED] + [self.tr("… i {n} więcej").format(n=len(lines) - LISTED)]

    def _failed(self, ticket: int, message: str) -> None:
        if ticket == self._ticket:
            self.report = None
            self.details.clear()
            self.accept.setVisible(False)
            self.summary.setStyleSheet("color: #b3261e; font-weight: bold")
            self.summary.setText(message)
            self.completeChanged.emit()
            self.wiz.checked.emit()

    def isComplete(self) -> bool:
        if self.report is None or self._debounce.isActive():
            return False
        return not self.report.plan.problems or self.accept.isChecked()


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.report: ImportReport | None = None
        self._ticket = 0
        self._done = False
        self.setTitle(self.tr("Import"))
        self.bar = QProgressBar(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addStretch(1)
        wizard.tasks.progressed.connect(self._progressed)
        wizard.tasks.imported.connect(self._imported)
        wizard.tasks.failed.connect(self._failed)

    def initializePage(self) -> None:
        assert self.wiz.path is not None
        self._done, self.report = False, None
        self.bar.setRange(0, 0)  # busy until the first step is done
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Importowanie listy z pliku {name}…").format(name=self.wiz.path.name))
        self.wiz.importing = True
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self._ticket = self.wiz.tasks.run_import(
            self.wiz.path, self.wiz.columns, self.wiz.columns_page.accept.isChecked())

    def _progressed(self, ticket: int, done: int, total: int) -> None:
        if ticket == self._ticket:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _imported(self, ticket: int, report: object) -> None:
        if ticket != self._ticket:
            return
        assert isinstance(report, ImportReport)
        self.report = report
        plan = report.plan
        if report.applied:
            self.message.setText(self.tr(
                "Zaimportowano. Nowe osoby: {added}, zmienione dane: {updated}, bez zmian: {same}."
            ).format(added=len(plan.added), updated=len(plan.updated), same=plan.unchanged))
        else:
            self.message.setStyleSheet("color: #b3261e; font-weight: bold")
            self.message.setText(self.tr(
                "Nic nie zaimportowano: plik zmienił się od podglądu i ma nowe ostrzeżenia. "
                "Uruchom import ponownie, aby je zobaczyć."))
        self._finish()
        if report.applied:
            self.wiz.imported.emit()

    def _failed(self, ticket: int, message: str) -> None:
        if ticket == self._ticket:
            self.message.setStyleSheet("color: #b3261e; font-weight: bold")
            self.message.setText(message)
            self._finish()

    def _finish(self) -> None:
        self._done = True
        self.wiz.importing = False
        if self.bar.maximum() == 0:  # still "busy": show the steps that were done (none)
            self.bar.setRange(0, IMPORT_STEPS)
            self.bar.setValue(0)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._done
