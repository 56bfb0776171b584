"""Reading guests' QR codes in camera frames: the scene set, each preprocessing pass, the API's edges."""

from collections import Counter

import numpy as np
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from checkin import codes
from checkin.frame_decode import (
    PASSES,
    DecodePass,
    StreamDecoder,
    decode_bytes,
    decode_frame,
    gray_from_bytes,
    to_gray,
)
from tests.checkin import qr_scenes
from tests.checkin.qr_scenes import HEIGHT, WIDTH, Scene, place, qr_image, quad_for

PER_KIND = 12


@pytest.fixture(scope="module")
def scene_set() -> list[Scene]:
    return list(qr_scenes.scenes(PER_KIND))


def _texts(frame: np.ndarray, passes: tuple = PASSES) -> list[str]:
    return [c.text for c in decode_frame(frame, passes)]


def test_scene_set_is_read_at_least_95_percent_and_never_as_a_wrong_code(scene_set: list[Scene]) -> None:
    read: Counter[str] = Counter()
    missed: list[str] = []
    wrong: list[str] = []
    for scene in scene_set:
        texts = _texts(scene.frame)
        kind = scene.name.rsplit("-", 1)[0]
        if scene.code in texts:
            read[kind] += 1
        else:
            missed.append(scene.name)
        wrong += [f"{scene.name}: {t!r} instead of {scene.code}" for t in texts if t != scene.code]
    assert len(scene_set) == PER_KIND * len(qr_scenes.KINDS)
    assert wrong == []
    rate = sum(read.values()) / len(scene_set)
    assert rate >= 0.95, f"read {rate:.1%}; missed {missed}; per kind {dict(read)}"


def _rate(frames: list[Scene], passes: tuple) -> float:
    return sum(scene.code in _texts(scene.frame, passes) for scene in frames) / len(frames)


PLAIN, CONTRAST, UPSCALED = PASSES


def test_contrast_pass_reads_low_contrast_codes_the_plain_call_cannot() -> None:
    # zxing's binarizer sees a block of under 24 grey levels as blank: 8-16 levels read as nothing.
    frames = list(qr_scenes.scenes(15, kinds=("low-contrast",), seed=11))
    assert _rate(frames, (PLAIN,)) <= 0.2
    assert _rate(frames, (PLAIN, CONTRAST)) >= 0.9


def test_contrast_pass_reads_more_codes_under_glare() -> None:
    frames = list(qr_scenes.scenes(25, kinds=("phone-glare",), seed=12))
    plain = _rate(frames, (PLAIN,))
    assert plain < 1.0
    assert _rate(frames, (PLAIN, CONTRAST)) > plain


def test_upscaled_pass_reads_codes_too_small_for_the_plain_call() -> None:
    # Modules of 1.3-1.7 px: the plain call finds about half of them.
    frames = list(qr_scenes.scenes(25, kinds=("tiny",), seed=13))
    plain = _rate(frames, (PLAIN,))
    assert plain <= 0.6
    assert _rate(frames, (PLAIN, UPSCALED)) >= plain + 0.25


def test_stream_gives_each_frame_the_plain_pass_and_one_extra_pass_in_turn() -> None:
    calls: list[str] = []

    def counting(name: str) -> DecodePass:
        return DecodePass(name, lambda gray: calls.append(name) or gray, 1.0, try_invert=False)

    decode = StreamDecoder((counting("plain"), counting("a"), counting("b")))
    empty = qr_scenes.empty_frame(1)
    for _ in range(4):
        assert decode(empty) == []
    assert calls == ["plain", "a", "plain", "b", "plain", "a", "plain", "b"]


def test_stream_reads_a_hard_code_held_up_for_two_frames() -> None:
    frames = list(qr_scenes.scenes(10, kinds=("low-contrast", "tiny"), seed=15))
    read = 0
    for scene in frames:
        decode = StreamDecoder()
        texts = [c.text for c in decode(scene.frame) + decode(scene.frame)]
        read += scene.code in texts
        assert set(texts) <= {scene.code}
    assert read / len(frames) >= 0.9


def test_plain_call_is_the_bare_zxing_call() -> None:
    # The bench's baseline and the first pass must be the same work, or the ratio means nothing.
    for scene in qr_scenes.scenes(2, kinds=("rotated", "low-contrast"), seed=14):
        bare = [b.text for b in zxingcpp.read_barcodes(scene.frame, formats=zxingcpp.BarcodeFormat.QRCode)]
        assert _texts(scene.frame, (PLAIN,)) == bare


