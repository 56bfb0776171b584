"""Synthetic camera frames of guests' QR codes, for the decoding tests and the camera bench.

Each scene is a 1280×720 greyscale frame of a real guest code (checkin.codes.generate(), encoded by
checkin.qr in alphanumeric mode, exactly as the invitations draw them) put through what a laptop camera
sees at a door: rotation, a tilted (perspective) view, defocus blur, a dim or washed-out print, a
code far from the lens, a phone screen with a lamp's reflection on it, and sensor noise.
Everything is seeded, so a failure can be reproduced by its scene name.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from checkin import codes, qr

WIDTH, HEIGHT = 1280, 720
Quad = list[tuple[float, float]]  # top-left, top-right, bottom-right, bottom-left


@dataclass(frozen=True)
class Scene:
    name: str  # kind and seed, e.g. "glare-7"
    code: str  # what the QR code holds
    frame: np.ndarray  # HEIGHT×WIDTH uint8 greyscale


def qr_modules(text: str) -> np.ndarray:
    """The code's modules as the invitations draw them (checkin.qr), with a 4-module quiet zone."""
    symbol = np.array(qr.matrix(text).rows, dtype=bool)
    return np.pad(symbol, qr.QUIET_ZONE, constant_values=False)


def qr_image(text: str, module_px: int = 10, dark: int = 0, light: int = 255) -> Image.Image:
    """A clean greyscale rendering of the code (what the invitation PDF shows)."""
    modules = qr_modules(text)
    pixels = np.where(modules, dark, light).astype(np.uint8)
    return Image.fromarray(pixels, "L").resize(
        (modules.shape[1] * module_px, modules.shape[0] * module_px), Image.Resampling.NEAREST
    )


def _perspective_coeffs(dst: Quad, src: Quad) -> list[float]:
    # PIL's PERSPECTIVE transform maps output (frame) points to input (source image) points.
    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return [float(c) for c in np.linalg.solve(np.array(rows), np.array(rhs))]


def place(frame: Image.Image, patch: Image.Image, quad: Quad) -> None:
    """Paint `patch` into `frame` so that its corners land on `quad` (antialiased by supersampling)."""
    w, h = patch.size
    src: Quad = [(0, 0), (w, 0), (w, h), (0, h)]
    # Only the quad's bounding box is rendered: a whole supersampled frame costs ten times more.
    left = max(0, int(min(x for x, _ in quad)) - 2)
    top = max(0, int(min(y for _, y in quad)) - 2)
    right = min(frame.width, int(max(x for x, _ in quad)) + 3)
    bottom = min(frame.height, int(max(y for _, y in quad)) + 3)
    scale = 2
    box = ((right - left) * scale, (bottom - top) * scale)
    coeffs = _perspective_coeffs([((x - left) * scale, (y - top) * scale) for x, y in quad], src)
    warped = patch.transform(box, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR)
    mask = Image.new("L", patch.size, 255).transform(
        box, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
    )
    size = (right - left, bottom - top)
    frame.paste(warped.resize(size, Image.Resampling.BOX), (left, top),
                mask.resize(size, Image.Resampling.BOX))


def quad_for(cx: float, cy: float, size: float, angle_deg: float = 0.0, tilt: float = 0.0,
             rng: np.random.Generator | None = None) -> Quad:
    """A square of `size` centred at (cx, cy), rotated, with corners pushed in/out by `tilt`×size."""
    half = size / 2
    corners = np.array([(-half, -half), (half, -half), (half, half), (-half, half)])
    if tilt and rng is not None:
        # A tilted phone: one side nearer the lens than the other, plus some keystone.
        corners = corners + rng.uniform(-tilt, tilt, corners.shape) * size
    a = np.deg2rad(angle_deg)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    pts = corners @ rot.T + (cx, cy)
    return [(float(x), float(y)) for x, y in pts]


def background(rng: np.random.Generator) -> Image.Image:
    """A cluttered room: a lighting gradient, a few objects with edges, fine texture."""
    xx = np.linspace(0, 1, WIDTH, dtype=np.float32)[None, :]
    yy = np.linspace(0, 1, HEIGHT, dtype=np.float32)[:, None]
    base = rng.uniform(60, 140) + rng.uniform(-40, 40) * xx + rng.uniform(-30, 30) * yy
    img = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8), "L")
    draw = ImageDraw.Draw(img)
    for _ in range(8):
        x0, y0 = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        w, h = rng.uniform(40, 300), rng.uniform(40, 250)
        draw.rectangle((x0, y0, x0 + w, y0 + h), fill=int(rng.uniform(20, 230)))
    return img


