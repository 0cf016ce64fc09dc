"""Where cold start goes, stage by stage, watched from outside: `python -m
benchmarks.start_stages [RUNS]` starts the app's steps in a fresh process RUNS times (11 by
default) and prints the median milliseconds since spawn at which each stage was reached, as
docs/PERFORMANCE.md shows them. Not a budget: it explains the start-up figure.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

STAGES = (
    "the core and Qt imported (the bare window imports Qt too)",
    "GUI modules imported",
    "application set up (fonts, theme, icon)",
    "main window built (every panel)",
    "dialogue loaded, card, list and source filled",
    "card painted",
    "whole window painted",
)

CHILD = r"""
import os, sys, time
t0 = float(os.environ["STAGES_T0"])
marks = []
def mark():
    marks.append((time.monotonic() - t0) * 1000)
from briefing.gui.start import starting_up
with starting_up():  # as `briefing` starts: the steps of briefing.gui.start.open_app
    import briefing.document
    from PySide6.QtWidgets import QApplication
    mark()
    from briefing.gui.app import make_application, prepare_application
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import AppSettings
    from briefing.paths import bundled_dialogue
    mark()
    app = make_application([])
    theme = prepare_application(app)
    mark()
    window = MainWindow(AppSettings.open(), theme)
    window.restore_state()
    window.resize(1280, 800)
    mark()
    window.files.open_path(bundled_dialogue(), None, first=True, remember=False)
    window.edits.offer_recovery()
    mark()
from benchmarks.paint_watch import PaintWatch, viewport
def report(painted):
    marks.append((painted["card"] - t0) * 1000)
    marks.append((max(painted.values()) - t0) * 1000)
    print(" ".join(f"{m:.1f}" for m in marks), flush=True)
    os._exit(0)
watch = PaintWatch({"card": window.card_view.sheet, "navigator": viewport(window.navigator),
                    "source": viewport(window.source_panel.text)}, report)
window.show()
app.exec()
"""


def run_once(env: dict[str, str]) -> list[float]:
    env = {**env, "STAGES_T0": repr(time.monotonic())}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
    )
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    with tempfile.TemporaryDirectory() as work:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "BRIEFING_SETTINGS": os.path.join(work, "settings.ini"),  # never the user's
        }
        run_once(env)  # warm the file cache
        found = [run_once(env) for _ in range(runs)]
    print(f"| stage | ms since spawn (median of {runs}) |\n|---|---|")
    for i, stage in enumerate(STAGES):
        print(f"| {stage} | {statistics.median(r[i] for r in found):.0f} |")


if __name__ == "__main__":
    main()