def test_corners_are_the_symbols_corners_in_the_frame() -> None:
    frame = Image.new("L", (WIDTH, HEIGHT), 128)
    code = codes.generate()
    size = 290  # 29 modules of 10 px: the symbol's 21 modules span 210 px inside a 40 px quiet zone
    place(frame, qr_image(code), quad_for(500, 300, size))
    (found,) = decode_frame(np.asarray(frame))
    assert found.text == code
    assert found.found_by == "plain"
    expected = [(395, 195), (605, 195), (605, 405), (395, 405)]
    for (x, y), (ex, ey) in zip(found.corners, expected, strict=True):
        assert abs(x - ex) <= 3, found.corners
        assert abs(y - ey) <= 3, found.corners


def test_corners_of_an_upscaled_read_are_in_frame_pixels() -> None:
    frame = Image.new("L", (WIDTH, HEIGHT), 200)
    code = codes.generate()
    place(frame, qr_image(code, module_px=2), quad_for(700, 400, 58))
    found = decode_frame(np.asarray(frame), (UPSCALED,))
    assert [c.text for c in found] == [code]
    xs = [x for x, _ in found[0].corners]
    ys = [y for _, y in found[0].corners]
    # The 21-module symbol is 42 px wide, centred on (700, 400).
    assert 675 <= min(xs) <= 683
    assert 717 <= max(xs) <= 725
    assert 375 <= min(ys) <= 383
    assert 417 <= max(ys) <= 425


def test_light_on_dark_code_of_a_phone_in_dark_mode_is_read() -> None:
    frame = Image.new("L", (WIDTH, HEIGHT), 30)
    code = codes.generate()
    place(frame, qr_image(code, dark=235, light=20), quad_for(640, 360, 260, angle_deg=20))
    assert _texts(np.asarray(frame)) == [code]


def test_rgb_and_padded_byte_frames_read_like_greyscale(scene_set: list[Scene]) -> None:
    scene = scene_set[0]
    rgb = np.repeat(scene.frame[:, :, None], 3, axis=2)
    rgba = np.concatenate([rgb, np.full((HEIGHT, WIDTH, 1), 255, np.uint8)], axis=2)
    assert _texts(rgb) == _texts(rgba) == [scene.code]
    padded = np.zeros((HEIGHT, WIDTH + 64), np.uint8)
    padded[:, :WIDTH] = scene.frame
    assert [c.text for c in decode_bytes(padded.tobytes(), WIDTH, HEIGHT, WIDTH + 64)] == [scene.code]


def test_frames_of_the_wrong_size_or_shape_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        gray_from_bytes(b"\0" * 100, 20, 10)
    with pytest.raises(ValueError, match="cannot hold"):
        gray_from_bytes(b"\0" * 400, 20, 10, bytes_per_line=10)
    with pytest.raises(ValueError, match="not an image frame"):
        to_gray(np.zeros((4, 4, 2), np.uint8))


# Generated codes, and imported codes kept as they came (letters, digits, punctuation, Polish).
_imported = st.text(st.characters(min_codepoint=32, max_codepoint=0x17F, exclude_categories=("Cs", "Cc")),
                    min_size=1, max_size=40).filter(lambda s: s.strip() == s and s.strip())
_generated = st.text(st.sampled_from(codes.ALPHABET), min_size=codes.PAYLOAD_LENGTH,
                     max_size=codes.PAYLOAD_LENGTH).map(lambda p: p + codes.check_char(p))


@settings(max_examples=40, deadline=None)
@given(text=st.one_of(_generated, _imported), angle=st.floats(0, 360), size=st.integers(150, 400))
def test_any_guest_code_printed_on_an_invitation_reads_back_exactly(text: str, angle: float,
                                                                    size: int) -> None:
    frame = Image.new("L", (WIDTH, HEIGHT), 140)
    place(frame, qr_image(text), quad_for(640, 360, size, angle_deg=angle))
    assert _texts(np.asarray(frame)) == [text]


@settings(max_examples=40, deadline=None)
@given(height=st.integers(1, 300), width=st.integers(1, 300), seed=st.integers(0, 2**32 - 1),
       channels=st.sampled_from([0, 3, 4]))
def test_frames_without_a_code_read_nothing_and_never_fail(height: int, width: int, seed: int,
                                                           channels: int) -> None:
    rng = np.random.default_rng(seed)
    shape = (height, width) if channels == 0 else (height, width, channels)
    assert decode_frame(rng.integers(0, 256, shape, dtype=np.uint8)) == []
    assert decode_frame(np.zeros(shape, np.uint8)) == []
