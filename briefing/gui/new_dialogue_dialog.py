"""File > New: where the new dialogue file goes (folder and name), and what the dialogue
was: title, place and date as the source gives them, an optional resolved date with its
citation, and the co-chairs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.authoring import (
    COUNTRIES,
    AuthoringError,
    CoChair,
    Resolved,
    create_dialogue,
    safe_name,
)
from briefing.gui import dialogs
from briefing.gui.authoring_form import AuthoringDialog, line_edit, sentence
from briefing.gui.desktop import web_url


class CoChairRow:
    """One co-chair's name, role and country in the New Dialogue form."""

    def __init__(self, number: int, country: str) -> None:
        self.name = line_edit("coChairName", "Name")
        self.name.setAccessibleName(f"Co-chair {number}: name")
        self.role = line_edit("coChairRole", "Role, as the source gives it")
        self.role.setAccessibleName(f"Co-chair {number}: role")
        self.country = QComboBox()
        self.country.setObjectName("coChairCountry")
        self.country.setAccessibleName(f"Co-chair {number}: country")
        self.country.addItems(list(COUNTRIES))
        self.country.setCurrentText(country)

    def value(self) -> CoChair | None:
        """The co-chair, or None when the row is left empty."""
        name, role = self.name.text().strip(), self.role.text().strip()
        if not name and not role:
            return None
        return CoChair(name, role, self.country.currentText())


class NewDialogueDialog(AuthoringDialog):
    """File > New: where the file goes, and what the dialogue was."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent, "New Dialogue", "Create")
        self.created: Path | None = None
        self._named = False  # the user typed a file name: stop suggesting one
        self.folder = line_edit("newFolder", "Folder for the dialogue file and its sources")
        self.folder.setText(str(folder) if folder else "")
        choose = QPushButton("Choose\u2026")
        choose.setObjectName("chooseFolder")
        choose.clicked.connect(self.choose_folder)
        self.file_name = line_edit("newFileName", "name.yaml")
        self.file_name.textEdited.connect(self._name_typed)
        self.title = line_edit("newTitle", "Full title of the dialogue")
        self.title.textChanged.connect(self._suggest_name)
        self.place = line_edit("newPlace", "As the source gives it")
        self.date = line_edit("newDate", "As the source gives it, e.g. Saturday")

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
        self.resolved_day = line_edit("resolvedDay", "YYYY-MM-DD")
        self.resolved_note = QPlainTextEdit()
        self.resolved_note.setObjectName("resolvedNote")
        self.resolved_note.setPlaceholderText("Where the date comes from, in your own words")
        self.resolved_note.setFixedHeight(60)
        self.cite_title = line_edit("citeTitle", "Title of the public source giving the date")
        self.cite_url = line_edit("citeUrl", "https://\u2026 (optional)")
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
        row = CoChairRow(len(self.co_chairs) + 1, country)
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
            self.say(sentence(str(exc)))
            return
        super().accept()
