"""Authoring in the core: an edit applied (the dialogue rebuilt where it changed) on the
bundled dialogue and on the 2,000-card synthetic one, and Save after an edit (the changed
cards written into the file's own text with ruamel.yaml, atomically): of the bundled file,
against ruamel.yaml's plain round trip of the whole file, and of the 2,000-card one."""

from __future__ import annotations

import io
import itertools
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import Result, p95
from benchmarks.synthetic import write_synthetic
from briefing.document import Document, apply, open_document, save_document
from briefing.edit import Change, move, new_point, set_field
from briefing.paths import bundled_dialogue

Edit = Callable[[Document, int], Change]

EDITS: tuple[Edit, ...] = (
    lambda d, n: set_field(d, ("sectors", n % 7 + 1, "points", 0, "text"), f"Edited text {n}."),
    lambda d, n: set_field(d, ("sectors", n % 7 + 1, "summary"), f"A bottom line, take {n}."),
    lambda d, n: new_point(d, n % 7 + 1, "yonhap", "next-generation technologies", 0),
    lambda d, n: move(d, ("sectors", n % 7 + 1), (n + 3) % 7 + 1),
)
"""What a person does most: retype a point or a bottom line, add a point, move a card."""


def _synthetic_edits(cards: int) -> tuple[Edit, ...]:
    return (
        lambda d, n: set_field(d, ("sectors", n * 37 % cards, "points", 0, "text"), f"T{n}."),
        lambda d, n: set_field(d, ("sectors", n * 53 % cards, "summary"), f"Line {n}."),
        lambda d, n: move(d, ("sectors", n * 91 % cards), (n * 17) % cards),
    )


def _apply_times(doc: Document, edits: tuple[Edit, ...], runs: int) -> list[float]:
    found = []
    for n, edit in zip(range(runs + 2), itertools.cycle(edits), strict=False):
        change = edit(doc, n)
        start = time.perf_counter()
        doc, _ = apply(doc, change)
        if n >= 2:  # the first two warm the caches
            found.append(time.perf_counter() - start)
    return found


def _apply_result(figure: str, found: list[float], budget: float, enforce: bool) -> Result:
    value = p95(found)
    return Result(
        figure,
        value * 1000,
        "ms",
        None,
        f"p95 <= {budget * 1000:.0f} ms",
        value <= budget if enforce else None,
    )


def apply_figures(work_dir: Path, runs: int, enforce: bool) -> list[Result]:
    bundled = _apply_times(open_document(bundled_dialogue()), EDITS, runs)
    synthetic = open_document(write_synthetic(work_dir / "edit-synthetic"))
    cards = len(synthetic.data["sectors"])
    many = _apply_times(synthetic, _synthetic_edits(cards), runs)
    return [
        # an edit's share of "edit -> card repainted" (16 ms, 100 ms on 2,000 cards)
        _apply_result("edit applied, dialogue rebuilt, bundled (p95)", bundled, 0.005, enforce),
        _apply_result("edit applied, dialogue rebuilt, 2,000 cards (p95)", many, 0.050, enforce),
    ]


def save_figure(work_dir: Path, runs: int, enforce: bool) -> Result:
    from ruamel.yaml import YAML

    folder = work_dir / "save"
    shutil.copytree(bundled_dialogue().parent, folder)
    path = folder / bundled_dialogue().name
    doc = open_document(path)
    text = path.read_text(encoding="utf-8")

    def round_trip() -> None:
        yaml = YAML()
        yaml.dump(yaml.load(text), io.StringIO())

    saves: list[float] = []
    plain: list[float] = []
    for n in range(runs + 1):
        doc, _ = apply(doc, EDITS[n % len(EDITS)](doc, n))
        start = time.perf_counter()
        doc = save_document(doc)
        saved = time.perf_counter() - start
        start = time.perf_counter()
        round_trip()
        base = time.perf_counter() - start
        if n:  # the first save imports ruamel.yaml
            saves.append(saved)
            plain.append(base)
    value = p95(saves)
    return Result(
        "Save after an edit, bundled file (p95)",
        value * 1000,
        "ms",
        p95(plain) * 1000,
        "p95 <= 100 ms",
        value <= 0.100 if enforce else None,
    )


def synthetic_save_figure(work_dir: Path, runs: int) -> Result:
    """Reported, not budgeted: Save of a 2,000-card file after an edit of one card."""
    doc = open_document(write_synthetic(work_dir / "save-synthetic"))
    cards = len(doc.data["sectors"])
    edits = _synthetic_edits(cards)
    found = []
    for n in range(runs + 1):
        doc, _ = apply(doc, edits[n % 2](doc, n))
        start = time.perf_counter()
        doc = save_document(doc)
        if n:
            found.append(time.perf_counter() - start)
    return Result(
        "Save after an edit, 2,000 cards (p95)", p95(found) * 1000, "ms", None, "report", None
    )


def edit_figures(work_dir: Path, runs: int, enforce: bool) -> list[Result]:
    return [
        *apply_figures(work_dir, runs, enforce),
        save_figure(work_dir, runs, enforce),
        synthetic_save_figure(work_dir, max(1, runs // 10)),
    ]
