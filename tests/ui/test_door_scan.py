"""Scanning at the door window: keystrokes + Enter give the verdict a volunteer must see."""


from pytestqt.qtbot import QtBot

from checkin.events import EventInfo
from checkin.verdicts import VerdictKind
from tests.ui.door_helpers import panel_colour, scan, shown

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
    qtbot.waitUntil(lambda: window.occupancy.gauges and next(iter(window.occupancy.gauges.values())).count.inside == 1)
