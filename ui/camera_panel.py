"""The camera scanner: the laptop's camera shows the guest's QR code, the panel reads it.

Frames come from a QCamera (or a video file, or feed_image()) through one QVideoSink; the GUI
thread only converts a frame for display and hands it to the decoding worker (ui.camera_worker).
A code is reported once by `codeDetected`; the same code seen again within `repeat_window_s` of
its last sighting is ignored, so a phone held in front of the lens checks its guest in once.

QtMultimedia is imported lazily and may be missing (no libpulse0 on a Linux laptop) or find no
camera: the panel then says why and the rest of the app works as before.
"""

import logging
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from checkin.codes import display

from .camera_worker import CameraWorker, FrameResult
from .settings import Settings

log = logging.getLogger(__name__)

# The overlay stays this long after the last frame with a code, so it does not flicker when the
# decoder misses the code in one frame of a moving phone.
OVERLAY_HOLD_S = 0.5
# A camera's format closest to this is chosen: enough pixels for a code across the room, and a
# frame the decoder reads in well under a camera's frame interval.
PREFERRED_SIZE = QSize(1280, 720)


def multimedia() -> ModuleType:
    """PySide6.QtMultimedia, or ImportError/OSError when the system lacks its libraries."""
    from PySide6 import QtMultimedia

    return QtMultimedia


def _video_inputs() -> list[Any]:
    return list(multimedia().QMediaDevices.videoInputs())


def _device_id(device: Any) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def available_cameras() -> list[tuple[str, str]]:
    """(id, description) of each camera, for the settings; [] without a camera or QtMultimedia."""
    try:
        return [(_device_id(d), d.description()) for d in _video_inputs()]
    except (ImportError, OSError):
        return []


def _best_format(device: Any) -> Any | None:
    formats = [f for f in device.videoFormats() if f.maxFrameRate() >= 15]

    def distance(f: Any) -> tuple[int, float]:
        r = f.resolution()
        return (abs(r.width() * r.height() - PREFERRED_SIZE.width() * PREFERRED_SIZE.height()),
                -f.maxFrameRate())

    return min(formats, key=distance) if formats else None


