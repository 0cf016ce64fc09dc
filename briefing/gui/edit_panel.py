"""The Edit side tab: the current card and its selected point as forms, every field applied
through the edit session (undoable), and the points reordered by drag and drop.

Fields apply as the user types (see edit_fields): the card repaints while they write, and
what is typed in one field in a row is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.edit import KeyPath, get_at
from briefing.gui.co_chairs_form import CoChairsForm
from briefing.gui.commitment_form import CommitmentForm
from briefing.gui.edit_fields import Binding, combo_field, line_field, text_field
from briefing.gui.notes_form import NotesForm
from briefing.gui.state import Navigation, NavigationState

if TYPE_CHECKING:
    from briefing.gui.edit_actions import EditActions

CARD_ICONS = ("overview", "ai", "battery", "bio", "chip", "network", "research", "shield")
"""The subject icons of resources/icons a card may show."""
OPTIONAL = {"lead", "icon", "short_title", "qualifier"}
"""Fields an empty text removes rather than stores as ''."""
NOT_EDITING = "Switch on Edit Mode (Edit menu) to change the briefing."
NO_CARD = "No card to edit: open a dialogue, or make a card with Edit \u203a New Card."


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def point_summary(point: Any, number: int) -> str:
    """'3. Lead: text…' for the list of points (plain text)."""
    lead = point.get("lead") if isinstance(point, dict) else None
    text = point.get("text") if isinstance(point, dict) else None
    words = " ".join(str(w) for w in (lead and f"{lead}:", text) if w) or "(no text yet)"
    return f"{number}. {words if len(words) <= 90 else words[:89] + chr(0x2026)}"


class EditPanel(QScrollArea):
    """Forms for the card on screen and its selected point."""

    def __init__(self, navigation: Navigation, edits: EditActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("editPanel")
        self.setAccessibleName("Edit")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._navigation = navigation
        self._edits = edits
        self._bindings: list[Binding] = []
        self._showing = False
        self._editing = False
        page = QWidget()
        page.setObjectName("editPage")
        self._layout = QVBoxLayout(page)
        self.off = _plain(QLabel(NOT_EDITING))
        self._layout.addWidget(self.off)
        self._build_card()
        self._build_points()
        self._build_point()
        self._build_quote()
        self.notes_box = QGroupBox("Analyst notes")
        self.notes = NotesForm()
        self.notes.edited.connect(self._set)
        QVBoxLayout(self.notes_box).addWidget(self.notes)
        self._layout.addWidget(self.notes_box)
        self._build_dialogue()
        self._layout.addStretch(1)
        self.setWidget(page)
        navigation.changed.connect(self._state_changed)
        self.set_editing(False)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field, binding = line_field(name, placeholder)
        self._bind(binding)
        return field

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        field, binding = text_field(name, placeholder)
        self._bind(binding)
        return field

    def _bind(self, binding: Binding) -> None:
        binding.edited.connect(self._typed)
        self._bindings.append(binding)

    def _build_card(self) -> None:
        self.card_box = QGroupBox("Card")
        form = QFormLayout(self.card_box)
        self.title = self._line("cardTitleField", "Card title")
        self.icon, icon = combo_field("cardIconField", ("", *CARD_ICONS))
        self._bind(icon)
        self.summary = self._text("bottomLineField", "The bottom line, in one sentence")
        form.addRow("Title", self.title)
        form.addRow("Icon", self.icon)
        form.addRow("Bottom line", self.summary)
        self._layout.addWidget(self.card_box)

    def _build_points(self) -> None:
        self.points_box = QGroupBox("Key points")
        self.points_list = QListWidget()
        self.points_list.setObjectName("pointList")
        self.points_list.setAccessibleName("Key points")
        self.points_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.points_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.points_list.setMaximumHeight(160)
        self.points_list.currentRowChanged.connect(self._point_chosen)
        self.points_list.model().rowsMoved.connect(self._point_dropped)
        self.move_up = _button("Move Up", "movePointUp")
        self.move_down = _button("Move Down", "movePointDown")
        self.delete_point = _button("Delete Point", "deletePoint")
        self.move_up.clicked.connect(lambda: self._edits.move_selected(-1))
        self.move_down.clicked.connect(lambda: self._edits.move_selected(1))
        self.delete_point.clicked.connect(self._edits.delete_selected)
        hint = _plain(QLabel("New points come from the source: select words there."))
        hint.setProperty("role", "hint")
        buttons = QHBoxLayout()
        for button in (self.move_up, self.move_down, self.delete_point):
            buttons.addWidget(button)
        layout = QVBoxLayout(self.points_box)
        layout.addWidget(self.points_list)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self._layout.addWidget(self.points_box)

    def _build_point(self) -> None:
        self.point_box = QGroupBox("Point")
        self.lead = self._line("leadField", "Lead-in, a few words (optional)")
        self.text = self._text("pointTextField", "The point, in the briefing's own words")
        self.evidence = QListWidget()
        self.evidence.setObjectName("evidenceList")
        self.evidence.setAccessibleName("Quotes the point rests on")
        self.evidence.setWordWrap(True)
        self.evidence.setMaximumHeight(120)
        self.remove_quote = _button("Remove Quote", "removeEvidence")
        self.remove_quote.clicked.connect(self._remove_evidence)
        self.commitment = CommitmentForm()
        self.commitment.edited.connect(self._set)
        self.commitment.refused.connect(self._edits.tell)
        form = QFormLayout()
        form.addRow("Lead-in", self.lead)
        form.addRow("Text", self.text)
        layout = QVBoxLayout(self.point_box)
        layout.addLayout(form)
        layout.addWidget(_plain(QLabel("Verified quotes")))
        layout.addWidget(self.evidence)
        layout.addWidget(self.remove_quote, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.commitment)
        self._layout.addWidget(self.point_box)

    def _build_quote(self) -> None:
        self.quote_box = QGroupBox("Quotation")
        self.speaker = self._line("speakerField", "Who said it")
        self.quote_text = _plain(QLabel())
        self.quote_text.setObjectName("quotationText")
        self.remove_quotation = _button("Remove Quotation", "removeQuotation")
        self.remove_quotation.clicked.connect(self._remove_quotation)
        form = QFormLayout(self.quote_box)
        form.addRow("Speaker", self.speaker)
        form.addRow("Words", self.quote_text)
        form.addRow("", self.remove_quotation)
        self._layout.addWidget(self.quote_box)

    def _build_dialogue(self) -> None:
        self.dialogue_box = QGroupBox("Dialogue")
        form = QFormLayout(self.dialogue_box)
        for key, label, hint in (
            ("title", "Title", "Full title of the dialogue"),
            ("short_title", "Short title", "For window titles and footers (optional)"),
            ("place", "Place", "Where, as the sources give it"),
            ("date", "Date", "When, as the sources give it"),
        ):
            field = self._line(f"dialogue_{key}", hint)
            field.setProperty("key", key)
            form.addRow(label, field)
        self.co_chairs = CoChairsForm()
        self.co_chairs.edited.connect(self._set)
        form.addRow(self.co_chairs)
        self._layout.addWidget(self.dialogue_box)

    # -- showing ---------------------------------------------------------------------------

    def set_editing(self, editing: bool) -> None:
        self._editing = editing
        self.refresh()

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        if not self._editing:
            return
        if (new.dialogue, new.card, new.point) != (old.dialogue, old.card, old.point):
            self.refresh()

    def refresh(self) -> None:
        """Shows the session's document at the navigation's card and point."""
        if self._showing:
            return
        self._showing = True
        try:
            self._show()
        finally:
            self._showing = False

    def _show(self) -> None:
        document = self._edits.document
        state = self._navigation.state
        ready = self._editing and document is not None and state.current is not None
        self.off.setText(NOT_EDITING if not self._editing else NO_CARD)
        self.off.setVisible(not ready)
        for box in (self.card_box, self.points_box, self.notes_box, self.dialogue_box):
            box.setVisible(ready)
        if not ready or document is None:
            self.point_box.hide()
            self.quote_box.hide()
            return
        data, c = document.data, state.card
        card: KeyPath = ("sectors", c)
        for binding in self._bindings:
            widget = binding.widget
            key = widget.property("key")
            if key:
                binding.show(("dialogue", key), get_at(data, ("dialogue", key)))
            elif widget is self.title:
                binding.show((*card, "title"), get_at(data, (*card, "title")))
            elif widget is self.icon:
                binding.show((*card, "icon"), get_at(data, (*card, "icon")))
            elif widget is self.summary:
                binding.show((*card, "summary"), get_at(data, (*card, "summary")))
            elif widget is self.speaker:
                binding.show((*card, "quote", "speaker"), get_at(data, (*card, "quote", "speaker")))
        self._show_points(get_at(data, (*card, "points")) or [], state.point)
        point = state.point if state.point is not None and state.point >= 0 else None
        self.point_box.setVisible(point is not None)
        if point is not None:
            self._show_point(data, (*card, "points", point), c, point)
        quote = get_at(data, (*card, "quote"))
        self.quote_box.setVisible(isinstance(quote, dict))
        if isinstance(quote, dict):
            self.quote_text.setText(f"\u201c{quote.get('quote', '')}\u201d")
        self.notes.show_notes((*card, "notes"), data)
        self.co_chairs.show_co_chairs(data)

    def _show_points(self, points: list[Any], selected: int | None) -> None:
        wanted = [point_summary(p, i + 1) for i, p in enumerate(points)]
        shown = [self.points_list.item(i).text() for i in range(self.points_list.count())]
        self.points_list.blockSignals(True)
        if wanted != shown:
            self.points_list.clear()
            for text in wanted:
                item = QListWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
                self.points_list.addItem(item)
        self.points_list.setCurrentRow(selected if selected is not None and selected >= 0 else -1)
        self.points_list.blockSignals(False)
        self.move_up.setEnabled(bool(selected and selected > 0))
        self.move_down.setEnabled(selected is not None and 0 <= selected < len(points) - 1)
        self.delete_point.setEnabled(selected is not None and selected >= 0)

    def _show_point(self, data: Any, path: KeyPath, card: int, point: int) -> None:
        from briefing import edit

        document = self._edits.document
        assert document is not None
        for binding in self._bindings:
            if binding.widget is self.lead:
                binding.show((*path, "lead"), get_at(data, (*path, "lead")))
            elif binding.widget is self.text:
                binding.show((*path, "text"), get_at(data, (*path, "text")))
        self.evidence.clear()
        for item in get_at(data, (*path, "evidence")) or []:
            quote = item.get("quote", "") if isinstance(item, dict) else ""
            source = item.get("source", "") if isinstance(item, dict) else ""
            self.evidence.addItem(f"\u201c{quote}\u201d \u2014 {source}")
        self.remove_quote.setEnabled(self.evidence.count() > 0)
        from briefing.commitment_phrases import commitment_phrases

        try:
            phrases = commitment_phrases(document, card, point)
        except edit.EditError:
            phrases = ()
        self.commitment.show_commitment((*path, "commitment"), data, phrases)

    # -- editing ---------------------------------------------------------------------------

    def _typed(self, path: KeyPath, text: str) -> None:
        key = path[-1]
        value = (text if text.strip() else None) if key in OPTIONAL else text
        self._edits.set_field(path, value, typed=True)

    def _set(self, path: KeyPath, value: object | None) -> None:
        """A value from a form: text typed merges with more typed in the same field."""
        typed = isinstance(value, str | int | float)
        self._edits.set_field(path, value, typed=typed)

    def _point_chosen(self, row: int) -> None:
        self._navigation.select_point(row if row >= 0 else None)

    def _point_dropped(
        self,
        _parent: QModelIndex | QPersistentModelIndex,
        start: int,
        _end: int,
        _destination: QModelIndex | QPersistentModelIndex,
        row: int,
    ) -> None:
        to = row if row < start else row - 1
        # After the drop has finished with the list: the move refills it.
        QTimer.singleShot(0, lambda: self._edits.move_point(start, to))

    def _remove_evidence(self) -> None:
        row = self.evidence.currentRow()
        state = self._navigation.state
        if row >= 0 and state.point is not None and state.point >= 0:
            self._edits.delete_path(("sectors", state.card, "points", state.point, "evidence", row))

    def _remove_quotation(self) -> None:
        self._edits.delete_path(("sectors", self._navigation.state.card, "quote"))
