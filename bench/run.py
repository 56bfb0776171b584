"""Runs every bench_*.py module and prints figures with their baselines and ratios."""

import importlib
import json
import pkgutil
import sys
from pathlib import Path

from bench.common import Figure


def discover() -> list[str]:
    folder = Path(__file__).resolve().parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_"))


def run_all(quick: bool = False, only: str | None = None) -> list[Figure]:
    figures: list[Figure] = []
    for name in discover():
        if only and only not in name:
            continue
        module = importlib.import_module(f"bench.{name}")
        figures.extend(module.run(quick=quick))
    return figures


def print_figures(figures: list[Figure], as_json: bool = False) -> None:
    if as_json:
        json.dump([f.as_json() for f in figures], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    for f in figures:
        line = f"{f.name}: {f.value:.3f} {f.unit} (target {f.target}: {'met' if f.met else 'MISSED'})"
        if f.baseline is not None:
            line += f"; baseline {f.baseline_name}: {f.baseline:.3f} {f.unit}"
            if f.ratio is not None:
                line += f"; ratio {f.ratio:.1f}x"
        print(line)


if __name__ == "__main__":
    print_figures(run_all(quick="--quick" in sys.argv), as_json="--json" in sys.argv)
