"""Search: folding, which cards match, where the matches are, and how fast a keystroke is."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.loader import load_dialogue
from briefing.model import Card, CardKind, Dialogue, Evidence, Point
from briefing.provenance import quote_spans
from briefing.search import (
    Field,
    Part,
    SearchIndex,
    card_texts,
    find_spans,
    fold,
    people_text,
    query_terms,
)


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    from briefing.paths import bundled_dialogue

    return load_dialogue(bundled_dialogue())


def titles(dialogue: Dialogue, indices: tuple[int, ...]) -> list[str]:
    return [dialogue.cards[i].title for i in indices]


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Café CRÈME") == fold("cafe creme")
    assert fold("İstanbul") == "istanbul"
    assert fold("Straße") == "strasse"
    assert fold("ﬁle") == "file"


def test_fold_keeps_hangul_searchable_while_a_syllable_is_typed() -> None:
    # "조" then "조ㅌ" (an unfinished syllable from an input method) both match "조태용".
    assert fold("조") in fold("조태용")
    assert fold("조ㅌ") in fold("조태용")
    assert fold("태용") in fold("조태용")


@given(st.text())
def test_folding_a_text_equals_folding_each_character(text: str) -> None:
    assert fold(text) == "".join(fold(char) for char in text)


def test_query_terms_are_folded_distinct_words() -> None:
    assert query_terms("  Café   cafe  AI ") == ("cafe", "ai")
    assert query_terms("   ") == ()


def test_empty_query_matches_every_card(dialogue: Dialogue) -> None:
    assert SearchIndex(dialogue).matching("") == tuple(range(len(dialogue.cards)))


def test_matching_cards_for_words_a_user_would_type(dialogue: Dialogue) -> None:
    index = SearchIndex(dialogue)
    assert titles(dialogue, index.matching("REAIM")) == ["Artificial intelligence"]
    assert "Bio and pharmaceuticals" in titles(dialogue, index.matching("pharmaceutical"))
    assert titles(dialogue, index.matching("조태용")) == ["Overview"]
    assert titles(dialogue, index.matching("zzz-not-there")) == []


def test_every_word_of_a_query_must_match(dialogue: Dialogue) -> None:
    index = SearchIndex(dialogue)
    both = set(index.matching("bio million"))
    assert both == set(index.matching("bio")) & set(index.matching("million"))
    assert titles(dialogue, index.matching("bio million")) == [
        "Joint research (MSIT\u2013NSF)",
        "Bio and pharmaceuticals",
    ]


def test_spans_point_at_the_matched_text(dialogue: Dialogue) -> None:
    index = SearchIndex(dialogue)
    ai = next(i for i, c in enumerate(dialogue.cards) if c.id == "ai")
    spans = index.spans(ai, "artificial")
    title = dialogue.cards[ai].title
    (start, end), *_ = spans[Field(Part.TITLE)]
    assert title[start:end] == "Artificial"


def test_spans_map_back_through_accents_and_hangul() -> None:
    text = "Le Café 조태용 CAFÉ"
    spans = find_spans(text, query_terms("cafe 태용"))
    assert [text[a:b] for a, b in spans] == ["Café", "태용", "CAFÉ"]


def test_overlapping_spans_are_merged() -> None:
    assert find_spans("semiconductor", ("semi", "semicon")) == ((0, 7),)


def test_quote_spans_cross_paragraphs_and_forgive_spacing_and_quote_marks() -> None:
    paragraphs = ("He said “the   first", "part” and more.")
    spans = quote_spans(paragraphs, 'said "the first part"')
    assert spans == ((0, 3, 20), (1, 0, 5))
    assert paragraphs[0][3:20] == "said “the   first"


def test_quote_spans_find_every_quote_of_the_bundled_dialogue(dialogue: Dialogue) -> None:
    for card in dialogue.cards:
        for evidence in card.evidence:
            source = dialogue.source(evidence.source)
            assert quote_spans(source.paragraphs, evidence.quote), evidence.quote


def test_missing_quote_has_no_spans() -> None:
    assert quote_spans(("one paragraph",), "not there") == ()


def synthetic(dialogue: Dialogue, cards: int) -> Dialogue:
    """A dialogue of `cards` cards, each a renamed copy of a bundled card."""
    base = dialogue.cards
    made = [
        replace(
            base[1 + i % (len(base) - 1)],
            id=f"sector-{i}",
            title=f"Sector {i} {base[1 + i % (len(base) - 1)].title}",
            kind=CardKind.SECTOR,
        )
        for i in range(cards - 1)
    ]
    return replace(dialogue, cards=(base[0], *made))


def test_a_two_thousand_card_index_filters_and_finds(dialogue: Dialogue) -> None:
    # How fast a keystroke is, is measured in benchmarks/ (search keystroke, p95).
    big = synthetic(dialogue, 2000)
    index = SearchIndex(big)
    assert len(index.matching("")) == 2000
    matches = index.matching("sector 1998")  # card 1999 is "Sector 1998 ..."
    assert matches == (1999,)
    assert len(index.matching("semiconductor")) == len(
        [c for c in big.cards if "semiconductor" in fold(" ".join(t for _, t in card_texts(c)))]
    )


def test_point_without_lead_is_still_searchable() -> None:
    card = Card(
        id="c",
        kind=CardKind.SECTOR,
        title="T",
        icon=None,
        summary="S",
        points=(Point(None, "Naïve text", (Evidence("s", "q", (1,)),), None),),
        notes=(),
        quote=None,
    )
    dialogue = Dialogue(Path("x"), "D", None, "P", "d", None, None, None, (), (), (), (card,))
    index = SearchIndex(dialogue)
    assert index.matching("naive") == (0,)
    assert index.spans(0, "naive") == {Field(Part.POINT, 0): ((0, 5),)}


def test_search_imports_no_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import briefing.search\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m])\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_query_words_match_word_starts_only() -> None:
    # "AI" is a word of its own or the start of one, never the inside of "chairs".
    text = "The co-chairs said the chain of AI-enabled tools helps aid"
    spans = find_spans(text, query_terms("AI"))
    assert [text[a:b] for a, b in spans] == ["AI", "ai"]
    assert [a for a, _ in spans] == [text.index("AI-"), text.index(" aid") + 1]


def test_word_starts_survive_accents_and_punctuation() -> None:
    text = "(Énergie) l'état, U.S.-ROK"
    assert [text[a:b] for a, b in find_spans(text, query_terms("energie etat rok"))] == [
        "Énergie",
        "état",
        "ROK",
    ]
    assert find_spans(text, query_terms("nergie")) == ()


def test_hangul_matches_at_every_syllable_and_while_a_syllable_is_typed() -> None:
    text = "대한민국 조태용 국가안보실장"
    for query, expected in (("민국", "민국"), ("조ㅌ", "조태"), ("안보", "안보"), ("태", "태")):
        assert [text[a:b] for a, b in find_spans(text, query_terms(query))] == [expected]


def test_ai_finds_only_the_cards_that_say_ai(dialogue: Dialogue) -> None:
    index = SearchIndex(dialogue)
    found = titles(dialogue, index.matching("AI"))
    for card in dialogue.cards:
        words = re.findall(r"\w+", fold(" ".join(t for _, t in card_texts(card))))
        people = card.kind is CardKind.OVERVIEW
        mentions = any(w.startswith("ai") for w in words) or (
            people
            and any(w.startswith("ai") for p in dialogue.co_chairs for w in fold(p.role).split())
        )
        assert (card.title in found) == mentions, card.title


def test_co_chairs_are_searchable_and_have_spans_on_the_overview(dialogue: Dialogue) -> None:
    index = SearchIndex(dialogue)
    assert "Overview" in titles(dialogue, index.matching("Sullivan"))
    spans = index.spans(0, "sullivan")
    text = people_text(dialogue.co_chairs)
    assert [text[a:b] for a, b in spans[Field(Part.PEOPLE)]] == ["Sullivan"]


def test_typing_on_gives_the_same_cards_as_a_fresh_search(dialogue: Dialogue) -> None:
    typed = SearchIndex(dialogue)
    for query in ("b", "ba", "bat", "batt", "battery", "battery c", "battery cl", "c", "AI", "A"):
        assert typed.matching(query) == SearchIndex(dialogue).matching(query), query


def _word_start_by_hand(folded: str, term: str) -> bool:
    """The rule spelled out: `term` at a position where `is_word_start` holds."""
    from briefing.search import is_word_start

    if not is_word_start(term, 0):
        return term in folded
    return any(
        folded.startswith(term, at) and is_word_start(folded, at) for at in range(len(folded))
    )


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="ab _-1é\u1100\u1161\uac00.", max_size=12),
    st.text(alphabet="ab_-1é\u1100\u1161.", min_size=1, max_size=3),
)
def test_the_fast_word_start_test_agrees_with_the_rule(folded: str, term: str) -> None:
    from briefing.search import mark_word_starts, needle

    text, marked = needle(term)  # what SearchIndex.matching looks for, and where
    found = text in (mark_word_starts(folded) if marked else folded)
    assert found == _word_start_by_hand(folded, term)
