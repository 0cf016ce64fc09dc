"""One card laid out like a fact sheet: heading, bottom line, points, quotation, notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from briefing.citations import source_line
from briefing.editorial import dialogue_date, insertion_credit, with_years_and_spans
from briefing.gui.card_parts import (
    NoteBox,
    PointRow,
    QuoteBlock,
    Span,
    set_flag,
    set_shown,
    show_text,
    text_label,
)
from briefing.gui.icons import line_pixmap
from briefing.gui.state import QUOTE
from briefing.gui.theme import Colors
from briefing.model import Card, CardKind, Dialogue

if TYPE_CHECKING:
    from briefing.search import Field

SHEET_WIDTH = 760


def card_position(dialogue: Dialogue, card: Card) -> str:
    """'Overview' or 'Sector 2 of 7': the card's overline and the status bar say the same."""
    if card.kind is CardKind.OVERVIEW:
        return "Overview"
    sectors = [c for c in dialogue.cards if c.kind is not CardKind.OVERVIEW]
    number = next((i for i, c in enumerate(sectors, 1) if c is card), 0)
    return f"Sector {number} of {len(sectors)}"


def sheet_key(dialogue: Dialogue, card: Card) -> tuple[object, ...]:
    """Everything of `dialogue` a sheet showing `card` depends on: equal keys, same sheet."""
    return (
        card,
        card_position(dialogue, card),
        dialogue.display_title,
        dialogue.place,
        dialogue.date,
        dialogue.date_note,
        dialogue.resolved_day,
        dialogue.publisher,
        dialogue.co_chairs,
        dialogue.sources,
    )


