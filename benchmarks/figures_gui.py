"""GUI figures, in-process and offscreen: card switch, search keystroke, stalls during export.

Each is the p95 (or the worst case) of many repetitions against an absolute budget: a frame
is a frame, however fast the machine.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.measure import Result, median, p95
from benchmarks.synthetic import write_synthetic


def _quiet_offscreen_warning(mode: object, context: object, message: str) -> None:
    """Drops the offscreen platform's one known warning; prints anything else."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _window(path: Path, settings_file: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_quiet_offscreen_warning)

    from briefing.gui.app import make_application, prepare_application
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import AppSettings

    app = make_application([])
    window = MainWindow(AppSettings.open(settings_file), prepare_application(app))
    window.resize(1280, 800)
    window.files.open_path(path, None, first=True, remember=False)
    window.show()
    _spin(app, lambda: window.card_view.sheet.isVisible())
    assert isinstance(app, QApplication)
    return app, window


class _SheetPaints:
    """Counts paints of the card sheets, seen from outside through an event filter on each."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        from briefing.gui.card_sheet import CardSheet

        self.count = 0
        self._window = window
        self._watched: set[int] = set()
        outer = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    outer.count += 1
                return False

        self.filter = Filter()
        self._kind = CardSheet

    def watch(self) -> None:
        """Watches every sheet the card view has made so far (it makes them as needed)."""
        for sheet in self._window.card_view.findChildren(self._kind):
            if id(sheet) not in self._watched:
                self._watched.add(id(sheet))
                sheet.installEventFilter(self.filter)


def _spin(app: object, done: Callable[[], bool], limit: float = 10.0) -> None:
    """Runs the event loop until `done()`; fails rather than hanging."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    deadline = time.perf_counter() + limit
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there")


def _settle(app: object) -> None:
    """Half a second of the event loop, as before a user's first keystroke: the window makes
    its search index just after it has painted a file (`main_window.INDEX_DELAY`)."""
    settled = time.perf_counter() + 0.5
    _spin(app, lambda: time.perf_counter() > settled)


def card_switch(work_dir: Path, runs: int, enforce: bool) -> Result:
    from briefing.paths import bundled_dialogue

    app, window = _window(bundled_dialogue(), work_dir / "switch.ini")
    paints = _SheetPaints(window)
    model = window.navigator.model()
    rows = model.rowCount()
    found = []
    for i in range(runs):
        paints.watch()
        before = paints.count
        start = time.perf_counter()
        window.navigator.setCurrentIndex(model.index((i + 1) % rows, 0))
        paints.watch()  # a sheet made for this card paints only once the loop turns
        _spin(app, lambda: paints.count > before)  # noqa: B023 (used within the loop turn)
        found.append(time.perf_counter() - start)
    window.close()
    value = p95(found)
    return Result(
        "card switch, selection to card painted (p95)",
        value * 1000,
        "ms",
        None,
        "p95 <= 16 ms",
        value <= 0.016 if enforce else None,
    )


def search_keystroke(work_dir: Path, runs: int, enforce: bool) -> Result:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    path = write_synthetic(work_dir / "search")
    app, window = _window(path, work_dir / "search.ini")
    _settle(app)
    words = itertools.cycle(["sector 1", "battery", "grid storage", "quantum", "zzz", "chip"])
    found: list[float] = []
    while len(found) < runs:
        window.search.clear()
        _spin(app, lambda: window.navigation.state.query == "")
        for char in next(words):
            start = time.perf_counter()
            QTest.keyClicks(window.search, char)
            typed = window.search.text()
            _spin(app, lambda: window.navigation.state.query == typed)  # noqa: B023
            app.processEvents()  # the navigator repaints with the filtered rows
            found.append(time.perf_counter() - start)
    QTest.keyClick(window.search, Qt.Key.Key_Escape)
    window.close()
    value = p95(found)
    return Result(
        "search keystroke to navigator filtered, 2,000 cards (p95)",
        value * 1000,
        "ms",
        None,
        "p95 <= 30 ms",
        value <= 0.030 if enforce else None,
    )


def export_stall(work_dir: Path, runs: int, enforce: bool) -> Result:
    """The longest the GUI thread went without turning its event loop while PDFs were made."""
    from PySide6.QtCore import QTimer

    from briefing.paths import bundled_dialogue

    app, window = _window(bundled_dialogue(), work_dir / "stall.ini")
    worst = []
    ticks: list[float] = []
    done: list[bool] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    window.pdf.output.done.connect(lambda *_: done.append(True))
    for n in range(max(1, runs // 40)):
        ticks.clear()
        done.clear()
        timer.start()
        window.pdf.output.export_all("a4", work_dir / f"stall-{n}", None, True)
        _spin(app, lambda: bool(done), limit=60)
        timer.stop()
        worst.append(max(b - a for a, b in itertools.pairwise(ticks)))
    window.close()
    value = max(worst)
    return Result(
        "longest GUI stall while exporting everything",
        value * 1000,
        "ms",
        None,
        "< 100 ms",
        value < 0.100 if enforce else None,
    )


def gui_figures(work_dir: Path, runs: int, enforce: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return [
        card_switch(work_dir, runs, enforce),
        search_keystroke(work_dir, runs, enforce),
        export_stall(work_dir, runs, enforce),
    ]


__all__ = ["gui_figures", "median"]
