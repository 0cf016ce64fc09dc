"""Which export and print commands a draft holds back, and the reason each one gives.

A draft card (no bottom line, no points, a quote not found...) opens, shows and saves, but
its one-pager is not made until it is ready; the book waits for every card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.model import CardKind
from briefing.problem_words import card_number

if TYPE_CHECKING:
    from briefing.document import Document

CARD_COMMANDS = ("exportCard", "print")
"""Commands on the card on screen."""
OVERVIEW_COMMANDS = ("exportOverview",)
ALL_CARD_COMMANDS = ("exportAll", "exportBook", "printBook", "printCards")
"""Commands on every card at once."""
OUTPUT_COMMANDS = (*CARD_COMMANDS, *OVERVIEW_COMMANDS, *ALL_CARD_COMMANDS)
MAX_NAMED = 3
"""Draft cards named in a reason; the rest are counted."""


def card_reason(document: Document, index: int) -> str:
    """'“Trade” is a draft: it has no bottom line; ...', or '' when the card is ready."""
    reasons = document.card_problems(index)
    if not reasons:
        return ""
    title = _title(document, index)
    return f"\u201c{title}\u201d is a draft: {'; '.join(reasons)}"


def draft_cards(document: Document) -> list[int]:
    """The indexes of the cards that are not ready to print: those with a problem of their
    own, or every card when the dialogue around them has one (as `card_problems` says)."""
    if document.dialogue is None or not document.problems:
        return []
    count = len(document.dialogue.cards)
    found: set[int] = set()
    for problem in document.problems:
        number = card_number(problem)
        if number is None:
            return list(range(count))
        found.add(number)
    return sorted(i for i in found if i < count)


def all_cards_reason(document: Document, drafts: list[int]) -> str:
    """'Waiting for 2 draft cards: “Trade”, “Energy”', or '' when there are none."""
    if not drafts:
        return ""
    named = ", ".join(f"\u201c{_title(document, i)}\u201d" for i in drafts[:MAX_NAMED])
    more = f" and {len(drafts) - MAX_NAMED} more" if len(drafts) > MAX_NAMED else ""
    cards = "1 draft card" if len(drafts) == 1 else f"{len(drafts)} draft cards"
    return f"Waiting for {cards}: {named}{more}"


def blocked_commands(document: Document | None, current: int | None) -> dict[str, str]:
    """The output commands a draft holds back, each with the reason to show; others are
    absent. `current` is the index of the card on screen (None when there is none)."""
    if document is None or document.dialogue is None:
        return {}
    blocked: dict[str, str] = {}
    if current is not None:
        reason = card_reason(document, current)
        blocked.update(dict.fromkeys(CARD_COMMANDS, reason) if reason else {})
    cards = document.dialogue.cards
    overview = next((i for i, c in enumerate(cards) if c.kind is CardKind.OVERVIEW), 0)
    if cards:
        reason = card_reason(document, overview)
        blocked.update(dict.fromkeys(OVERVIEW_COMMANDS, reason) if reason else {})
    reason = all_cards_reason(document, draft_cards(document))
    blocked.update(dict.fromkeys(ALL_CARD_COMMANDS, reason) if reason else {})
    return blocked


def _title(document: Document, index: int) -> str:
    assert document.dialogue is not None
    card = document.dialogue.cards[index]
    return card.title or card.id or f"Card {index + 1}"
