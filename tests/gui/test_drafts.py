"""Drafts open, show and save; their cards' export and print wait, saying why."""

from __future__ import annotations

from pathlib import Path

from briefing.document import Document, apply, open_document
from briefing.edit import set_field
from briefing.gui.draft_gate import draft_cards
from briefing.gui.main_window import MainWindow
from tests.conftest import MINIMAL, WriteDialogue
from tests.gui.conftest import DialogCalls, MakeWindow

DRAFT = MINIMAL.replace("    summary: Money for joint research.\n", "")


def enabled(window: MainWindow, name: str) -> bool:
    return window.actions_by_name[name].isEnabled()


def test_a_draft_opens_and_its_card_cannot_be_exported_saying_why(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    window = make_window(write_dialogue(DRAFT), card="research")
    assert dialog_calls.problems == [], "a draft opens without a dialog"
    assert window.card_view.title.text() == "Research"
    assert not enabled(window, "exportCard") and not enabled(window, "print")
    reason = window.actions_by_name["exportCard"].toolTip()
    assert reason.startswith("\u201cResearch\u201d is a draft: ")
    assert reason in window.status.text()
    assert "last good version" not in window.status.text()
    assert window.banner.isHidden(), "a draft is not a broken file"


def test_the_book_waits_for_every_draft_card_and_names_it(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    window = make_window(write_dialogue(DRAFT), card="overview")
    assert enabled(window, "exportCard") and enabled(window, "print"), "Overview is ready"
    assert enabled(window, "exportOverview")
    assert window.status.text().endswith("ready to print; other cards have 1 problem")
    for name in ("exportBook", "printBook", "exportAll", "printCards"):
        assert not enabled(window, name)
        assert window.actions_by_name[name].toolTip() == (
            "Waiting for 1 draft card: \u201cResearch\u201d"
        )


def test_the_problems_panel_lists_a_drafts_problems_as_the_documents(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    window = make_window(write_dialogue(DRAFT))
    assert window.side.tabText(2).startswith("Problems (")
    assert window.problems_panel.list.count() >= 1
    assert "draft" in window.problems_panel.summary.text()
    assert "file on disk" not in window.problems_panel.summary.text()


def test_completing_a_draft_enables_its_export(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    window = make_window(write_dialogue(DRAFT), card="research")
    document = window.edit_session.document
    assert document is not None
    change = set_field(document, ("sectors", 1, "summary"), "Money for joint research.")
    assert window.edit_session.apply(change)
    assert enabled(window, "exportCard") and enabled(window, "exportBook")
    assert "all 3 quotes verified" in window.status.text()
    assert window.side.indexOf(window.problems_panel) < 0
    window.edit_session.undo()
    assert not enabled(window, "exportCard")


def test_the_draft_cards_are_those_card_problems_names(bundled: Path) -> None:
    """The quick list of draft cards agrees with the document's own reasons, card by card."""

    def expected(document: Document) -> list[int]:
        assert document.dialogue is not None
        return [i for i in range(len(document.dialogue.cards)) if document.card_problems(i)]

    document = open_document(bundled)
    assert draft_cards(document) == expected(document) == []
    one, _ = apply(document, set_field(document, ("sectors", 2, "summary"), ""))
    assert draft_cards(one) == expected(one) == [2]
    every, _ = apply(one, set_field(one, ("dialogue", "place"), ""))
    assert draft_cards(every) == expected(every) == list(range(len(bundled_cards(every))))


def bundled_cards(document: Document) -> tuple[object, ...]:
    assert document.dialogue is not None
    return tuple(document.dialogue.cards)
