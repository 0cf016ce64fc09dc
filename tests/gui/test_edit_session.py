"""Editing in the window: every edit undoable, the modified marker, Save and Save As, and the
question before unsaved edits are lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.document import open_document
from briefing.edit import set_field
from briefing.gui import dialogs
from briefing.gui.main_window import MainWindow
from tests.conftest import WriteDialogue
from tests.gui.conftest import DialogCalls, MakeWindow, current_id

TITLE = ("sectors", 1, "title")
REAL_ASK_UNSAVED = dialogs.ask_unsaved  # before the tests' stand-in replaces it


def retitle(window: MainWindow, title: str, merge: object = None) -> bool:
    document = window.edit_session.document
    assert document is not None
    return window.edit_session.apply(set_field(document, TITLE, title), merge)


def card_title(window: MainWindow, index: int = 1) -> str:
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    return dialogue.cards[index].title


def test_an_edit_shows_at_once_and_undo_and_redo_take_it_back_and_forth(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    window = make_window(write_dialogue(), card="research")
    window.navigation.select_point(0)
    document = window.edit_session.document
    assert document is not None
    change = set_field(document, TITLE, "Joint research")
    assert window.edit_session.apply(change)
    assert window.card_view.title.text() == "Joint research"
    assert current_id(window) == "research"
    assert window.navigation.state.point == 0, "the selected point stays through an edit"
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.isEnabled() and not redo.isEnabled()
    assert undo.text() == f"&Undo {change.label}"
    undo.trigger()
    assert window.card_view.title.text() == "Research"
    assert redo.isEnabled() and not undo.isEnabled()
    redo.trigger()
    assert window.card_view.title.text() == "Joint research"


def test_the_title_marks_unsaved_edits_until_they_are_saved(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    assert not window.isWindowModified()
    assert "(d.yaml)[*]" in window.windowTitle()
    retitle(window, "Joint research")
    assert window.isWindowModified()
    window.actions_by_name["save"].trigger()
    assert not window.isWindowModified()
    assert "title: Joint research" in path.read_text("utf-8")
    assert open_document(path).data["sectors"][1]["title"] == "Joint research"
    window.actions_by_name["undo"].trigger()
    assert window.isWindowModified(), "undoing past the save differs from the file again"


def test_typing_in_one_field_is_one_undo_step(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    window = make_window(write_dialogue())
    for typed in ("R", "Re", "Res"):
        retitle(window, typed, merge=TITLE)
    assert window.edit_session.undo_stack.count() == 1
    assert card_title(window) == "Res"
    window.edit_session.undo()
    assert card_title(window) == "Research"
    window.edit_session.redo()
    assert card_title(window) == "Res"


def test_an_edit_the_core_refuses_says_why_and_changes_nothing(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    window = make_window(write_dialogue())
    document = window.edit_session.document
    assert document is not None
    try:
        change = set_field(document, ("sectors", 9, "title"), "Nowhere")
    except Exception:  # the core may refuse it at once; then apply is never reached
        return
    assert window.edit_session.apply(change) is False
    assert window.edit_session.undo_stack.count() == 0
    assert not window.isWindowModified()
    assert window.notice.text()


def test_save_as_moves_the_document_and_copies_its_sources(
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    dialog_calls: DialogCalls,
    tmp_path: Path,
) -> None:
    window = make_window(write_dialogue())
    retitle(window, "Joint research")
    target = tmp_path / "elsewhere" / "copy.yaml"
    target.parent.mkdir()
    dialog_calls.dialogue_path = target
    window.actions_by_name["saveAs"].trigger()
    assert window.files.path == target
    assert (target.parent / "art.txt").read_text("utf-8") == (tmp_path / "art.txt").read_text(
        "utf-8"
    )
    assert not window.isWindowModified()
    assert "(copy.yaml)" in window.windowTitle()
    reopened = open_document(target)
    assert reopened.data["sectors"][1]["title"] == "Joint research"
    assert not reopened.problems, "the copied sources verify the quotes"


def test_closing_with_unsaved_edits_asks_and_cancel_keeps_the_window(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    path = write_dialogue()
    window = make_window(path)
    retitle(window, "Joint research")
    dialog_calls.unsaved = "cancel"
    assert window.close() is False
    assert dialog_calls.unsaved_asked == ["d.yaml"]
    assert window.isVisible() and window.isWindowModified()
    dialog_calls.unsaved = "save"
    assert window.close() is True
    assert "title: Joint research" in path.read_text("utf-8")


def test_discarding_on_close_leaves_the_file_as_it_was(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    path = write_dialogue()
    before = path.read_bytes()
    window = make_window(path)
    retitle(window, "Joint research")
    dialog_calls.unsaved = "discard"
    assert window.close() is True
    assert path.read_bytes() == before


def test_opening_another_file_asks_about_unsaved_edits_first(
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    dialog_calls: DialogCalls,
    bundled: Path,
) -> None:
    window = make_window(write_dialogue())
    retitle(window, "Joint research")
    dialog_calls.unsaved = "cancel"
    assert window.files.open_path(bundled) is False
    assert window.files.path is not None and window.files.path.name == "d.yaml"
    assert card_title(window) == "Joint research"
    dialog_calls.unsaved = "discard"
    assert window.files.open_path(bundled) is True
    assert not window.isWindowModified()
    assert window.edit_session.undo_stack.count() == 0


def test_without_unsaved_edits_nothing_is_asked(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    window = make_window(write_dialogue())
    retitle(window, "Joint research")
    window.edit_session.undo()
    assert window.close() is True
    assert dialog_calls.unsaved_asked == []


def test_edit_mode_is_a_checkable_command(qtbot: Any, window: MainWindow) -> None:
    action = window.actions_by_name["editMode"]
    with qtbot.waitSignal(window.edit_session.editing_changed) as signal:
        action.trigger()
    assert signal.args == [True]
    assert action.isChecked() and window.edit_session.editing
    action.trigger()
    assert not action.isChecked() and not window.edit_session.editing


def test_new_dialogue_opens_the_created_file_in_edit_mode(
    monkeypatch: Any, window: MainWindow, tmp_path: Path
) -> None:
    from briefing.authoring import create_dialogue
    from briefing.gui import authoring_dialogs

    asked: list[Path | None] = []

    def ask(_parent: object, folder: Path | None = None) -> Path:
        asked.append(folder)
        return create_dialogue(tmp_path / "new", "talks", "Talks", "Geneva", "Monday")

    monkeypatch.setattr(authoring_dialogs, "ask_new_dialogue", ask)
    window.actions_by_name["newDialogue"].trigger()
    assert asked and asked[0] is not None, "the dialog starts in the open file's folder"
    assert window.files.path == tmp_path / "new" / "talks.yaml"
    assert window.edit_session.editing and window.actions_by_name["editMode"].isChecked()
    assert not window.isWindowModified()
    assert "(talks.yaml)" in window.windowTitle()


def test_new_dialogue_asks_once_about_unsaved_edits(
    monkeypatch: Any,
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    dialog_calls: DialogCalls,
    tmp_path: Path,
) -> None:
    from briefing.authoring import create_dialogue
    from briefing.gui import authoring_dialogs

    window = make_window(write_dialogue())
    retitle(window, "Joint research")
    made = lambda *_: create_dialogue(tmp_path / "new", "talks", "Talks", "Geneva", "Monday")  # noqa: E731
    monkeypatch.setattr(authoring_dialogs, "ask_new_dialogue", made)
    dialog_calls.unsaved = "cancel"
    window.actions_by_name["newDialogue"].trigger()
    assert window.files.path is not None and window.files.path.name == "d.yaml"
    assert not (tmp_path / "new").exists(), "cancelled before the new file is made"
    dialog_calls.unsaved = "discard"
    window.actions_by_name["newDialogue"].trigger()
    assert window.files.path == tmp_path / "new" / "talks.yaml"
    assert dialog_calls.unsaved_asked == ["d.yaml", "d.yaml"], "once each time"


def test_add_source_adds_the_entry_as_an_undoable_edit(
    monkeypatch: Any, make_window: MakeWindow, write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    from briefing.gui import authoring_dialogs

    path = write_dialogue()
    window = make_window(path)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "memo.txt").write_text("A memo about chips.\n", "utf-8")
    entry = {"id": "memo", "title": "A memo", "publisher": "Ministry", "file": "sources/memo.txt"}
    asked: list[tuple[Path, Any]] = []

    def ask(_parent: object, folder: Path, data: Any) -> dict[str, str]:
        asked.append((folder, data))
        return entry

    monkeypatch.setattr(authoring_dialogs, "ask_add_source", ask)
    window.actions_by_name["addSource"].trigger()
    assert asked[0][0] == tmp_path
    document = window.edit_session.document
    assert document is not None
    assert document.data["sources"][-1]["id"] == "memo"
    assert window.isWindowModified()
    assert (tmp_path / "sources" / "memo.txt").resolve() in {
        s.path.resolve()
        for s in window.navigation.state.dialogue.sources  # type: ignore[union-attr]
    }
    window.edit_session.undo()
    assert window.edit_session.document is not None
    assert [s["id"] for s in window.edit_session.document.data["sources"]] == ["art"]


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    from PySide6.QtCore import Qt

    window = make_window(write_dialogue())
    retitle(window, "Joint research")
    with qtbot.waitActive(window):
        window.activateWindow()
    window.navigator.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, ctrl)
    assert card_title(window) == "Research"
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert card_title(window) == "Joint research"
    qtbot.keyClick(window.navigator, Qt.Key.Key_Z, ctrl)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Y, ctrl)
    assert card_title(window) == "Joint research"


def test_quit_with_unsaved_edits_asks_first(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    window = make_window(write_dialogue())
    retitle(window, "Joint research")
    dialog_calls.unsaved = "cancel"
    window.actions_by_name["quit"].trigger()
    assert window.isVisible() and dialog_calls.unsaved_asked == ["d.yaml"]


def test_a_failed_save_says_why_and_keeps_the_edits(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    window = make_window(write_dialogue())
    retitle(window, "Joint research")
    target = window.files.path
    assert target is not None
    taken = target.parent / "taken.yaml"
    taken.mkdir()  # a folder where the file would go
    dialog_calls.dialogue_path = taken
    assert window.saving.save_as() is False
    ((title, message),) = dialog_calls.errors
    assert title == "Cannot save" and "taken.yaml" in message
    assert window.isWindowModified() and window.files.path == target


@pytest.mark.parametrize(
    ("button", "answer"),
    [("Save", "save"), ("Discard", "discard"), ("Cancel", "cancel")],
)
def test_the_unsaved_changes_box_offers_save_discard_and_cancel(
    qtbot: Any, window: MainWindow, button: str, answer: str
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        (chosen,) = [b for b in box.buttons() if b.text().replace("&", "") == button]
        chosen.click()

    QTimer.singleShot(0, press)
    assert REAL_ASK_UNSAVED(window, "d.yaml") == answer
    assert seen == ["Save the changes to d.yaml?"]


def test_save_as_copies_only_sources_inside_the_folder_and_never_over_a_file(
    tmp_path: Path,
) -> None:
    from briefing.gui.save_commands import copy_sources

    old, new = tmp_path / "old", tmp_path / "new"
    (old / "sources").mkdir(parents=True)
    new.mkdir()
    (old / "sources" / "a.txt").write_text("A", "utf-8")
    (old / "b.txt").write_text("B", "utf-8")
    (new / "b.txt").write_text("mine", "utf-8")
    (tmp_path / "outside.txt").write_text("O", "utf-8")
    data = {
        "sources": [
            {"file": "sources/a.txt"},
            {"file": "b.txt"},
            {"file": "../outside.txt"},
            {"file": str(tmp_path / "outside.txt")},
            {"file": "missing.txt"},
        ]
    }
    assert copy_sources(data, old, new) == [new / "sources" / "a.txt"]
    assert (new / "sources" / "a.txt").read_text("utf-8") == "A"
    assert (new / "b.txt").read_text("utf-8") == "mine", "an existing file is kept"
    assert sorted(p.name for p in new.rglob("*")) == ["a.txt", "b.txt", "sources"]


@pytest.mark.slow
def test_a_large_document_is_kept_out_of_the_collectors_way(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    import gc

    from benchmarks.synthetic import write_synthetic
    from briefing.gui.file_commands import LARGE_DOCUMENT_CARDS

    path = write_synthetic(tmp_path / "large", sectors=LARGE_DOCUMENT_CARDS, paragraphs=40)
    gc.unfreeze()
    try:
        window = make_window(path)
        assert gc.get_freeze_count() > 0
        document = window.edit_session.document
        assert document is not None
        window.edit_session.apply(set_field(document, TITLE, "Large"))
        assert card_title(window) == "Large", "edits work on a frozen document"
    finally:
        gc.unfreeze()
