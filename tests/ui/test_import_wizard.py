"""The import wizard end to end on real files: preview, column choices, warnings, import, errors."""

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.events import EventInfo
from checkin.guests import list_guests
from checkin.importing import service
from checkin.importing.headers import Field
from checkin.resources import resource
from ui.import_wizard import FIELD_CHOICES, ImportWizard

WAIT_MS = 20_000
SAMPLE_LIST = resource("sample", "zgloszenia-lawka-dialogu.csv")


@pytest.fixture
def open_wizard(qtbot: QtBot, engine: Engine, event: EventInfo) -> Iterator[Callable[[Path], ImportWizard]]:
    wizards: list[ImportWizard] = []

    def open_(path: Path) -> ImportWizard:
        wizard = ImportWizard(engine, event.id)
        qtbot.addWidget(wizard)
        wizards.append(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        with qtbot.waitSignal(wizard.fileRead, timeout=WAIT_MS):
            wizard.setPath(path)
        return wizard

    yield open_
    for wizard in wizards:
        wizard.tasks.wait()


def to_columns_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.currentId() == ImportWizard.FILE_PAGE
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(wizard.checked, timeout=WAIT_MS):
        wizard.next()
    assert wizard.currentId() == ImportWizard.COLUMNS_PAGE


def import_now(qtbot: QtBot, wizard: ImportWizard) -> None:
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isVisible()
    assert commit.isEnabled()
    assert commit.text() == "Importuj"
    with qtbot.waitSignal(wizard.imported, timeout=WAIT_MS):
        commit.click()
    assert wizard.currentId() == ImportWizard.IMPORT_PAGE
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.FinishButton).isEnabled)


def combo(wizard: ImportWizard, column: int) -> QComboBox:
    widget = wizard.columns_page.preview.cellWidget(0, column)
    assert isinstance(widget, QComboBox)
    return widget


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_list_end_to_end(qtbot: QtBot, open_wizard: Callable[[Path], ImportWizard],
                                engine: Engine, event: EventInfo) -> None:
    wizard = open_wizard(SAMPLE_LIST)
    assert "zgloszenia-lawka-dialogu.csv" in wizard.file_page.info.text()
    assert "wierszy danych: 150" in wizard.file_page.info.text()
    to_columns_page(qtbot, wizard)
    preview = wizard.columns_page.preview
    assert preview.horizontalHeaderItem(1).text() == "Imię i nazwisko"
    assert combo(wizard, 1).currentText() == "Imię i nazwisko"  # detected
    assert combo(wizard, 2).currentText() == "Organizacja"
    assert combo(wizard, 0).currentText() == "— pomiń/dodatkowe pole —"  # the time stamp
    assert preview.item(1, 1).text() == "Dariusz Źrebiec"
    assert [combo(wizard, 0).itemText(i) for i in range(combo(wizard, 0).count())] == [
        label for _, label in FIELD_CHOICES]
    summary = wizard.columns_page.summary.text()
    assert "Nowe osoby: 150 (w tym odwołane: 14)" in summary
    assert list_guests(engine, event.id) == []  # the dry run wrote nothing
    steps: list[tuple[int, int]] = []
    wizard.tasks.progressed.connect(lambda _ticket, done, total: steps.append((done, total)))
    import_now(qtbot, wizard)
    assert steps == [(n, service.IMPORT_STEPS) for n in range(1, service.IMPORT_STEPS + 1)]
    assert wizard.import_page.bar.value() == wizard.import_page.bar.maximum() == service.IMPORT_STEPS
    assert "Nowe osoby: 150" in wizard.import_page.message.text()
    assert len(list_guests(engine, event.id)) == 150

    # The same file again: everything is already there.
    again = ImportWizard(engine, event.id)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.fileRead, timeout=WAIT_MS):
        again.setPath(SAMPLE_LIST)
    to_columns_page(qtbot, again)
    assert "Nowe osoby: 0 · Zmienione dane: 0 · Bez zmian: 150" in again.columns_page.summary.text()
    again.tasks.wait()


