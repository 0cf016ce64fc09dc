"""One page, guaranteed: measure a card's blocks, shrink the type step by step to the floor,
and past the floor refuse with `CardTooLong`. Nothing is ever cut off."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from briefing.model import Card, Dialogue
from briefing.page_sizes import PAGE_SIZE_LABELS
from briefing.pdf.cardpage import card_blocks
from briefing.pdf.flowables import stack_height
from briefing.pdf.styles import (
    BODY_LEADING,
    BODY_SIZE,
    MIN_BODY_SIZE,
    SCALES,
    PageGeometry,
    stylesheet,
)


class CardTooLong(Exception):
    """A card does not fit on one page even with body text at the floor size."""

    def __init__(self, card_id: str, overflow_pt: float, page_size: str = "") -> None:
        self.card_id = card_id
        self.overflow_pt = overflow_pt
        self.page_size = page_size
        lines = max(1, round(overflow_pt / (MIN_BODY_SIZE * BODY_LEADING / BODY_SIZE)))
        on = f" {PAGE_SIZE_LABELS[page_size]}" if page_size in PAGE_SIZE_LABELS else ""
        super().__init__(
            f"card {card_id!r} does not fit on one{on} page: it is {overflow_pt:.0f} pt "
            f"(about {lines} lines of body text) too long even with body text at "
            f"{MIN_BODY_SIZE:g} pt; shorten its points or notes"
        )


def fit_card(
    dialogue: Dialogue,
    card: Card,
    geometry: PageGeometry,
    *,
    linked: bool,
    page_size: str = "",
    lead: list[Flowable] | None = None,
) -> list[Flowable]:
    """The card's flowables at the largest scale that fits the frame, source line at the foot.

    Each step measures with wrap() only (no build); the measured lines are reused when the
    page is built. `lead` (zero-height flowables such as bookmarks) goes first.
    """
    width, height = geometry.frame_width, geometry.frame_height
    overflow = 0.0
    for scale in SCALES:
        blocks = card_blocks(dialogue, card, stylesheet(scale), width, linked=linked)
        needed = stack_height(blocks.all, width)
        overflow = needed - height
        if overflow <= 0:
            story = [*(lead or []), *blocks.body]
            if blocks.source is not None:
                # Set the source line at the foot of the frame, just above the footer rule.
                story.append(Spacer(width, max(0.0, -overflow - 0.5)))
                story.append(blocks.source)
            return story
    raise CardTooLong(card.id, overflow, page_size)
