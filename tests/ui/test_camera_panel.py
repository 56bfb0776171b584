"""The camera panel, fed with image frames and a video file (CI has no camera)."""

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from checkin.engine import Door
from checkin.events import EventInfo
from checkin.guests import list_guests
from checkin.importing.service import import_file
from checkin.resources import resource
from checkin.verdicts import VerdictKind
from tests.checkin import qr_scenes
from ui import camera_panel
from ui.camera_panel import CameraPanel
from ui.camera_worker import CameraWorker, FrameResult
from ui.settings import Settings

OUT = Path(__file__).resolve().parents[2] / "out" / "screenshots"
OVERLAY_GREEN = (0, 220, 90)


def qimage(frame: np.ndarray) -> QImage:
    """A camera-like colour frame (RGB32, as QVideoFrame.toImage() gives) of a greyscale scene."""
    rgb = np.ascontiguousarray(np.repeat(frame[:, :, None], 3, axis=2))
    h, w = frame.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).convertToFormat(
        QImage.Format.Format_RGB32)


def scene(kind: str = "phone-glare", seed: int = 1) -> qr_scenes.Scene:
    return next(qr_scenes.scenes(1, kinds=(kind,), seed=seed))


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[CameraPanel]:
    widget = CameraPanel(Settings(), repeat_window_s=5.0)
    qtbot.addWidget(widget)
    widget.resize(800, 520)
    widget.show()
    yield widget
    widget.stop()


def feed(qtbot: QtBot, panel: CameraPanel, image: QImage) -> FrameResult:
    """Feed one frame and wait until the worker has decoded it."""
    with qtbot.waitSignal(panel.frameDecoded, timeout=5000) as blocker:
        panel.feed_image(image)
    result = blocker.args[0]
    assert isinstance(result, FrameResult)
    return result


def green_pixels(image: QImage) -> int:
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    px = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    b, g, r = px[..., 0].astype(int), px[..., 1].astype(int), px[..., 2].astype(int)
    return int(((g > 180) & (r < 90) & (b < 150)).sum())


def test_code_shown_to_the_camera_is_reported_once_and_framed(qtbot: QtBot, panel: CameraPanel) -> None:
    shown = scene()
    frame = qimage(shown.frame)
    assert green_pixels(panel.grab().toImage()) == 0
    detected: list[str] = []
    panel.codeDetected.connect(detected.append)

    result = feed(qtbot, panel, frame)
    assert [c.text for c in result.codes] == [shown.code]
    assert detected == [shown.code]
    # The guest keeps holding the phone up: the same code in the next frames is not reported again.
    for _ in range(3):
        assert [c.text for c in feed(qtbot, panel, frame).codes] == [shown.code]
    assert detected == [shown.code]
    assert "Odczytano kod" in panel.status.text()

    OUT.mkdir(parents=True, exist_ok=True)
    shot = panel.grab()
    assert shot.save(str(OUT / "camera-panel-code.png"))
    # The frame around the code is drawn where the code is: scaled from 1280×720 into the view.
    view = panel.view
    rect = view.image_rect()
    xs = [x for x, _ in result.codes[0].corners]
    ys = [y for _, y in result.codes[0].corners]
    scale = rect.width() / 1280
    left, right = rect.x() + min(xs) * scale, rect.x() + max(xs) * scale
    top, bottom = rect.y() + min(ys) * scale, rect.y() + max(ys) * scale
    around = view.grab().toImage().copy(int(left) - 6, int(top) - 6, int(right - left) + 12,
                                        int(bottom - top) + 12)
    assert green_pixels(around) > 4 * (right - left)  # four sides of a 4 px line, at least
    assert green_pixels(view.grab().toImage()) - green_pixels(around) < 50  # and nowhere else


def test_same_code_is_reported_again_once_the_window_has_passed(qtbot: QtBot, panel: CameraPanel) -> None:
    panel.repeat_window_s = 0.4
    shown = scene("rotated", 2)
    frame = qimage(shown.frame)
    detected: list[str] = []
    panel.codeDetected.connect(detected.append)
    feed(qtbot, panel, frame)
    feed(qtbot, panel, frame)
    assert detected == [shown.code]
    qtbot.wait(600)  # the phone was taken away and shown again
    feed(qtbot, panel, frame)
    assert detected == [shown.code, shown.code]


def test_next_guest_is_reported_at_once(qtbot: QtBot, panel: CameraPanel) -> None:
    first, second = scene("perspective", 3), scene("noisy", 4)
    detected: list[str] = []
    panel.codeDetected.connect(detected.append)
    feed(qtbot, panel, qimage(first.frame))
    feed(qtbot, panel, qimage(qr_scenes.empty_frame(5)))
    feed(qtbot, panel, qimage(second.frame))
    assert detected == [first.code, second.code]


def test_frame_without_a_code_reports_nothing_and_draws_no_frame(qtbot: QtBot, panel: CameraPanel) -> None:
    detected: list[str] = []
    panel.codeDetected.connect(detected.append)
    assert feed(qtbot, panel, qimage(qr_scenes.empty_frame(6))).codes == []
    assert detected == []
    assert green_pixels(panel.view.grab().toImage()) == 0


