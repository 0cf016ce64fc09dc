"""File > New and File > Add Source: the dialogs that start a dialogue file and store a
source's text next to it. Every field is plain text; nothing typed is read as markup.

`ask_new_dialogue` and `ask_add_source` show them and do the work; tests fill the dialog
classes' fields and accept them directly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.authoring import (
    COUNTRIES,
    AuthoringError,
    CoChair,
    Resolved,
    check_room,
    create_dialogue,
    free_source_id,
    safe_name,
    store_source,
)
from briefing.format import ID_PATTERN
from briefing.gui import dialogs
from briefing.gui.desktop import web_url
from briefing.gui.source_import import (
    SOURCE_FILTER,
    ImportRefused,
    import_file,
    import_pasted,
)
from briefing.source_text import tidy_text

FITS = (620, 560)
"""The dialogs' size: inside a 1024x640 screen with room for the title bar."""


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


def ask_source_file(parent: QWidget, folder: Path) -> Path | None:
    """The file to take a source's text from, or None."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, "Add source", str(folder), SOURCE_FILTER)
    return Path(name) if name else None


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("authoringMessage")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


def _sentence(message: str) -> str:
    """A message as a sentence: capital first, a full stop last."""
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def _scrolled(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area


class _AuthoringDialog(QDialog):
    """A dialog with a message line that says why its work was not done, and OK/Cancel."""

    def __init__(self, parent: QWidget | None, title: str, ok: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message = _message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("authoringOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(*FITS)

    def lay_out(self, content: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(content), 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class CoChairRow:
    """One co-chair's name, role and country in the New Dialogue form."""

    def __init__(self, country: str) -> None:
        self.name = _line("coChairName", "Name")
        self.role = _line("coChairRole", "Role, as the source gives it")
        self.country = QComboBox()
        self.country.setObjectName("coChairCountry")
        self.country.addItems(list(COUNTRIES))
        self.country.setCurrentText(country)

    def value(self) -> CoChair | None:
        """The co-chair, or None when the row is left empty."""
        name, role = self.name.text().strip(), self.role.text().strip()
        if not name and not role:
            return None
        return CoChair(name, role, self.country.currentText())


class NewDialogueDialog(_AuthoringDialog):
    """File > New: where the file goes, and what the dialogue was."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent, "New Dialogue", "Create")
        self.created: Path | None = None
        self._named = False  # the user typed a file name: stop suggesting one
        self.folder = _line("newFolder", "Folder for the dialogue file and its sources")
        self.folder.setText(str(folder) if folder else "")
        choose = QPushButton("Choose\u2026")
        choose.setObjectName("chooseFolder")
        choose.clicked.connect(self.choose_folder)
        self.file_name = _line("newFileName", "name.yaml")
        self.file_name.textEdited.connect(self._name_typed)
        self.title = _line("newTitle", "Full title of the dialogue")
        self.title.textChanged.connect(self._suggest_name)
        self.place = _line("newPlace", "As the source gives it")
        self.date = _line("newDate", "As the source gives it, e.g. Saturday")

        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        form = QFormLayout()
        folder_label = QLabel("&Folder:")
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, where)
        form.addRow("File &name:", self.file_name)
        form.addRow("&Title:", self.title)
        form.addRow("&Place:", self.place)
        form.addRow("&Date:", self.date)

        self.resolved = QGroupBox("Resolved date (the calendar date, from outside the sources)")
        self.resolved.setObjectName("resolvedDate")
        self.resolved.setCheckable(True)
        self.resolved.setChecked(False)
        self.resolved_day = _line("resolvedDay", "YYYY-MM-DD")
        self.resolved_note = QPlainTextEdit()
        self.resolved_note.setObjectName("resolvedNote")
        self.resolved_note.setPlaceholderText("Where the date comes from, in your own words")
        self.resolved_note.setFixedHeight(60)
        self.cite_title = _line("citeTitle", "Title of the public source giving the date")
        self.cite_url = _line("citeUrl", "https://\u2026 (optional)")
        resolved_form = QFormLayout(self.resolved)
        resolved_form.addRow("Dat&e:", self.resolved_day)
        resolved_form.addRow("N&ote:", self.resolved_note)
        resolved_form.addRow("Cited &source:", self.cite_title)
        resolved_form.addRow("&Address:", self.cite_url)

        chairs = QGroupBox("Co-chairs")
        self._chairs = QGridLayout(chairs)
        self.co_chairs: list[CoChairRow] = []
        add = QPushButton("Add Co-chair")
        add.setObjectName("addCoChair")
        add.clicked.connect(lambda: self.add_co_chair("KR"))
        self._chairs.addWidget(add, 100, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        for country in COUNTRIES:
            self.add_co_chair(country)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addLayout(form)
        column.addWidget(self.resolved)
        column.addWidget(chairs)
        column.addStretch(1)
        self.lay_out(content)

    def add_co_chair(self, country: str) -> CoChairRow:
        row = CoChairRow(country)
        at = len(self.co_chairs)
        self._chairs.addWidget(row.name, at, 0)
        self._chairs.addWidget(row.role, at, 1)
        self._chairs.addWidget(row.country, at, 2)
        self.co_chairs.append(row)
        return row

    def choose_folder(self) -> None:
        start = Path(self.folder.text().strip() or Path.home())
        chosen = dialogs.ask_folder(self, "Folder for the new dialogue", start)
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _name_typed(self, text: str) -> None:
        self._named = bool(text.strip())

    def _suggest_name(self, title: str) -> None:
        if not self._named:
            self.file_name.setText(f"{safe_name(title, 'dialogue')}.yaml" if title.strip() else "")

    def resolved_value(self) -> Resolved | None:
        if not self.resolved.isChecked():
            return None
        return Resolved(
            self.resolved_day.text(),
            self.resolved_note.toPlainText(),
            self.cite_title.text(),
            self.cite_url.text(),
        )

    def accept(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.say("Choose a folder for the dialogue file.")
            return
        url = self.cite_url.text().strip()
        if self.resolved.isChecked() and url and web_url(url) is None:
            self.say("The cited source's address must be a web address (http or https).")
            return
        chairs = [row.value() for row in self.co_chairs]
        try:
            self.created = create_dialogue(
                Path(folder).expanduser(),
                self.file_name.text(),
                self.title.text(),
                self.place.text(),
                self.date.text(),
                [chair for chair in chairs if chair is not None],
                self.resolved_value(),
            )
        except AuthoringError as exc:
            self.say(_sentence(str(exc)))
            return
        super().accept()


class AddSourceDialog(_AuthoringDialog):
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
        self.text.textChanged.connect(self._count)
        self.count = QLabel()
        self.count.setObjectName("sourceCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.title = _line("sourceTitle", "Title of the document")
        self.title.textChanged.connect(self._suggest_id)
        self.publisher = _line("sourcePublisher", "Who published it")
        self.url = _line("sourceUrl", "https://\u2026 (optional)")
        self.source_id = _line("sourceId", "Id that evidence refers to")
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
        self._count()

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
            self.say(str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.say("")
        self.text.setPlainText(imported.text)
        self.origin.setText(f"From {path.name} ({imported.kind}).")
        if not self.title.text().strip():
            self.title.setText(imported.title or path.stem)
        return True

    def _count(self) -> None:
        paragraphs = len(tidy_text(self.text.toPlainText()).split("\n\n"))
        if not self.text.toPlainText().strip():
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
            self.say(_sentence(str(exc)))
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
