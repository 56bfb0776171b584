"""The guest list panel: search as you type, filters, refresh from other stations, keyboard actions."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.db import make_engine, open_database
from checkin.engine import Door
from checkin.events import EventInfo
from checkin.search import GuestFilter
from checkin.search_feed import GuestFeed
from tests.checkin.test_search_feed import guest_id_of
from tests.ui.conftest import make_event
from ui.guest_list import FILTERS, GuestListPanel
from ui.guest_model import GuestTableModel

WAIT_MS = 10_000


@pytest.fixture
def panel(qtbot: QtBot, engine: Engine, sample_event: EventInfo) -> Iterator[GuestListPanel]:
    widget = GuestListPanel(engine, sample_event.id)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    qtbot.waitUntil(widget.isLoaded, timeout=WAIT_MS)
    yield widget
    widget.shutdown()


def shown(panel: GuestListPanel) -> list[str]:
    model = panel.model()
    return [model.data(model.index(r, GuestTableModel.NAME)) for r in range(model.rowCount())]


def search(qtbot: QtBot, panel: GuestListPanel, text: str) -> list[str]:
    with qtbot.waitSignal(panel.resultsChanged, timeout=WAIT_MS):
        panel.search(text)
    return shown(panel)


def refresh(qtbot: QtBot, panel: GuestListPanel) -> None:
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        panel.refresh()


def test_search_is_debounced_and_finds_with_and_without_diacritics(
    qtbot: QtBot, panel: GuestListPanel
) -> None:
    assert len(shown(panel)) == 150
    panel.search("lukasz zolc")
    assert len(shown(panel)) == 150  # not yet: the panel waits for a pause in typing
    qtbot.waitUntil(lambda: shown(panel) == ["Łukasz Żółć"], timeout=WAIT_MS)
    assert search(qtbot, panel, "ŁUKASZ ŻÓŁĆ") == ["Łukasz Żółć"]
    assert search(qtbot, panel, "łukazs żółć") == ["Łukasz Żółć"]  # one typo
    assert search(qtbot, panel, "zolc lukasz") == ["Łukasz Żółć"]
    assert search(qtbot, panel, "nikogotakiego") == []
    assert panel.statusText() == "Nikt nie pasuje do „nikogotakiego”"


def test_typing_fast_searches_once_for_the_last_text(qtbot: QtBot, panel: GuestListPanel) -> None:
    results: list[int] = []
    panel.resultsChanged.connect(lambda shown_, _total: results.append(shown_))
    for n in range(1, len("pietrzak") + 1):
        panel.search("pietrzak"[:n])
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    qtbot.wait(200)
    assert len(results) == 1
    assert set(shown(panel)) >= {"Beata Pietrzak", "Radosław Pietrzak"}


def test_code_with_or_without_dashes(qtbot: QtBot, panel: GuestListPanel, engine: Engine,
                                     sample_event: EventInfo) -> None:
    gid = guest_id_of(engine, "Marta", "Łęcka")
    guest = GuestFeed(engine, sample_event.id).load().get(gid)
    assert guest is not None
    assert search(qtbot, panel, guest.display_code) == ["Marta Łęcka"]
    assert search(qtbot, panel, guest.code.lower()) == ["Marta Łęcka"]
    assert search(qtbot, panel, guest.display_code[:9]) == ["Marta Łęcka"]


def test_filters_and_their_counts(qtbot: QtBot, panel: GuestListPanel, engine: Engine,
                                  sample_event: EventInfo) -> None:
    door = Door(engine, sample_event.id, "Wejście 2")
    lukasz = guest_id_of(engine, "Łukasz", "Żółć")
    beata = guest_id_of(engine, "Beata", "Pietrzak")
    door.admit(lukasz)
    door.admit(beata)
    door.leave(beata)
    door.walk_in("Żaneta", "Brzęczyszczykiewicz")
    refresh(qtbot, panel)
    buttons = [b for b in panel.findChildren(QPushButton) if b.isCheckable()]
    assert len(buttons) == len(FILTERS)
    assert [b.text().replace("&", "") for b in buttons] == [
        "Wszyscy (151)", "W środku (2)", "Nie dotarli (134)", "Po wyjściu (1)",
        "Dopisani na miejscu (1)",
    ]
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert panel.currentFilter() is GuestFilter.INSIDE
    assert shown(panel) == ["Żaneta Brzęczyszczykiewicz", "Łukasz Żółć"]
    qtbot.mouseClick(buttons[3], Qt.MouseButton.LeftButton)
    assert shown(panel) == ["Beata Pietrzak"]
    qtbot.mouseClick(buttons[4], Qt.MouseButton.LeftButton)
    assert shown(panel) == ["Żaneta Brzęczyszczykiewicz"]
    panel.setFilter(GuestFilter.NOT_ARRIVED)
    assert buttons[2].isChecked()
    assert len(shown(panel)) == 134  # 150 minus 14 cancelled minus Łukasz and Beata
    assert "Łukasz Żółć" not in shown(panel)
    assert search(qtbot, panel, "pietrzak") == ["Świętosława Kozłowska-Pietrzak", "Radosław Pietrzak",
                                                "Małgorzata Ślęzak-Pietrzak"]


def test_refresh_shows_other_stations_and_keeps_selection_and_scroll(
    qtbot: QtBot, panel: GuestListPanel, engine: Engine, sample_event: EventInfo
) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    chosen = guest_id_of(engine, "Łukasz", "Żółć")
    assert panel.selectGuest(chosen)
    bar = panel.view().verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scroll, top = bar.value(), panel.model().guest_id(panel.view().rowAt(0))

    refresh(qtbot, panel)  # nothing changed
    assert (panel.selectedGuestId(), bar.value()) == (chosen, scroll)

    other = open_database(str(engine.url.database))
    try:
        door = Door(other, sample_event.id, "Wejście 2")
        door.admit(guest_id_of(engine, "Beata", "Pietrzak"))  # a row changes in place
        refresh(qtbot, panel)
        assert (panel.selectedGuestId(), bar.value()) == (chosen, scroll)
        beata_row = panel.model().row_of(guest_id_of(engine, "Beata", "Pietrzak"))
        assert beata_row is not None
        status = panel.model().index(beata_row, GuestTableModel.STATUS)
        assert status.data() == "W środku"

        door.walk_in("Aaron", "Aaronowicz")  # a new row above: the list is rebuilt
        refresh(qtbot, panel)
        assert len(shown(panel)) == 151
        assert panel.selectedGuestId() == chosen
        assert panel.model().guest_id(panel.view().rowAt(0)) == top  # the same guest on top
    finally:
        other.dispose()


def test_keyboard_in_the_list_asks_for_actions(qtbot: QtBot, panel: GuestListPanel,
                                               engine: Engine) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    search(qtbot, panel, "lukasz zolc")
    gid = guest_id_of(engine, "Łukasz", "Żółć")
    assert panel.selectedGuestId() == gid  # a search selects the best match
    view = panel.view()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    for key, modifier, signal in [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, panel.checkInRequested),
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier, panel.checkInRequested),
        (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier, panel.checkOutRequested),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier, panel.checkOutRequested),
        (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier, panel.printBadgeRequested),
    ]:
        with qtbot.waitSignal(signal, timeout=2000) as blocker:
            qtbot.keyClick(view, key, modifier)
        assert blocker.args == [gid], key


def test_window_drives_the_selection_while_its_field_keeps_focus(
    qtbot: QtBot, panel: GuestListPanel
) -> None:
    rows = search(qtbot, panel, "pietrzak")
    assert len(rows) >= 3
    model = panel.model()
    assert panel.selectedGuestId() == model.guest_id(0)
    panel.moveSelection(1)
    assert panel.selectedGuestId() == model.guest_id(1)
    panel.moveSelection(-5)
    assert panel.selectedGuestId() == model.guest_id(0)
    panel.moveSelection(100)
    assert panel.selectedGuestId() == model.guest_id(len(rows) - 1)
    with qtbot.waitSignal(panel.checkInRequested) as blocker:
        assert panel.activateSelected()
    assert blocker.args == [model.guest_id(len(rows) - 1)]
    with qtbot.waitSignal(panel.checkOutRequested):
        assert panel.checkOutSelected()
    with qtbot.waitSignal(panel.printBadgeRequested):
        assert panel.printBadgeSelected()
    panel.searchNow("")
    assert panel.selectedGuestId() is not None or not panel.activateSelected()


def test_enter_right_after_typing_acts_on_what_was_typed(qtbot: QtBot, panel: GuestListPanel,
                                                         engine: Engine) -> None:
    panel.search("zolc")  # Enter comes before the debounce has run
    with qtbot.waitSignal(panel.checkInRequested) as blocker:
        assert panel.activateSelected()
    assert blocker.args == [guest_id_of(engine, "Łukasz", "Żółć")]
    assert search(qtbot, panel, "nikogotakiego") == []
    with qtbot.assertNotEmitted(panel.checkInRequested):
        assert not panel.activateSelected()  # nobody selected: nothing happens


# The offscreen platform cannot raise a popup or grab the keyboard for it; it says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing).*")
def test_buttons_and_context_menu(qtbot: QtBot, panel: GuestListPanel, engine: Engine) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    search(qtbot, panel, "beata pietrzak")
    gid = guest_id_of(engine, "Beata", "Pietrzak")
    buttons = {b.text(): b for b in panel.findChildren(QPushButton)}
    with qtbot.waitSignal(panel.checkOutRequested) as blocker:
        qtbot.mouseClick(buttons["Wyjście (Ctrl+O)"], Qt.MouseButton.LeftButton)
    assert blocker.args == [gid]
    view = panel.view()
    view.customContextMenuRequested.emit(QPoint(10, view.rowViewportPosition(0) + 5))
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    assert [a.text() for a in menu.actions()] == [
        "Wpuść (Enter)", "Wyjście (Ctrl+O)", "Identyfikator (Ctrl+P)"]
    with qtbot.waitSignal(panel.printBadgeRequested) as blocker:
        menu.actions()[2].trigger()
    assert blocker.args == [gid]
    menu.close()


def test_database_reads_happen_off_the_gui_thread(
    qtbot: QtBot, engine: Engine, sample_event: EventInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    load, changes = GuestFeed.load, GuestFeed.changes

    def recording_load(self: GuestFeed) -> object:
        threads.append(threading.get_ident())
        return load(self)

    def recording_changes(self: GuestFeed) -> object:
        threads.append(threading.get_ident())
        return changes(self)

    monkeypatch.setattr(GuestFeed, "load", recording_load)
    monkeypatch.setattr(GuestFeed, "changes", recording_changes)
    widget = GuestListPanel(engine, sample_event.id)
    qtbot.addWidget(widget)
    qtbot.waitUntil(widget.isLoaded, timeout=WAIT_MS)
    refresh(qtbot, widget)
    widget.shutdown()
    assert len(threads) == 2
    assert threading.get_ident() not in threads


def test_an_answer_for_an_earlier_event_is_dropped(
    qtbot: QtBot, engine: Engine, sample_event: EventInfo, tmp_path: Path
) -> None:
    other = make_event(engine, tmp_path, name="Drugie spotkanie", guests=None)
    Door(engine, other.id, "Wejście").walk_in("Jedyna", "Osoba")
    widget = GuestListPanel(engine, sample_event.id)  # its load is on its way…
    qtbot.addWidget(widget)
    widget.setEvent(engine, other.id)  # …when the window switches to another event
    qtbot.waitUntil(widget.isLoaded, timeout=WAIT_MS)
    qtbot.wait(200)  # the first answer has arrived by now, and was ignored
    assert shown(widget) == ["Jedyna Osoba"]
    widget.shutdown()


def test_an_unreachable_database_is_a_message_not_a_traceback(qtbot: QtBot, sample_event: EventInfo) -> None:
    unreachable = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nie_ma")
    widget = GuestListPanel(unreachable, sample_event.id)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.refreshed, timeout=WAIT_MS):
        pass
    assert not widget.isLoaded()
    assert "Nie można odczytać listy gości" in widget.statusText()
    widget.refresh()  # tries again (and fails again, calmly)
    qtbot.waitSignal(widget.refreshed, timeout=WAIT_MS).wait()
    widget.shutdown()
    unreachable.dispose()


def test_fits_a_small_screen_with_large_text(qtbot: QtBot, panel: GuestListPanel) -> None:
    panel.resize(960, 320)  # the list's share of a 1366×768 window
    panel.show()
    qtbot.waitExposed(panel)
    view, M = panel.view(), GuestTableModel
    assert view.font().pointSizeF() >= 13
    assert panel.visibleRowCount() >= 4
    assert panel.minimumSizeHint().width() <= 960
    # Everything a volunteer needs is in view without scrolling sideways; the code gave way.
    assert view.horizontalScrollBar().maximum() == 0
    assert [c for c in range(M.COLUMN_COUNT) if not view.isColumnHidden(c)] == [
        M.NAME, M.ORGANIZATION, M.STATUS, M.WALK_IN, M.BADGES, M.ROLE]
    names = view.columnWidth(M.NAME)
    assert names >= view.fontMetrics().horizontalAdvance("Małgorzata Kowalska")
    panel.resize(1600, 500)  # a wide screen shows every column
    qtbot.waitUntil(lambda: not view.isColumnHidden(M.CODE))
    assert view.horizontalScrollBar().maximum() == 0


def test_a_long_list_shows_its_top_at_once_and_the_rest_soon_after(
    qtbot: QtBot, engine: Engine, event: EventInfo, tmp_path: Path
) -> None:
    from checkin.importing.service import import_file

    big = tmp_path / "duza.csv"
    big.write_text("Imię;Nazwisko;Organizacja\n" + "".join(
        f"Anna;Nowak{i:05d};Fundacja {'Kwiat' if i % 2 else 'Las'}\n" for i in range(12_000)
    ), encoding="utf-8")
    import_file(engine, big, event.id)
    widget = GuestListPanel(engine, event.id)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model().rowCount() == 12_000, timeout=WAIT_MS)
    widget.searchNow("kwiat")
    first = widget.model().rowCount()
    assert 0 < first < 6_000  # the top of the list, already final…
    assert widget.selectedGuestId() == widget.model().guest_id(0)
    top = [widget.model().guest_id(r) for r in range(first)]
    with qtbot.waitSignal(widget.resultsChanged, timeout=WAIT_MS) as done:
        pass  # …the rest comes between input events
    assert done.args == [6_000, 12_000]
    assert [widget.model().guest_id(r) for r in range(first)] == top
    widget.shutdown()
