"""Runs the app as `briefing` does, instrumented from outside: prints when the card first
painted and when the whole window (navigator, card, source panel) had painted, as
`time.monotonic()` readings, then leaves at once (no teardown, like the baseline).

Usage: python benchmarks/start_probe.py [FILE]
"""

from __future__ import annotations

import os
import sys

from briefing.gui.start import open_app

LIMIT_MS = 30_000
"""A start that has not painted by then has failed: leave with status 1 rather than hang."""


def report(painted: dict[str, float]) -> None:
    print(f"card {painted['card']:.6f} all {max(painted.values()):.6f}", flush=True)
    os._exit(0)


def main() -> None:
    app, window = open_app(sys.argv[1:])  # first, and all of it, as `briefing` does
    from PySide6.QtCore import QTimer

    from benchmarks.paint_watch import PaintWatch, viewport

    window.resize(1280, 800)  # as on a laptop, with every panel shown
    widgets = {"card": window.card_view.sheet, "navigator": viewport(window.navigator)}
    if not window.side.isHidden():
        widgets["source"] = viewport(window.source_panel.text)
    watch = PaintWatch(widgets, report)
    QTimer.singleShot(LIMIT_MS, lambda: os._exit(1))
    window.show()
    app.exec()
    del watch


if __name__ == "__main__":
    main()
