"""Watching a started window from outside: when each of its parts first painted."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


class PaintWatch(QObject):
    """Notes the first paint of each watched widget (`time.monotonic()`), and calls `done`
    with those times once all have painted."""

    def __init__(
        self, widgets: dict[str, QWidget], done: Callable[[dict[str, float]], None]
    ) -> None:
        super().__init__()
        self._names = {id(w): name for name, w in widgets.items()}
        self._done = done
        self.painted: dict[str, float] = {}
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        name = self._names.get(id(watched))
        if event.type() == QEvent.Type.Paint and name and name not in self.painted:
            self.painted[name] = time.monotonic()
            if len(self.painted) == len(self._names):
                QTimer.singleShot(0, lambda: self._done(self.painted))
        return False


def viewport(area: QAbstractScrollArea) -> QWidget:
    """The scroll area's viewport, found by its name: asking `area.viewport()` first would
    make PySide6 create ~50 enum types (~5 ms) that the app itself never needs at start."""
    found = area.findChild(QWidget, "qt_scrollarea_viewport")
    assert found is not None
    return found
