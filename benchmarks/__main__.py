"""`python -m benchmarks [--quick] [--json FILE]`: measure every figure, enforce budgets.

The full run repeats each figure and exits 1 if any budget is missed; `--quick` runs each
once and enforces nothing, so that CI keeps the suite itself working.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import Result


def _table(results: list[Result]) -> str:
    rows = [("figure", "value", "baseline", "ratio", "budget", "result")]
    for r in results:
        verdict = "report" if r.passed is None else ("pass" if r.passed else "FAIL")
        baseline = f"{r.baseline:.1f} {r.unit}" if r.baseline is not None else "-"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        rows.append((r.figure, f"{r.value:.1f} {r.unit}", baseline, ratio, r.budget, verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def run(quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks.figures_edit import edit_figures
    from benchmarks.figures_edit_gui import edit_gui_figures
    from benchmarks.figures_gui import gui_figures
    from benchmarks.figures_hostile import appendix_limit_figure, hostile_figure
    from benchmarks.figures_load import load_figure
    from benchmarks.figures_pdf import book_figure, one_pager_figure, weasyprint_figure
    from benchmarks.figures_start import start_figures
    from briefing.loader import load_dialogue
    from briefing.paths import bundled_dialogue

    enforce = not quick
    dialogue = load_dialogue(bundled_dialogue())
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as work:
        results += start_figures(1 if quick else 11, enforce)
        results += gui_figures(Path(work), 5 if quick else 200, enforce)
        results += edit_gui_figures(Path(work), 5 if quick else 200, enforce)
        results.append(one_pager_figure(dialogue, 1 if quick else 30, enforce))
        results += book_figure(dialogue, 1 if quick else 15, enforce)
        results.append(appendix_limit_figure(Path(work), 1 if quick else 3, enforce))
        results.append(load_figure(Path(work), 1 if quick else 5, enforce))
        results += edit_figures(Path(work), 3 if quick else 100, enforce)
        results.append(hostile_figure(Path(work), 1 if quick else 3, enforce))
        weasy = weasyprint_figure(dialogue, 1 if quick else 9)
        if weasy is not None:
            results.append(weasy)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="each figure once, no budgets")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/latest.json"))
    args = parser.parse_args()
    results = run(args.quick)
    print(_table(results))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    machine = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "quick": args.quick,
    }
    payload = {"machine": machine, "results": [r.as_dict() for r in results]}
    args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.json}")
    failed = [r.figure for r in results if r.passed is False]
    if failed:
        print("over budget: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
