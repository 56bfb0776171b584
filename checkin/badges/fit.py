"""Fitting text into a box: the largest type size that fits, wrapping, an ellipsis as a last resort.

A line may break at a space or after a hyphen, dash or slash ("Ślęzak-" / "Wąsowicz"). ReportLab
sets text without kerning, so a line's width is the sum of its characters' widths and grows
linearly with the type size: the largest size for a choice of line breaks is computed, not searched.
"""

import math
from dataclasses import dataclass
from itertools import accumulate

from . import fonts

LEADING = 1.15  # baseline to baseline, per point of type size
ELLIPSIS = "…"
_BREAK_AFTER = frozenset("-/‐–—")  # a line may end after these, keeping them
# Above this many break points the exact search (cubic) is skipped: such a text never fits
# a badge's few lines at a readable size anyway and is shortened instead.
_EXACT_LIMIT = 80
_TINY = 1.0  # pt: a box that holds no line this size holds no text


@dataclass(frozen=True)
class Fitted:
    """Lines of text and the type size they fit at; shortened when an ellipsis replaced the rest."""

    lines: tuple[str, ...]
    size: float
    font: str
    shortened: bool = False
    unit_widths: tuple[float, ...] = ()  # each line's width at 1 pt, when the fit measured it

    @property
    def leading(self) -> float:
        return self.size * LEADING

    def widths(self) -> list[float]:
        """Each line's width in points."""
        if len(self.unit_widths) == len(self.lines):
            return [w * self.size for w in self.unit_widths]
        return [fonts.width(line, self.font, self.size) for line in self.lines]

    def height(self) -> float:
        """From the top of the first line's glyphs to the bottom of the last line's."""
        if not self.lines:
            return 0.0
        m = fonts.metrics(self.font)
        return self.size * (m.ascent + m.descent) + (len(self.lines) - 1) * self.leading


@dataclass(frozen=True)
class _Pieces:
    """The text cut at every allowed line break, with cumulative character widths at 1 pt."""

    text: str
    spans: tuple[tuple[int, int], ...]  # [start, end) of each piece in text, spaces left out
    cum: tuple[float, ...]  # cum[i]: width of text[:i] at 1 pt

    def width(self, first: int, last: int) -> float:
        """Width at 1 pt of pieces first..last (inclusive) set on one line."""
        return self.cum[self.spans[last][1]] - self.cum[self.spans[first][0]]

    def line(self, first: int, last: int) -> str:
        return self.text[self.spans[first][0] : self.spans[last][1]]


def _pieces(text: str, font: str, split_wider_than: float | None = None) -> _Pieces:
    """Break points of text; a piece wider than split_wider_than (1 pt) may break anywhere."""
    cum = tuple(accumulate(fonts.char_widths(text, font), initial=0.0))
    words: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == " ":
            if start < i:
                words.append((start, i))
            start = i + 1
        elif ch in _BREAK_AFTER:
            words.append((start, i + 1))
            start = i + 1
    if start < len(text):
        words.append((start, len(text)))
    if split_wider_than is None:
        return _Pieces(text, tuple(words), cum)
    spans: list[tuple[int, int]] = []
    for a, b in words:
        if cum[b] - cum[a] > split_wider_than:
            spans.extend((i, i + 1) for i in range(a, b))
        else:
            spans.append((a, b))
    return _Pieces(text, tuple(spans), cum)


def _balanced(p: _Pieces, lines: int) -> tuple[float, list[tuple[int, int]]]:
    """The split into exactly `lines` lines whose widest line is narrowest (width at 1 pt)."""
    k = len(p.spans)
    inf = math.inf
    # best[m][j]: the narrowest widest line setting pieces[:j] on m lines; cut[m][j]: where the
    # last of those lines starts.
    best = [[inf] * (k + 1) for _ in range(lines + 1)]
    cut = [[0] * (k + 1) for _ in range(lines + 1)]
    best[0][0] = 0.0
    for m in range(1, lines + 1):
        for j in range(m, k + 1):
            for i in range(m - 1, j):
                value = max(best[m - 1][i], p.width(i, j - 1))
                if value < best[m][j]:
                    best[m][j], cut[m][j] = value, i
    ranges: list[tuple[int, int]] = []
    j = k
    for m in range(lines, 0, -1):
        i = cut[m][j]
        ranges.append((i, j - 1))
        j = i
    return best[lines][k], ranges[::-1]


def _greedy(p: _Pieces, line_width: float) -> list[tuple[int, int]]:
    """As many pieces on each line as fit line_width (1 pt), first line first."""
    ranges: list[tuple[int, int]] = []
    first = 0
    for last in range(1, len(p.spans)):
        if p.width(first, last) > line_width:
            ranges.append((first, last - 1))
            first = last
    if p.spans:
        ranges.append((first, len(p.spans) - 1))
    return ranges