def add_noise(frame: np.ndarray, sigma: float, rng: np.random.Generator) -> np.ndarray:
    noisy = frame.astype(np.float32) + rng.standard_normal(frame.shape, dtype=np.float32) * sigma
    return np.clip(noisy, 0, 255).astype(np.uint8)


def add_glare(frame: np.ndarray, cx: float, cy: float, radius: float, strength: float) -> np.ndarray:
    """A lamp's reflection: light added in a soft blob (a smooth gradient), clipped by the sensor."""
    xx = np.arange(WIDTH, dtype=np.float32)[None, :]
    yy = np.arange(HEIGHT, dtype=np.float32)[:, None]
    blob = strength * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * radius**2))
    return np.clip(frame.astype(np.float32) + blob, 0, 255).astype(np.uint8)


def phone(code: str, rng: np.random.Generator, screen: int = 235) -> Image.Image:
    """A phone showing the code on its lit screen, inside a dark bezel (portrait, 9:19)."""
    symbol = qr_image(code, module_px=12, dark=int(rng.uniform(10, 40)), light=screen)
    w = symbol.width + 60
    h = int(w * 19 / 9)
    body = Image.new("L", (w + 40, h + 40), 15)
    draw = ImageDraw.Draw(body)
    draw.rounded_rectangle((20, 20, 20 + w, 20 + h), radius=30, fill=screen)
    draw.rectangle((50, 60, 20 + w - 30, 90), fill=120)  # an app's title bar
    body.paste(symbol, (20 + (w - symbol.width) // 2, 20 + (h - symbol.height) // 2))
    return body


def _phone_scene(code: str, rng: np.random.Generator, glare: bool, size: float = 0.0,
                 angle: float = 0.0, tilt: float = 0.0) -> tuple[np.ndarray, tuple[float, float, float]]:
    frame = background(rng)
    body = phone(code, rng)
    code_size = size or rng.uniform(200, 300)
    # The quad is for the whole phone; its code occupies the middle of the phone body.
    scale = code_size / (body.width - 100)
    pw, ph = body.width * scale, body.height * scale
    cx = rng.uniform(WIDTH * 0.3, WIDTH * 0.7)
    cy = rng.uniform(HEIGHT * 0.4, HEIGHT * 0.6)
    half_w, half_h = pw / 2, ph / 2
    corners = np.array([(-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)])
    if tilt:
        corners = corners + rng.uniform(-tilt, tilt, corners.shape) * pw
    a = np.deg2rad(angle)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    quad = [(float(x), float(y)) for x, y in corners @ rot.T + (cx, cy)]
    place(frame, body, quad)
    pixels = np.asarray(frame)
    if glare:
        # The reflection sits on part of the code, not on its centre, and is wider than a module
        # row or two: off-centre by up to a third of the code, radius a quarter to a half.
        gx = cx + rng.uniform(-0.35, 0.35) * code_size
        gy = cy + rng.uniform(-0.35, 0.35) * code_size
        pixels = add_glare(pixels, gx, gy, rng.uniform(0.2, 0.35) * code_size, rng.uniform(150, 230))
    return pixels, (cx, cy, code_size)


def _paper_scene(code: str, rng: np.random.Generator, size: float, angle: float = 0.0,
                 tilt: float = 0.0, dark: int = 0, light: int = 255) -> np.ndarray:
    frame = background(rng)
    cx = rng.uniform(size, WIDTH - size)
    cy = rng.uniform(size * 0.7, HEIGHT - size * 0.7)
    place(frame, qr_image(code, dark=dark, light=light), quad_for(cx, cy, size, angle, tilt, rng))
    return np.asarray(frame)


def _blur(pixels: np.ndarray, radius: float) -> np.ndarray:
    return np.asarray(Image.fromarray(pixels).filter(ImageFilter.GaussianBlur(radius)))


def _straight(code: str, rng: np.random.Generator) -> np.ndarray:
    return _paper_scene(code, rng, rng.uniform(180, 320))


def _rotated(code: str, rng: np.random.Generator) -> np.ndarray:
    return _paper_scene(code, rng, rng.uniform(180, 300), angle=rng.uniform(5, 355))


def _perspective(code: str, rng: np.random.Generator) -> np.ndarray:
    return _paper_scene(code, rng, rng.uniform(200, 300), angle=rng.uniform(-30, 30), tilt=0.12)


def _blurred(code: str, rng: np.random.Generator) -> np.ndarray:
    # Out of focus: a radius of about a quarter of a module at this size.
    size = rng.uniform(180, 260)
    return _blur(_paper_scene(code, rng, size, angle=rng.uniform(-20, 20)), size / 29 * rng.uniform(0.2, 0.3))


def _low_contrast(code: str, rng: np.random.Generator) -> np.ndarray:
    # A dim screen or faded print against a brighter room, which sets the camera's exposure:
    # 8-16 grey levels between dark and light modules.
    mid = rng.uniform(90, 170)
    spread = rng.uniform(4, 8)
    return _paper_scene(code, rng, rng.uniform(180, 300), angle=rng.uniform(-30, 30),
                        dark=int(mid - spread), light=int(mid + spread))


def _small(code: str, rng: np.random.Generator) -> np.ndarray:
    # Held far away: the whole code (with its quiet zone) 42-60 px wide, 1.5-2 px per module.
    return _paper_scene(code, rng, rng.uniform(42, 60), angle=rng.uniform(-15, 15))


def _tiny(code: str, rng: np.random.Generator) -> np.ndarray:
    # Across the room: 38-48 px with the quiet zone, the symbol's modules 1.3-1.7 px.
    return _paper_scene(code, rng, rng.uniform(38, 48), angle=rng.uniform(-15, 15))


def _noisy(code: str, rng: np.random.Generator) -> np.ndarray:
    return add_noise(_paper_scene(code, rng, rng.uniform(160, 260), angle=rng.uniform(0, 360)),
                     rng.uniform(15, 25), rng)


def _phone_glare(code: str, rng: np.random.Generator) -> np.ndarray:
    return _phone_scene(code, rng, glare=True, angle=rng.uniform(-20, 20))[0]


def _phone_tilted(code: str, rng: np.random.Generator) -> np.ndarray:
    pixels, _ = _phone_scene(code, rng, glare=True, angle=rng.uniform(-35, 35), tilt=0.08)
    return add_noise(_blur(pixels, 1.0), 6, rng)


def _phone_small(code: str, rng: np.random.Generator) -> np.ndarray:
    pixels, _ = _phone_scene(code, rng, glare=False, size=rng.uniform(70, 90),
                             angle=rng.uniform(-20, 20))
    return add_noise(pixels, 5, rng)


KINDS: dict[str, Callable[[str, np.random.Generator], np.ndarray]] = {
    "straight": _straight,
    "rotated": _rotated,
    "perspective": _perspective,
    "blurred": _blurred,
    "low-contrast": _low_contrast,
    "small": _small,
    "tiny": _tiny,
    "noisy": _noisy,
    "phone-glare": _phone_glare,
    "phone-tilted": _phone_tilted,
    "phone-small": _phone_small,
}


def seeded_code(rng: np.random.Generator) -> str:
    """A guest code exactly as codes.generate() makes them, but from a seed, so scenes repeat."""
    payload = "".join(rng.choice(list(codes.ALPHABET), codes.PAYLOAD_LENGTH))
    return payload + codes.check_char(payload)


def scenes(per_kind: int = 10, kinds: tuple[str, ...] = tuple(KINDS), seed: int = 2026) -> Iterator[Scene]:
    """`per_kind` seeded frames of each kind, each of a different guest code."""
    for kind in kinds:
        for i in range(per_kind):
            rng = np.random.default_rng([seed, list(KINDS).index(kind), i])
            code = seeded_code(rng)
            yield Scene(f"{kind}-{i}", code, KINDS[kind](code, rng))


def empty_frame(seed: int = 0) -> np.ndarray:
    """A frame of the room with no code in it (what the camera sees most of the time)."""
    rng = np.random.default_rng([seed, 99])
    return add_noise(np.asarray(background(rng)), 4, rng)
