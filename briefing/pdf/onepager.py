"""`render_card`: one card of a dialogue as a one-page PDF fact sheet."""

from __future__ import annotations

from datetime import date

from briefing.model import Card, Dialogue
from briefing.pdf.coverage import check_card, check_marking, drawing
from briefing.pdf.fitting import fit_card
from briefing.pdf.fonts import DATA_FONTS, register_fonts
from briefing.pdf.pages import (
    DEFAULT_MARKING,
    DocumentInfo,
    PageDecor,
    build_pdf,
    generation_date,
    page_template,
)
from briefing.pdf.styles import PageSize, page_geometry


def render_card(
    dialogue: Dialogue,
    card_id: str,
    page_size: PageSize = "a4",
    *,
    marking: str = DEFAULT_MARKING,
    generated: date | None = None,
) -> bytes:
    """The card as a PDF of exactly one page.

    Raises KeyError for an unknown card id, UncoveredCharacters for text the fonts cannot
    draw and CardTooLong when the card cannot fit.
    """
    register_fonts()
    card = dialogue.card(card_id)
    check_card(dialogue, card, DATA_FONTS)
    check_marking(marking, DATA_FONTS)
    geometry = page_geometry(page_size)
    decor = PageDecor(geometry, marking, generation_date(generated))
    with drawing(f"{dialogue.path.name}: card {card.id!r}"):
        story = fit_card(dialogue, card, geometry, linked=False, page_size=page_size)
        return build_pdf(
            story, geometry, [page_template("card", geometry, decor)], card_info(dialogue, card)
        )


def author(dialogue: Dialogue) -> str:
    return dialogue.publisher or "Briefing"


def card_info(dialogue: Dialogue, card: Card) -> DocumentInfo:
    name = dialogue.short_title or dialogue.title
    return DocumentInfo(
        title=f"{card.title} — {name}",
        author=author(dialogue),
        subject=card.summary,
        keywords=(name, card.title, dialogue.place, "briefing"),
    )
