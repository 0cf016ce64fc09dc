"""The source panel: the stored source document, with the selected evidence highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.citations import paragraph_label, paragraph_number
from briefing.gui.card_parts import text_label
from briefing.gui.state import Navigation, NavigationState
from briefing.gui.theme import Colors, Theme
from briefing.model import Evidence, Source
from briefing.provenance import quote_spans


def _tool_button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    return button


class SourcePanel(QWidget):
    """Follows the selected point: shows its source, marks its quote and scrolls to it."""

    def __init__(self, navigation: Navigation, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePanel")
        self.setAccessibleName("Source")
        self._navigation = navigation
        self._theme = theme
        self._source: Source | None = None
        self._shown: tuple[object, ...] = ()  # what the text shows (a new model, same text: kept)
        self._chosen: str | None = None  # the source picked in edit mode, until the point changes
        self._starts: list[int] = []  # document position where each paragraph's text starts

        header = QFrame()
        header.setObjectName("sourceHeader")
        self.overline = text_label("overline", selectable=False)
        self.overline.setText("SOURCE DOCUMENT")
        self.title = text_label("sourceTitle")
        self.title.setAccessibleName("Source title")
        self.publisher = text_label("sourceMeta")
        self.where = text_label("evidenceWhere", selectable=False)
        self.chooser = QComboBox()
        self.chooser.setObjectName("sourceChooser")
        self.chooser.setAccessibleName("Show source")
        self.chooser.setToolTip("The source to select quotes from")
        self.chooser.hide()
        self.chooser.activated.connect(self._source_chosen)
        self.previous = _tool_button("\u2039", "Previous quote of this point")
        self.next = _tool_button("\u203a", "Next quote of this point")
        self.previous.setAccessibleName("Previous quote")
        self.next.setAccessibleName("Next quote")
        self.previous.clicked.connect(lambda: navigation.step_evidence(-1))
        self.next.clicked.connect(lambda: navigation.step_evidence(1))
        where_row = QHBoxLayout()
        where_row.setSpacing(4)
        where_row.addWidget(self.where, 1)
        where_row.addWidget(self.previous)
        where_row.addWidget(self.next)
        top = QVBoxLayout(header)
        top.setContentsMargins(16, 14, 16, 10)
        top.setSpacing(3)
        top.addWidget(self.overline)
        top.addWidget(self.chooser)
        top.addWidget(self.title)
        top.addWidget(self.publisher)
        top.addSpacing(6)
        top.addLayout(where_row)

        self.text = QTextEdit()
        self.text.setObjectName("sourceText")
        self.text.setAccessibleName("Source text")
        self.text.setReadOnly(True)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.document().setDocumentMargin(16)
        self.attribution = text_label("attribution")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.attribution)
        navigation.changed.connect(self._state_changed)
        theme.changed.connect(self._colors_changed)

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        moved = (new.card, new.point, new.evidence) != (old.card, old.point, old.evidence)
        if moved:
            self._chosen = None
        if moved or new.dialogue is not old.dialogue:
            # An edit alone (same card, point and quote) leaves the reader where they are.
            self.refresh(scroll=moved or new.dialogue is None or old.dialogue is None)

    def set_editing(self, editing: bool) -> None:
        """In edit mode the user picks the source to quote from."""
        self.chooser.setVisible(editing)
        if editing:
            self._fill_chooser()

    def _fill_chooser(self) -> None:
        dialogue = self._navigation.state.dialogue
        items = [
            (f"{s.publisher}: {s.title}", s.id) for s in (dialogue.sources if dialogue else ())
        ]
        shown = [
            (self.chooser.itemText(i), self.chooser.itemData(i))
            for i in range(self.chooser.count())
        ]
        if items != shown:
            self.chooser.clear()
            for text, source_id in items:
                self.chooser.addItem(text, source_id)
        if self._source is not None:
            self.chooser.setCurrentIndex(self.chooser.findData(self._source.id))

    def _source_chosen(self, index: int) -> None:
        self._chosen = self.chooser.itemData(index)
        self.refresh()

    @property
    def source(self) -> Source | None:
        """The source the panel shows."""
        return self._source

    def _colors_changed(self, _colors: Colors) -> None:
        self._shown = ()  # redrawn from scratch in the new colours
        self.refresh()

    def refresh(self, scroll: bool = True) -> None:
        state = self._navigation.state
        card, dialogue = state.current, state.dialogue
        if card is None or dialogue is None or not dialogue.sources:
            self._show_source(None)
            return
        chosen = state.selected_evidence
        selected = chosen[state.evidence] if chosen else None
        shown = selected or (card.evidence[0] if card.evidence else None)
        try:
            wanted = self._chosen or (shown.source if shown else None)
            source = dialogue.source(wanted) if wanted else dialogue.sources[0]
        except KeyError:
            source = dialogue.sources[0]
        self._show_source(source)
        self._mark(source, card.evidence, selected, scroll)
        count = len(chosen)
        self.previous.setVisible(count > 1)
        self.next.setVisible(count > 1)
        self.previous.setEnabled(state.evidence > 0)
        self.next.setEnabled(state.evidence < count - 1)
        if selected is None:
            self.where.setText("Select a point to see the words it rests on.")
        else:
            which = f"Quote {state.evidence + 1} of {count} \u00b7 " if count > 1 else ""
            self.where.setText(f"{which}{paragraph_label(selected.paragraphs).capitalize()}")

    def _show_source(self, source: Source | None) -> None:
        shown = (
            (source.id, source.title, source.publisher, source.attribution, source.paragraphs)
            if source
            else ()
        )
        self._source = source
        if not self.chooser.isHidden():
            self._fill_chooser()
        if shown == self._shown:
            return
        self._shown = shown
        self.title.setText(source.title if source else "")
        self.publisher.setText(source.publisher if source else "")
        self.attribution.setText((source.attribution or source.publisher) if source else "")
        self.attribution.setVisible(source is not None)
        self._starts = []
        document = self.text.document()
        document.clear()
        if source is None:
            return
        colors = self._theme.colors
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setBottomMargin(12)
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        plain = QTextCharFormat()
        number = QTextCharFormat()
        number.setForeground(QColor(colors.muted))
        number.setFontPointSize(self.font().pointSizeF() * 0.8)
        headline = QTextCharFormat()
        headline.setFontWeight(QFont.Weight.Bold)
        headline.setFontPointSize(self.font().pointSizeF() * 1.2)
        for i, paragraph in enumerate(source.paragraphs):
            if i == 0:
                cursor.setBlockFormat(block)
            else:
                cursor.insertBlock(block)
            label = paragraph_number(source, i)  # None for a closing credit line
            if label:
                cursor.insertText(f"\u00b6{label}  ", number)
            self._starts.append(cursor.position())
            cursor.insertText(paragraph, headline if label == 0 else plain)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _mark(
        self,
        source: Source,
        evidence: tuple[Evidence, ...],
        chosen: Evidence | None,
        scroll: bool = True,
    ) -> None:
        """Faintly marks all of the card's quotes from this source, strongly the chosen one."""
        colors = self._theme.colors
        selections: list[QTextEdit.ExtraSelection] = []
        strong_start: int | None = None
        first_start: int | None = None
        for item in [e for e in evidence if e.source == source.id and e != chosen] + (
            [chosen] if chosen is not None and chosen.source == source.id else []
        ):
            strong = item == chosen
            for paragraph, start, end in quote_spans(source.paragraphs, item.quote):
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(self._starts[paragraph] + start)
                cursor.setPosition(self._starts[paragraph] + end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                if first_start is None or cursor.selectionStart() < first_start:
                    first_start = cursor.selectionStart()
                form = QTextCharFormat()
                form.setBackground(QColor(colors.match_back if strong else colors.faint_match))
                if strong:
                    form.setForeground(QColor(colors.match_text))
                    form.setProperty(QTextCharFormat.Property.UserProperty, True)
                    if strong_start is None:
                        strong_start = cursor.selectionStart()
                selection.format = form
                selections.append(selection)
        self.text.setExtraSelections(selections)
        target = strong_start if strong_start is not None else first_start
        if target is not None and scroll:
            self._scroll_to(target)

    def _scroll_to(self, position: int) -> None:
        """Brings the paragraph holding `position` to the top, unless it is already in view."""
        document = self.text.document()
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        self.text.setTextCursor(cursor)
        bar = self.text.verticalScrollBar()
        where = self.text.cursorRect(cursor)
        height = self.text.maximumViewportSize().height()
        if where.top() >= 0 and where.bottom() + 3 * where.height() <= height:
            return
        block = document.documentLayout().blockBoundingRect(document.findBlock(position))
        bar.setValue(int(block.top()) - 4)

    def selected_quote(self) -> tuple[Source, str]:
        """The shown source and the words selected in it, exactly as stored (white space
        collapsed); raises NothingToCite saying why there is nothing to quote."""
        from briefing.gui.cite_selection import NothingToCite, quote_between

        cursor = self.text.textCursor()
        if self._source is None:
            raise NothingToCite("No source is shown.")
        quote = quote_between(
            self._source.paragraphs, self._starts, cursor.selectionStart(), cursor.selectionEnd()
        )
        return self._source, quote

    # -- for tests and automation ----------------------------------------------------------

    def highlighted_text(self) -> str:
        """The text of the strongly highlighted quote (the selected evidence), or ''."""
        parts = [
            s.cursor.selectedText()
            for s in self.text.extraSelections()
            if s.format.property(QTextCharFormat.Property.UserProperty)
        ]
        return " ".join(parts).replace("\u2029", " ")
