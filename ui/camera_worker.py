"""Decoding camera frames on a worker thread: the newest frame wins, none ever queue up.

A camera delivers 30 frames a second whether or not the decoder keeps up. Frames handed over while
the worker is busy replace the one waiting (only one ever waits), so the codes found always belong
to a frame a few tens of milliseconds old and memory stays flat. zxing-cpp, Pillow and numpy
release the GIL for the heavy work, so the GUI thread keeps running while a frame is decoded.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from checkin.frame_decode import DecodedCode, StreamDecoder, gray_from_bytes

log = logging.getLogger(__name__)

Decoder = Callable[[np.ndarray], list[DecodedCode]]


@dataclass(frozen=True)
class FrameResult:
    """What the worker found in one frame."""

    serial: int  # the frame's number, counted from the panel's start
    width: int
    height: int
    codes: list[DecodedCode]
    decode_ms: float  # greyscale conversion and decoding, wall-clock
    cpu_ms: float  # the same, in CPU time of the worker thread (what other processes cannot stretch)


def gray_pixels(image: QImage) -> np.ndarray:
    """The image as an H×W uint8 numpy array (a copy: the QImage may be reused by its owner)."""
    if image.format() == QImage.Format.Format_Grayscale8:
        pixels = memoryview(image.constBits())
        return gray_from_bytes(pixels, image.width(), image.height(), image.bytesPerLine()).copy()
    # Qt's own conversion to Grayscale8 takes ~8 ms for 1280×720; Pillow's from BGRX ~1 ms.
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(rgb.constBits(), np.uint8)  # no copy: rgb outlives the conversion
    pil = Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "BGRX", rgb.bytesPerLine(), 1)
    return np.asarray(pil.convert("L"))


class _Decoder(QObject):
    """Lives on the worker thread; decodes the newest frame handed to it."""

    decoded = Signal(object)  # FrameResult
    failed = Signal(str)
    _wake = Signal()

    def __init__(self, decode: Decoder) -> None:
        super().__init__()
        self._decode = decode
        self._lock = threading.Lock()
        self._pending: tuple[int, QImage] | None = None
        self._scheduled = False  # a wake-up is queued or a frame is being decoded
        self.replaced = 0  # frames dropped because a newer one arrived first

    def submit(self, serial: int, image: QImage) -> None:
        """Any thread: make this the frame to decode next, replacing one still waiting."""
        with self._lock:
            if self._pending is not None:
                self.replaced += 1
            self._pending = (serial, image)
            wake = not self._scheduled
            self._scheduled = True
        if wake:
            self._wake.emit()  # queued: this object lives on the worker thread

    @Slot()
    def _run_one(self) -> None:
        with self._lock:
            job, self._pending = self._pending, None
            if job is None:
                self._scheduled = False
                return
        serial, image = job
        start, cpu_start = time.perf_counter(), time.thread_time()
        try:
            codes = self._decode(gray_pixels(image))
        except Exception as exc:  # a bad frame must not stop the camera; the log says why
            log.exception("decoding camera frame %d failed", serial)
            self.failed.emit(str(exc))
            codes = []
        took, cpu = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu_start) * 1000
        self.decoded.emit(FrameResult(serial, image.width(), image.height(), codes, took, cpu))
        # One frame per turn of this thread's event loop, so quit() is never starved.
        with self._lock:
            more = self._pending is not None
            self._scheduled = more
        if more:
            self._wake.emit()


class CameraWorker(QObject):
    """Owns the decoding thread; results come back to the owner's thread as `decoded` signals."""

    decoded = Signal(object)  # FrameResult
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, decode: Decoder | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("checkin-camera-decoder")
        self._decoder = _Decoder(decode if decode is not None else StreamDecoder())
        self._decoder.moveToThread(self._thread)
        self._decoder._wake.connect(self._decoder._run_one)
        self._decoder.decoded.connect(self.decoded)
        self._decoder.failed.connect(self.failed)
        self._serial = 0
        self._thread.start()

    @property
    def frames_replaced(self) -> int:
        return self._decoder.replaced

    def submit(self, image: QImage) -> int:
        """Hand a frame to the decoder; returns its serial number (FrameResult.serial)."""
        self._serial += 1
        self._decoder.submit(self._serial, image)
        return self._serial

    def stop(self) -> None:
        """End the thread after the frame being decoded (at most one); idempotent."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
