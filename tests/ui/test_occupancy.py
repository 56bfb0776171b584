"""Room gauges follow every station (other processes too) within a second; the large display."""

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.engine import Door
from checkin.events import EventInfo
from checkin.verdicts import Level
from tests.ui.conftest import make_event
from ui.occupancy import LEVEL_COLOURS

CHECKIN = Path(sys.executable).with_name("checkin")


def gauge(window):  # type: ignore[no-untyped-def]
    return window.occupancy.gauges[window.desk.client.room_id]


def painted_colours(widget) -> set[str]:  # type: ignore[no-untyped-def]
    """The colours painted where the gauge's bar starts."""
    image = widget.grab().toImage()
    return {image.pixelColor(x, y).name() for x in range(10, 60) for y in range(30, 60)}


def test_a_check_in_by_another_process_shows_within_a_second(qtbot: QtBot, open_window, db_path: Path,
                                                            sample_event: EventInfo, guests) -> None:
    window = open_window(sample_event)
    qtbot.waitUntil(lambda: window.desk.client.room_id in window.occupancy.gauges)
    assert gauge(window).count.inside == 0
    env = {**os.environ, "CHECKIN_DB": str(db_path)}
    done = subprocess.run([str(CHECKIN), "scan", guests(sample_event.id)[0].code, "--station", "Boczne"],
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    written = time.monotonic()
    qtbot.waitUntil(lambda: gauge(window).count.inside == 1, timeout=3000)
    assert time.monotonic() - written < 1.0
    assert "Sala 005: 1 / 60" in gauge(window).summary()
    qtbot.waitUntil(lambda: "w środku: 1" in window.stats_label.text(), timeout=6000)


def test_gauge_turns_amber_then_red_and_says_so(qtbot: QtBot, open_window, engine: Engine, tmp_path: Path,
                                                guests) -> None:
    event = make_event(engine, tmp_path, capacity=10)  # amber from 9 (warn_at 0.9), red at 10
    people = guests(event.id)
    window = open_window(event)
    door = Door(engine, event.id, "Boczne")
    for person in people[:9]:
        door.scan(person.code)
    qtbot.waitUntil(lambda: gauge(window).count is not None and gauge(window).count.inside == 9)
    assert gauge(window).count.level is Level.WARN
    assert "prawie pełna" in gauge(window).summary()
    assert LEVEL_COLOURS[Level.WARN] in painted_colours(gauge(window))
    door.scan(people[9].code)
    qtbot.waitUntil(lambda: gauge(window).count.inside == 10)
    assert "PEŁNA" in gauge(window).summary()
    assert LEVEL_COLOURS[Level.FULL] in painted_colours(gauge(window))


def test_occupancy_display_opens_follows_and_closes(qtbot: QtBot, open_window, engine: Engine,
                                                    sample_event: EventInfo, guests) -> None:
    window = open_window(sample_event)
    qtbot.keyClick(window.field, Qt.Key.Key_F4)
    display = window.occupancy_display
    assert display is not None
    qtbot.waitUntil(display.isVisible)
    qtbot.waitUntil(lambda: bool(display.panel.gauges))
    Door(engine, sample_event.id, "Boczne").scan(guests(sample_event.id)[0].code)
    big = next(iter(display.panel.gauges.values()))
    qtbot.waitUntil(lambda: big.count is not None and big.count.inside == 1, timeout=3000)
    assert "Wolnych miejsc: 59" in big.summary()
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.occupancy_display is None)
    assert not window.display_action.isChecked()
    qtbot.waitUntil(window.field.hasFocus)
