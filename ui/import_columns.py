"""The import wizard's columns page: what each column holds, and what importing would change.

The file's first rows are shown with a combo over each column (one field per column); every
change of the choice runs a dry run (debounced) whose changes and warnings are listed below, the
rows with warnings marked in the preview. Warnings need an explicit yes before the import.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from checkin.importing.headers import Field
from checkin.importing.service import ImportReport

from .messages import QT_TRANSLATE_NOOP  # typed, unlike PySide6's own

if TYPE_CHECKING:
    from .import_wizard import ImportWizard


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


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
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
