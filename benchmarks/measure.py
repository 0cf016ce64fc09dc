"""Timing helpers and the result of one figure: value, baseline, ratio, budget, verdict."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Result:
    figure: str
    value: float
    unit: str
    baseline: float | None
    budget: str
    passed: bool | None  # None: reported, not enforced

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": self.ratio}


def timings(
    work: Callable[[], object],
    runs: int,
    warmup: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> list[float]:
    """Seconds per call of `work`, after `warmup` untimed calls; wall time unless `clock` is
    another (`time.process_time`: the CPU time of this process, whatever else runs)."""
    for _ in range(warmup):
        work()
    found = []
    for _ in range(runs):
        start = clock()
        work()
        found.append(clock() - start)
    return found


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def interleaved(
    ours: Callable[[], object], base: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Times two pieces of work alternately, so machine noise falls on both alike."""
    ours(), base()
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        for work, into in ((ours, mine), (base, theirs)):
            start = time.perf_counter()
            work()
            into.append(time.perf_counter() - start)
    return mine, theirs


def ratio_result(
    figure: str, value: float, baseline: float, limit: float, unit: str = "ms", enforce: bool = True
) -> Result:
    scale = 1000.0 if unit == "ms" else 1.0
    passed = value <= baseline * limit if enforce else None
    return Result(figure, value * scale, unit, baseline * scale, f"<= {limit}x baseline", passed)
