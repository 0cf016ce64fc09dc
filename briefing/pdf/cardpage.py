"""The blocks of one card's page, top to bottom, at one type scale.

Title block, bottom line up front, key points, commitments, quote, analyst context; the
source line is kept apart so the page can set it at the foot of the frame. Every paragraph
here is escaped plain text in one font; bold lead-ins and references are drawn beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from reportlab.lib.colors import white
from reportlab.platypus import Flowable, HRFlowable

from briefing.citations import source_line
from briefing.editorial import dialogue_date, insertion_credit, with_years
from briefing.model import Card, CardKind, Citation, Commitment, Dialogue, Note, Person, Point
from briefing.pdf import markup
from briefing.pdf.flowables import (
    Grid,
    Label,
    LinkedParagraph,
    MeasuredParagraph,
    RefStyle,
    RunInParagraph,
    ShadedBox,
)
from briefing.pdf.fonts import BOLD, REGULAR
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

BLUF_LABEL = "Bottom line up front"
NOTE_LABEL = "Analyst context — not part of the dialogue's outcome"
EMPTY_CELL = "—"
# Who, what kind, what, how much, when / where: shares of the frame width.
COMMITMENT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Who", 0.14),
    ("Status", 0.11),
    ("What", 0.37),
    ("How much", 0.19),
    ("When / where", 0.19),
)


@dataclass(frozen=True, slots=True)
class CardBlocks:
    body: list[Flowable]
    source: Flowable | None

    @property
    def all(self) -> list[Flowable]:
        return [*self.body, self.source] if self.source is not None else list(self.body)


def card_blocks(
    dialogue: Dialogue, card: Card, styles: Stylesheet, width: float, *, linked: bool
) -> CardBlocks:
    """Every block of the card's page; `linked` makes paragraph references link to the
    book's appendix."""
    body: list[Flowable] = [*_title_block(dialogue, card, styles)]
    body.append(_bluf(dialogue, card, styles))
    if card.points:
        _open_section(body, "Key points", styles)
        body.extend(_point(dialogue, point, styles, linked) for point in card.points)
    if card.commitments:
        _open_section(body, "Commitments", styles)
        body.append(_commitment_table(dialogue, card.commitments, styles, width))
    if card.quote is not None:
        _open_section(body, "On the record", styles)
        body.append(_quote(dialogue, card, styles, linked))
    notes = [
        ("Date." if note is dialogue.date_note else "", note) for note in dialogue.notes_on(card)
    ]
    if notes:
        _after(body, styles.gap(12))
        body.append(_notes(notes, styles))
    line = ". ".join(
        part for part in (source_line(dialogue, card), insertion_credit(dialogue)) if part
    )
    source = MeasuredParagraph(markup.text(line + "."), styles["source_line"]) if line else None
    return CardBlocks(body, source)


def _title_block(dialogue: Dialogue, card: Card, styles: Stylesheet) -> list[Flowable]:
    blocks: list[Flowable] = [
        MeasuredParagraph(markup.text(dialogue.title), styles["kicker"]),
        MeasuredParagraph(markup.text(card.title), styles["title"]),
        MeasuredParagraph(
            markup.text(f"{dialogue.place} · {dialogue_date(dialogue)}"), styles["meta"]
        ),
    ]
    if card.kind is CardKind.OVERVIEW:
        blocks.extend(_co_chair(person, styles) for person in dialogue.co_chairs)
    blocks[-1].spaceAfter = styles.gap(8)
    blocks.append(
        HRFlowable(
            width="100%",
            thickness=1.4 * styles.scale,
            color=NAVY,
            spaceBefore=0,
            spaceAfter=styles.gap(10),
        )
    )
    return blocks


def _co_chair(person: Person, styles: Stylesheet) -> Flowable:
    """'Co-chair  Cho Tae-yong 조태용, National Security Adviser, South Korea'."""
    name = f"{person.name} {person.name_ko}" if person.name_ko else person.name
    return RunInParagraph(
        markup.text(f"{name}, {person.role}"), styles["meta"], lead="Co-chair ", lead_font=BOLD
    )


def _after(body: list[Flowable], space: float) -> None:
    """Opens a gap below the last block (blocks only carry space after them)."""
    body[-1].spaceAfter = max(float(body[-1].getSpaceAfter()), space)


