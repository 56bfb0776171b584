"""The summary and exports in the app: the same figures as the report, files written off-thread."""

from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.engine import Door
from checkin.events import EventInfo
from checkin.guests import list_guests
from checkin.occupancy import stats
from ui.report_dialog import ReportDialog


def test_summary_shows_the_stats_and_exports_files(
    qtbot: QtBot, engine: Engine, sample_event: EventInfo, tmp_path: Path
) -> None:
    door = Door(engine, sample_event.id, "Wejście")
    came = [g for g in list_guests(engine, sample_event.id) if g.status == "registered"][:7]
    for g in came:
        assert door.scan(g.code).recorded
    door.walk_in("Zdzisław", "Ćwierć", "Fundacja Ławka")
    dialog = ReportDialog(engine, sample_event)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.reportShown, timeout=10_000) as shown:
        dialog.refresh()
    report = shown.args[0]
    figures = stats(engine, sample_event.id)
    assert (report.attended, report.walk_ins, report.registered) == (
        figures.attended, figures.walk_ins, figures.registered) == (8, 1, 137)
    labels = {dialog._figures.itemAt(i).widget().text() for i in range(dialog._figures.count())
              if dialog._figures.itemAt(i).widget() is not None}
    assert {"8", "1", "137"} <= labels
    assert sum(n for _, n in report.arrivals) == 8
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "shots"
    out.mkdir()
    assert dialog.grab().save(str(out / "report.png"))

    target = tmp_path / "obecnosc.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as done:
        dialog.export_to("xlsx", target)
    assert done.args[0] == target
    rows = list(load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert ("Ćwierć", "Zdzisław") in {(r[0], r[1]) for r in rows}
    assert str(engine.url.database) in dialog.where.text()


def test_a_failed_export_is_a_message_not_a_crash(
    qtbot: QtBot, engine: Engine, sample_event: EventInfo, tmp_path: Path
) -> None:
    dialog = ReportDialog(engine, sample_event)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.exportFailed, timeout=20_000) as failed:
        dialog.export_to("csv", tmp_path / "nie-ma-folderu" / "a.csv")
    assert "nie-ma-folderu" in failed.args[0]
