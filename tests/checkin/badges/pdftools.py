"""Reading rendered PDFs back with independent tools: poppler (pdftotext, pdftoppm) and zxing-cpp.

Coordinates returned here are PDF points with the origin at the page's bottom left, like ReportLab's.
"""

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@dataclass(frozen=True)
class Word:
    page: int  # 1-based
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Symbol:
    page: int
    text: str
    x: float  # centre, points
    y: float


def pdf_text(pdf: Path) -> str:
    """The text poppler extracts (one line of the page per line)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_words(pdf: Path) -> list[Word]:
    """Every word with its box, as pdftotext -bbox reports it."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    words: list[Word] = []
    page, height = 0, 0.0
    for line in out.splitlines():
        if m := _PAGE.search(line):
            page, height = page + 1, float(m.group(2))
        elif m := _WORD.search(line):
            x0, top, x1, bottom = (float(v) for v in m.groups()[:4])
            words.append(Word(page, html.unescape(m.group(5)), x0, height - bottom, x1, height - top))
    return words


def pdf_fonts(pdf: Path) -> list[str]:
    """Names of the fonts the PDF uses (pdffonts)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines()[2:] if line.strip()]


def rasterize(pdf: Path, dpi: int = 300, first: int | None = None, last: int | None = None,
              gray: bool = True) -> list[Image.Image]:
    """The pages as images at dpi (as a printer at that resolution would see them)."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["pdftoppm", "-r", str(dpi)] + (["-gray"] if gray else [])
        if first is not None:
            cmd += ["-f", str(first)]
        if last is not None:
            cmd += ["-l", str(last)]
        subprocess.run([*cmd, str(pdf), f"{tmp}/p"], check=True)
        pages = []
        for path in sorted(Path(tmp).glob("p-*.p?m")):
            with Image.open(path) as img:
                pages.append(img.copy())
        return pages


def decode(image: Image.Image) -> list[tuple[str, float, float]]:
    """QR codes zxing-cpp finds in the image: (text, centre x px, centre y px from the top)."""
    found = []
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    for result in zxingcpp.read_barcodes(image, formats=qr_only):
        p = result.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        found.append((result.text, sum(xs) / 4, sum(ys) / 4))
    return found


def symbols(pdf: Path, dpi: int = 300, first: int | None = None, last: int | None = None
            ) -> list[Symbol]:
    """Every QR code on the rasterized pages, with its centre in points."""
    out = []
    for number, image in enumerate(rasterize(pdf, dpi, first, last), start=first or 1):
        scale = 72 / dpi
        out += [Symbol(number, text, x * scale, (image.height - y) * scale)
                for text, x, y in decode(image)]
    return out
