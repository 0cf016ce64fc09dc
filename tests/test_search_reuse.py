"""An edited dialogue's search index reuses the unchanged cards and finds what a new one finds."""

from __future__ import annotations

import dataclasses

from briefing.loader import load_dialogue
from briefing.paths import bundled_dialogue
from briefing.search import SearchIndex


def test_an_index_built_on_an_earlier_one_matches_as_one_built_afresh() -> None:
    dialogue = load_dialogue(bundled_dialogue())
    earlier = SearchIndex(dialogue)
    assert earlier.matching("zebra") == ()
    cards = list(dialogue.cards)
    cards[3] = dataclasses.replace(cards[3], title="Zebra crossings")
    edited = dataclasses.replace(dialogue, cards=tuple(cards))
    reused = SearchIndex(edited, earlier)
    fresh = SearchIndex(edited)
    for query in ("zebra", "battery", "semiconductors", "ai", "the"):
        assert reused.matching(query) == fresh.matching(query), query
    assert reused.matching("zebra") == (3,)
    assert reused.spans(3, "zebra") == fresh.spans(3, "zebra")


def test_a_card_moved_to_another_place_is_found_at_its_new_place() -> None:
    dialogue = load_dialogue(bundled_dialogue())
    earlier = SearchIndex(dialogue)
    cards = list(dialogue.cards)
    cards.insert(1, cards.pop(5))
    moved = dataclasses.replace(dialogue, cards=tuple(cards))
    query = dialogue.cards[5].title
    assert SearchIndex(moved, earlier).matching(query) == SearchIndex(moved).matching(query)
    assert 1 in SearchIndex(moved, earlier).matching(query)
