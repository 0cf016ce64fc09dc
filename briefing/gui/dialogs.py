"""Every dialog that blocks, behind one small function each, so tests can replace them.

Callers use `dialogs.ask_save_path(...)` (module attribute), never a from-import, so that
`monkeypatch.setattr(dialogs, "ask_save_path", ...)` takes effect.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog, QMessageBox

DIALOGUE_FILTER = "Dialogue files (*.yaml *.yml);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf)"


def ask_open_path(parent: QWidget, folder: str) -> Path | None:
    """The dialogue file the user picks, or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, "Open dialogue", folder, DIALOGUE_FILTER)
    return Path(name) if name else None


def ask_dialogue_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """Where to save a dialogue file (Save As), or None; '.yaml' is added when missing."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), DIALOGUE_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in (".yaml", ".yml") else path.with_name(path.name + ".yaml")


def ask_unsaved(parent: QWidget, file_name: str) -> Literal["save", "discard", "cancel"]:
    """'Save the changes to NAME?' with Save, Discard and Cancel."""
    box = _message_box(parent, "Unsaved changes")
    box.setIcon(box.Icon.Warning)
    box.setText(f"Save the changes to {file_name}?")
    box.setInformativeText("Your changes are lost if you do not save them.")
    box.setStandardButtons(
        box.StandardButton.Save | box.StandardButton.Discard | box.StandardButton.Cancel
    )
    box.setDefaultButton(box.StandardButton.Save)
    answer = box.exec()
    if answer == box.StandardButton.Save:
        return "save"
    if answer == box.StandardButton.Discard:
        return "discard"
    return "cancel"


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


def card_chooser(parent: QWidget, cards: Sequence[tuple[str, str]]) -> QDialog:
    """File > Print Cards: a checkable list of the cards, (id, title) in order, all checked;
    Print is greyed out while none is checked. `chosen_cards` reads the choice."""
    from PySide6.QtWidgets import (
        QDialog,
        QDialogButtonBox,
        QLabel,
        QListWidget,
        QListWidgetItem,
        QVBoxLayout,
    )

    class CardChooser(QDialog):
        def __init__(self) -> None:
            super().__init__(parent)
            self.setWindowTitle("Print Cards")
            label = QLabel("Cards to print, in this order, as one job:")
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.cards = QListWidget(self)
            self.cards.setObjectName("cardChoice")
            self.cards.setAccessibleName("Cards to print")
            for card_id, title in cards:
                item = QListWidgetItem(title)  # list items show plain text
                item.setData(Qt.ItemDataRole.UserRole, card_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.cards.addItem(item)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            self.print_button = buttons.addButton(
                "Print\u2026", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.print_button.setObjectName("printChosen")
            every = buttons.addButton("Select All", QDialogButtonBox.ButtonRole.ActionRole)
            none = buttons.addButton("Select None", QDialogButtonBox.ButtonRole.ActionRole)
            every.clicked.connect(self.check_all)
            none.clicked.connect(self.check_none)
            self.cards.itemChanged.connect(self.update_button)
            buttons.accepted.connect(self.accept)
            buttons.rejected.connect(self.reject)
            layout = QVBoxLayout(self)
            layout.addWidget(label)
            layout.addWidget(self.cards)
            layout.addWidget(buttons)
            self.resize(420, 380)

        def check_all(self) -> None:
            self._check(Qt.CheckState.Checked)

        def check_none(self) -> None:
            self._check(Qt.CheckState.Unchecked)

        def _check(self, state: Qt.CheckState) -> None:
            for row in range(self.cards.count()):
                self.cards.item(row).setCheckState(state)

        def update_button(self) -> None:
            self.print_button.setEnabled(bool(chosen_cards(self)))

    return CardChooser()


def chosen_cards(dialog: QDialog) -> list[str]:
    """The ids of the cards checked in a `card_chooser`, in list order."""
    from PySide6.QtWidgets import QListWidget

    cards_list = dialog.findChild(QListWidget, "cardChoice")
    if cards_list is None:
        return []
    return [
        str(cards_list.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(cards_list.count())
        if cards_list.item(row).checkState() == Qt.CheckState.Checked
    ]


def ask_cards(parent: QWidget, cards: Sequence[tuple[str, str]]) -> list[str] | None:
    """The ids of the cards the user chose to print, in order; None when cancelled."""
    dialog = card_chooser(parent, cards)
    if dialog.exec() != dialog.DialogCode.Accepted:
        return None
    return chosen_cards(dialog)
