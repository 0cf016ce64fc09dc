"""Loading and validating a synthetic 2,000-card dialogue against plain libyaml loading."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.measure import Result, interleaved, median, ratio_result
from benchmarks.synthetic import write_synthetic
from briefing.loader import load_dialogue


def load_figure(work_dir: Path, runs: int, enforce: bool) -> Result:
    path = write_synthetic(work_dir / "synthetic")

    def ours() -> None:
        load_dialogue(path)

    def base() -> None:
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)

    mine, theirs = interleaved(ours, base, runs)
    size = path.stat().st_size / 1e6
    return ratio_result(
        f"load + validate {size:.1f} MB, 2,000 cards",
        median(mine),
        median(theirs),
        1.3,
        "s",
        enforce,
    )
