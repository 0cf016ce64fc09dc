"""File > Add Source: a source's text, from a .txt, .md, .html or .pdf file or pasted,
shown exactly as it will be stored, with its title, publisher, address and id."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.authoring import (
    AuthoringError,
    check_room,
    free_source_id,
    safe_name,
    store_source,
)
from briefing.format import ID_PATTERN
from briefing.gui.authoring_form import AuthoringDialog, line_edit, sentence
from briefing.gui.desktop import web_url
from briefing.gui.source_import import (
    SOURCE_FILTER,
    ImportRefused,
    import_file,
    import_pasted,
)
from briefing.provenance import split_paragraphs

COUNT_DELAY_MS = 250
"""How long the text stays unchanged before its paragraphs are counted again."""


def ask_source_file(parent: QWidget, folder: Path) -> Path | None:
    """The file to take a source's text from, or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, "Add source", str(folder), SOURCE_FILTER)
    return Path(name) if name else None


class AddSourceDialog(AuthoringDialog):
    """File > Add Source: the text (from a file or pasted), its title, publisher, address
    and id. The text shown is the text stored, and quotes are checked against it."""

    def __init__(self, parent: QWidget | None, folder: Path, data: Any) -> None:
        super().__init__(parent, "Add Source", "Add Source")
        self.dialogue_folder = folder
        self.data = data
        self.entry: dict[str, object] | None = None
        self._id_typed = False
        choose = QPushButton("Choose File\u2026")
        choose.setObjectName("chooseSourceFile")
        choose.clicked.connect(self.choose_file)
        self.origin = QLabel("Choose a .txt, .md, .html or .pdf file, or paste the text below.")
        self.origin.setObjectName("sourceOrigin")
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.origin.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("sourceText")
        self.text.setPlaceholderText("Paste the source's text here, or choose a file.")
        self.text.setAccessibleName("Source text to store")
        self._counting = QTimer(self)  # counting 4 MiB takes 0.1 s: not at every key
        self._counting.setSingleShot(True)
        self._counting.setInterval(COUNT_DELAY_MS)
        self._counting.timeout.connect(self.count_paragraphs)
        self.text.textChanged.connect(self._counting.start)
        self.count = QLabel()
        self.count.setObjectName("sourceCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.title = line_edit("sourceTitle", "Title of the document")
        self.title.textChanged.connect(self._suggest_id)
        self.publisher = line_edit("sourcePublisher", "Who published it")
        self.url = line_edit("sourceUrl", "https://\u2026 (optional)")
        self.source_id = line_edit("sourceId", "Id that evidence refers to")
        self.source_id.textEdited.connect(self._id_edited)

        top = QHBoxLayout()
        top.addWidget(self.origin, 1)
        top.addWidget(choose)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Publisher:", self.publisher)
        form.addRow("&Address:", self.url)
        form.addRow("&Id:", self.source_id)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(top)
        column.addWidget(self.text, 1)
        column.addWidget(self.count)
        column.addLayout(form)
        self.lay_out(content)
        self.count_paragraphs()

    def choose_file(self) -> None:
        path = ask_source_file(self, self.dialogue_folder)
        if path is not None:
            self.take_file(path)

    def take_file(self, path: Path) -> bool:
        """Puts the text of the file at `path` in the box; False (and why, shown) if none."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            imported = import_file(path)
        except ImportRefused as exc:
            self.say(f"{exc}.")  # starts with the file name, as it is spelt
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.say("")
        self.text.setPlainText(imported.text)
        self.count_paragraphs()  # at once: a file is not typed
        self.origin.setText(f"From {path.name} ({imported.kind}).")
        if not self.title.text().strip():
            self.title.setText(imported.title or path.stem)
        return True

    def count_paragraphs(self) -> None:
        """Says how many paragraphs the text has, as the loader will number them."""
        paragraphs = len(split_paragraphs(self.text.toPlainText()))
        if not paragraphs:
            self.count.setText("No text yet.")
            return
        noun = "paragraph" if paragraphs == 1 else "paragraphs"
        self.count.setText(f"{paragraphs:,} {noun}; quotes will be checked against this text.")

    def _id_edited(self, text: str) -> None:
        self._id_typed = bool(text.strip())

    def _suggest_id(self, title: str) -> None:
        if not self._id_typed:
            wanted = safe_name(title) if title.strip() else ""
            self.source_id.setText(free_source_id(self.data, wanted) if wanted else "")

    def accept(self) -> None:
        try:
            self.entry = self._store()
        except (AuthoringError, ImportRefused) as exc:
            self.say(sentence(str(exc)))
            return
        super().accept()

    def _store(self) -> dict[str, object]:
        title, publisher = self.title.text().strip(), self.publisher.text().strip()
        source_id, url = self.source_id.text().strip(), self.url.text().strip()
        if not title or not publisher:
            raise AuthoringError("give the source's title and publisher")
        if not re.fullmatch(ID_PATTERN, source_id):
            raise AuthoringError("the id takes letters, digits, '-' and '_', starting with one")
        if free_source_id(self.data, source_id) != source_id:
            raise AuthoringError(f"the dialogue already has a source {source_id!r}")
        if url and web_url(url) is None:
            raise AuthoringError("the address must be a web address (http or https)")
        text = import_pasted(self.text.toPlainText()).text
        check_room(self.dialogue_folder, self.data, text)
        file = store_source(self.dialogue_folder, source_id, text)
        entry: dict[str, object] = {
            "id": source_id,
            "title": title,
            "publisher": publisher,
            "file": file,
        }
        if url:
            entry["url"] = url
        return entry
