"""The pieces a card is built from: labels that never read data as markup, point rows,
commitment chips, analyst notes and the quotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from briefing.citations import evidence_by_source, paragraph_label
from briefing.editorial import with_years, with_years_and_spans
from briefing.gui.desktop import plain_tooltip
from briefing.gui.flow_layout import FlowLayout
from briefing.gui.theme import Colors
from briefing.gui.wrapping_label import WrappingLabel
from briefing.model import Dialogue, Evidence, Note, Point, Quotation

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent

Span = tuple[int, int]


def marked(text: str, spans: Sequence[Span], colors: Colors) -> str:
    """`text` as escaped rich text, with the spans highlighted; the only markup is ours."""
    out: list[str] = []
    at = 0
    style = f"background-color:{colors.match_back};color:{colors.match_text};"
    for start, end in spans:
        out.append(escape(text[at:start]))
        out.append(f'<span style="{style}">{escape(text[start:end])}</span>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


def show_text(label: QLabel, text: str, spans: Sequence[Span], colors: Colors) -> None:
    """Plain text when nothing is highlighted; escaped rich text around highlights."""
    if spans:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(marked(text, spans, colors))
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)


def text_label(role: str, parent: QWidget | None = None, selectable: bool = True) -> QLabel:
    """A wrapping label styled by its QSS `role`, showing data as plain text."""
    label = WrappingLabel(parent)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def set_shown(widget: QWidget, shown: bool) -> None:
    """Shows or hides `widget` only when that changes whether it is hidden. A part of a sheet
    that is not on screen yet is shown with the sheet; showing it on its own would make Qt
    style it and lay it out at once, at a width it will not keep."""
    if widget.isHidden() == shown:
        widget.setVisible(shown)


def set_flag(widget: QWidget, name: str, value: bool) -> None:
    """Sets a dynamic property used by the QSS and re-polishes only when it changed."""
    if bool(widget.property(name)) != value:
        widget.setProperty(name, value)
        repolish(widget)


def repolish(widget: QWidget) -> None:
    """Applies the QSS again after a dynamic property of `widget` changed.

    A widget not polished yet is polished, properties and all, when it is first shown; and
    asking for its style before then would build PySide's QStyle class before the first
    paint (about 4 ms).
    """
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def evidence_caption(dialogue: Dialogue, evidence: Sequence[Evidence]) -> str:
    """'Yonhap News Agency, paragraphs 1, 9 · 2 quotes': where a point's evidence is."""
    parts = []
    for source_id, numbers in evidence_by_source(evidence).items():
        try:
            publisher = dialogue.source(source_id).publisher
        except KeyError:
            publisher = source_id
        parts.append(f"{publisher}, {paragraph_label(numbers)}")
    count = len(evidence)
    quotes = "1 verified quote" if count == 1 else f"{count} verified quotes"
    return " · ".join([*parts, quotes])


class _Clickable(QFrame):
    """A frame that selects what it shows on click, Enter, Space or keyboard focus."""

    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.index)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.index)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.activated.emit(self.index)
        super().focusInEvent(event)


def _transparent(label: QLabel) -> QLabel:
    """Clicks on the label reach the row around it."""
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return label


