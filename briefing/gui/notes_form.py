"""A card's analyst notes as a form: each note's text and the works it cites (title, address)."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.edit import KeyPath, get_at
from briefing.gui.edit_fields import line_field, text_field

NEW_CITATION = {"title": ""}
NEW_NOTE: dict[str, object] = {"text": "", "cites": [NEW_CITATION]}


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class _CiteRow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title, self.title_binding = line_field("citationTitle", "Title of the cited work")
        self.url, self.url_binding = line_field("citationUrl", "https://\u2026 (optional)")
        self.remove = _button("Remove", "removeCitation")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 3)
        row.addWidget(self.url, 3)
        row.addWidget(self.remove)


class NoteEditor(QGroupBox):
    """One note: its text, then a row per citation."""

    edited = Signal(object, object)  # key path, value (None removes)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("noteEditor")
        self._path: KeyPath = ()
        self._cites: list[Any] = []
        self.text, self._text = text_field("noteText", "The analyst's context, in full")
        self._text.edited.connect(self._typed)
        self.rows: list[_CiteRow] = []
        self._rows_box = QVBoxLayout()
        self.add_cite = _button("Add Citation", "addCitation")
        self.add_cite.clicked.connect(self._add_cite)
        self.remove = _button("Remove Note", "removeNote")
        self.remove.clicked.connect(lambda: self.edited.emit(self._path, None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_cite)
        buttons.addStretch(1)
        buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(self._rows_box)
        layout.addLayout(buttons)

    def show_note(self, number: int, path: KeyPath, data: Any) -> None:
        self.setTitle(f"Note {number}")
        self._path = path
        self._text.show((*path, "text"), get_at(data, (*path, "text")))
        cites = get_at(data, (*path, "cites"))
        self._cites = cites if isinstance(cites, list) else []
        while len(self.rows) < len(self._cites):
            row = _CiteRow()
            at = len(self.rows)
            row.title_binding.edited.connect(self._typed)
            row.url_binding.edited.connect(self._typed)
            row.remove.clicked.connect(lambda _=False, k=at: self._remove_cite(k))
            self.rows.append(row)
            self._rows_box.addWidget(row)
        for k, row in enumerate(self.rows):
            row.setVisible(k < len(self._cites))
            if k < len(self._cites):
                cite = (*path, "cites", k)
                row.title_binding.show((*cite, "title"), get_at(data, (*cite, "title")))
                row.url_binding.show((*cite, "url"), get_at(data, (*cite, "url")))

    def _typed(self, path: KeyPath, text: str) -> None:
        optional = path[-1] == "url"
        self.edited.emit(path, (text if text.strip() else None) if optional else text)

    def _add_cite(self) -> None:
        cites = [*copy.deepcopy(self._cites), dict(NEW_CITATION)]
        self.edited.emit((*self._path, "cites"), cites)

    def _remove_cite(self, k: int) -> None:
        self.edited.emit((*self._path, "cites", k), None)


class NotesForm(QWidget):
    """Every analyst note of the card, and a button to add one."""

    edited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: KeyPath = ()
        self._notes: list[Any] = []
        self.editors: list[NoteEditor] = []
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self.add = _button("Add Note", "addNote")
        self.add.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._box)
        layout.addWidget(self.add)

    def show_notes(self, path: KeyPath, data: Any) -> None:
        """Shows the notes at `path` (a card's key path + 'notes')."""
        self._path = path
        notes = get_at(data, path)
        self._notes = notes if isinstance(notes, list) else []
        while len(self.editors) < len(self._notes):
            editor = NoteEditor()
            editor.edited.connect(self.edited)
            self.editors.append(editor)
            self._box.addWidget(editor)
        for n, editor in enumerate(self.editors):
            editor.setVisible(n < len(self._notes))
            if n < len(self._notes):
                editor.show_note(n + 1, (*path, n), data)

    def _add(self) -> None:
        self.edited.emit(self._path, [*copy.deepcopy(self._notes), copy.deepcopy(NEW_NOTE)])
