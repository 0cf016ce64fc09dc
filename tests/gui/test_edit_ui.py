"""Authoring in the window: select to cite, edit in place, reorder, delete, undo."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from briefing.edit import get_at
from briefing.gui import dialogs, point_menu
from briefing.gui.main_window import MainWindow
from briefing.gui.state import QUOTE
from briefing.paths import bundled_dialogue
from tests.gui.conftest import MakeWindow, current_id, shown_dialogue

SENTENCE = (
    "In the bio sector, the countries will invest at least US$10 million in supporting "
    "research collaboration between the two institutions."
)


@pytest.fixture
def editing(make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window in Edit Mode on a copy of the bundled dialogue, on the Semiconductors card;
    closing it drops the edits (no question asked)."""
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_: "discard")
    folder = tmp_path / "dialogue"
    shutil.copytree(bundled_dialogue().parent, folder)
    window = make_window(folder / bundled_dialogue().name, "semiconductors")
    window.edit_session.set_editing(True)
    window.show_side(0)
    return window


def select_in_source(window: MainWindow, words: str) -> None:
    """Selects `words` in the source panel, as a user dragging over them would."""
    text = window.source_panel.text
    found = text.document().find(words)
    assert not found.isNull(), words
    text.setTextCursor(found)


def data(window: MainWindow) -> Any:
    document = window.edit_session.document
    assert document is not None
    return document.data


def points(window: MainWindow) -> list[Any]:
    return list(get_at(data(window), ("sectors", window.navigation.state.card, "points")))


def type_into(qtbot: Any, field: Any, text: str) -> None:
    """Replaces the text of a field by typing, then leaves it with Enter (or Ctrl+Enter)."""
    field.setFocus()
    if hasattr(field, "selectAll"):
        field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_selected_sentence_becomes_a_point_written_in_the_panel_and_undone(
    qtbot: Any, editing: MainWindow
) -> None:
    window = editing
    before = len(points(window))
    select_in_source(window, SENTENCE)
    window.actions_by_name["newPointFromSelection"].trigger()

    now = points(window)
    assert len(now) == before + 1
    assert now[-1]["evidence"] == [{"source": "yonhap", "quote": SENTENCE}]
    assert window.navigation.state.point == before, "the new point is selected"
    assert len(window.card_view.point_rows()) == before + 1

    type_into(qtbot, window.edit_panel.lead, "Bio money")
    type_into(
        qtbot, window.edit_panel.text, "The two will put at least $10 million into bio research."
    )
    row = window.card_view.point_rows()[-1]
    assert "Bio money" in row.body.text()
    assert "at least $10 million into bio research" in row.body.text()
    assert points(window)[-1]["lead"] == "Bio money"
    assert window.source_panel.highlighted_text() == SENTENCE

    stack = window.edit_session.undo_stack
    while len(points(window)) > before:
        stack.undo()
    assert len(window.card_view.point_rows()) == before


def test_a_selection_becomes_evidence_of_the_selected_point_and_the_cards_quote(
    editing: MainWindow,
) -> None:
    window = editing
    window.navigation.select_point(0)
    evidence = len(points(window)[0]["evidence"])
    select_in_source(window, "semiconductor technology centers")
    window.actions_by_name["addSelectionAsEvidence"].trigger()
    assert points(window)[0]["evidence"][-1]["quote"] == "semiconductor technology centers"
    assert len(points(window)[0]["evidence"]) == evidence + 1

    select_in_source(window, "both nations decided to explore ways")
    window.actions_by_name["useSelectionAsQuote"].trigger()
    quote = get_at(data(window), ("sectors", window.navigation.state.card, "quote"))
    assert quote["quote"] == "both nations decided to explore ways"
    assert window.navigation.state.point == QUOTE
    assert window.edit_panel.quote_box.isVisible()


def test_nothing_selected_says_so_and_changes_nothing(editing: MainWindow) -> None:
    window = editing
    before = points(window)
    window.source_panel.text.moveCursor(QTextCursor.MoveOperation.Start)
    window.actions_by_name["newPointFromSelection"].trigger()
    assert points(window) == before
    assert "Select some words" in window.notice.text()


def test_evidence_needs_a_selected_point(editing: MainWindow) -> None:
    window = editing
    select_in_source(window, SENTENCE)
    window.actions_by_name["addSelectionAsEvidence"].trigger()
    assert "Select the point" in window.notice.text()


