"""What the window says about what it shows: its title (with the unsaved-edits marker) and
the status line (which card, whether every quote is verified, what a draft still lacks)."""

from __future__ import annotations

from briefing.gui.card_sheet import card_position
from briefing.gui.problems_panel import count_text
from briefing.gui.state import NavigationState

APP_NAME = "Briefing"


def window_title(state: NavigationState, file_name: str = "") -> str:
    """'Semiconductors — NCET Dialogue (us-rok-ncet.yaml)[*] — Briefing'.

    Qt shows '[*]' as '*' while the window is modified; data's '[*]' is doubled to show as
    written.
    """
    card, dialogue = state.current, state.dialogue
    if dialogue is None:
        return f"{file_name}[*] \u2014 {APP_NAME}" if file_name else APP_NAME
    named = dialogue.display_title.replace("[*]", "[*][*]")
    named += f" ({file_name.replace('[*]', '[*][*]')})[*]" if file_name else "[*]"
    parts = [card.title.replace("[*]", "[*][*]"), named] if card is not None else [named]
    return " \u2014 ".join([*parts, APP_NAME])


def status_text(
    state: NavigationState, problems: int = 0, draft: str = "", open_problems: int = 0
) -> str:
    """'Card 3 of 8 — all 35 quotes verified', and how many cards match a search.

    With `problems` in the file on disk, the cards are its last good version: said instead.
    `draft` is why the card on screen is not ready to print; `open_problems` counts the
    problems of the open document (a draft's).
    """
    card, dialogue = state.current, state.dialogue
    if card is None or dialogue is None:
        return "No dialogue open" if not problems else f"The file has {count_text(problems)}"
    where = card_position(dialogue, card)
    if problems:
        checked = f"last good version; the file on disk has {count_text(problems)}"
    elif draft:
        checked = draft
    elif open_problems:
        checked = f"ready to print; other cards have {count_text(open_problems)}"
    else:
        checked = f"all {dialogue.quote_count} quotes verified"
    named = where if card.title == where else f"{where}: {card.title}"
    text = f"{named} \u2014 {checked}"
    if state.query.strip():
        count = len(state.visible)
        cards = "1 card matches" if count == 1 else f"{count} cards match"
        text += f" \u2014 {cards} \u201c{state.query.strip()}\u201d"
    return text
