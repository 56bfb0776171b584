"""QR codes of guest codes: the module matrix, PDF drawing operators and PNG files.

Generated codes (upper-case letters and digits) are encoded in alphanumeric mode, which keeps a
17-character code in a version 1 symbol (21×21 modules) at error correction M: the largest modules
a badge can print. Imported codes that alphanumeric mode cannot carry use the mode qrcode picks.

Choosing the mask is where qrcode spends most of its time (it builds the symbol eight times). A
fixed mask is used when it is safe: the symbol built with FIXED_MASK is kept only if its penalty
score (ISO 18004's measure of patterns that confuse scanners: large blocks, long runs, false
finder patterns) is no worse than MAX_FIXED_PENALTY; otherwise the mask with the lowest penalty.
Over random generated codes mask 2 has the lowest mean penalty and is kept for about 97 % of them.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import qrcode
from PIL import Image
from qrcode import constants, util

from . import codes

FIXED_MASK = 2
# The worst penalty the automatic choice reached over 3,000 random generated codes was ~500;
# a fixed-mask symbol above this is rebuilt with the best mask.
MAX_FIXED_PENALTY = 480
QUIET_ZONE = 4  # modules of white around a symbol in a PNG (the standard's quiet zone)
_ALPHANUMERIC = frozenset(util.ALPHA_NUM.decode("ascii"))


@dataclass(frozen=True)
class QrMatrix:
    """The dark (True) and light modules of one symbol, top row first, without quiet zone."""

    rows: tuple[tuple[bool, ...], ...]
    mask: int

    @property
    def size(self) -> int:
        return len(self.rows)


def _data(code: str) -> util.QRData:
    if code and all(ch in _ALPHANUMERIC for ch in code):
        return util.QRData(code, mode=util.MODE_ALPHA_NUM)
    return util.QRData(code)


def matrix(code: str) -> QrMatrix:
    """The symbol for a guest code (fixed mask where that is safe, see the module docstring)."""
    if not code:
        raise ValueError("a QR code needs a non-empty guest code")
    # A generated code always fits version 1: naming it skips qrcode's search for the version,
    # which encodes the data once more just to measure it.
    generated = codes.is_generated_form(code)
    symbol = qrcode.QRCode(
        version=1 if generated else None, error_correction=constants.ERROR_CORRECT_M, border=0,
        mask_pattern=FIXED_MASK,
    )
    symbol.add_data(_data(code))
    symbol.make(fit=not generated)
    mask = FIXED_MASK
    if util.lost_point(symbol.modules) > MAX_FIXED_PENALTY:
        # Scored on the finished symbol, format bits included (qrcode's own choice scores a
        # draft without them, which can prefer a worse mask).
        scores = {}
        for candidate in range(8):
            symbol.makeImpl(False, candidate)
            scores[candidate] = util.lost_point(symbol.modules)
        mask = min(scores, key=lambda m: (scores[m], m))
        symbol.makeImpl(False, mask)
    # After makeImpl every module is True or False (None only marks unset ones while building).
    return QrMatrix(tuple(map(tuple, symbol.modules)), mask)


def pdf_operators(qr: QrMatrix) -> str:
    """PDF path operators filling the dark modules, in module units, origin at bottom left.

    Runs of dark modules in a row become one rectangle, so a symbol is ~100 operators instead of
    ~220; the caller scales the coordinate system to the module size and sets the fill colour.
    """
    n = qr.size
    parts: list[str] = []
    for r, row in enumerate(qr.rows):
        y = n - 1 - r
        start = -1
        for c, dark in enumerate(row):
            if dark and start < 0:
                start = c
            elif not dark and start >= 0:
                parts.append(f"{start} {y} {c - start} 1 re")
                start = -1
        if start >= 0:
            parts.append(f"{start} {y} {n - start} 1 re")
    parts.append("f")
    return "\n".join(parts)


def image(qr: QrMatrix, box: int = 10, border: int = QUIET_ZONE) -> Image.Image:
    """A black-and-white image: box pixels per module, border modules of quiet zone."""
    side = qr.size + 2 * border
    pixels = [1] * (side * side)  # mode "1": 1 is white
    for r, row in enumerate(qr.rows):
        base = (r + border) * side + border
        for c, dark in enumerate(row):
            if dark:
                pixels[base + c] = 0
    small = Image.new("1", (side, side), 1)
    small.putdata(pixels)
    return small.resize((small.width * box, small.height * box), Image.Resampling.NEAREST)


def write_png(code: str, target: Path | BinaryIO, box: int = 10) -> None:
    """Save the guest code's QR code as a PNG (box pixels per module, standard quiet zone)."""
    image(matrix(code), box=box).save(target, format="PNG", optimize=False)
