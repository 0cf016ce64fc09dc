"""Baseline for cold start: a bare QMainWindow with a QLabel that exits on its first paint."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
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
