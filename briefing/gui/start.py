"""Starting the app as `briefing [FILE]` does: `open_app` builds it with the cycle collector
out of the way. Qt is imported inside, so that the collector is paused for that too."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from briefing.gui.main_window import MainWindow


@contextmanager
def starting_up() -> Iterator[None]:
    """Start-up makes tens of thousands of objects (modules, classes, widgets, the dialogue)
    that live as long as the app, and no garbage. The cycle collector is paused while they
    are made, then they are moved out of its way for good (gc.freeze), so that neither start-up
    nor any later collection passes over them again (74 collections, about 8 ms of a cold
    start, before). They are still freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def open_app(args: list[str]) -> tuple[QApplication, MainWindow]:
    """`briefing [FILE]`: the app and its window, built and opened, not yet shown."""
    with starting_up():
        from briefing.gui.app import build_app

        return build_app(args)
