"""Reading QR codes in one camera frame (greyscale pixels), with the code's corners in the frame.

The plain zxing-cpp call reads a sharp, well-lit code in about a millisecond and is tried first.
Two more passes run only when it finds nothing, each for a case the tests show it cannot read:

* "contrast": its binarizer treats a block spanning fewer than about 24 grey levels as blank (a
  clean code with under 20 levels between dark and light modules is never read), so a dim phone
  screen, a faded print or the edge of a lamp's reflection on the screen (whose light squeezes
  dark and light modules together) reads as nothing. The pass smooths sensor noise,
  subtracts the local mean brightness (16-pixel blocks, kept in floating point: rounding it to
  8 bits bands the image once amplified) and multiplies what is left by six.
* "upscaled": a code held far from the lens, with modules under two pixels, is read at twice the
  size (bilinear, computed in numpy: three times cheaper than Pillow's resize for a 1280×720 frame).

A camera shows a code for many frames in a row, so StreamDecoder gives each frame the plain pass
and only one of the extra passes, taking turns: a frame without a code (most of them) costs about
half of what all passes cost, and a hard code is still read within two frames.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import zxingcpp
from numpy.typing import NDArray
from PIL import Image, ImageFilter

Gray = NDArray[np.uint8]
Point = tuple[float, float]

_CONTRAST_BLOCK = 16
_CONTRAST_GAIN = 6.0


@dataclass(frozen=True)
class DecodedCode:
    """A code read from a frame: its text and its four corners in frame pixels."""

    text: str
    corners: tuple[Point, Point, Point, Point]  # the symbol's top-left, top-right, bottom-right, bottom-left
    found_by: str  # the pass that read it: "plain", "contrast" or "upscaled"


@dataclass(frozen=True)
class DecodePass:
    """One attempt: an image derived from the frame, and the factor its coordinates are scaled by."""

    name: str
    prepare: Callable[[Gray], Gray]
    scale: float  # prepared image size / frame size
    try_invert: bool  # also look for light-on-dark codes (phones in dark mode)


def _plain(gray: Gray) -> Gray:
    return gray


def _contrast(gray: Gray) -> Gray:
    height, width = gray.shape
    smooth = Image.fromarray(gray).filter(ImageFilter.BoxBlur(1))
    pixels = np.asarray(smooth, dtype=np.float32)
    mean = Image.fromarray(pixels, "F").reduce(_CONTRAST_BLOCK).resize(
        (width, height), Image.Resampling.BILINEAR
    )
    stretched: NDArray[np.float32] = (pixels - np.asarray(mean, dtype=np.float32)) * _CONTRAST_GAIN + 128.0
    return np.clip(stretched, 0, 255, out=stretched).astype(np.uint8)


def _upscaled(gray: Gray) -> Gray:
    height, width = gray.shape
    src = gray.astype(np.uint16)
    out = np.empty((2 * height, 2 * width), dtype=np.uint16)
    out[0::2, 0::2] = src
    out[0::2, 1:-1:2] = (src[:, :-1] + src[:, 1:]) >> 1
    out[0::2, -1] = src[:, -1]
    out[1:-1:2, :] = (out[0:-2:2, :] + out[2::2, :]) >> 1
    out[-1, :] = out[-2, :]
    return out.astype(np.uint8)


PASSES: tuple[DecodePass, ...] = (
    DecodePass("plain", _plain, 1.0, try_invert=True),
    DecodePass("contrast", _contrast, 1.0, try_invert=False),
    DecodePass("upscaled", _upscaled, 2.0, try_invert=False),
)


def to_gray(frame: NDArray[np.uint8]) -> Gray:
    """Greyscale view of a frame: H×W as it is, H×W×3 (RGB) or H×W×4 (RGBA/RGBX) converted."""
    if frame.ndim == 2:
        return frame
    if frame.ndim == 3 and frame.shape[2] in (3, 4):
        mode = "RGB" if frame.shape[2] == 3 else "RGBA"
        return np.asarray(Image.fromarray(np.ascontiguousarray(frame), mode).convert("L"))
    raise ValueError(f"not an image frame: shape {frame.shape}")


def gray_from_bytes(data: bytes | memoryview, width: int, height: int, bytes_per_line: int = 0) -> Gray:
    """An 8-bit greyscale frame given as bytes (rows may be padded to bytes_per_line)."""
    stride = bytes_per_line or width
    if stride < width or len(data) < stride * height:
        raise ValueError(f"{len(data)} bytes cannot hold a {width}×{height} frame of {stride} bytes per row")
    return np.frombuffer(data, dtype=np.uint8, count=stride * height).reshape(height, stride)[:, :width]


def _corners(position: zxingcpp.Position, scale: float) -> tuple[Point, Point, Point, Point]:
    tl, tr, br, bl = position.top_left, position.top_right, position.bottom_right, position.bottom_left
    return ((tl.x / scale, tl.y / scale), (tr.x / scale, tr.y / scale),
            (br.x / scale, br.y / scale), (bl.x / scale, bl.y / scale))


def _read(image: Gray, decode_pass: DecodePass) -> list[DecodedCode]:
    # A BarcodeFormats made per call: one kept in a module global outlives nanobind at exit,
    # which then reports it as a leak.
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(image, formats=qr_only, try_invert=decode_pass.try_invert)
    return [
        DecodedCode(barcode.text, _corners(barcode.position, decode_pass.scale), decode_pass.name)
        for barcode in found
        if barcode.valid and barcode.text
    ]


def decode_frame(frame: NDArray[np.uint8], passes: Sequence[DecodePass] = PASSES) -> list[DecodedCode]:
    """The QR codes in a frame; the passes are tried in order until one reads something."""
    gray = to_gray(frame)
    for decode_pass in passes:
        found = _read(np.ascontiguousarray(decode_pass.prepare(gray)), decode_pass)
        if found:
            return found
    return []


class StreamDecoder:
    """decode_frame() for consecutive frames of a video: the plain pass, then one extra pass in turn."""

    def __init__(self, passes: Sequence[DecodePass] = PASSES) -> None:
        self._plain, self._extra = passes[0], tuple(passes[1:])
        self._turn = 0

    def __call__(self, frame: NDArray[np.uint8]) -> list[DecodedCode]:
        if not self._extra:
            return decode_frame(frame, (self._plain,))
        extra = self._extra[self._turn % len(self._extra)]
        self._turn += 1
        return decode_frame(frame, (self._plain, extra))


def decode_bytes(data: bytes | memoryview, width: int, height: int,
                 bytes_per_line: int = 0) -> list[DecodedCode]:
    """decode_frame() for an 8-bit greyscale frame given as bytes and its size."""
    return decode_frame(gray_from_bytes(data, width, height, bytes_per_line))
