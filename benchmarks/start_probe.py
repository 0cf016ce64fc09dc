"""Runs the app as `briefing` does, instrumented from outside: prints when the card first
painted and when the whole window (navigator, card, source panel) had painted, as
`time.monotonic()` readings, then leaves at once (no teardown, like the baseline).

Usage: python -m benchmarks.start_probe [FILE]
"""

from __future__ import annotations

import os
import sys
import time

# isort: off
from briefing.gui.app import build_app  # first, as the `briefing` command imports it
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
# isort: on


class PaintWatch(QObject):
    """Notes the first paint of each watched widget; reports once all have painted."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self._names = {id(w): name for name, w in widgets.items()}
        self.painted: dict[str, float] = {}
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        name = self._names.get(id(watched))
        if event.type() == QEvent.Type.Paint and name and name not in self.painted:
            self.painted[name] = time.monotonic()
            if len(self.painted) == len(self._names):
                QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"card {self.painted['card']:.6f} all {max(self.painted.values()):.6f}", flush=True)
        os._exit(0)


def viewport(area: QAbstractScrollArea) -> QWidget:
    """The scroll area's viewport, found by its name: asking `area.viewport()` first would
    make PySide6 create ~50 enum types (~5 ms) that the app itself never needs at start."""
    found = area.findChild(QWidget, "qt_scrollarea_viewport")
    assert found is not None
    return found


LIMIT_MS = 30_000
"""A start that has not painted by then has failed: leave with status 1 rather than hang."""


def main() -> None:
    app, window = build_app(sys.argv[1:])
    window.resize(1280, 800)  # as on a laptop, with every panel shown
    widgets = {"card": window.card_view.sheet, "navigator": viewport(window.navigator)}
    if not window.side.isHidden():
        widgets["source"] = viewport(window.source_panel.text)
    watch = PaintWatch(widgets)
    QTimer.singleShot(LIMIT_MS, lambda: os._exit(1))
    window.show()
    app.exec()
    del watch


if __name__ == "__main__":
    main()
