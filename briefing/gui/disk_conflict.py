"""The file changed on disk while there are unsaved edits: a bar asks what to do (Reload,
discarding the edits; Keep Mine; Save As), and nothing is overwritten without asking.

`Stamp` is how a file is recognised as unchanged: its modification time and size.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Stamp(NamedTuple):
    mtime_ns: int
    size: int


def file_stamp(path: Path) -> Stamp | None:
    """The file's stamp, or None when it is not there (or cannot be read)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return Stamp(info.st_mtime_ns, info.st_size)


class DiskConflictBar(QFrame):
    """Says the file on disk is no longer the one the edits started from."""

    reload = Signal()
    keep_mine = Signal()
    save_as = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diskConflictBar")
        self.text = QLabel()
        self.text.setObjectName("diskConflictText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 12, 8)
        row.addWidget(self.text, 1)
        self.buttons: dict[str, QPushButton] = {}
        for name, label, signal in (
            ("conflictReload", "Reload", self.reload),
            ("conflictKeepMine", "Keep Mine", self.keep_mine),
            ("conflictSaveAs", "Save As\u2026", self.save_as),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(self.hide)
            button.clicked.connect(signal)
            row.addWidget(button)
            self.buttons[name] = button
        self.buttons["conflictReload"].setToolTip("Discard your unsaved edits and show the file")
        self.buttons["conflictKeepMine"].setToolTip(
            "Keep your edits; saving will replace the file on disk"
        )
        self.hide()

    def ask(self, file_name: str, gone: bool = False) -> None:
        if gone:
            self.text.setText(
                f"{file_name} was moved or deleted on disk. Your unsaved edits are kept."
            )
        else:
            self.text.setText(
                f"{file_name} changed on disk, and you have unsaved edits. "
                "Reload it (your edits are discarded), keep your edits, or save them elsewhere?"
            )
        self.buttons["conflictReload"].setEnabled(not gone)
        self.show()
