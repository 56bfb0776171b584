"""The parts the lead wired into the door window: camera scanning, the summary, About."""

from collections.abc import Callable

import numpy as np
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from checkin import __version__
from checkin.events import EventInfo
from checkin.guests import GuestRow
from checkin.verdicts import VerdictKind
from tests.checkin import qr_scenes
from ui.about import about_text
from ui.main_window import MainWindow


def qimage(frame: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(np.repeat(frame[:, :, None], 3, axis=2))
    h, w = frame.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).convertToFormat(
        QImage.Format.Format_RGB32)


def test_a_code_shown_to_the_camera_is_checked_in_like_a_scan(
    qtbot: QtBot, open_window: Callable[..., MainWindow], sample_event: EventInfo,
    guests: Callable[[int], list[GuestRow]],
) -> None:
    window = open_window(sample_event)
    window.set_camera_on(True)  # F6; offscreen there is no camera, and the panel says so
    assert window.camera is not None
    assert window.camera_area.isVisible()
    guest = guests(sample_event.id)[0]
    frame = qimage(qr_scenes.KINDS["phone-glare"](guest.code, np.random.default_rng(3)))
    with qtbot.waitSignal(window.desk.client.verdict, timeout=10_000) as got:
        window.camera.feed_image(frame)
    verdict = got.args[0]
    assert verdict.kind is VerdictKind.ADMITTED
    assert verdict.guest.id == guest.id
    qtbot.waitUntil(lambda: window.panel.presentation is not None
                    and window.panel.presentation.kind is VerdictKind.ADMITTED)
    assert window.field.hasFocus()  # the scanner's next code still lands in the field
    window.set_camera_on(False)
    assert not window.camera_area.isVisible()
    assert window.settings.camera_enabled is False


def test_summary_and_export_are_hidden_in_door_only_mode(
    open_window: Callable[..., MainWindow], sample_event: EventInfo
) -> None:
    window = open_window(sample_event)
    assert window.report_action.isEnabled()
    assert window.report_action.shortcut().toString() == "Ctrl+E"
    window.apply_door_only(True)
    assert not window.report_action.isEnabled()  # exports list guests by name
    window.apply_door_only(False)
    assert window.report_action.isEnabled()


def test_about_names_the_version() -> None:
    assert f"Wersja {__version__}" in about_text()
