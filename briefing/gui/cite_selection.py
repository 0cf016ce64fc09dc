"""Select to cite: the words selected in the source panel become a new point, evidence for
the selected point or the card's quotation, quoted exactly as the stored source has them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.provenance import QuoteFinder

if TYPE_CHECKING:
    from briefing.gui.edit_actions import EditActions
    from briefing.gui.source_panel import SourcePanel

_SPACES = re.compile(r"\s+")


class NothingToCite(Exception):
    """Why the selection cannot be quoted, in words for the status bar."""


def _index(text: str, units: int) -> int:
    """The index in `text` of the character at UTF-16 offset `units` (Qt counts in those)."""
    if text.isascii():
        return min(units, len(text))
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _units(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def quote_between(paragraphs: tuple[str, ...], starts: list[int], start: int, end: int) -> str:
    """The source's words between document positions `start` and `end` of the source panel,
    where paragraph i's text starts at `starts[i]` (its number before it is left out).

    White space runs are collapsed and a selection across paragraphs joins them with one
    space, which is how quotes are matched (briefing.provenance); nothing else changes.
    """
    pieces: list[str] = []
    for paragraph, begin in zip(paragraphs, starts, strict=False):
        stop = begin + _units(paragraph)
        if stop <= start or begin >= end:
            continue
        a = _index(paragraph, max(start, begin) - begin)
        b = _index(paragraph, min(end, stop) - begin)
        pieces.append(paragraph[a:b])
    quote = _SPACES.sub(" ", " ".join(pieces)).strip()
    if not quote:
        raise NothingToCite("Select some words of the source first.")
    if QuoteFinder(paragraphs).locate(quote) is None:  # cannot happen; never store a bad quote
        raise NothingToCite("The selection could not be matched to the stored source.")
    return quote


class SelectionCiting:
    """The select-to-cite commands, run on the source panel's selection."""

    def __init__(self, panel: SourcePanel, edits: EditActions) -> None:
        self._panel = panel
        self._edits = edits

    def _selection(self) -> tuple[str, str] | None:
        try:
            source, quote = self._panel.selected_quote()
        except NothingToCite as why:
            self._edits.tell(str(why))
            return None
        return source.id, quote

    def new_point(self) -> None:
        """A new point resting on the selection, after the selected point (or last)."""
        selection = self._selection()
        if selection is not None:
            self._edits.new_point(*selection)

    def add_evidence(self) -> None:
        selection = self._selection()
        if selection is not None:
            self._edits.add_evidence(*selection)

    def use_as_quote(self) -> None:
        selection = self._selection()
        if selection is not None:
            self._edits.set_card_quote(*selection)

    def for_dialogue(self, co_chair: int | None = None) -> None:
        """The selection as evidence of the dialogue's details, or of co-chair `co_chair`."""
        selection = self._selection()
        if selection is not None:
            self._edits.add_dialogue_evidence(*selection, co_chair=co_chair)