class CardSheet(QFrame):
    """The widgets of one card; refilled rather than rebuilt when it shows another card."""

    point_activated = Signal(int)  # a point's index, or QUOTE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardSheet")
        self.setMaximumWidth(SHEET_WIDTH)
        self.card_id: str | None = None
        self.key: tuple[object, ...] = ()
        """What the sheet was filled from (see `sheet_key`)."""
        self.query = ""
        self._points: list[PointRow] = []
        self._notes: list[NoteBox] = []
        self._build()

    def _build(self) -> None:
        self.icon = QLabel()
        self.icon.setFixedSize(28, 28)
        self.overline = text_label("overline", selectable=False)
        self.title = text_label("title")
        self.title.setAccessibleName("Card title")
        self.meta = text_label("meta")
        heading = QHBoxLayout()
        heading.setSpacing(10)
        heading.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        heading.addWidget(self.overline, 1, Qt.AlignmentFlag.AlignVCenter)

        self.bottom_line = QFrame()
        self.bottom_line.setObjectName("bottomLine")
        self.summary = text_label("summary")
        self.summary.setAccessibleName("Bottom line")
        box = QVBoxLayout(self.bottom_line)
        box.setContentsMargins(16, 12, 16, 14)
        box.setSpacing(4)
        box_label = text_label("boxLabel", selectable=False)
        box_label.setText("BOTTOM LINE")
        box.addWidget(box_label)
        box.addWidget(self.summary)

        self.people_heading = text_label("sectionHeading", selectable=False)
        self.people_heading.setText("CO-CHAIRS")
        self.people = text_label("people")
        self.points_heading = text_label("sectionHeading", selectable=False)
        self.points_heading.setText("KEY POINTS")
        self.points_box = QVBoxLayout()
        self.points_box.setSpacing(4)
        self.quote = QuoteBlock()
        self.quote.activated.connect(lambda _: self.point_activated.emit(QUOTE))
        self.notes_heading = text_label("sectionHeading", selectable=False)
        self.notes_heading.setText("CONTEXT \u00b7 ANALYST NOTES FROM OUTSIDE THE SOURCE")
        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(8)
        self.footer = text_label("footer")

        layout = QVBoxLayout(self)
        # The page gives the sheet its width and height (card_view._Page); a minimum size
        # from its layout would only cost laying out every label at its narrowest.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(0)
        for widget, space_after in (
            (heading, 10),
            (self.title, 4),
            (self.meta, 18),
            (self.bottom_line, 20),
            (self.people_heading, 6),
            (self.people, 18),
            (self.points_heading, 6),
            (self.points_box, 14),
            (self.quote, 20),
            (self.notes_heading, 8),
            (self.notes_box, 20),
            (self.footer, 0),
        ):
            if isinstance(widget, QWidget):
                layout.addWidget(widget)
            else:
                layout.addLayout(widget)
            layout.addSpacing(space_after)
        layout.addStretch(1)

    def show_card(
        self,
        dialogue: Dialogue,
        card: Card,
        spans: dict[Field, tuple[Span, ...]],
        colors: Colors,
        query: str,
    ) -> None:
        """Fills the sheet with `card`, the `spans` of the search `query` highlighted."""
        from briefing.search import Field, Part, co_chairs_on, people_text

        def at(part: Part, index: int = 0) -> Sequence[Span]:
            return spans.get(Field(part, index), ()) if spans else ()

        self.card_id, self.query = card.id, query
        self.key = sheet_key(dialogue, card)
        ratio = self.devicePixelRatioF()
        self.icon.setPixmap(line_pixmap(card.icon or "overview", colors.accent, 28, ratio))
        title = dialogue.display_title
        self.overline.setText(f"{card_position(dialogue, card).upper()}  \u00b7  {title.upper()}")
        show_text(self.title, card.title, at(Part.TITLE), colors)
        self.meta.setText(f"{dialogue.place} \u00b7 {dialogue_date(dialogue)}")
        summary, summary_spans = with_years_and_spans(
            card.summary, at(Part.SUMMARY), dialogue.resolved_day
        )
        show_text(self.summary, summary, summary_spans, colors)

        people = co_chairs_on(dialogue, card)
        set_shown(self.people_heading, bool(people))
        set_shown(self.people, bool(people))
        show_text(self.people, people_text(people), at(Part.PEOPLE), colors)

        while len(self._points) < len(card.points):
            row = PointRow()
            row.activated.connect(self.point_activated)
            self._points.append(row)
            self.points_box.addWidget(row)
        for i, row in enumerate(self._points):
            if i < len(card.points):
                parts = {
                    "lead": at(Part.LEAD, i),
                    "text": at(Part.POINT, i),
                    "commitment": at(Part.COMMITMENT, i),
                }
                row.show_point(i, card.points[i], dialogue, parts, colors)
            set_shown(row, i < len(card.points))

        set_shown(self.quote, card.quote is not None)
        if card.quote is not None:
            self.quote.show_quote(card.quote, at(Part.QUOTE), at(Part.SPEAKER), colors)

        notes = dialogue.notes_on(card)  # the overview's begin with the note on the date
        while len(self._notes) < len(notes):
            note = NoteBox()
            self._notes.append(note)
            self.notes_box.addWidget(note)
        for i, box in enumerate(self._notes):
            if i < len(notes):
                box.show_note(notes[i], at(Part.NOTE, i), at(Part.CITATION, i), colors)
            set_shown(box, i < len(notes))
        set_shown(self.notes_heading, bool(notes))

        count = len(card.evidence)
        claim = "Its one quote is" if count == 1 else f"All {count} quotes on this card are"
        lines = [
            source_line(dialogue, card),
            f"{claim} verified word for word against the source.",
            insertion_credit(dialogue),
        ]
        self.footer.setText("\n".join(line for line in lines if line))

    def show_selection(self, point: int | None) -> QWidget | None:
        """Marks the selected point (or the quotation); returns its widget."""
        for i, row in enumerate(self._points):
            set_flag(row, "selected", point == i)
        set_flag(self.quote, "selected", point == QUOTE)
        if point is None:
            return None
        return self.quote if point == QUOTE else self._points[point]

    def point_rows(self) -> list[PointRow]:
        """The rows showing the card's points, in order."""
        return [row for row in self._points if not row.isHidden()]

    def note_boxes(self) -> list[NoteBox]:
        """The boxes showing the card's analyst notes, in order."""
        return [box for box in self._notes if not box.isHidden()]