def test_the_source_menu_offers_the_cite_commands_only_in_edit_mode(
    editing: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[list[str]] = []

    def record(menu: QMenu, _at: Any) -> None:
        shown.append([a.objectName() for a in menu.actions()])

    monkeypatch.setattr(point_menu, "show_menu", record)
    text = editing.source_panel.text
    text.customContextMenuRequested.emit(text.rect().center())
    editing.edit_session.set_editing(False)
    text.customContextMenuRequested.emit(text.rect().center())
    assert "newPointFromSelection" in shown[0]
    assert "useSelectionAsQuote" in shown[0]
    assert "newPointFromSelection" not in shown[1]
    assert not editing.actions_by_name["newCard"].isEnabled()


def test_card_fields_repaint_the_card_and_stay_plain_text(qtbot: Any, editing: MainWindow) -> None:
    window = editing
    type_into(qtbot, window.edit_panel.title, "<b>Chips</b> & more")
    assert window.card_view.title.text() == "<b>Chips</b> & more"
    assert window.card_view.title.textFormat() == Qt.TextFormat.PlainText
    type_into(qtbot, window.edit_panel.summary, "A new bottom line.")
    assert window.card_view.summary.text() == "A new bottom line."
    window.edit_panel.icon.setCurrentText("battery")
    window.edit_panel.icon.activated.emit(window.edit_panel.icon.currentIndex())
    card = data(window)["sectors"][window.navigation.state.card]
    assert (card["title"], card["icon"]) == ("<b>Chips</b> & more", "battery")
    assert window.navigator.model().index(window.navigation.state.card, 0).data() == (
        "<b>Chips</b> & more"
    )


def test_typing_repaints_the_card_as_it_goes_and_is_one_undo_step(
    qtbot: Any, editing: MainWindow
) -> None:
    window = editing
    title = data(window)["sectors"][window.navigation.state.card]["title"]
    stack = window.edit_session.undo_stack
    start = stack.count()
    field = window.edit_panel.title
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Chips and")
    assert window.card_view.title.text() == "Chips and", "the card follows each keystroke"
    qtbot.keyClicks(field, " wafers")
    assert window.card_view.title.text() == "Chips and wafers"
    assert stack.count() == start + 1
    stack.undo()
    assert data(window)["sectors"][window.navigation.state.card]["title"] == title
    assert field.text() == title


def test_a_commitment_is_made_in_the_form_from_the_evidence_phrases(
    qtbot: Any, editing: MainWindow
) -> None:
    window = editing
    window.navigation.go_to_id("overview")
    window.navigation.select_point(1)  # "Where": no commitment; its quote says "in Seoul"
    form = window.edit_panel.commitment
    assert not form.isChecked()
    form.setChecked(True)
    path = ("sectors", 0, "points", 1, "commitment")
    assert get_at(data(window), path) == {"actors": "both", "kind": "agreed", "what": ""}
    type_into(qtbot, form.what, "Hold the dialogue")
    assert get_at(data(window), (*path, "what")) == "Hold the dialogue"
    offered = [form.place.itemText(i) for i in range(form.place.count())]
    assert "in Seoul" in offered
    form.place.setCurrentIndex(offered.index("in Seoul"))
    form.place.activated.emit(form.place.currentIndex())
    assert get_at(data(window), (*path, "place")) == "in Seoul"
    chips = window.card_view.point_rows()[1].chips
    assert chips.isVisibleTo(window.card_view.sheet)
    assert chips.accessibleName() == "Commitment: Hold the dialogue"
    form.setChecked(False)
    assert get_at(data(window), path) is None


def test_points_move_with_the_keys_and_by_dragging_in_the_panel(editing: MainWindow) -> None:
    window = editing
    first, second = points(window)[0], points(window)[1]
    window.navigation.select_point(0)
    window.actions_by_name["moveDown"].trigger()
    assert points(window)[:2] == [second, first]
    assert window.navigation.state.point == 1, "the moved point stays selected"
    window.actions_by_name["moveUp"].trigger()
    assert points(window)[:2] == [first, second]

    count = len(points(window))
    model = window.edit_panel.points_list.model()
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), count)  # dropped after the last
    qtbot_wait_until(window, lambda: points(window)[-1] == first)
    assert window.card_view.point_rows()[-1].accessibleName().startswith(f"Point {count}")


