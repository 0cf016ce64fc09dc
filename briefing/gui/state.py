"""The window's one navigation state and the one place that changes it.

Views never change each other: they call a `Navigation` method and redraw when `changed`
tells them the new state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

from briefing.model import Card, Dialogue, Evidence
from briefing.page_sizes import PAGE_SIZES as PAGE_SIZES
from briefing.page_sizes import PageSize as PageSize

if TYPE_CHECKING:
    from briefing.search import Field, SearchIndex, Span

QUOTE = -1
"""`NavigationState.point` when the card's quotation is selected rather than a point."""


class NavigationState(NamedTuple):
    """What the window shows: which dialogue, card, point and quote, the search and page size."""

    dialogue: Dialogue | None = None
    card: int = 0
    point: int | None = None
    evidence: int = 0
    query: str = ""
    visible: tuple[int, ...] = ()
    page_size: PageSize = "a4"

    @property
    def current(self) -> Card | None:
        if self.dialogue is None or not self.dialogue.cards:
            return None
        return self.dialogue.cards[self.card]

    @property
    def selected_evidence(self) -> tuple[Evidence, ...]:
        """The evidence of the selected point (or quotation); empty when nothing is selected."""
        card = self.current
        if card is None or self.point is None:
            return ()
        if self.point == QUOTE:
            return (card.quote.evidence,) if card.quote is not None else ()
        return card.points[self.point].evidence


def _has_point(card: Card, point: int) -> bool:
    return 0 <= point < len(card.points) or (point == QUOTE and card.quote is not None)


class Navigation(QObject):
    """Holds the `NavigationState`; every change goes through `_set`."""

    changed = Signal(object, object)  # new NavigationState, old NavigationState

    def __init__(self, page_size: PageSize = "a4", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = NavigationState(page_size=page_size)
        self._index: tuple[Dialogue, SearchIndex] | None = None

    @property
    def state(self) -> NavigationState:
        return self._state

    def _set(self, new: NavigationState) -> None:
        if new == self._state:
            return
        old, self._state = self._state, new
        self.changed.emit(new, old)

    # -- what is open ----------------------------------------------------------------------

    def set_dialogue(
        self, dialogue: Dialogue | None, card_id: str | None = None, *, keep_point: bool = False
    ) -> None:
        """Shows `dialogue`, on `card_id` if it has it, else on the same position, clamped.

        `keep_point` (an edit of the same dialogue) keeps the selected point and quote when
        the card is the same one and still has them.
        """
        old = self._state
        index = 0
        if dialogue is not None and dialogue.cards:
            ids = [c.id for c in dialogue.cards]
            wanted = card_id if card_id is not None else (old.current.id if old.current else None)
            index = ids.index(wanted) if wanted in ids else min(old.card, len(ids) - 1)
        new = old._replace(dialogue=dialogue, card=index, point=None, evidence=0)
        same = old.current is not None and new.current is not None
        if keep_point and same and old.point is not None and new.current is not None:
            assert old.current is not None
            if old.current.id == new.current.id and _has_point(new.current, old.point):
                kept = new._replace(point=old.point)
                last = max(len(kept.selected_evidence) - 1, 0)
                new = kept._replace(evidence=min(old.evidence, last))
        self._set(new._replace(visible=self._matching(new)))

    # -- moving between cards --------------------------------------------------------------

    def go_to(self, index: int) -> None:
        state = self._state
        if state.dialogue is None or not 0 <= index < len(state.dialogue.cards):
            return
        if index != state.card:
            self._set(state._replace(card=index, point=None, evidence=0))

    def go_to_id(self, card_id: str) -> None:
        if self._state.dialogue is not None:
            ids = [c.id for c in self._state.dialogue.cards]
            if card_id in ids:
                self.go_to(ids.index(card_id))

    def step(self, delta: int) -> None:
        """Moves `delta` cards along the navigator's visible (search-matching) cards."""
        visible = self._state.visible
        if not visible:
            return
        if self._state.card in visible:
            at = visible.index(self._state.card) + delta
        else:
            at = 0 if delta > 0 else len(visible) - 1
        self.go_to(visible[max(0, min(at, len(visible) - 1))])

    def first(self) -> None:
        if self._state.visible:
            self.go_to(self._state.visible[0])

    def last(self) -> None:
        if self._state.visible:
            self.go_to(self._state.visible[-1])

    # -- points and their evidence ---------------------------------------------------------

    def select_point(self, point: int | None) -> None:
        card = self._state.current
        if card is None:
            return
        valid = point is None or 0 <= point < len(card.points)
        valid = valid or (point == QUOTE and card.quote is not None)
        if valid and point != self._state.point:
            self._set(self._state._replace(point=point, evidence=0))

    def step_point(self, delta: int) -> None:
        """Selects the next or previous point (the quotation comes after the last point)."""
        card = self._state.current
        if card is None:
            return
        order = [*range(len(card.points)), *([QUOTE] if card.quote is not None else [])]
        if self._state.point not in order:
            self.select_point(order[0] if delta > 0 else order[-1])
            return
        at = order.index(self._state.point) + delta
        self.select_point(order[max(0, min(at, len(order) - 1))])

    def step_evidence(self, delta: int) -> None:
        count = len(self._state.selected_evidence)
        if count:
            at = max(0, min(self._state.evidence + delta, count - 1))
            self._set(self._state._replace(evidence=at))

    # -- search and page size --------------------------------------------------------------

    def set_query(self, query: str) -> None:
        state = self._state._replace(query=query)
        visible = self._matching(state)
        card = state.card
        if visible and card not in visible:
            card = visible[0]  # follow the search to its first match
        if card != state.card:
            state = state._replace(card=card, point=None, evidence=0)
        self._set(state._replace(visible=visible))

    def set_page_size(self, page_size: PageSize) -> None:
        if page_size in PAGE_SIZES:
            self._set(self._state._replace(page_size=page_size))

    def prepare_search(self) -> None:
        """Builds the search index ahead of the first keystroke (called when idle)."""
        if self._state.dialogue is not None:
            self._index_of(self._state.dialogue)

    def highlights(self, card: int | None = None) -> dict[Field, tuple[Span, ...]]:
        """Where the search matches on card number `card` (the current card by default)."""
        state = self._state
        if state.dialogue is None or not state.query.strip():
            return {}
        return self._index_of(state.dialogue).spans(
            state.card if card is None else card, state.query
        )

    def _matching(self, state: NavigationState) -> tuple[int, ...]:
        if state.dialogue is None:
            return ()
        if not state.query.strip():
            return tuple(range(len(state.dialogue.cards)))
        return self._index_of(state.dialogue).matching(state.query)

    def _index_of(self, dialogue: Dialogue) -> SearchIndex:
        """The search index of `dialogue`, built on its first search rather than at start."""
        if self._index is None or self._index[0] is not dialogue:
            from briefing.search import SearchIndex

            earlier = self._index[1] if self._index is not None else None
            self._index = (dialogue, SearchIndex(dialogue, earlier))
        return self._index[1]
