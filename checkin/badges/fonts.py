"""The fonts badges and invitations are set in, embedded from resources/fonts/.

DejaVu Sans Condensed (Bitstream Vera licence, see resources/fonts/LICENSE-DejaVu.txt) covers
Polish and most Latin, Greek and Cyrillic names in regular and bold; condensed, because names are
long. ReportLab's built-in Helvetica has no ł, ś or ż and is never used for guest text.
"""

import struct
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource

REGULAR = "CheckinSans"
BOLD = "CheckinSans-Bold"
_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}
_INVISIBLE = frozenset({"Cf", "Me", "Mn"})
_lock = threading.Lock()
_registered = False


@dataclass(frozen=True)
class Metrics:
    """How far a line's glyphs reach, per point of type size (the font's hhea line metrics).

    Not the typographic ascender ReportLab reports (0.76 em), which accented capitals such as Ś
    and Ż exceed: a box computed from it would let their accents out.
    """

    ascent: float  # above the baseline
    descent: float  # below the baseline (positive)


def register_fonts() -> None:
    """Register the fonts with ReportLab (once per process; safe from several threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
        # Compressed streams stay binary instead of being wrapped in ASCII85 (a 7-bit armour no
        # PDF reader or printer needs): 20 % smaller files and a tenth less time per badge run.
        # A ReportLab-wide setting, which suits every PDF this app writes.
        rl_config.useA85 = 0
        _registered = True


def _font(name: str) -> TTFont:
    register_fonts()
    font: TTFont = pdfmetrics.getFont(name)
    return font


@lru_cache(maxsize=4)
def metrics(name: str) -> Metrics:
    face = _font(name).face
    ascender, descender = struct.unpack(">hh", face.get_table("hhea")[4:8])
    return Metrics(ascent=ascender / face.unitsPerEm, descent=-descender / face.unitsPerEm)


@lru_cache(maxsize=4)
def _glyphs(name: str) -> frozenset[int]:
    return frozenset(_font(name).face.charToGlyph)


def drawable(text: str, name: str = REGULAR) -> str:
    """The text without characters the font has no glyph for, which would print as empty boxes.

    Emoji the font lacks become spaces, variation selectors and joiners are dropped, the white
    space left behind is collapsed. Letters are composed first (NFC), so a decomposed "ó" is kept.
    """
    text = unicodedata.normalize("NFC", text)
    glyphs = _glyphs(name)
    if text.isprintable() and all(ord(ch) in glyphs and not unicodedata.combining(ch) for ch in text):
        return " ".join(text.split())
    # Invisible marks (zero-width joiners, variation selectors) go even when the font has them:
    # they draw nothing and would only make the PDF's text differ from what is printed. Accents
    # left over after composing (no precomposed letter exists) go too: stacked, they would reach
    # out of any line box.
    kept = [
        "" if unicodedata.category(ch) in _INVISIBLE or 0xFE00 <= ord(ch) <= 0xFE0F
        else ch if ord(ch) in glyphs else " "
        for ch in text
    ]
    return " ".join("".join(kept).split())


def width(text: str, name: str, size: float) -> float:
    """Width of a line of text in points."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, name, size))


def char_widths(text: str, name: str) -> list[float]:
    """Each character's width at 1 pt (ReportLab sets text without kerning, so they add up)."""
    face = _font(name).face
    widths, default = face.charWidths, face.defaultWidth
    return [widths.get(ord(ch), default) / 1000 for ch in text]
