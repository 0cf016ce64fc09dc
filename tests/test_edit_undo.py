"""Undo and redo, by Hypothesis: random edits, undos and redos of the bundled dialogue end at
exactly the file bytes that the same edits without the undone ones give, undoing everything
gives back the file as it was, and what is written always reads back as the data edited."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from briefing.document import Document, apply, document_text, open_document
from briefing.edit import (
    Change,
    add_evidence,
    add_source,
    delete,
    move,
    new_card,
    new_point,
    set_card_quote,
    set_field,
)
from briefing.paths import bundled_dialogue

# Text as people type it, with what YAML treats specially: quotes, colons, hashes, dashes,
# leading and trailing spaces, line breaks, control characters, non-ASCII letters, and
# words that YAML 1.1 reads as something other than text.
TEXT = st.text(
    st.sampled_from(list("abc XYZ0123456789:#'\"-&*!|>%@`{}[],?é한—“”\n\t\r\x00\x85\u2028")),
    max_size=40,
) | st.sampled_from(["yes", "No", "~", "null", "1e3", "12", "2023-12-09", "<<", "=", " lead"])
INDEX = st.integers(min_value=0, max_value=12)


def plain(data: Any) -> Any:
    """The data as a YAML loader would give it: plain dicts and lists."""
    if isinstance(data, dict):
        return {k: plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    return data


class Editing(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="briefing-undo-"))
        shutil.copytree(bundled_dialogue().parent, self.folder, dirs_exist_ok=True)
        self.path = self.folder / bundled_dialogue().name
        self.start = open_document(self.path)
        self.doc = self.start
        self.done: list[tuple[Change, Change, Document]] = []  # change, its undo, doc before
        self.undone: list[tuple[Change, Change, Document]] = []

    def teardown(self) -> None:
        try:
            self.check_bytes()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def edit(self, make: Any) -> None:
        try:
            change = make(self.doc)
        except Exception as exc:  # an edit refused for a path the data no longer has
            from briefing.edit import EditError

            assert isinstance(exc, EditError), exc
            return
        before = self.doc
        self.doc, undo = apply(self.doc, change)
        self.done.append((change, undo, before))
        self.undone.clear()

    def cards(self) -> int:
        return len(self.doc.data["sectors"])

    @rule(card=INDEX, point=INDEX, text=TEXT)
    def edit_point_text(self, card: int, point: int, text: str) -> None:
        self.edit(lambda d: set_field(d, ("sectors", card, "points", point, "text"), text))

    @rule(card=INDEX, key=st.sampled_from(["summary", "title", "icon"]), text=TEXT)
    def edit_card_field(self, card: int, key: str, text: str) -> None:
        self.edit(lambda d: set_field(d, ("sectors", card, key), text))

    @rule(card=INDEX, key=st.sampled_from(["icon", "summary", "notes", "quote"]))
    def remove_card_field(self, card: int, key: str) -> None:
        self.edit(lambda d: set_field(d, ("sectors", card, key), None))

    @rule(card=INDEX, quote=TEXT, at=INDEX)
    def add_point(self, card: int, quote: str, at: int) -> None:
        self.edit(lambda d: new_point(d, card, "yonhap", quote, at))

    @rule(card=INDEX, point=INDEX, quote=TEXT)
    def add_quote(self, card: int, point: int, quote: str) -> None:
        self.edit(lambda d: add_evidence(d, card, point, "yonhap", quote))

    @rule(card=INDEX, quote=TEXT, speaker=TEXT)
    def card_quote(self, card: int, quote: str, speaker: str) -> None:
        self.edit(lambda d: set_card_quote(d, card, "yonhap", quote, speaker))

    @rule(at=INDEX, title=TEXT)
    def add_card(self, at: int, title: str) -> None:
        self.edit(lambda d: new_card(d, at, title))

    @rule(card=INDEX)
    def delete_card(self, card: int) -> None:
        self.edit(lambda d: delete(d, ("sectors", card)))

    @rule(card=INDEX, point=INDEX)
    def delete_point(self, card: int, point: int) -> None:
        self.edit(lambda d: delete(d, ("sectors", card, "points", point)))

    @rule(card=INDEX, to=INDEX)
    def move_card(self, card: int, to: int) -> None:
        self.edit(lambda d: move(d, ("sectors", card), to))

    @rule(card=INDEX, point=INDEX, to=INDEX)
    def move_point(self, card: int, point: int, to: int) -> None:
        self.edit(lambda d: move(d, ("sectors", card, "points", point), to))

    @rule(text=TEXT)
    def edit_title(self, text: str) -> None:
        self.edit(lambda d: set_field(d, ("dialogue", "title"), text))

    @rule(name=st.sampled_from(["yonhap", "notes", "fact-check", "missing"]))
    def add_a_source(self, name: str) -> None:
        files = {
            "notes": "sources/fact-check-notes.md",
            "fact-check": "sources/fact-check-notes.md",
        }
        entry: dict[str, object] = {
            "id": name,
            "title": f"About {name}",
            "publisher": "Test",
            "file": files.get(name, f"sources/{name}.txt"),
        }
        self.edit(lambda d: add_source(d, entry))

    @rule(source=INDEX)
    def delete_source(self, source: int) -> None:
        self.edit(lambda d: delete(d, ("sources", source)))

    @precondition(lambda self: bool(self.done))
    @rule()
    def undo(self) -> None:
        change, undo, before = self.done.pop()
        self.doc, redo = apply(self.doc, undo)
        assert self.doc.data == before.data
        assert self.doc.problems == before.problems
        assert redo == change
        self.undone.append((change, undo, before))

    @precondition(lambda self: bool(self.undone))
    @rule()
    def redo(self) -> None:
        change, undo, before = self.undone.pop()
        self.doc, again = apply(self.doc, change)
        assert again == undo
        self.done.append((change, undo, before))

    @invariant()
    def cards_and_points_stay_in_place(self) -> None:
        dialogue = self.doc.dialogue
        cards = self.doc.data["sectors"]
        assert (dialogue is None) == (not cards)
        if dialogue is not None:
            assert len(dialogue.cards) == len(cards)
            for card, data in zip(dialogue.cards, cards, strict=True):
                assert len(card.points) == len(data.get("points") or [])

    def check_bytes(self) -> None:
        text = document_text(self.doc)
        assert plain(yaml.safe_load(text)) == plain(self.doc.data)
        # the same edits, without the undone ones, from the start
        replayed = self.start
        for change, _, _ in self.done:
            replayed, _ = apply(replayed, change)
        assert document_text(replayed) == text
        assert replayed.problems == self.doc.problems
        # what was rebuilt piece by piece is what a fresh open of the text shows
        fresh_path = self.path.with_name("fresh.yaml")
        fresh_path.write_text(text, encoding="utf-8")
        fresh = open_document(fresh_path)
        if fresh.dialogue is not None and self.doc.dialogue is not None:
            assert replace(fresh.dialogue, path=self.path) == self.doc.dialogue
        assert fresh.dialogue is None or self.doc.dialogue is not None
        assert sorted((p.path, p.message) for p in fresh.problems) == sorted(
            (p.path, p.message) for p in self.doc.problems
        )
        # undo everything: the file as it was, byte for byte
        for _, undo, _ in reversed(self.done):
            self.doc, _ = apply(self.doc, undo)
        assert document_text(self.doc) == self.path.read_text(encoding="utf-8")


SHORT = settings(
    max_examples=8,
    stateful_step_count=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
LONG = settings(SHORT, max_examples=200, stateful_step_count=40)


def test_random_edits_undos_and_redos_end_at_the_same_bytes() -> None:
    run_state_machine_as_test(Editing, settings=SHORT)


@pytest.mark.slow
def test_many_random_edits_undos_and_redos_end_at_the_same_bytes() -> None:
    run_state_machine_as_test(Editing, settings=LONG)
