"""QR codes: alphanumeric mode, the fixed mask only where it is safe, PNGs that scan."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from qrcode import util

from checkin import codes, qr

from .pdftools import decode


def scan(symbol: qr.QrMatrix) -> list[str]:
    return [text for text, _, _ in decode(qr.image(symbol, box=4))]


def test_generated_codes_use_alphanumeric_mode_in_the_smallest_symbol() -> None:
    # 17 characters fit version 1 (21×21) at level M only in alphanumeric mode (bytes need 2).
    symbol = qr.matrix(codes.generate())
    assert symbol.size == 21


def test_thousand_generated_codes_scan_with_the_fixed_mask_or_the_fallback() -> None:
    generated = [codes.generate() for _ in range(1000)]
    symbols = [qr.matrix(c) for c in generated]
    assert [scan(s) for s in symbols] == [[c] for c in generated]
    fixed = sum(s.mask == qr.FIXED_MASK for s in symbols)
    assert fixed > 900  # the fast path is the common one
    for s in symbols:  # and whatever mask was used, the symbol is no worse than the safe limit
        if s.mask == qr.FIXED_MASK:
            assert util.lost_point([list(row) for row in s.rows]) <= qr.MAX_FIXED_PENALTY


def test_a_fixed_mask_symbol_over_the_limit_is_rebuilt_with_the_best_mask(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qr, "MAX_FIXED_PENALTY", 0)  # every fixed-mask symbol is "unsafe" now
    code = codes.generate()
    symbol = qr.matrix(code)
    scores = []
    for mask in range(8):
        monkeypatch.setattr(qr, "FIXED_MASK", mask)
        monkeypatch.setattr(qr, "MAX_FIXED_PENALTY", 10**9)
        scores.append(util.lost_point([list(r) for r in qr.matrix(code).rows]))
    assert scores[symbol.mask] == min(scores)
    assert scan(symbol) == [code]


@settings(max_examples=150, deadline=None)
@given(code=st.text(min_size=1, max_size=60).filter(lambda s: s.strip() == s and s.isprintable()))
def test_imported_codes_scan_as_they_are(code: str) -> None:
    assert scan(qr.matrix(code)) == [code]


def test_png_scans_and_has_a_quiet_zone(tmp_path: "object") -> None:
    code = codes.generate()
    buffer = io.BytesIO()
    qr.write_png(code, buffer, box=10)
    img = Image.open(io.BytesIO(buffer.getvalue()))
    assert img.format == "PNG"
    assert img.size == ((21 + 2 * qr.QUIET_ZONE) * 10,) * 2
    grey = img.convert("L")
    assert all(grey.getpixel((x, y)) == 255 for x in range(40) for y in range(40))  # 4 modules
    assert [t for t, _, _ in decode(grey)] == [code]


def test_pdf_operators_cover_exactly_the_dark_modules() -> None:
    symbol = qr.matrix(codes.generate())
    n = symbol.size
    painted = [[False] * n for _ in range(n)]
    for op in qr.pdf_operators(symbol).splitlines()[:-1]:
        x, y, w, h, name = op.split()
        assert (name, h) == ("re", "1")
        for c in range(int(x), int(x) + int(w)):
            painted[n - 1 - int(y)][c] = True
    assert tuple(tuple(r) for r in painted) == symbol.rows
