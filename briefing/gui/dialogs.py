"""Every dialog that blocks, behind one small function each, so tests can replace them.

Callers use `dialogs.ask_save_path(...)` (module attribute), never a from-import, so that
`monkeypatch.setattr(dialogs, "ask_save_path", ...)` takes effect.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QMessageBox

DIALOGUE_FILTER = "Dialogue files (*.yaml *.yml);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf)"


def ask_open_path(parent: QWidget, folder: str) -> Path | None:
    """The dialogue file the user picks, or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, "Open dialogue", folder, DIALOGUE_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """Where to save one PDF, or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), PDF_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def ask_folder(parent: QWidget, title: str, folder: Path) -> Path | None:
    """A folder to export several PDFs into, or None."""
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def ask_print(parent: QWidget, printer: QPrinter) -> bool:
    """Shows the system print dialog for `printer`; True when the user chose to print."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print briefing")
    return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


def _message_box(parent: QWidget, title: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_problems(
    parent: QWidget,
    title: str,
    problems: Sequence[str],
    consequence: str = "",
    described: Sequence[str] = (),
) -> None:
    """Lists a file's problems as plain text: in people's words (`described`) where given,
    with the exact `file:line:col: path: message` lines in the details; what follows for
    the user (`consequence`); and a button that copies the exact lines."""
    from PySide6.QtGui import QGuiApplication

    box = _message_box(parent, title)
    box.setIcon(box.Icon.Warning)
    box.setText(f"{title}. {consequence}".strip())
    shown = list(described) or list(problems)
    box.setInformativeText("\n".join(shown[:12]) + ("\n…" if len(shown) > 12 else ""))
    box.setDetailedText("\n".join(problems))
    copy = box.addButton("Copy", box.ButtonRole.ActionRole)
    box.addButton(box.StandardButton.Close)
    copy.clicked.disconnect()  # copying does not close the box
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(problems)))
    box.exec()


def show_error(parent: QWidget, title: str, message: str) -> None:
    box = _message_box(parent, title)
    box.setIcon(box.Icon.Warning)
    box.setText(message)
    box.exec()


def show_about(parent: QWidget, title: str, rich_text: str) -> None:
    """The About box; `rich_text` is composed by the caller with every data string escaped."""
    box = _message_box(parent, title)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(rich_text)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.exec()


def show_shortcuts(parent: QWidget, rows: Sequence[tuple[str, str]]) -> None:
    """Help > Keyboard Shortcuts: a two-column table of plain text."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QDialog,
        QDialogButtonBox,
        QHeaderView,
        QTableWidget,
        QTableWidgetItem,
        QVBoxLayout,
    )

    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard Shortcuts")
    table = QTableWidget(len(rows), 2, dialog)
    table.setObjectName("shortcutTable")
    table.setHorizontalHeaderLabels(["Command", "Keys"])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for row, (what, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(what))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.resizeColumnToContents(1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(640, 520)
    dialog.exec()