class PointRow(_Clickable):
    """One key point: number, bold lead and text, commitment chips and where its evidence is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointRow")
        self.number = _transparent(text_label("pointNumber", selectable=False))
        self.number.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.body = _transparent(text_label("pointText", selectable=False))
        self._chip_row: QWidget | None = None
        self._chips: list[QLabel] = []
        self.caption = _transparent(text_label("evidenceCaption", selectable=False))

        self._column = QVBoxLayout()
        self._column.setSpacing(6)
        self._column.addWidget(self.body)
        self._column.addWidget(self.caption)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 10, 12, 10)
        row.setSpacing(10)
        row.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(self._column, 1)

    @property
    def chips(self) -> QWidget:
        """The row of the commitment's chips (who, amount, when, where), under the text; made
        when first needed, as most points have no commitment."""
        if self._chip_row is None:
            self._chip_row = QWidget()
            self._chip_row.setObjectName("chipRow")
            self._chip_row.hide()  # until a commitment is shown
            layout = FlowLayout(self._chip_row, spacing=6)
            self._chips = [_transparent(text_label("chip", selectable=False)) for _ in range(4)]
            for chip in self._chips:
                chip.setWordWrap(False)
                layout.addWidget(chip)
            self._column.insertWidget(1, self._chip_row)
        return self._chip_row

    def show_point(
        self,
        index: int,
        point: Point,
        dialogue: Dialogue,
        spans: dict[str, Sequence[Span]],
        colors: Colors,
    ) -> None:
        self.index = index
        self.number.setText(str(index + 1))
        self.body.setTextFormat(Qt.TextFormat.RichText)
        day = dialogue.resolved_day  # relative years get the resolved year: "next year [2024]"
        text, text_spans = with_years_and_spans(point.text, spans.get("text", ()), day)
        body = marked(text, text_spans, colors)
        if point.lead:
            body = f"<b>{marked(point.lead, spans.get('lead', ()), colors)}.</b> {body}"
        self.body.setText(body)
        lead = f"{point.lead}. " if point.lead else ""
        self.setAccessibleName(f"Point {index + 1}: {lead}{text}")
        self._show_chips(point, bool(spans.get("commitment")), dialogue)
        self.caption.setText(evidence_caption(dialogue, point.evidence))

    def _show_chips(self, point: Point, matched: bool, dialogue: Dialogue) -> None:
        commitment = point.commitment
        if commitment is None:
            if self._chip_row is not None:
                self._chip_row.hide()
            return
        chips = self.chips
        who = f"{commitment.actors.label} · {commitment.kind.value}"
        texts: list[tuple[str, str | None]] = [(commitment.actors.value.lower(), who)]
        texts.append(("amount", commitment.amount.label if commitment.amount else None))
        when = commitment.timeframe
        texts.append(("when", with_years(when, dialogue.resolved_day) if when else None))
        texts.append(("where", commitment.place))
        for chip, (kind, text) in zip(self._chips, texts, strict=True):
            if chip.property("chip") != kind:
                chip.setProperty("chip", kind)
                repolish(chip)
            chip.setText(text or "")
            set_shown(chip, bool(text))
        self._chips[0].setToolTip(plain_tooltip(commitment.what))
        chips.setAccessibleName(f"Commitment: {commitment.what}")
        set_flag(chips, "matched", matched)
        chips.show()  # last: showing polishes new chips, their kinds and all


class NoteBox(QFrame):
    """Analyst context from outside the sources, with the works it cites."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteBox")
        self.text = text_label("noteText")
        self.cites = text_label("noteCites")
        for label in (self.text, self.cites):  # web addresses in notes are links
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.setOpenExternalLinks(False)
            label.linkActivated.connect(_open_note_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.text)
        layout.addWidget(self.cites)

    def show_note(
        self, note: Note, text_spans: Sequence[Span], cite_spans: Sequence[Span], colors: Colors
    ) -> None:
        from briefing.gui.note_links import citations, linked

        self.text.setText(linked(note.text, text_spans, colors))
        self.cites.setText(citations(note.cites, cite_spans, colors))


def _open_note_link(href: str) -> None:
    from briefing.gui import desktop

    desktop.open_web_link(href)  # http and https only, checked again


def _trimmed(text: str, spans: Sequence[Span], chars: str) -> tuple[str, list[Span]]:
    """`text` without surrounding `chars`, and the spans moved to match."""
    start = len(text) - len(text.lstrip(chars))
    words = text.strip(chars)
    end = start + len(words)
    moved = [
        (max(a, start) - start, min(b, end) - start) for a, b in spans if b > start and a < end
    ]
    return words, moved


class QuoteBlock(_Clickable):
    """The card's quotation: a speaker's words, verified like any evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteBlock")
        self.text = _transparent(text_label("quoteText", selectable=False))
        self.speaker = _transparent(text_label("quoteSpeaker", selectable=False))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(self.text)
        layout.addWidget(self.speaker)

    def show_quote(
        self, quote: Quotation, spans: Sequence[Span], speaker_spans: Sequence[Span], c: Colors
    ) -> None:
        words, spans = _trimmed(quote.evidence.quote, spans, " \n\"'\u201c\u201d\u2018\u2019")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setText(f"\u201c{marked(words, spans, c)}\u201d")
        self.speaker.setTextFormat(Qt.TextFormat.RichText)
        self.speaker.setText(f"\u2014 {marked(quote.speaker, speaker_spans, c)}")
        self.setAccessibleName(f"Quotation from {quote.speaker}")
