"""The edits the window offers, each made by briefing.edit and applied through the edit
session (so it can be undone), then the user's place kept: the card and point they edit."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from briefing import edit
from briefing.gui.state import QUOTE

if TYPE_CHECKING:
    from briefing.document import Document
    from briefing.edit import Change, KeyPath
    from briefing.gui.state import Navigation

NEW_CARD_TITLE = "New card"
SAME = -2
"""`point` of `EditActions.run`: keep the point selected as it is."""


class Session(Protocol):
    """What the edits need of the edit session."""

    @property
    def document(self) -> Document | None: ...

    def apply(self, change: Change, merge_key: Hashable | None = None) -> bool: ...


class EditActions(QObject):
    """Runs one edit at a time on the session's document; says why when one cannot be made."""

    notice = Signal(str)

    def __init__(self, session: Session, navigation: Navigation, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._navigation = navigation

    @property
    def document(self) -> Document | None:
        return self._session.document

    def tell(self, message: str) -> None:
        self.notice.emit(message)

    def run(
        self,
        make: Callable[[Document], Change],
        card: int | None = None,
        point: int | None = SAME,
        merge_key: Hashable | None = None,
    ) -> bool:
        """Makes the change from the document and applies it; then shows card number `card`
        (the same card by default) with `point` selected (the same point by default).
        Changes with the same `merge_key` in a row are one undo step."""
        document = self._session.document
        if document is None or document.dialogue is None:
            self.tell("Open a dialogue first.")
            return False
        state = self._navigation.state
        try:
            change = make(document)
        except edit.EditError as why:
            self.tell(str(why))
            return False
        if not self._session.apply(change, merge_key):
            return False
        after = self._session.document
        if after is None or after.dialogue is None:
            return True
        # The session showed the edited dialogue on the same card and point: follow the edit.
        cards = after.dialogue.cards
        wanted = state.card if card is None else card
        if cards:
            self._navigation.go_to(max(0, min(wanted, len(cards) - 1)))
        self._navigation.select_point(state.point if point == SAME else point)
        return True

    # -- fields ----------------------------------------------------------------------------

    def set_field(self, path: KeyPath, value: object | None, typed: bool = False) -> bool:
        """Sets one value; what is `typed` in one field in a row is one undo step."""
        key = ("typed", path) if typed else None
        return self.run(lambda d: edit.set_field(d, path, value), merge_key=key)

    def delete_path(self, path: KeyPath) -> bool:
        return self.run(lambda d: edit.delete(d, path))

    # -- select to cite --------------------------------------------------------------------

    def _selected_point(self) -> int | None:
        point = self._navigation.state.point
        return point if point is not None and point >= 0 else None

    def new_point(self, source: str, quote: str) -> bool:
        """A point resting on `quote`, after the selected point (else the last)."""
        state = self._navigation.state
        card = state.current
        if card is None:
            self.tell("Make a card first.")
            return False
        selected = self._selected_point()
        index = selected + 1 if selected is not None else len(card.points)
        return self.run(lambda d: edit.new_point(d, state.card, source, quote, index), point=index)

    def add_evidence(self, source: str, quote: str) -> bool:
        point = self._selected_point()
        if point is None:
            self.tell("Select the point the quote supports first.")
            return False
        card = self._navigation.state.card
        return self.run(lambda d: edit.add_evidence(d, card, point, source, quote))

    def add_dialogue_evidence(self, source: str, quote: str, co_chair: int | None = None) -> bool:
        """A quote for the dialogue's title, place and date, or for co-chair `co_chair`."""
        return self.run(lambda d: edit.add_dialogue_evidence(d, source, quote, co_chair))

    def set_card_quote(self, source: str, quote: str) -> bool:
        state = self._navigation.state
        if state.current is None:
            self.tell("Make a card first.")
            return False
        speaker = state.current.quote.speaker if state.current.quote else ""
        return self.run(
            lambda d: edit.set_card_quote(d, state.card, source, quote, speaker), point=QUOTE
        )

    # -- structure -------------------------------------------------------------------------

    def new_card(self) -> bool:
        """A draft card after the current one, shown at once."""
        state = self._navigation.state
        index = state.card + 1 if state.current is not None else 0
        return self.run(lambda d: edit.new_card(d, index, NEW_CARD_TITLE), card=index, point=None)

    def delete_selected(self) -> bool:
        """Deletes the selected point (or quotation); with none selected, the card."""
        state = self._navigation.state
        card = state.current
        if card is None:
            return False
        c = state.card
        if state.point == QUOTE:
            return self.run(lambda d: edit.delete(d, ("sectors", c, "quote")), point=None)
        point = self._selected_point()
        if point is not None:
            after = min(point, len(card.points) - 2)
            return self.run(
                lambda d: edit.delete(d, ("sectors", c, "points", point)),
                point=after if after >= 0 else None,
            )
        if state.dialogue is not None and len(state.dialogue.cards) <= 1:
            self.tell("A briefing keeps at least one card.")
            return False
        return self.run(lambda d: edit.delete(d, ("sectors", c)), card=max(0, c - 1), point=None)

    def move_selected(self, delta: int) -> bool:
        """Moves the selected point within its card; with none selected, the card."""
        state = self._navigation.state
        point = self._selected_point()
        if point is not None:
            return self.move_point(point, point + delta)
        return self.move_card(state.card, state.card + delta)

    def move_card(self, card: int, to: int) -> bool:
        dialogue = self._navigation.state.dialogue
        if dialogue is None or not 0 <= to < len(dialogue.cards) or to == card:
            return False
        self._navigation.go_to(card)
        return self.run(lambda d: edit.move(d, ("sectors", card), to), card=to, point=None)

    def move_point(self, point: int, to: int) -> bool:
        state = self._navigation.state
        card = state.current
        if card is None or not 0 <= to < len(card.points) or to == point:
            return False
        c = state.card
        return self.run(lambda d: edit.move(d, ("sectors", c, "points", point), to), point=to)