class _LiveView(QWidget):
    """The live image, scaled to fit, with a frame drawn around each code the decoder found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.codes: list[QPolygonF] = []  # in frame pixels
        self.frame_size = QSize()
        self.message = ""
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def image_rect(self) -> QRectF:
        """Where the image is drawn: the widget's rectangle with the image's aspect ratio."""
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                      size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(24, 24, 24))
        if self.image.isNull():
            painter.setPen(QColor(230, 230, 230))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            return
        target = self.image_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        if not self.codes or self.frame_size.isEmpty():
            return
        to_view = QTransform.fromTranslate(target.x(), target.y()).scale(
            target.width() / self.frame_size.width(), target.height() / self.frame_size.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(0, 220, 90), 4))
        painter.setBrush(QColor(0, 220, 90, 50))
        for polygon in self.codes:
            painter.drawPolygon(to_view.map(polygon))


class CameraPanel(QWidget):
    """Live camera image with code detection; emits codeDetected(text) once per code shown."""

    codeDetected = Signal(str)
    frameDecoded = Signal(object)  # FrameResult of every decoded frame (diagnostics, tests)
    activeChanged = Signal(bool)  # the camera (or a video file) started or stopped

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None, *,
                 repeat_window_s: float = 5.0) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.repeat_window_s = repeat_window_s
        self._last_seen: dict[str, float] = {}
        self._overlay_at = 0.0
        self._worker: CameraWorker | None = None
        self._mm: ModuleType | None = None
        self._sink: Any = None
        self._session: Any = None
        self._camera: Any = None
        self._player: Any = None
        self._devices: Any = None

        self.toggle = QPushButton()
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.set_active)
        self.view = _LiveView()
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.toggle)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._load_multimedia()
        self._show_idle()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- availability ---------------------------------------------------------------------------
    def _load_multimedia(self) -> None:
        try:
            self._mm = multimedia()
        except (ImportError, OSError) as exc:
            log.warning("QtMultimedia unavailable: %s", exc)
            self._mm = None
            self._unavailable(self.tr("Kamera niedostępna: brak systemowych bibliotek multimediów "
                                      "(np. libpulse0). Skanuj czytnikiem lub wpisz kod."))
            return
        self._sink = self._mm.QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._on_video_frame)
        self._devices = self._mm.QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._inputs_changed)

    def _unavailable(self, reason: str) -> None:
        self.toggle.setEnabled(False)
        self._say(reason)

    @property
    def multimedia_available(self) -> bool:
        return self._mm is not None

    available_cameras = staticmethod(available_cameras)

    def select_camera(self, camera_id: str) -> None:
        """Use this camera from now on ('' = the system's default); restarts a running camera."""
        self.settings.camera_device = camera_id
        if self._camera is not None:
            self.stop()
            self.start()

    def _device(self) -> Any | None:
        assert self._mm is not None
        inputs = _video_inputs()
        wanted = self.settings.camera_device
        chosen = next((d for d in inputs if wanted and _device_id(d) == wanted), None)
        if chosen is None and inputs:
            default = self._mm.QMediaDevices.defaultVideoInput()
            chosen = default if not default.isNull() else inputs[0]
        return chosen

    # -- turning on and off ---------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self._camera is not None or self._player is not None

    def set_active(self, on: bool) -> None:
        if on and not self.active:
            self.start()
        elif not on and self.active:
            self.stop()

    def start(self) -> bool:
        """Turn the camera on; False (and the reason shown) when there is none to use."""
        if self._mm is None:
            self._sync_toggle()
            return False
        if self.active:
            return True
        device = self._device()
        if device is None:
            self._say(self.tr("Nie znaleziono kamery. Podłącz kamerę lub skanuj czytnikiem."))
            self._sync_toggle()
            return False
        if not self._permission_granted():
            return False
        camera = self._mm.QCamera(device, self)
        fmt = _best_format(device)
        if fmt is not None:
            camera.setCameraFormat(fmt)
        camera.errorOccurred.connect(self._camera_error)
        self._session = self._mm.QMediaCaptureSession(self)
        self._session.setCamera(camera)
        self._session.setVideoSink(self._sink)
        self._camera = camera
        self._ensure_worker()
        camera.start()
        self._say(self.tr("Pokaż kod QR z zaproszenia do kamery."))
        self._started()
        return True

    def _permission_granted(self) -> bool:
        # Windows and macOS ask the user once; Linux always answers "granted".
        from PySide6.QtCore import QCameraPermission

        app = QCoreApplication.instance()
        if app is None:
            return True
        status = app.checkPermission(QCameraPermission())
        if status == Qt.PermissionStatus.Granted:
            return True
        if status == Qt.PermissionStatus.Undetermined:
            self._say(self.tr("Zezwól programowi na użycie kamery."))
            app.requestPermission(QCameraPermission(), self, lambda _p: self.start())
        else:
            self._say(self.tr("Brak zgody na użycie kamery. Zezwól na nią w ustawieniach systemu."))
        self._sync_toggle()
        return False

    def play_video(self, path: Path, loops: int = 1) -> bool:
        """Read codes from a video file instead of the camera (demonstrations, tests)."""
        if self._mm is None:
            return False
        self.stop()
        player = self._mm.QMediaPlayer(self)
        player.setVideoSink(self._sink)
        player.setLoops(loops)
        player.errorOccurred.connect(self._video_error)
        player.mediaStatusChanged.connect(self._player_status)
        player.setSource(QUrl.fromLocalFile(str(path)))
        self._player = player
        self._ensure_worker()
        player.play()
        self._started()
        return True

    def _video_error(self, _error: Any, text: str) -> None:
        log.warning("video error: %s", text)
        self.stop()
        self._say(self.tr("Nie można odtworzyć pliku wideo: {reason}").format(reason=text))

    def _player_status(self, status: Any) -> None:
        assert self._mm is not None
        if status == self._mm.QMediaPlayer.MediaStatus.EndOfMedia:
            self.stop()

    def stop(self) -> None:
        """Turn the camera (or video) off and end the decoding thread."""
        was_active = self.active
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._camera = None
        if self._session is not None:
            self._session.deleteLater()
            self._session = None
        if self._player is not None:
            self._player.stop()
            self._player.deleteLater()
            self._player = None
        if self._worker is not None:
            self._worker.stop()
            self._worker.deleteLater()
            self._worker = None
        self.view.image = QImage()
        self.view.codes = []
        self.status.hide()
        if was_active:
            self._show_idle()
            self.activeChanged.emit(False)

    def _started(self) -> None:
        self._sync_toggle()
        self.activeChanged.emit(True)

    def _sync_toggle(self) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(self.active)
        self.toggle.setText(self.tr("Wyłącz kamerę") if self.active else self.tr("Włącz kamerę"))
        self.toggle.blockSignals(False)

    def _show_idle(self) -> None:
        self._sync_toggle()
        if self.toggle.isEnabled():
            self._say(self.tr("Kamera wyłączona."))

    def _camera_error(self, _error: Any, text: str) -> None:
        log.warning("camera error: %s", text)
        self.stop()
        self._say(self.tr("Błąd kamery: {reason}").format(reason=text))

    def _inputs_changed(self) -> None:
        if self._camera is not None:
            ids = {_device_id(d) for d in _video_inputs()}
            if _device_id(self._camera.cameraDevice()) not in ids:
                self.stop()
                self._say(self.tr("Kamera została odłączona."))
        elif self.toggle.isEnabled():
            self._show_idle()

    # -- frames ---------------------------------------------------------------------------------
    def feed_image(self, image: QImage) -> None:
        """Decode an image as if the camera had delivered it (tests, a camera-less demo)."""
        if self._mm is not None:
            self._sink.setVideoFrame(self._mm.QVideoFrame(image))
        else:
            self._on_image(image)

    def _on_video_frame(self, frame: Any) -> None:
        if not frame.isValid():
            return
        image = frame.toImage()
        if not image.isNull():
            self._on_image(image)

    def _on_image(self, image: QImage) -> None:
        self._ensure_worker()
        assert self._worker is not None
        self.view.image = image
        self.status.show()
        if self.view.codes and time.monotonic() - self._overlay_at > OVERLAY_HOLD_S:
            self.view.codes = []
        self.view.update()
        self._worker.submit(image)

    def _ensure_worker(self) -> None:
        if self._worker is None:
            self._worker = CameraWorker(self)
            self._worker.decoded.connect(self._on_decoded)

    def _on_decoded(self, result: FrameResult) -> None:
        now = time.monotonic()
        if result.codes:
            self._overlay_at = now
            self.view.codes = [QPolygonF([QPointF(x, y) for x, y in c.corners]) for c in result.codes]
            self.view.frame_size = QSize(result.width, result.height)
            self.view.update()
        self.frameDecoded.emit(result)
        for code in result.codes:
            if self._first_sighting(code.text, now):
                self._say(self.tr("Odczytano kod {code}").format(code=display(code.text)))
                self.codeDetected.emit(code.text)

    def _first_sighting(self, text: str, now: float) -> bool:
        # Measured from the last sighting: a code held in view keeps being ignored.
        last = self._last_seen.get(text)
        self._last_seen[text] = now
        if len(self._last_seen) > 256:
            horizon = now - self.repeat_window_s
            self._last_seen = {k: t for k, t in self._last_seen.items() if t >= horizon}
        return last is None or now - last > self.repeat_window_s

    def _say(self, text: str) -> None:
        # Without an image the view itself shows the message, large; with one, the line below does.
        self.status.setText(text)
        self.status.setVisible(not self.view.image.isNull())
        self.view.message = text
        self.view.update()
