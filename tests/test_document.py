"""Documents: drafts open and display with their problems, `load_dialogue` still refuses them,
and an edit rebuilds the dialogue as a fresh load of the edited file would."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.document import (
    Document,
    apply,
    document_text,
    open_document,
    reload_sources,
    save_document,
)
from briefing.edit import Change, add_source, new_card, new_point, set_field
from briefing.loader import load_dialogue
from briefing.problems import DialogueError
from tests.conftest import WriteDialogue

DRAFT = textwrap.dedent(
    """\
    format: briefing/1
    dialogue:
      title: Next round
      place: Seoul
      date: Saturday
    sectors:
      - id: overview
        kind: overview
        title: Overview
      - id: chips
        title: Chips
        summary: They agreed on chips.
        points:
          - text: ""
            evidence:
              - source: art
                quote: agreed on Saturday to work together on chips
          - lead: Money
            text: Money for research.
            evidence:
              - source: art
                quote: this sentence is not in the article
    """
)


def test_bundled_dialogue_opens_with_no_problems(bundled: Path) -> None:
    doc = open_document(bundled)
    assert doc.problems == ()
    assert not doc.is_draft
    assert doc.dialogue == load_dialogue(bundled)
    assert doc.card_problems(0) == ()
    assert document_text(doc) == bundled.read_text(encoding="utf-8")


def test_a_draft_opens_and_shows_every_card_and_point(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(DRAFT)
    with pytest.raises(DialogueError):
        load_dialogue(path)
    doc = open_document(path)
    assert doc.is_draft
    assert doc.dialogue is not None
    overview, chips = doc.dialogue.cards
    assert (overview.title, overview.summary, overview.points) == ("Overview", "", ())
    assert [p.text for p in chips.points] == ["", "Money for research."]
    assert chips.points[0].evidence[0].quote == "agreed on Saturday to work together on chips"
    assert chips.points[0].evidence[0].paragraphs == ()  # no sources yet
    paths = {p.path: p.message for p in doc.problems}
    assert paths["sources"] == "missing (required)"
    assert paths["dialogue.evidence"] == "missing (required)"
    assert paths["sectors[0].summary"] == "missing (required)"
    assert paths["sectors[1].points[0].text"] == "is empty"
    assert paths["sectors[1].points[0].evidence[0].source"] == "unknown source 'art' (known: none)"
    assert doc.card_problems(1) == (
        "point 1 has no text yet",
        "point 1 cites a source that is not in the sources",
        "point 2 cites a source that is not in the sources",
        "no sources yet",
        "the dialogue's title, place and date have no quote yet",
    )


def test_a_draft_with_sources_reports_unfound_quotes_with_their_line(
    write_dialogue: WriteDialogue,
) -> None:
    text = DRAFT.replace(
        "sectors:\n",
        "sources:\n  - id: art\n    title: Test article\n    publisher: Test News\n"
        "    file: art.txt\n    headline: true\nsectors:\n",
    )
    path = write_dialogue(text)
    doc = open_document(path)
    shown = [str(p).split(": ", 1)[1] for p in doc.problems]
    assert any(
        s.endswith("sectors[1].points[1].evidence[0].quote: not found in source 'art'")
        for s in shown
    )
    line = text.splitlines().index("            quote: this sentence is not in the article") + 1
    unfound = next(p for p in doc.problems if p.message.startswith("not found"))
    assert (unfound.line, unfound.column) == (line, 20)
    assert doc.card_problems(0) == (
        "no bottom line yet",
        "no points yet",
        "the dialogue's title, place and date have no quote yet",
    )
    assert doc.card_problems(1) == (
        "point 1 has no text yet",
        "point 2 has a quote not found in its source",
        "the dialogue's title, place and date have no quote yet",
    )


def test_an_edit_rebuilds_what_a_fresh_load_would_show(bundled: Path, tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(bundled.parent, folder)
    doc = open_document(folder / bundled.name)
    change = set_field(doc, ("sectors", 1, "summary"), "A new bottom line.")
    edited, undo = apply(doc, change)
    assert edited.dialogue is not None and doc.dialogue is not None
    assert edited.dialogue.cards[1].summary == "A new bottom line."
    assert doc.dialogue.cards[1].summary != "A new bottom line."  # documents are immutable
    assert edited.dialogue.cards[2] is doc.dialogue.cards[2]  # the other cards are not rebuilt
    saved = save_document(edited)
    assert load_dialogue(saved.path) == edited.dialogue
    back, _ = apply(saved, undo)
    assert back.data == doc.data


def test_a_new_card_is_a_draft_named_by_its_reasons(bundled: Path) -> None:
    doc = open_document(bundled)
    edited, _ = apply(doc, new_card(doc, 3, "Quantum & Space"))
    assert edited.dialogue is not None
    assert edited.dialogue.cards[3].id == "quantum-space"
    assert edited.dialogue.cards[3].title == "Quantum & Space"
    assert edited.card_problems(3) == ("no bottom line yet", "no points yet")
    assert edited.card_problems(4) == ()
    assert [p.path for p in edited.problems] == ["sectors[3].summary", "sectors[3].points"]


def test_files_that_are_not_yaml_mappings_are_refused(write_dialogue: WriteDialogue) -> None:
    with pytest.raises(DialogueError, match="expected a mapping"):
        open_document(write_dialogue("- a list\n"))
    with pytest.raises(DialogueError, match="YAML syntax"):
        open_document(write_dialogue("a: [\n"))


def test_from_an_empty_dialogue_to_one_that_validates_by_edits_alone(tmp_path: Path) -> None:
    path = tmp_path / "next-round.yaml"
    path.write_text(
        "# The second round.\nformat: briefing/1\ndialogue:\n  title: Second round\n"
        "  place: Washington\n  date: Friday\n",
        encoding="utf-8",
    )
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "readout.txt").write_text(
        "Readout\n\nThe two sides met in Washington on Friday and agreed to hold a third round.\n",
        encoding="utf-8",
    )
    doc = open_document(path)
    assert doc.dialogue is None  # no card to show yet
    source = {
        "id": "readout",
        "title": "Readout",
        "publisher": "State",
        "file": "sources/readout.txt",
    }
    steps: list[Callable[[Document], Change]] = [
        lambda d: add_source(d, {**source, "headline": True}),
        lambda d: set_field(
            d,
            ("dialogue", "evidence"),
            [{"source": "readout", "quote": "met in Washington on Friday"}],
        ),
        lambda d: new_card(d, 0, "Overview"),
        lambda d: set_field(d, ("sectors", 0, "kind"), "overview"),
        lambda d: new_point(d, 0, "readout", "agreed to hold a third round"),
        lambda d: set_field(d, ("sectors", 0, "points", 0, "text"), "A third round will follow."),
    ]
    for step in steps:
        doc, _ = apply(doc, step(doc))
        assert doc.dialogue is not None or not doc.data.get("sectors")
    assert doc.card_problems(0) == ("no bottom line yet",)
    doc, _ = apply(doc, set_field(doc, ("sectors", 0, "summary"), "They will meet again."))
    assert doc.problems == ()
    save_document(doc)
    dialogue = load_dialogue(path)
    assert dialogue.cards[0].points[0].evidence[0].paragraphs == (1,)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# The second round.\nformat: briefing/1\ndialogue:\n  title: Second round\n"
    )
    assert list(doc.data) == ["format", "dialogue", "sources", "sectors"]
    assert list(doc.data["sectors"][0]) == ["id", "kind", "title", "summary", "points"]


def test_a_source_changed_on_disk_is_checked_again(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue()
    doc = open_document(path)
    assert doc.problems == ()
    (path.parent / "art.txt").write_text("A headline\n\nNothing of the kind.\n", encoding="utf-8")
    assert open_document(path).problems != ()
    again = reload_sources(doc)
    assert {p.message for p in again.problems} == {"not found in source 'art'"}
    assert again.data is doc.data