def test_xlsx_and_a_column_changed_by_hand(qtbot: QtBot, open_wizard: Callable[[Path], ImportWizard],
                                           engine: Engine, event: EventInfo, tmp_path: Path) -> None:
    path = tmp_path / "lista.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Imię", "Nazwisko", "Miejsce pracy", "Kategoria"])
    sheet.append(["Łucja", "Świątek", "Fundacja Żółty Most", "Gość"])
    sheet.append(["Jędrzej", "Ćwik", "Stowarzyszenie Dąb", "Media"])
    book.save(path)
    wizard = open_wizard(path)
    assert "arkusz XLSX" in wizard.file_page.info.text()
    to_columns_page(qtbot, wizard)
    assert wizard.columnMapping() == {0: Field.FIRST_NAME, 1: Field.LAST_NAME, 3: Field.ROLE}
    with qtbot.waitSignal(wizard.checked, timeout=WAIT_MS):  # as a person picks it in the combo
        combo(wizard, 2).setCurrentIndex(combo(wizard, 2).findText("Organizacja"))
    with qtbot.waitSignal(wizard.checked, timeout=WAIT_MS):
        combo(wizard, 3).setCurrentIndex(combo(wizard, 3).findText("— pomiń/dodatkowe pole —"))
    report = wizard.dryRunReport()
    assert report is not None
    assert report.columns == {0: Field.FIRST_NAME, 1: Field.LAST_NAME, 2: Field.ORGANIZATION}
    import_now(qtbot, wizard)
    rows = {(g.first_name, g.last_name): (g.organization, g.role) for g in list_guests(engine, event.id)}
    assert rows == {("Łucja", "Świątek"): ("Fundacja Żółty Most", ""),
                    ("Jędrzej", "Ćwik"): ("Stowarzyszenie Dąb", "")}


def test_a_field_chosen_twice_moves_to_the_new_column(
    qtbot: QtBot, open_wizard: Callable[[Path], ImportWizard], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "lista.csv", "Imię;Nazwisko;Firma;Instytucja\nAnna;Nowak;A;B\n")
    wizard = open_wizard(path)
    to_columns_page(qtbot, wizard)
    assert wizard.columnMapping()[2] == Field.ORGANIZATION
    with qtbot.waitSignal(wizard.checked, timeout=WAIT_MS):
        wizard.setColumnField(3, Field.ORGANIZATION)
    assert wizard.columnMapping() == {0: Field.FIRST_NAME, 1: Field.LAST_NAME, 3: Field.ORGANIZATION}
    assert combo(wizard, 2).currentText() == "— pomiń/dodatkowe pole —"
    assert combo(wizard, 3).currentText() == "Organizacja"


def test_only_the_last_column_choice_is_checked(
    qtbot: QtBot, open_wizard: Callable[[Path], ImportWizard], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "lista.csv", "Imię;Nazwisko;Uwagi\nAnna;Nowak;x\n")
    wizard = open_wizard(path)
    to_columns_page(qtbot, wizard)
    for field in (Field.ROLE, Field.PHONE, Field.ORGANIZATION):  # quicker than a dry run
        wizard.setColumnField(2, field)
    assert not wizard.columns_page.isComplete()  # never import what was not checked
    with qtbot.waitSignal(wizard.checked, timeout=WAIT_MS):
        pass
    report = wizard.dryRunReport()
    assert report is not None
    assert report.columns[2] == Field.ORGANIZATION
    assert wizard.columns_page.isComplete()


