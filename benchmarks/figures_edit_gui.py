"""Edit figures, in-process and offscreen: a field of the edit panel applied -> the card
repainted, on the bundled dialogue and on the 2,000-card synthetic one.

Measured from outside, as a user sees it: a key typed into the lead-in field of the selected
point (a letter, then Backspace, in turn), which applies at once; the clock stops when the
card's sheet paints (an event filter counts paints).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from benchmarks.figures_gui import _settle, _SheetPaints, _spin, _window
from benchmarks.measure import Result, p95
from benchmarks.synthetic import write_synthetic


def _edit_to_paint(path: Path, settings: Path, runs: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, window = _window(path, settings)
    _settle(app)  # the user starts editing once the window has settled
    window.edit_session.set_editing(True)
    window.navigation.select_point(0)
    field = window.edit_panel.lead
    _spin(app, lambda: field.isVisible())
    paints = _SheetPaints(window)
    found: list[float] = []
    field.setFocus()
    field.end(False)
    for i in range(runs):
        paints.watch()
        before = paints.count
        start = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Backspace if i % 2 else Qt.Key.Key_X)
        paints.watch()  # a sheet made for the edited card paints once the loop turns
        _spin(app, lambda: paints.count > before)  # noqa: B023 (used within the loop turn)
        found.append(time.perf_counter() - start)
    from briefing.gui import dialogs

    dialogs.ask_unsaved = lambda *_: "discard"  # the edits were only for the measurement
    window.edit_session.set_editing(False)
    window.close()
    return found


def _copy_bundled(work_dir: Path) -> Path:
    """A copy of the bundled dialogue and its sources: edits never touch the real one."""
    from briefing.paths import bundled_dialogue

    source = bundled_dialogue()
    folder = work_dir / "edit-bundled"
    shutil.copytree(source.parent, folder, dirs_exist_ok=True)
    return folder / source.name


def edit_repaint_bundled(work_dir: Path, runs: int, enforce: bool) -> Result:
    found = _edit_to_paint(_copy_bundled(work_dir), work_dir / "edit.ini", runs)
    value = p95(found)
    return Result(
        "edit to card repainted (p95)",
        value * 1000,
        "ms",
        None,
        "p95 <= 16 ms",
        value <= 0.016 if enforce else None,
    )


def edit_repaint_synthetic(work_dir: Path, runs: int, enforce: bool) -> Result:
    path = write_synthetic(work_dir / "edit-synthetic")
    found = _edit_to_paint(path, work_dir / "edit-synthetic.ini", runs)
    value = p95(found)
    return Result(
        "edit to card repainted, 2,000 cards (p95)",
        value * 1000,
        "ms",
        None,
        "p95 <= 100 ms",
        value <= 0.100 if enforce else None,
    )


def edit_gui_figures(work_dir: Path, runs: int, enforce: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return [
        edit_repaint_bundled(work_dir, runs, enforce),
        edit_repaint_synthetic(work_dir, max(5, runs // 4), enforce),
    ]