def _open_section(body: list[Flowable], title: str, styles: Stylesheet) -> None:
    _after(body, styles.gap(12))
    body.append(Label(title.upper(), styles["section"]))


def _bluf(dialogue: Dialogue, card: Card, styles: Stylesheet) -> Flowable:
    summary = with_years(card.summary, dialogue.resolved_day)
    content = [
        Label(BLUF_LABEL.upper(), styles["label"]),
        MeasuredParagraph(markup.text(summary), styles["summary"]),
    ]
    return ShadedBox(
        content,
        fill=BLUF_FILL,
        accent=NAVY,
        padding=styles.gap(9),
        accent_width=3.0,
        space_after=styles.gap(12),
    )


def _ref_style(styles: Stylesheet) -> RefStyle:
    return RefStyle(REGULAR, float(styles["source_line"].fontSize), MUTED)


def _lead(lead: str | None) -> str:
    if not lead:
        return ""
    return lead if lead[-1] in ".?!:" else f"{lead}."


def _point(dialogue: Dialogue, point: Point, styles: Stylesheet, linked: bool) -> Flowable:
    day = dialogue.resolved_day
    return RunInParagraph(
        markup.text(with_years(point.text, day)),
        styles["point"],
        lead=_lead(with_years(point.lead or "", day)),
        lead_font=BOLD,
        refs=markup.paragraph_refs(dialogue, point.evidence, linked=linked),
        ref_style=_ref_style(styles),
        bulletText="■",
    )


def _commitment_table(
    dialogue: Dialogue, commitments: tuple[Commitment, ...], styles: Stylesheet, width: float
) -> Flowable:
    head, cell = styles["cell_head"], styles["cell"]
    rows: list[list[Flowable]] = [[Label(title.upper(), head) for title, _ in COMMITMENT_COLUMNS]]
    for c in commitments:
        when = ", ".join(part for part in (c.timeframe, c.place) if part)
        values = (
            c.actors.label,
            c.kind.value.capitalize(),
            with_years(c.what, dialogue.resolved_day),
            c.amount.stated if c.amount is not None else "",
            with_years(when, dialogue.resolved_day),
        )
        rows.append([MeasuredParagraph(markup.text(v or EMPTY_CELL), cell) for v in values])
    return Grid(
        rows,
        [width * share for _, share in COMMITMENT_COLUMNS],
        padding=styles.gap(4),
        header_fill=TABLE_HEAD_FILL,
        rule=RULE,
        last_rule=NAVY,
        space_after=styles.gap(12),
    )


def _quote(dialogue: Dialogue, card: Card, styles: Stylesheet, linked: bool) -> Flowable:
    quote = card.quote
    assert quote is not None
    content = [
        MeasuredParagraph(f"“{markup.text(quote.evidence.quote)}”", styles["quote"]),
        RunInParagraph(
            markup.text(f"— {quote.speaker}"),
            styles["credit"],
            refs=markup.paragraph_refs(dialogue, [quote.evidence], linked=linked),
            ref_style=_ref_style(styles),
        ),
    ]
    return ShadedBox(
        content,
        fill=white,
        accent=NAVY,
        padding=styles.gap(6),
        accent_width=1.5,
        space_after=styles.gap(12),
    )


def _notes(notes: list[tuple[str, Note]], styles: Stylesheet) -> Flowable:
    content: list[Flowable] = [Label(NOTE_LABEL.upper(), styles["note_label"])]
    for lead, note in notes:
        content.append(
            RunInParagraph(markup.text(note.text), styles["note"], lead=lead, lead_font=BOLD)
        )
        content.extend(_citation(cite, styles) for cite in note.cites)
        content[-1].spaceAfter = styles["cite"].spaceAfter
    return ShadedBox(
        content,
        fill=NOTE_FILL,
        accent=NOTE_ACCENT,
        padding=styles.gap(8),
        accent_width=3.0,
        space_after=styles.gap(10),
    )


def _citation(cite: Citation, styles: Stylesheet) -> Flowable:
    """'Source: title, address'; the whole line links to an http(s) address."""
    url = cite.url or ""
    web = urlsplit(url).scheme.lower() in ("http", "https")
    shown = f"Source: {cite.title}, {markup.display_url(url)}" if url else f"Source: {cite.title}"
    style = styles["cite_line"]
    if web:
        return LinkedParagraph(markup.text(shown), style, url)
    return MeasuredParagraph(markup.text(shown), style)