def qtbot_wait_until(window: MainWindow, done: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    deadline = QDeadlineTimer(5000)
    while not done():
        assert not deadline.hasExpired(), "did not happen"
        QCoreApplication.processEvents()


def test_cards_are_dragged_into_order_in_the_card_list(editing: MainWindow) -> None:
    window = editing
    model = window.navigator.model()
    ids = [c.id for c in shown_dialogue(window).cards]
    moving = model.mimeData([model.index(1, 0)])
    model.dropMimeData(moving, Qt.DropAction.MoveAction, 4, 0, QModelIndex())
    now = [c.id for c in shown_dialogue(window).cards]
    assert now == [ids[0], *ids[2:4], ids[1], *ids[4:]]
    assert current_id(window) == ids[1], "the moved card is shown"
    assert model.index(3, 0).data() == shown_dialogue(window).cards[3].title


def test_new_card_move_and_delete_are_undone(editing: MainWindow) -> None:
    window = editing
    ids = [c.id for c in shown_dialogue(window).cards]
    at = window.navigation.state.card
    window.actions_by_name["newCard"].trigger()
    assert len(shown_dialogue(window).cards) == len(ids) + 1
    assert window.navigation.state.card == at + 1
    assert window.card_view.title.text() == "New card"
    window.actions_by_name["moveUp"].trigger()
    assert window.navigation.state.card == at
    window.actions_by_name["deleteSelected"].trigger()
    assert [c.id for c in shown_dialogue(window).cards] == ids
    stack = window.edit_session.undo_stack
    stack.undo()
    stack.undo()
    stack.undo()
    assert [c.id for c in shown_dialogue(window).cards] == ids


def test_deleting_a_point_keeps_the_next_one_selected(editing: MainWindow) -> None:
    window = editing
    window.navigation.go_to_id("overview")
    before = points(window)
    window.navigation.select_point(1)
    window.actions_by_name["deleteSelected"].trigger()
    assert points(window) == [before[0], *before[2:]]
    assert window.navigation.state.point == 1
    window.edit_session.undo_stack.undo()
    assert points(window) == before


def test_the_source_to_quote_is_chosen_in_the_source_panel(editing: MainWindow) -> None:
    from briefing import edit

    window = editing
    folder = window.files.path.parent if window.files.path else None
    assert folder is not None
    (folder / "sources" / "statement.txt").write_text(
        "A statement\n\nBoth sides will meet again in Washington next spring.\n",
        encoding="utf-8",
    )
    entry: dict[str, object] = {
        "id": "statement",
        "title": "A statement",
        "publisher": "The office",
        "file": "sources/statement.txt",
    }
    window.edit_actions.run(lambda d: edit.add_source(d, entry))
    chooser = window.source_panel.chooser
    assert chooser.isVisible()
    assert chooser.count() == 2
    chooser.setCurrentIndex(chooser.findData("statement"))
    chooser.activated.emit(chooser.currentIndex())
    assert window.source_panel.title.text() == "A statement"

    select_in_source(window, "meet again in Washington")
    window.actions_by_name["newPointFromSelection"].trigger()
    assert points(window)[-1]["evidence"] == [
        {"source": "statement", "quote": "meet again in Washington"}
    ]
    card = window.navigation.state.current
    assert card is not None and card.points[-1].evidence[0].paragraphs == (2,)


def test_editing_leaves_the_source_selection_for_the_next_citation(
    qtbot: Any, editing: MainWindow
) -> None:
    window = editing
    window.navigation.select_point(0)
    select_in_source(window, "semiconductor technology centers")
    type_into(qtbot, window.edit_panel.lead, "Chip centres")
    assert window.source_panel.text.textCursor().selectedText() == (
        "semiconductor technology centers"
    )
    window.actions_by_name["addSelectionAsEvidence"].trigger()
    assert points(window)[0]["evidence"][-1]["quote"] == "semiconductor technology centers"


def test_analyst_notes_and_their_citations_are_written_in_the_panel(
    qtbot: Any, editing: MainWindow
) -> None:
    window = editing
    c = window.navigation.state.card
    notes = list(get_at(data(window), ("sectors", c, "notes")) or [])
    window.edit_panel.notes.add.click()
    editor = window.edit_panel.notes.editors[len(notes)]
    type_into(qtbot, editor.text, "Context <i>from</i> elsewhere.")
    row = editor.rows[0]
    type_into(qtbot, row.title, "A report")
    type_into(qtbot, row.url, "https://example.org/report")
    added = get_at(data(window), ("sectors", c, "notes", len(notes)))
    assert added == {
        "text": "Context <i>from</i> elsewhere.",
        "cites": [{"title": "A report", "url": "https://example.org/report"}],
    }
    box = window.card_view.note_boxes()[-1]
    assert "Context &lt;i&gt;from&lt;/i&gt; elsewhere." in box.text.text()
    editor.add_cite.click()
    assert len(get_at(data(window), ("sectors", c, "notes", len(notes), "cites"))) == 2
    editor.remove.click()
    assert list(get_at(data(window), ("sectors", c, "notes")) or []) == notes


def test_the_dialogue_details_are_edited_in_the_panel(qtbot: Any, editing: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = editing
    field = window.edit_panel.findChild(QLineEdit, "dialogue_short_title")
    assert field is not None
    type_into(qtbot, field, "NCET")
    assert data(window)["dialogue"]["short_title"] == "NCET"
    assert "NCET" in window.card_view.sheet.overline.text()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert "short_title" not in data(window)["dialogue"]


def test_a_co_chairs_role_is_edited_and_shows_on_the_overview(
    qtbot: Any, editing: MainWindow
) -> None:
    window = editing
    window.navigation.go_to_id("overview")
    editor = window.edit_panel.co_chairs.editors[0]
    type_into(qtbot, editor.role, "Director of National Security")
    assert data(window)["dialogue"]["co_chairs"][0]["role"] == "Director of National Security"
    assert "Director of National Security" in window.card_view.sheet.people.text()
    editor.country.setCurrentText("US")
    editor.country.activated.emit(editor.country.currentIndex())
    assert data(window)["dialogue"]["co_chairs"][0]["country"] == "US"


def test_edit_mode_gives_the_edit_panel_room_under_the_card(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.card_split.height() < 640)
    window.edit_session.set_editing(True)
    split = window.card_split.height()
    assert window.edit_panel.height() >= 0.35 * split
    assert window.card_view.height() >= 0.45 * split
