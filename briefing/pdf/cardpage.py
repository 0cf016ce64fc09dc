"""The blocks of one card's page, top to bottom, at one type scale.

Title block, bottom line up front, key points, commitments, quote, analyst context; the
source line is kept apart so the page can set it at the foot of the frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable, HRFlowable, TableStyle

from briefing.model import Card, CardKind, Commitment, Dialogue, Note, Person, Point
from briefing.pdf import markup
from briefing.pdf.flowables import MeasuredParagraph, MeasuredTable, ShadedBox
from briefing.pdf.styles import (
    BLUF_FILL,
    MUTED,
    NAVY,
    NOTE_ACCENT,
    NOTE_FILL,
    RULE,
    TABLE_HEAD_FILL,
    Stylesheet,
)

NOTE_LABEL = "Analyst context — not part of the dialogue's outcome"
EMPTY_CELL = "—"
# Who, what kind, what, how much, when / where: shares of the frame width.
COMMITMENT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Who", 0.15),
    ("Status", 0.12),
    ("What", 0.37),
    ("How much", 0.17),
    ("When / where", 0.19),
)


@dataclass(frozen=True, slots=True)
class CardBlocks:
    body: list[Flowable]
    source: Flowable | None

    @property
    def all(self) -> list[Flowable]:
        return [*self.body, self.source] if self.source is not None else list(self.body)


def _hex(colour: Color) -> str:
    return str(colour.hexval()).replace("0x", "#")


def card_blocks(
    dialogue: Dialogue, card: Card, styles: Stylesheet, width: float, *, linked: bool
) -> CardBlocks:
    """Every block of the card's page; `linked` makes paragraph references link to the
    book's appendix."""
    body: list[Flowable] = [*_title_block(dialogue, card, styles)]
    body.append(_bluf(card, styles))
    if card.points:
        body.append(_section("Key points", styles))
        body.extend(_point(dialogue, point, styles, linked) for point in card.points)
    if card.commitments:
        body.append(_section("Commitments", styles))
        body.append(_commitment_table(card.commitments, styles, width))
    if card.quote is not None:
        body.append(_quote(dialogue, card, styles, linked))
    notes = list(card.notes)
    if card.kind is CardKind.OVERVIEW and dialogue.date_context is not None:
        notes.insert(0, dialogue.date_context)
    if notes:
        body.append(_notes(notes, styles, dated=card.kind is CardKind.OVERVIEW, dialogue=dialogue))
    line = markup.source_line(dialogue, card)
    source = MeasuredParagraph(markup.text(line), styles["source_line"]) if line else None
    return CardBlocks(body, source)


def _title_block(dialogue: Dialogue, card: Card, styles: Stylesheet) -> list[Flowable]:
    blocks: list[Flowable] = [
        MeasuredParagraph(markup.text(dialogue.title), styles["kicker"]),
        MeasuredParagraph(markup.text(card.title), styles["title"]),
    ]
    meta = markup.text(f"{dialogue.place} · {dialogue.date}")
    if card.kind is CardKind.OVERVIEW and dialogue.co_chairs:
        chairs = "; ".join(_person(p) for p in dialogue.co_chairs)
        meta += "<br/>" + f"<b>Co-chairs:</b> {chairs}"
    blocks.append(MeasuredParagraph(meta, styles["meta"]))
    blocks.append(
        HRFlowable(
            width="100%",
            thickness=1.4 * styles.scale,
            color=NAVY,
            spaceBefore=0,
            spaceAfter=styles.gap(9),
        )
    )
    # The rule's own spaceBefore is 0; give the meta line room above the rule instead.
    blocks[-2].spaceAfter = styles.gap(7)
    return blocks


def _person(person: Person) -> str:
    shown = f"{person.name} ({person.name_ko})" if person.name_ko else person.name
    return markup.text(f"{shown}, {person.role}")


def _section(title: str, styles: Stylesheet) -> Flowable:
    return MeasuredParagraph(markup.text(title.upper()), styles["section"])