def test_frames_arriving_while_the_decoder_is_busy_replace_older_ones(qtbot: QtBot) -> None:
    threads: set[int] = set()
    started = threading.Event()

    def slow_decode(gray: np.ndarray) -> list:
        threads.add(threading.get_ident())
        started.set()
        time.sleep(0.3)
        return []

    worker = CameraWorker(decode=slow_decode)
    results: list[FrameResult] = []
    worker.decoded.connect(results.append)
    image = qimage(qr_scenes.empty_frame(7))
    try:
        worker.submit(image)
        assert started.wait(5)
        serials = [worker.submit(image) for _ in range(10)]  # all while the first is decoded
        qtbot.waitUntil(lambda: bool(results) and results[-1].serial == serials[-1], timeout=5000)
        qtbot.wait(400)
    finally:
        worker.stop()
    # The first frame and the newest; the nine in between were replaced, never queued.
    assert [r.serial for r in results] == [1, serials[-1]]
    assert worker.frames_replaced == 9
    assert threads
    assert threading.get_ident() not in threads  # never on the GUI thread


def test_without_a_camera_the_panel_says_so(qtbot: QtBot, panel: CameraPanel,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camera_panel, "_video_inputs", lambda: [])
    panel.toggle.click()
    assert not panel.active
    assert not panel.toggle.isChecked()
    assert "Nie znaleziono kamery" in panel.status.text()
    OUT.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(OUT / "camera-panel-no-camera.png"))


def test_without_multimedia_libraries_the_app_still_runs(qtbot: QtBot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(camera_panel, "multimedia", missing)
    assert camera_panel.available_cameras() == []
    widget = CameraPanel(Settings())
    qtbot.addWidget(widget)
    assert not widget.multimedia_available
    assert not widget.toggle.isEnabled()
    assert not widget.start()
    assert "bibliotek multimediów" in widget.status.text()
    # Frames handed in directly are still read (the decoder needs no QtMultimedia).
    shown = scene("straight", 8)
    with qtbot.waitSignal(widget.codeDetected, timeout=5000) as blocker:
        widget.feed_image(qimage(shown.frame))
    assert blocker.args == [shown.code]
    widget.stop()


class _FakeDevice:
    def __init__(self, ident: bytes, description: str) -> None:
        self._id, self._description = ident, description

    def id(self) -> object:
        from PySide6.QtCore import QByteArray

        return QByteArray(self._id)

    def description(self) -> str:
        return self._description


def test_cameras_are_listed_by_id_and_the_choice_is_kept(panel: CameraPanel,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    devices = [_FakeDevice(b"/dev/video0", "Integrated Camera"), _FakeDevice(b"/dev/video2", "Logitech C920")]
    monkeypatch.setattr(camera_panel, "_video_inputs", lambda: devices)
    assert CameraPanel.available_cameras() == [("/dev/video0", "Integrated Camera"),
                                               ("/dev/video2", "Logitech C920")]
    panel.select_camera("/dev/video2")
    assert Settings().camera_device == "/dev/video2"


def test_codes_in_a_video_file_are_read(qtbot: QtBot, panel: CameraPanel, tmp_path: Path) -> None:
    # A clip as a camera would give it: the room, then a guest raising a phone with the code.
    shown = scene("phone-tilted", 9)
    frames = [Image.fromarray(qr_scenes.empty_frame(i)) for i in range(4)]
    frames += [Image.fromarray(shown.frame)] * 8
    clip = tmp_path / "door.gif"
    frames[0].save(clip, save_all=True, append_images=frames[1:], duration=66, loop=0)
    detected: list[str] = []
    panel.codeDetected.connect(detected.append)
    with qtbot.waitSignal(panel.activeChanged, timeout=10000, check_params_cb=lambda on: not on):
        assert panel.play_video(clip)
    assert detected == [shown.code]


def test_guest_showing_their_invitation_is_checked_in(qtbot: QtBot, panel: CameraPanel, engine: Engine,
                                                      event: EventInfo) -> None:
    import_file(engine, resource("sample", "zgloszenia-lawka-dialogu.csv"), event.id, accept_warnings=True)
    guest = next(g for g in list_guests(engine, event.id) if g.status == "registered")
    door = Door(engine, event.id, "Kamera 1")
    verdicts = []
    panel.codeDetected.connect(lambda code: verdicts.append(door.scan(code)))
    rng = np.random.default_rng(10)
    frame = qimage(qr_scenes.KINDS["phone-glare"](guest.code, rng))
    for _ in range(3):  # held in front of the camera for a few frames
        feed(qtbot, panel, frame)
    assert len(verdicts) == 1
    assert verdicts[0].kind == VerdictKind.ADMITTED
    assert verdicts[0].guest is not None
    assert verdicts[0].guest.id == guest.id
    assert next(g for g in list_guests(engine, event.id) if g.id == guest.id).inside
