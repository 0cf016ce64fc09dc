"""Baseline for cold start: a bare QMainWindow with a QLabel that exits on its first paint.

Like the app under benchmarks.start_probe, it leaves with os._exit right after the paint, so
neither process's teardown is counted.
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


app = QApplication(sys.argv)
window = QMainWindow()
label = QLabel("Briefing")
window.setCentralWidget(label)
watcher = QuitOnFirstPaint()
label.installEventFilter(watcher)
window.resize(1200, 800)
window.show()
sys.exit(app.exec())
