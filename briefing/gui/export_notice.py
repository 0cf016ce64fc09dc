"""The bar that says where an export went, with "Show in Folder" and "Open"; it stays until
dismissed or replaced by the next export's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton

from briefing.gui import desktop


class ElidedLabel(QLabel):
    """Plain text shortened in the middle to the room it has (a path keeps its file name);
    the whole text is in the tooltip and the accessible name."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(desktop.plain_tooltip(text))
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


class ExportNotice(QFrame):
    """'Exported /path/to/file.pdf  [Show in Folder] [Open] [x]'."""

    def __init__(self, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._target: Path | None = None
        self._folder: Path | None = None
        self.message = ElidedLabel()
        self.message.setObjectName("exportMessage")
        self.show_folder = QPushButton("Show in Folder")
        self.show_folder.setObjectName("showInFolder")
        self.show_folder.clicked.connect(self._show_folder)
        self.open_button = QPushButton("Open")
        self.open_button.setObjectName("openExport")
        self.open_button.clicked.connect(self._open_target)
        self.dismiss = QToolButton()
        self.dismiss.setObjectName("dismissExportNotice")
        self.dismiss.setText("\u00d7")
        self.dismiss.setToolTip("Dismiss")
        self.dismiss.setAccessibleName("Dismiss")
        self.dismiss.setAutoRaise(True)
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.show_folder)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss)
        self.hide()

    def show_export(self, message: str, target: Path, folder: Path) -> None:
        """Shows `message`; Open opens `target` (a file or a folder), Show in Folder `folder`."""
        self._target, self._folder = target, folder
        self.message.set_full_text(message)
        self.open_button.setToolTip(desktop.plain_tooltip(f"Open {target}"))
        self.show_folder.setToolTip(desktop.plain_tooltip(f"Show {folder}"))
        self.show()

    def _show_folder(self) -> None:
        self._open(self._folder)

    def _open_target(self) -> None:
        self._open(self._target)

    def _open(self, path: Path | None) -> None:
        if path is not None and not desktop.open_url(QUrl.fromLocalFile(str(path))):
            self.message.set_full_text(f"No program could open {path}")
