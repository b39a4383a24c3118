"""Shared shape of a benchmark figure: the measured value beside a floor measured in the same run."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float  # what OutletDesk took
    floor: float  # what the plain library / bare baseline took in the same run
    unit: str  # "ms", "s", "MB"
    goal: str  # e.g. "<= 1.2x floor" or "<= 150 MB"
    met: bool

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("nan")


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time in seconds of `repeat` calls (the least disturbed run)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def ratio_figure(name: str, value: float, floor: float, unit: str, max_ratio: float) -> Figure:
    return Figure(name, value, floor, unit, f"<= {max_ratio:g}x floor", value <= floor * max_ratio)
