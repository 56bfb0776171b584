"""Writes the door's short sounds to resources/sounds/ (run once; the WAVs are committed).

Three sounds a volunteer can tell apart without looking: a rising two-note chime for OK, two
equal mid notes for a warning, a low buzz for a refusal. 16-bit mono 44.1 kHz, soft edges so
nothing clicks.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(freq: float, ms: int, volume: float = 0.5, harmonics: tuple[float, ...] = ()) -> list[float]:
    n = RATE * ms // 1000
    fade = min(n // 4, RATE * 8 // 1000)
    out = []
    for i in range(n):
        t = i / RATE
        v = math.sin(2 * math.pi * freq * t)
        for k, weight in enumerate(harmonics, start=2):
            v += weight * math.sin(2 * math.pi * freq * k * t)
        edge = min(1.0, i / fade, (n - 1 - i) / fade) if fade else 1.0
        out.append(volume * v * edge / (1 + sum(harmonics)))
    return out


def silence(ms: int) -> list[float]:
    return [0.0] * (RATE * ms // 1000)


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767)) for s in samples))


def main() -> None:
    write("ok.wav", tone(880, 90) + silence(20) + tone(1320, 140))
    write("warning.wav", tone(660, 140, harmonics=(0.3,)) + silence(80) + tone(660, 140, harmonics=(0.3,)))
    write("refused.wav", tone(196, 450, volume=0.6, harmonics=(0.5, 0.33, 0.25)))


if __name__ == "__main__":
    main()
