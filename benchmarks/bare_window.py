"""Baseline for cold start: a bare QMainWindow with a QLabel. On the label's first paint it
prints `painted` and the time (`time.monotonic()`), and leaves at once with os._exit, as the
app does under benchmarks.start_probe.
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            painted = time.monotonic()
            QTimer.singleShot(0, lambda: leave(painted))
        return False


def leave(painted: float) -> None:
    print(f"painted {painted:.6f}", flush=True)
    os._exit(0)


app = QApplication(sys.argv)
window = QMainWindow()
label = QLabel("Briefing")
window.setCentralWidget(label)
watcher = QuitOnFirstPaint()
label.installEventFilter(watcher)
window.resize(1200, 800)
window.show()
sys.exit(app.exec())