def _bluf(card: Card, styles: Stylesheet) -> Flowable:
    content = [
        MeasuredParagraph(markup.text("BOTTOM LINE UP FRONT"), styles["label"]),
        MeasuredParagraph(markup.text(card.summary), styles["summary"]),
    ]
    return ShadedBox(
        content,
        fill=BLUF_FILL,
        accent=NAVY,
        padding=styles.gap(9),
        accent_width=3.0,
        space_after=styles.gap(12),
    )


def _lead(lead: str | None) -> str:
    if not lead:
        return ""
    shown = lead if lead[-1] in ".?!:" else f"{lead}."
    return f"{markup.bold(shown)} "


def _point(dialogue: Dialogue, point: Point, styles: Stylesheet, linked: bool) -> Flowable:
    refs = markup.paragraph_refs(dialogue, point.evidence, linked=linked, hex_colour=_hex(MUTED))
    size = styles["source_line"].fontSize
    tail = f'\u00a0 <font size="{size:.2f}">{refs}</font>' if refs else ""
    return MeasuredParagraph(
        f"{_lead(point.lead)}{markup.text(point.text)}{tail}",
        styles["point"],
        bulletText="■",
    )


def _commitment_table(
    commitments: tuple[Commitment, ...], styles: Stylesheet, width: float
) -> Flowable:
    head, cell = styles["cell_head"], styles["cell"]
    rows: list[list[Flowable]] = [
        [MeasuredParagraph(markup.text(title.upper()), head) for title, _ in COMMITMENT_COLUMNS]
    ]
    for c in commitments:
        when = ", ".join(part for part in (c.timeframe, c.place) if part)
        values = (
            c.actors.label,
            c.kind.value.capitalize(),
            c.what,
            c.amount.stated if c.amount is not None else "",
            when,
        )
        rows.append([MeasuredParagraph(markup.text(v or EMPTY_CELL), cell) for v in values])
    pad = styles.gap(4)
    table = MeasuredTable(
        rows,
        colWidths=[width * share for _, share in COMMITMENT_COLUMNS],
        repeatRows=0,
        hAlign="LEFT",
        spaceBefore=0,
        spaceAfter=styles.gap(12),
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ]
        )
    )
    return table


def _quote(dialogue: Dialogue, card: Card, styles: Stylesheet, linked: bool) -> Flowable:
    quote = card.quote
    assert quote is not None
    refs = markup.paragraph_refs(dialogue, [quote.evidence], linked=linked, hex_colour=_hex(MUTED))
    credit = f"— {markup.text(quote.speaker)}" + (f"\u00a0 {refs}" if refs else "")
    content = [
        MeasuredParagraph(f"“{markup.text(quote.evidence.quote)}”", styles["quote"]),
        MeasuredParagraph(credit, styles["credit"]),
    ]
    return ShadedBox(
        content,
        fill=white,
        accent=NAVY,
        padding=styles.gap(6),
        accent_width=1.5,
        space_after=styles.gap(12),
    )


def _notes(notes: list[Note], styles: Stylesheet, *, dated: bool, dialogue: Dialogue) -> Flowable:
    content: list[Flowable] = [
        MeasuredParagraph(markup.text(NOTE_LABEL.upper()), styles["note_label"])
    ]
    for note in notes:
        lead = ""
        if dated and note is dialogue.date_context:
            lead = markup.bold("Date.") + " "
        content.append(MeasuredParagraph(lead + markup.text(note.text), styles["note"]))
        if note.cites:
            cites = "; ".join(_citation(c.title, c.url) for c in note.cites)
            label = "Source" if len(note.cites) == 1 else "Sources"
            content.append(MeasuredParagraph(f"{label}: {cites}", styles["cite"]))
    return ShadedBox(
        content,
        fill=NOTE_FILL,
        accent=NOTE_ACCENT,
        padding=styles.gap(8),
        accent_width=3.0,
        space_after=styles.gap(10),
    )


def _citation(title: str, url: str | None) -> str:
    if not url:
        return markup.text(title)
    return f"{markup.text(title)}, {markup.web_link(url)}"
