"""Nothing lost when the file changes on disk: without unsaved edits it reloads; with them a
bar asks (Reload / Keep Mine / Save As) and saving never overwrites silently. A source that
changes has its quotes checked again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton

from briefing.edit import set_field
from briefing.gui.main_window import MainWindow
from tests.conftest import MINIMAL, WriteDialogue
from tests.gui.conftest import DialogCalls, MakeWindow

ELSEWHERE = MINIMAL.replace("title: Research", "title: Research, changed elsewhere")


def edit_title(window: MainWindow, title: str) -> None:
    document = window.edit_session.document
    assert document is not None
    assert window.edit_session.apply(set_field(document, ("sectors", 1, "title"), title))


def button(window: MainWindow, name: str) -> QPushButton:
    found = window.files.conflict.findChild(QPushButton, name)
    assert found is not None
    return found


def titles(window: MainWindow) -> list[str]:
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    return [card.title for card in dialogue.cards]


def changed_elsewhere(qtbot: Any, window: MainWindow, path: Path) -> None:
    path.write_text(ELSEWHERE, "utf-8")
    qtbot.waitUntil(window.files.conflict.isVisible, timeout=5000)


def test_a_change_on_disk_does_not_replace_unsaved_edits(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    changed_elsewhere(qtbot, window, path)
    assert "d.yaml changed on disk" in window.files.conflict.text.text()
    assert titles(window)[1] == "Mine"
    assert window.isWindowModified()


def test_reload_takes_the_file_on_disk(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    changed_elsewhere(qtbot, window, path)
    button(window, "conflictReload").click()
    assert titles(window)[1] == "Research, changed elsewhere"
    assert not window.isWindowModified() and window.files.conflict.isHidden()


def test_save_after_a_change_on_disk_asks_and_keep_mine_then_saves(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    changed_elsewhere(qtbot, window, path)
    window.files.conflict.hide()  # the user looked away; Save must ask again
    window.actions_by_name["save"].trigger()
    assert path.read_text("utf-8") == ELSEWHERE, "never overwritten without asking"
    assert window.files.conflict.isVisible()
    button(window, "conflictKeepMine").click()
    window.actions_by_name["save"].trigger()
    assert "title: Mine" in path.read_text("utf-8")
    assert not window.isWindowModified()


def test_save_as_from_the_bar_keeps_both(
    qtbot: Any,
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    dialog_calls: DialogCalls,
    tmp_path: Path,
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    changed_elsewhere(qtbot, window, path)
    dialog_calls.dialogue_path = tmp_path / "mine.yaml"
    button(window, "conflictSaveAs").click()
    assert path.read_text("utf-8") == ELSEWHERE
    assert "title: Mine" in (tmp_path / "mine.yaml").read_text("utf-8")
    assert window.files.path == tmp_path / "mine.yaml"


def test_our_own_save_is_not_taken_for_a_change_on_disk(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    window.actions_by_name["save"].trigger()
    edit_title(window, "Mine again")
    # The watcher's report of that write may come late, after the next edit.
    window.files.watcher.files_changed.emit([str(path.resolve())])
    assert window.files.conflict.isHidden()
    assert titles(window)[1] == "Mine again"


def test_a_changed_source_checks_the_quotes_again_keeping_the_edits(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    source = tmp_path / "art.txt"
    source.write_text(source.read_text("utf-8").replace("Saturday", "Sunday"), "utf-8")
    qtbot.waitUntil(lambda: window.problems_panel.list.count() > 0, timeout=5000)
    problems = window.problems_panel.text()
    assert "not found in source 'art'" in problems
    assert titles(window)[1] == "Mine" and window.isWindowModified()
    assert not window.actions_by_name["exportCard"].isEnabled()
    window.edit_session.undo()  # the history stays
    assert titles(window)[1] == "Research"


def test_a_changed_source_without_edits_shows_the_broken_quotes(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    window = make_window(write_dialogue())
    source = tmp_path / "art.txt"
    source.write_text(source.read_text("utf-8").replace("Saturday", "Sunday"), "utf-8")
    qtbot.waitUntil(lambda: window.problems_panel.list.count() > 0, timeout=5000)
    assert "not found in source 'art'" in window.problems_panel.text()
    assert "last good version" not in window.status.text()