def test_warnings_need_an_explicit_yes(qtbot: QtBot, open_wizard: Callable[[Path], ImportWizard],
                                      engine: Engine, event: EventInfo, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "lista.csv", (
        "Imię;Nazwisko;E-mail\n"
        "Anna;Nowak;anna@example.org\n"
        ";;bez.nazwiska@example.org\n"  # no name: skipped
        "Jan;Kowalski;to-nie-adres\n"
    ))
    wizard = open_wizard(path)
    to_columns_page(qtbot, wizard)
    page = wizard.columns_page
    assert "Ostrzeżenia: 2" in page.summary.text()
    warnings = [page.details.item(i).text() for i in range(page.details.count())]
    assert any(w.startswith("Ostrzeżenie — wiersz 3") and "pominięty" in w for w in warnings)
    assert any(w.startswith("Ostrzeżenie — wiersz 4") for w in warnings)
    assert page.preview.item(2, 2).toolTip()  # the row with the warning is marked in the preview
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert page.accept.isVisible()
    assert not commit.isEnabled()
    page.accept.setChecked(True)
    assert commit.isEnabled()
    import_now(qtbot, wizard)
    assert sorted(g.last_name for g in list_guests(engine, event.id)) == ["Kowalski", "Nowak"]


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "plik jest pusty"),
    (b"\xd0\xcf\x11\xe0" + bytes(200), "Excel 97"),
    (b"Imi\xc4\x99;Nazwisko\n", None),  # a header only: nobody to import
])
def test_an_unreadable_file_names_itself_and_changes_nothing(
    qtbot: QtBot, engine: Engine, event: EventInfo, tmp_path: Path, content: bytes, expected: str | None
) -> None:
    path = tmp_path / "zgłoszenia.csv"
    path.write_bytes(content)
    wizard = ImportWizard(engine, event.id)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.tasks.failed, timeout=WAIT_MS):
        wizard.setPath(path)
    info = wizard.file_page.info.text()
    assert "zgłoszenia.csv" in info
    if expected:
        assert expected in info
    assert "Nic nie zostało zmienione" in info
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert list_guests(engine, event.id) == []
    wizard.tasks.wait()


def test_a_file_without_names_says_what_to_do_on_the_columns_page(
    qtbot: QtBot, open_wizard: Callable[[Path], ImportWizard], tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "lista.csv", "Imię;Nazwisko\nAnna;Nowak\n")
    wizard = open_wizard(path)
    to_columns_page(qtbot, wizard)
    with qtbot.waitSignal(wizard.checked, timeout=WAIT_MS):
        wizard.setColumnField(0, None)
        wizard.setColumnField(1, None)
    assert "nie znaleziono kolumny z imieniem i nazwiskiem" in wizard.columns_page.summary.text()
    assert "lista.csv" in wizard.columns_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_the_import_never_blocks_the_gui_thread(
    qtbot: QtBot, open_wizard: Callable[[Path], ImportWizard], engine: Engine, event: EventInfo,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "duza.csv"
    path.write_text("Imię;Nazwisko;Organizacja;E-mail\n" + "".join(
        f"Osoba;Nazwisko{i};Fundacja {i % 50};osoba{i}@example.org\n" for i in range(20_000)
    ), encoding="utf-8")
    threads: list[int] = []
    spans: list[tuple[float, float]] = []
    real_import = service.import_file

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.get_ident())
        start = time.perf_counter()
        try:
            return real_import(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spans.append((start, time.perf_counter()))

    monkeypatch.setattr("ui.import_worker.import_file", recording)
    wizard = open_wizard(path)
    to_columns_page(qtbot, wizard)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    import_now(qtbot, wizard)
    timer.stop()
    assert threads
    assert threading.get_ident() not in threads  # the file and the database: a worker's job
    start, end = spans[-1]
    during = [t for t in ticks if start <= t <= end]
    # The event loop kept turning while the import ran (a blocked GUI thread would not tick at
    # all); how often depends on how busy the machine is, so only long silences count.
    assert len(during) >= 3
    gaps = [b - a for a, b in zip([start, *during], [*during, end], strict=True)]
    assert max(gaps) < max(0.5, (end - start) / 3)
    assert len(list_guests(engine, event.id)) == 20_000