def _height_limit(font: str, box_h: float, lines: int) -> float:
    """The largest type size at which `lines` lines fit the box's height."""
    m = fonts.metrics(font)
    return box_h / (m.ascent + m.descent + (lines - 1) * LEADING)


def _lines_that_fit(font: str, box_h: float, size: float) -> int:
    m = fonts.metrics(font)
    return max(0, math.floor((box_h / size - m.ascent - m.descent) / LEADING + 1e-9) + 1)


def _largest(p: _Pieces, font: str, box_w: float, box_h: float, sizes: tuple[float, float],
             max_lines: int, fewest_lines: bool) -> "Fitted | None":
    """The largest size in sizes (largest, smallest) at which p fits on up to max_lines lines.

    fewest_lines: the first line count that fits at all wins (a name is wrapped only when one
    line would be smaller than the smallest size); otherwise the count giving the largest size.
    """
    largest, smallest = sizes
    k = len(p.spans)
    if k == 0 or k > _EXACT_LIMIT:
        return None
    best: Fitted | None = None
    for n in range(1, min(max_lines, k) + 1):
        widest, ranges = _balanced(p, n)
        size = min(largest, _height_limit(font, box_h, n), box_w / widest if widest else largest)
        size = math.floor(size * 10) / 10  # a tenth of a point below the exact fit: never over
        if size >= smallest and (best is None or size > best.size):
            best = Fitted(tuple(p.line(a, b) for a, b in ranges), size, font,
                          unit_widths=tuple(p.width(a, b) for a, b in ranges))
            if fewest_lines or size >= largest:
                break
    return best


def _shortened(text: str, font: str, box_w: float, box_h: float, size: float,
               max_lines: int) -> Fitted:
    """The text at `size` on the lines the box holds, cut short with an ellipsis."""
    room = min(max_lines, _lines_that_fit(font, box_h, size)) if size >= _TINY else 0
    if room == 0:
        return Fitted((), size, font, shortened=True)
    p = _pieces(text, font, split_wider_than=box_w / size)
    ranges = _greedy(p, box_w / size)
    lines = [p.line(a, b) for a, b in ranges[:room]]
    if len(ranges) <= room and all(fonts.width(t, font, size) <= box_w for t in lines):
        return Fitted(tuple(lines), size, font)
    last = lines[-1]
    while last and fonts.width(last + ELLIPSIS, font, size) > box_w:
        last = last[:-1]
    last = last.rstrip(" ,;:-/‐–—")
    kept = [t for t in lines[:-1] if fonts.width(t, font, size) <= box_w]
    if fonts.width(last + ELLIPSIS, font, size) <= box_w:
        kept.append(last + ELLIPSIS)
    return Fitted(tuple(kept), size, font, shortened=True)


def fit_text(text: str, font: str, box_w: float, box_h: float, sizes: tuple[float, float],
             max_lines: int, floor: float | None = None, floor_lines: int | None = None,
             fewest_lines: bool = False) -> Fitted:
    """Fit text into a box of box_w × box_h points; the result never leaves the box.

    The largest size in sizes (largest, smallest) at which the text fits on up to max_lines
    lines (balanced, so two lines are of similar length); with fewest_lines, one line down to
    the smallest size before two lines are tried, and so on. With a floor (names, which must
    not be cut), sizes below the smallest down to the floor come next, on up to floor_lines
    lines, then also breaking inside a word too wide for a line. Only then is the text cut short
    with an ellipsis. Characters the font cannot draw are left out (fonts.drawable).
    """
    text = fonts.drawable(text, font)
    if not text or box_w <= 0 or box_h <= 0:
        return Fitted((), sizes[0], font)
    p = _pieces(text, font)
    fitted = _largest(p, font, box_w, box_h, sizes, max_lines, fewest_lines)
    smallest = sizes[1]
    if fitted is None and floor is not None and floor < smallest:
        lines = max(max_lines, floor_lines or max_lines)
        fitted = _largest(p, font, box_w, box_h, (smallest, floor), lines, fewest_lines) or (
            _largest(_pieces(text, font, split_wider_than=box_w / floor), font, box_w, box_h,
                     (smallest, floor), lines, fewest_lines)
        )
        smallest, max_lines = floor, lines
    if fitted is not None:
        return fitted
    size = min(smallest, math.floor(_height_limit(font, box_h, 1) * 10) / 10)
    return _shortened(text, font, box_w, box_h, size, max_lines)
