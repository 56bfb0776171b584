"""Scanning at the door window: keystrokes + Enter give the verdict a volunteer must see."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.engine import Door
from checkin.events import EventInfo
from checkin.guests import list_guests
from checkin.verdicts import Tone, VerdictKind
from tests.ui.conftest import make_event
from tests.ui.door_helpers import panel_colour, scan, shown
from ui.door_lock import PinDialog, hash_pin

GREEN, AMBER, RED = "#1e7b34", "#f2b705", "#b3261e"


def test_scan_admits_and_says_hand_out_the_badge(qtbot: QtBot, open_window, sample_event: EventInfo,
                                                guests) -> None:
    guest = guests(sample_event.id)[0]
    window = open_window(sample_event)
    verdict = scan(qtbot, window, guest.code)
    assert verdict.kind is VerdictKind.ADMITTED
    text = shown(window)
    assert "Wejście" in text
    assert "Wydaj identyfikator" in text
    assert f"{guest.first_name} {guest.last_name}" in text
    assert guest.organization in text
    assert "Sala 005: 1 / 60" in text
    assert panel_colour(window) == GREEN
    assert window.field.text() == ""  # ready for the next person
    assert window.field.hasFocus()
    qtbot.waitUntil(lambda: window.recent.count() == 1)
    assert guest.last_name in window.recent.item(0).text()
    gauges = window.occupancy.gauges
    qtbot.waitUntil(lambda: bool(gauges) and next(iter(gauges.values())).count.inside == 1)


def other_station(engine: Engine, event: EventInfo) -> Door:
    return Door(engine, event.id, "Stanowisko 2")


def test_already_inside_says_when_and_where_they_came_in(qtbot: QtBot, open_window, engine: Engine,
                                                         sample_event: EventInfo, guests) -> None:
    guest = guests(sample_event.id)[1]
    first = other_station(engine, sample_event).scan(guest.code)
    window = open_window(sample_event)
    verdict = scan(qtbot, window, guest.code)
    assert verdict.kind is VerdictKind.ALREADY_INSIDE
    when = first.at.astimezone(ZoneInfo("Europe/Warsaw")).strftime("%H:%M")
    text = shown(window)
    assert "Już w sali" in text
    assert f"Ta osoba weszła o {when} przy stanowisku Stanowisko 2 — sprawdź dokument" in text
    assert panel_colour(window) == AMBER


@pytest.mark.parametrize(
    ("code", "headline", "advice"),
    [
        ("ABC-12345", "Nieznany kod", "wpisz nazwisko"),
        ("typo", "Kod odczytany z błędem", "Zeskanuj kod jeszcze raz"),
    ],
)
def test_unknown_and_misread_codes_are_refused_with_what_to_do(
    qtbot: QtBot, open_window, sample_event: EventInfo, guests, code: str, headline: str, advice: str
) -> None:
    if code == "typo":  # a real code with its check character changed: a misread, not a stranger
        real = guests(sample_event.id)[0].code
        code = real[:-1] + ("0" if real[-1] != "0" else "1")
    window = open_window(sample_event)
    scan(qtbot, window, code)
    text = shown(window)
    assert headline in text
    assert advice in text
    assert f"Odczytano: {code}" in text
    assert panel_colour(window) == (RED if headline == "Nieznany kod" else AMBER)


def test_cancelled_registration_is_refused(qtbot: QtBot, open_window, engine: Engine,
                                           sample_event: EventInfo) -> None:
    cancelled = next(g for g in list_guests(engine, sample_event.id) if g.status == "cancelled")
    window = open_window(sample_event)
    verdict = scan(qtbot, window, cancelled.code)
    assert verdict.kind is VerdictKind.CANCELLED
    assert "Rejestracja odwołana" in shown(window)
    assert f"{cancelled.first_name} {cancelled.last_name}" in shown(window)
    assert panel_colour(window) == RED


def test_code_of_another_event_is_refused(qtbot: QtBot, open_window, engine: Engine, tmp_path: Path,
                                          sample_event: EventInfo, guests) -> None:
    other = make_event(engine, tmp_path, name="Inne spotkanie")
    window = open_window(sample_event)
    verdict = scan(qtbot, window, guests(other.id)[0].code)
    assert verdict.kind is VerdictKind.WRONG_EVENT
    assert "Kod innego wydarzenia" in shown(window)
    assert panel_colour(window) == RED


def test_room_full_then_supervisor_override_with_pin(qtbot: QtBot, open_window, engine: Engine,
                                                     tmp_path: Path, guests, settings) -> None:
    settings.pin_hash = hash_pin("2468")
    event = make_event(engine, tmp_path, capacity=1)
    first, second = guests(event.id)[:2]
    other_station(engine, event).scan(first.code)
    window = open_window(event)
    verdict = scan(qtbot, window, second.code)
    assert verdict.kind is VerdictKind.ROOM_FULL
    assert "Sala pełna — poproś o chwilę oczekiwania" in shown(window)
    assert window.panel.override.isVisible()
    assert panel_colour(window) == RED

    def enter_pin() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PinDialog) and w.isVisible())
        dialog.pin_edit.setText("2468")
        dialog.accept()

    QTimer.singleShot(50, enter_pin)
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as blocker:
        qtbot.keyClick(window.field, Qt.Key.Key_F8)
    assert blocker.args[0].kind is VerdictKind.OVERRIDE
    qtbot.waitUntil(lambda: "Wejście ponad limit" in shown(window))
    assert "Sala 005: 2 / 1" in shown(window)
    assert not window.panel.override.isVisible()
    qtbot.waitUntil(window.field.hasFocus)


def test_exit_mode_exit_then_welcome_back_then_not_inside(qtbot: QtBot, open_window,
                                                           sample_event: EventInfo, guests) -> None:
    inside, outside = guests(sample_event.id)[:2]
    window = open_window(sample_event)
    scan(qtbot, window, inside.code)
    qtbot.keyClick(window.field, Qt.Key.Key_F3)
    assert window.mode.text() == "WYJŚCIE"
    assert scan(qtbot, window, inside.code).kind is VerdictKind.EXIT
    assert "Wyjście zapisane" in shown(window)
    assert scan(qtbot, window, outside.code).kind is VerdictKind.NOT_INSIDE
    assert "Nie ma w sali" in shown(window)
    qtbot.keyClick(window.field, Qt.Key.Key_F3)
    assert window.mode.text() == "WEJŚCIE"
    assert scan(qtbot, window, inside.code).kind is VerdictKind.WELCOME_BACK
    assert "Ponowne wejście" in shown(window)


def test_a_scanner_sending_twice_is_one_entry(qtbot: QtBot, open_window, sample_event: EventInfo,
                                              guests) -> None:
    guest = guests(sample_event.id)[0]
    window = open_window(sample_event)
    scan(qtbot, window, guest.code)
    again = scan(qtbot, window, guest.code)
    assert again.repeat
    assert "nic nie zapisano ponownie" in shown(window)
    assert "Sala 005: 1 / 60" in shown(window)


def test_verdict_returns_to_ready_after_its_timeout_and_escape(qtbot: QtBot, open_window,
                                                                sample_event: EventInfo, guests) -> None:
    window = open_window(sample_event)
    scan(qtbot, window, guests(sample_event.id)[0].code)
    qtbot.keyClick(window.field, Qt.Key.Key_Escape)
    assert "Gotowe do skanowania" in shown(window)
    window.desk.screen.show_notice(Tone.OK, "x", "y")
    window.desk.screen._timeout.setInterval(50)  # the real timeout is seconds; the mechanism is the same
    window.desk.screen._timeout.start()
    qtbot.waitUntil(lambda: "Gotowe do skanowania" in shown(window), timeout=2000)


def test_a_name_is_searched_not_scanned(qtbot: QtBot, open_window, sample_event: EventInfo) -> None:
    window = open_window(sample_event)
    verdicts: list[object] = []
    window.desk.client.verdict.connect(verdicts.append)
    qtbot.keyClicks(window.field, "Adamczyk")
    qtbot.keyClick(window.field, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert verdicts == []  # nothing went to the door
    assert window.field.text() == "Adamczyk"  # the volunteer keeps what they typed
    assert "Gotowe do skanowania" in shown(window)
