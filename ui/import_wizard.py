"""The import wizard: choose a registration list, check its columns and what would change, import.

Three pages: the file (read on a worker; a file that cannot be read says so, naming it), the
columns with a dry run (each column's meaning can be changed; warnings need an explicit yes, like
the CLI's --accept-warnings), and the import with a progress bar. Nothing is written before the
last page, and the import is one transaction: it happens completely or not at all.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import Engine

from checkin.importing.headers import Field
from checkin.importing.reading import RawTable
from checkin.importing.service import IMPORT_STEPS, ImportReport

from .import_columns import FIELD_CHOICES as FIELD_CHOICES  # the combos' choices, for callers
from .import_columns import ColumnsPage
from .import_worker import ImportTasks


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
