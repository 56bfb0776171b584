"""What a benchmark reports: a figure, its bare baseline measured in the same run, and the target."""

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    name: str  # what was measured, e.g. "import 50,000-row CSV"
    value: float
    unit: str  # "ms", "s", "/s"
    target: str  # the target, e.g. "<= 2 s"
    met: bool  # whether the target is met
    baseline_name: str = ""
    baseline: float | None = None  # the bare baseline, same unit, same run

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def samples_ms(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def median(values: list[float]) -> float:
    return statistics.median(values)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
