"""File > New and File > Add Source, each behind one function that shows its dialog and
does the work: the main window calls these; tests fill the dialogs' fields and accept them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from briefing.gui.add_source_dialog import AddSourceDialog
from briefing.gui.new_dialogue_dialog import NewDialogueDialog

__all__ = ["AddSourceDialog", "NewDialogueDialog", "ask_add_source", "ask_new_dialogue"]


def ask_new_dialogue(parent: QWidget | None, folder: Path | None = None) -> Path | None:
    """Asks for a new dialogue's folder, file name and facts, and creates the file and its
    `sources/` folder; the new file's path, or None when cancelled."""
    dialog = NewDialogueDialog(parent, folder)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.created


def ask_add_source(parent: QWidget | None, folder: Path, data: Any) -> dict[str, object] | None:
    """Asks for a source (a file or pasted text, its title, publisher and address), stores
    its text in `folder/sources/`, and returns the new `sources:` entry for the dialogue
    data `data` ({id, title, publisher, file, url?}); None when cancelled."""
    dialog = AddSourceDialog(parent, folder, data)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.entry
