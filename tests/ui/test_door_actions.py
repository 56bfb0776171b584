"""The door's other actions by keyboard: walk-in, undo, door-only mode, focus that always returns."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.events import EventInfo
from checkin.guests import list_guests
from checkin.verdicts import VerdictKind
from tests.ui.door_helpers import scan, shown, type_text
from ui.door_lock import PinDialog, hash_pin, verify_pin
from ui.settings_dialog import SettingsDialog
from ui.walk_in_dialog import WalkInDialog


def open_walk_in(qtbot: QtBot, window) -> WalkInDialog:
    dialogs: list[WalkInDialog] = []
    window.desk.walkInOpened.connect(dialogs.append)
    qtbot.keyClick(window.field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[0].isVisible())
    dialog = dialogs[0]
    qtbot.waitUntil(dialog.first.hasFocus)
    return dialog


def test_walk_in_by_keyboard_registers_and_admits(qtbot: QtBot, open_window, engine: Engine,
                                                  sample_event: EventInfo) -> None:
    window = open_window(sample_event)
    dialog = open_walk_in(qtbot, window)
    # Typing goes where the cursor is: Tab moves between the fields, Enter registers.
    type_text(qtbot, QApplication.focusWidget(), "Żaneta")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "Brzęczyszczykiewicz")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "Fundacja Łączy Nas")
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as blocker:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    verdict = blocker.args[0]
    assert verdict.kind is VerdictKind.ADMITTED
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Żaneta Brzęczyszczykiewicz" in shown(window)
    assert "Fundacja Łączy Nas" in shown(window)
    assert "Wydaj identyfikator" in shown(window)
    qtbot.waitUntil(window.field.hasFocus)  # the next scan goes to the right place
    walk_ins = [g for g in list_guests(engine, sample_event.id) if g.walk_in]
    assert [(g.first_name, g.last_name, g.organization, g.inside) for g in walk_ins] == [
        ("Żaneta", "Brzęczyszczykiewicz", "Fundacja Łączy Nas", True)]


def test_walk_in_without_surname_says_so_and_keeps_the_dialog(qtbot: QtBot, open_window, engine: Engine,
                                                              sample_event: EventInfo) -> None:
    window = open_window(sample_event)
    dialog = open_walk_in(qtbot, window)
    type_text(qtbot, dialog.first, "Jan")
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "nazwisko" in dialog.error.text()
    assert dialog.last.hasFocus()  # straight to the missing field
    type_text(qtbot, dialog.email, "nie-adres")
    type_text(qtbot, dialog.last, "Nowak")
    qtbot.keyClick(dialog.last, Qt.Key.Key_Return)
    # The door refuses a malformed e-mail: the words come back into the dialog, nothing is lost.
    qtbot.waitUntil(lambda: "e-mail" in dialog.error.text())
    assert dialog.isVisible()
    assert dialog.first.text() == "Jan"
    assert not [g for g in list_guests(engine, sample_event.id) if g.walk_in]
    qtbot.keyClick(dialog.first, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(window.field.hasFocus)


def test_ctrl_z_undoes_this_stations_last_entry(qtbot: QtBot, open_window, engine: Engine,
                                                sample_event: EventInfo, guests) -> None:
    guest = guests(sample_event.id)[0]
    window = open_window(sample_event)
    scan(qtbot, window, guest.code)
    qtbot.waitUntil(lambda: "1 / 60" in window.occupancy.gauges[window.desk.client.room_id].summary())
    with qtbot.waitSignal(window.desk.client.undone, timeout=10_000):
        qtbot.keyClick(window.field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    text = shown(window)
    assert "Cofnięto" in text
    assert f"{guest.first_name} {guest.last_name}" in text
    assert "Sala 005: 0 / 60" in text
    qtbot.waitUntil(lambda: "0 / 60" in window.occupancy.gauges[window.desk.client.room_id].summary())
    assert not next(g for g in list_guests(engine, sample_event.id) if g.id == guest.id).inside
    qtbot.waitUntil(lambda: window.recent.count() == 2)  # the entry (struck out) and the undo
    assert window.recent.item(1).font().strikeOut()
    # Nothing left to undo at this station: it says so instead of undoing someone else's action.
    with qtbot.waitSignal(window.desk.client.undone, timeout=10_000):
        window.undo_button.click()
    assert "nie ma czynności do cofnięcia" in shown(window)
    assert window.field.hasFocus()


def test_focus_comes_back_to_the_scan_field(qtbot: QtBot, open_window, sample_event: EventInfo,
                                            guests) -> None:
    window = open_window(sample_event)
    # A click on a button or a list does not keep the focus away from the scanner.
    qtbot.mouseClick(window.walk_in_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, WalkInDialog) and w.isVisible())
    qtbot.keyClick(dialog.first, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.field.hasFocus)
    window.recent.setFocus()
    qtbot.mouseClick(window.recent.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.field.hasFocus)
    # A scanner typing while something else has the focus still lands in the field.
    window.undo_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    window.undo_button.setFocus()
    assert not window.field.hasFocus()
    code = guests(sample_event.id)[0].code
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as blocker:
        for ch in code:  # each key goes where the keyboard focus is, as the window system sends it
            qtbot.keyClicks(QApplication.focusWidget(), ch)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert blocker.args[0].kind is VerdictKind.ADMITTED
    assert window.field.hasFocus()


def test_scanner_without_enter_burst_then_pause_is_a_scan(qtbot: QtBot, open_window,
                                                          sample_event: EventInfo, guests) -> None:
    code = guests(sample_event.id)[0].code
    window = open_window(sample_event, scanner_without_enter=True)
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as blocker:
        qtbot.keyClicks(window.field, code)  # a burst, and no Enter
    assert blocker.args[0].kind is VerdictKind.ADMITTED
    assert window.field.text() == ""
    # A person typing a name at human speed is never taken for a scanner.
    verdicts: list[object] = []
    window.desk.client.verdict.connect(verdicts.append)
    qtbot.keyClicks(window.field, "Nowak", delay=90)
    qtbot.wait(400)
    assert verdicts == []
    assert window.field.text() == "Nowak"


def test_a_scan_after_a_forgotten_name_replaces_it(qtbot: QtBot, open_window, sample_event: EventInfo,
                                                   guests) -> None:
    code = guests(sample_event.id)[0].code
    window = open_window(sample_event)
    qtbot.keyClicks(window.field, "Kowal", delay=80)
    qtbot.wait(1200)  # the volunteer turned away; the next guest holds out an invitation
    verdict = scan(qtbot, window, code)
    assert verdict.kind is VerdictKind.ADMITTED


def _answer_pin(qtbot: QtBot, *pins: str) -> None:
    """Fill the PIN dialogs that open next, one PIN (or 'cancel') each."""
    queue = list(pins)

    def fill() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, PinDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, fill)
            return
        pin = queue.pop(0)
        if pin == "cancel":
            dialog.reject()
        else:
            dialog.pin_edit.setText(pin)
            dialog.repeat_edit.setText(pin)
            dialog.accept()
        if queue:
            QTimer.singleShot(20, fill)

    QTimer.singleShot(20, fill)


def test_door_only_mode_hides_the_list_and_needs_the_pin_to_leave(qtbot: QtBot, open_window, settings,
                                                                  sample_event: EventInfo) -> None:
    window = open_window(sample_event)
    assert window.guests.isVisible()
    _answer_pin(qtbot, "1357")  # no PIN yet: entering door-only mode asks for a new one
    qtbot.keyClick(window.field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.guests.isVisible()
    assert settings.pin_hash
    assert "1357" not in settings.pin_hash  # stored hashed only
    assert verify_pin("1357", settings.pin_hash)
    qtbot.waitUntil(window.field.hasFocus)  # back from the PIN dialog
    # Names are not searched here: the volunteer is told to scan.
    qtbot.keyClicks(window.field, "Adamczyk")
    qtbot.keyClick(window.field, Qt.Key.Key_Return)
    assert "Tylko kody" in shown(window)
    assert window.field.text() == ""
    # A wrong PIN keeps the mode; the right one leaves it.
    _answer_pin(qtbot, "0000", "cancel")
    qtbot.keyClick(window.field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.guests.isVisible()
    qtbot.waitUntil(window.field.hasFocus)
    _answer_pin(qtbot, "1357")
    qtbot.keyClick(window.field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.guests.isVisible()
    qtbot.waitUntil(window.field.hasFocus)


def test_settings_are_behind_the_pin_and_change_the_station(qtbot: QtBot, open_window, settings,
                                                            sample_event: EventInfo) -> None:
    settings.pin_hash = hash_pin("2468")
    window = open_window(sample_event)
    opened: list[SettingsDialog] = []

    def note_dialog() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, SettingsDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, note_dialog)
            return
        opened.append(dialog)
        dialog.station.setText("Wejście główne")
        dialog.direction.setCurrentIndex(1)  # an exit station
        dialog.accept()

    _answer_pin(qtbot, "1111", "cancel")  # a wrong PIN: no settings
    qtbot.keyClick(window.field, Qt.Key.Key_F9)
    qtbot.waitUntil(window.field.hasFocus)
    assert not opened
    _answer_pin(qtbot, "2468")
    QTimer.singleShot(20, note_dialog)
    qtbot.keyClick(window.field, Qt.Key.Key_F9)
    assert opened
    qtbot.waitUntil(lambda: window.desk.client.config.station == "Wejście główne")
    assert settings.station == "Wejście główne"
    assert window.mode.text() == "WYJŚCIE"
    qtbot.waitUntil(lambda: "Wejście główne" in window.station_label.text())
    qtbot.waitUntil(window.field.hasFocus)


def test_a_typed_key_in_the_field_is_never_stolen(qtbot: QtBot, open_window, sample_event: EventInfo) -> None:
    window = open_window(sample_event)
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    qtbot.keyClicks(window.field, "abc")
    assert window.field.text() == "abc"


def test_a_name_typed_in_the_field_finds_and_checks_in_by_keyboard(
    qtbot: QtBot, open_window, engine: Engine, sample_event: EventInfo, guests
) -> None:
    window = open_window(sample_event)
    panel = window.guests.panel
    qtbot.waitUntil(panel.isLoaded)
    target = next(g for g in guests(sample_event.id) if g.last_name == "Bąk" and g.first_name == "Katarzyna")
    verdicts: list[object] = []
    window.desk.client.verdict.connect(verdicts.append)
    qtbot.keyClicks(window.field, "bak")  # no diacritics, as people type
    qtbot.keyClick(window.field, Qt.Key.Key_Return)  # first Enter: show the result now
    assert verdicts == []
    assert window.field.hasFocus()
    rows = [panel.model().guest_id(r) for r in range(panel.model().rowCount())]
    assert target.id in rows
    for _ in range(rows.index(target.id)):  # arrows move the highlight; the focus stays put
        qtbot.keyClick(window.field, Qt.Key.Key_Down)
    assert panel.selectedGuestId() == target.id
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as blocker:
        qtbot.keyClick(window.field, Qt.Key.Key_Return)
    assert blocker.args[0].kind is VerdictKind.ADMITTED
    assert blocker.args[0].guest.id == target.id
    assert "Katarzyna Bąk" in shown(window)
    assert window.field.text() == ""
    # Ctrl+O from the field lets the highlighted guest out again.
    panel.selectGuest(target.id)
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as blocker:
        qtbot.keyClick(window.field, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].kind is VerdictKind.EXIT


def test_ctrl_i_opens_the_import_wizard_and_focus_comes_back(qtbot: QtBot, open_window,
                                                              sample_event: EventInfo) -> None:
    from ui.import_wizard import ImportWizard

    window = open_window(sample_event)
    qtbot.keyClick(window.field, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible())
    wizard.reject()
    qtbot.waitUntil(window.field.hasFocus)
