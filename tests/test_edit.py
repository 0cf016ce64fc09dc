"""Edits: each makes the change a person asked for, undoes exactly, and refuses what cannot
be done with a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.commitment_phrases import commitment_phrases
from briefing.document import Document, apply, open_document
from briefing.edit import (
    EditError,
    add_dialogue_evidence,
    add_evidence,
    add_source,
    delete,
    move,
    new_card,
    new_point,
    set_card_quote,
    set_field,
)
from tests.conftest import MINIMAL, WriteDialogue


@pytest.fixture
def doc(write_dialogue: WriteDialogue) -> Document:
    return open_document(write_dialogue(MINIMAL))


def test_a_new_point_from_a_selection_verifies_at_once(doc: Document) -> None:
    quote = "Officials said R&D budgets would grow."
    edited, undo = apply(doc, new_point(doc, 1, "art", quote, 0))
    assert edited.dialogue is not None
    point = edited.dialogue.cards[1].points[0]
    assert (point.text, point.evidence[0].quote, point.evidence[0].paragraphs) == ("", quote, (3,))
    assert edited.card_problems(1) == ("point 1 has no text yet",)
    edited, _ = apply(
        edited, set_field(edited, ("sectors", 1, "points", 0, "text"), "Budgets grow.")
    )
    assert edited.problems == ()
    assert (
        apply(doc, new_point(doc, 1, "art", quote))[0].data["sectors"][1]["points"][1]["evidence"][
            0
        ]["quote"]
        == quote
    )
    assert undo.label == "New point"


def test_added_evidence_and_a_card_quote_are_checked_against_the_source(doc: Document) -> None:
    edited, _ = apply(doc, add_evidence(doc, 0, 0, "art", "They will invest"))
    assert edited.dialogue is not None
    assert [e.paragraphs for e in edited.dialogue.cards[0].points[0].evidence] == [(1,), (2,)]
    edited, _ = apply(edited, set_card_quote(edited, 0, "art", "not in the article", "Cho"))
    assert edited.card_problems(0) == ("the card's quote is not in its source",)
    edited, _ = apply(edited, set_card_quote(edited, 0, "art", "R&D budgets would grow"))
    assert edited.data["sectors"][0]["quote"] == {
        "speaker": "Cho",  # kept when none is given
        "source": "art",
        "quote": "R&D budgets would grow",
    }
    assert list(edited.data["sectors"][0]) == ["id", "kind", "title", "summary", "points", "quote"]
    assert edited.problems == ()


def test_quotes_for_the_dialogue_and_a_co_chair_are_checked_and_undone(
    write_dialogue: WriteDialogue,
) -> None:
    with_chair = MINIMAL.replace(
        "  evidence:\n    - source: art\n      quote: agreed on Saturday\n",
        "  co_chairs:\n    - name: Cho\n      role: Adviser\n      country: KR\n"
        "      evidence: []\n  evidence: []\n",
        1,
    )
    doc = open_document(write_dialogue(with_chair))
    assert any(p.path == "dialogue.evidence" for p in doc.problems)
    assert any(p.path == "dialogue.co_chairs[0].evidence" for p in doc.problems)
    edited, undo = apply(doc, add_dialogue_evidence(doc, "art", "agreed on Saturday"))
    edited, _ = apply(edited, add_dialogue_evidence(edited, "art", "not in it", co_chair=0))
    assert [p.path for p in edited.problems] == ["dialogue.co_chairs[0].evidence[0].quote"]
    assert edited.data["dialogue"]["evidence"] == [{"source": "art", "quote": "agreed on Saturday"}]
    assert undo.label == "Add quote for the dialogue"
    with pytest.raises(EditError):
        add_dialogue_evidence(doc, "art", "agreed", co_chair=3)


def test_a_new_optional_key_goes_where_the_format_puts_it(doc: Document) -> None:
    edited, undo = apply(doc, set_field(doc, ("sectors", 1, "icon"), "chip"))
    assert list(edited.data["sectors"][1]) == ["id", "title", "icon", "summary", "points"]
    assert undo.label == "Edit card icon"
    back, _ = apply(edited, undo)
    assert list(back.data["sectors"][1]) == ["id", "title", "summary", "points"]


def test_removing_a_required_field_makes_a_draft(doc: Document) -> None:
    edited, undo = apply(doc, set_field(doc, ("sectors", 1, "summary"), None))
    assert edited.dialogue is not None
    assert edited.dialogue.cards[1].summary == ""
    assert edited.card_problems(1) == ("no bottom line yet",)
    assert edited.card_problems(0) == ()
    assert undo.label == "Remove card bottom line"


def test_moving_and_deleting_cards_keeps_the_rest(doc: Document) -> None:
    moved, _ = apply(doc, move(doc, ("sectors", 1), 0))
    assert moved.dialogue is not None
    assert [c.id for c in moved.dialogue.cards] == ["research", "overview"]
    gone, undo = apply(moved, delete(moved, ("sectors", 0)))
    assert gone.dialogue is not None
    assert [c.id for c in gone.dialogue.cards] == ["overview"]
    assert undo.label == "Delete card"
    nothing, _ = apply(gone, delete(gone, ("sectors", 0)))
    assert nothing.dialogue is None  # no card to show; the problem says so
    assert [(p.path, p.message) for p in nothing.problems] == [
        ("sectors", "needs at least 1 item(s)")
    ]


def test_a_new_cards_id_is_unique(doc: Document) -> None:
    edited, _ = apply(doc, new_card(doc, 2, "Research!"))
    assert edited.data["sectors"][2]["id"] == "research-2"
    edited, _ = apply(edited, new_card(edited, 0, "★"))
    assert edited.data["sectors"][0]["id"] == "card"


def test_a_new_source_verifies_quotes_that_named_it(
    write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    text = MINIMAL.replace(
        "- source: art\n            quote: agreed on Saturday to",
        "- source: more\n            quote: agreed on Saturday to",
    )
    assert text != MINIMAL
    doc = open_document(write_dialogue(text))
    assert doc.card_problems(0) == ("point 1 cites a source that is not in the sources",)
    (tmp_path / "more.txt").write_text(
        "They agreed on Saturday to work together on chips.\n", encoding="utf-8"
    )
    entry: dict[str, object] = {"id": "more", "title": "More", "publisher": "P", "file": "more.txt"}
    edited, _ = apply(doc, add_source(doc, entry))
    assert edited.problems == ()
    with pytest.raises(EditError, match="already"):
        add_source(edited, entry)


def test_edits_that_cannot_be_made_are_refused(doc: Document) -> None:
    with pytest.raises(EditError, match="nothing at sectors"):
        set_field(doc, ("sectors", 5, "title"), "x")
    with pytest.raises(EditError, match="not a field here"):
        set_field(doc, ("sectors", 0, "colour"), "red")
    with pytest.raises(EditError, match="cannot write a set"):
        set_field(doc, ("sectors", 0, "title"), {1, 2})
    with pytest.raises(EditError, match="no place"):
        move(doc, ("sectors", 0), 2)
    with pytest.raises(EditError, match="no place"):
        new_card(doc, 9, "x")
    change = set_field(doc, ("sectors", 0, "title"), "One")
    edited, _ = apply(doc, change)
    with pytest.raises(EditError, match="changed since"):
        apply(edited, set_field(doc, ("sectors", 0, "title"), "Two"))


def test_commitment_phrases_come_from_the_points_evidence(doc: Document) -> None:
    phrases = commitment_phrases(doc, 1, 0)
    assert "next year" in phrases
    assert phrases.index("at least US$5 million") + 1 == phrases.index("US$5 million")
    assert "in the U.S" in phrases
    said = doc.data["sectors"][1]["points"][0]["evidence"][0]["quote"]
    assert all(p in said for p in phrases)


def test_a_commitment_given_in_any_order_is_written_in_the_formats(doc: Document) -> None:
    commitment = {
        "timeframe": "next year",
        "amount": {"stated": "at least US$5 million", "currency": "USD", "value": 5000000},
        "what": "Invest",
        "kind": "planned",
        "actors": "both",
    }
    path = ("sectors", 1, "points", 0, "commitment")
    edited, _ = apply(doc, set_field(doc, path, commitment))
    written = edited.data["sectors"][1]["points"][0]["commitment"]
    assert list(written) == ["actors", "kind", "what", "amount", "timeframe"]
    assert list(written["amount"]) == ["value", "currency", "stated"]
    assert edited.problems == ()


def test_a_commitment_phrase_not_in_the_evidence_is_the_cards_reason(doc: Document) -> None:
    path = ("sectors", 1, "points", 0, "commitment", "timeframe")
    edited, _ = apply(doc, set_field(doc, path, "by 2030"))
    assert edited.card_problems(1) == (
        "point 1's commitment: 'by 2030' is not in the point's evidence",
    )
    assert edited.card_problems(0) == ()
    problem = edited.problems[0]
    line = MINIMAL.splitlines().index("          timeframe: next year") + 1
    assert (problem.path, problem.line) == ("sectors[1].points[0].commitment.timeframe", line)
