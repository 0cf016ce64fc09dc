"""Unsaved edits survive a crash: the autosave writes them to a recovery file, saving or
discarding removes it, and the next start offers to restore them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths

from briefing.edit import set_field
from briefing.gui import recovery
from briefing.gui.main_window import MainWindow
from briefing.gui.recovery import AUTOSAVE_MS, differences, recovery_file
from tests.conftest import WriteDialogue
from tests.gui.conftest import DialogCalls, MakeWindow

TITLE = ("sectors", 1, "title")


def edit_title(window: MainWindow, title: str) -> None:
    document = window.edit_session.document
    assert document is not None
    assert window.edit_session.apply(set_field(document, TITLE, title))


def test_the_autosave_runs_every_30_seconds(window: MainWindow) -> None:
    assert window.autosave.timer.interval() == AUTOSAVE_MS == 30_000
    assert window.autosave.timer.isActive()


def test_the_autosave_keeps_unsaved_edits_and_a_save_removes_them(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    window.autosave.timer.timeout.emit()
    assert not recovery_file(path).exists(), "nothing unsaved, nothing kept"
    edit_title(window, "Mine")
    window.autosave.timer.timeout.emit()
    record = json.loads(recovery_file(path).read_text("utf-8"))
    assert record["path"] == str(path.resolve())
    assert record["data"]["sectors"][1]["title"] == "Mine"
    window.actions_by_name["save"].trigger()
    assert not recovery_file(path).exists()


def test_discarding_the_edits_removes_the_recovery_file(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    window.autosave.save_now()
    assert recovery_file(path).exists()
    dialog_calls.unsaved = "discard"
    assert window.close()
    assert not recovery_file(path).exists()


def test_undoing_every_edit_removes_the_recovery_file(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    edit_title(window, "Mine")
    window.autosave.save_now()
    window.edit_session.undo()
    assert not recovery_file(path).exists()


def test_the_next_start_offers_the_edits_and_restores_them(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    path = write_dialogue()
    first = make_window(path)
    edit_title(first, "Mine")
    first.autosave.save_now()
    expected = first.edit_session.document
    assert expected is not None
    # The next start (the first window still has the edits, as a crashed run would)
    second = make_window(path)
    bar = second.edits.recovery_bar
    assert bar.isVisible() and "Unsaved edits to d.yaml" in bar.text.text()
    assert second.edit_session.document is not None
    assert second.edit_session.document.data["sectors"][1]["title"] == "Research"
    bar.restore_button.click()
    restored = second.edit_session.document
    assert restored is not None and restored.data == expected.data
    assert second.isWindowModified() and bar.isHidden()
    second.edit_session.undo()
    assert second.edit_session.document is not None
    assert second.edit_session.document.data["sectors"][1]["title"] == "Research"


def test_a_recovery_of_another_file_is_offered_at_start(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue, bundled: Path
) -> None:
    path = write_dialogue()
    recovery.write_recovery(path, {"format": "briefing/1"})
    window = make_window(bundled)
    window.edits.offer_recovery()
    bar = window.edits.recovery_bar
    assert bar.isVisible() and bar.restore_button.text() == "Open and Restore"
    bar.discard_button.click()
    assert not recovery_file(path).exists()
    assert window.files.path == bundled


def test_a_damaged_recovery_file_is_ignored(
    make_window: MakeWindow, write_dialogue: WriteDialogue, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_dialogue()
    recovery_file(path).parent.mkdir(parents=True)
    recovery_file(path).write_text("{not json", "utf-8")
    window = make_window(path)
    assert window.edits.recovery_bar.isHidden()
    assert any("is unusable" in r.getMessage() for r in caplog.records)


def test_the_newest_recovery_of_a_file_still_there_is_offered(
    make_window: MakeWindow, write_dialogue: WriteDialogue, tmp_path: Path, bundled: Path
) -> None:
    older, newer, gone = write_dialogue(), tmp_path / "newer.yaml", tmp_path / "gone.yaml"
    shutil.copy(older, newer)
    for when, path in enumerate((older, newer, gone)):
        file = recovery.write_recovery(path, {"format": "briefing/1"})
        os.utime(file, (1_000_000 + when, 1_000_000 + when))
    window = make_window(bundled)
    window.edits.offer_recovery()
    bar = window.edits.recovery_bar
    assert bar.isVisible() and "Unsaved edits to newer.yaml" in bar.text.text()
    assert recovery_file(gone).exists(), "kept, in case its file comes back"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_a_named_pipe_among_the_recovery_files_is_refused_without_waiting(
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    recovery_folder: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = write_dialogue()
    recovery_folder.mkdir(parents=True)
    os.mkfifo(recovery_file(path))  # reading it would wait for a writer for ever
    window = make_window(path)
    window.edits.offer_recovery()
    assert window.edits.recovery_bar.isHidden()
    assert any("named pipe" in r.getMessage() for r in caplog.records)


def test_the_recovery_folder_is_beside_chosen_settings_else_in_the_app_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BRIEFING_SETTINGS", str(tmp_path / "mine" / "s.ini"))
    assert recovery.recovery_folder() == tmp_path / "mine" / "recovery"
    monkeypatch.delenv("BRIEFING_SETTINGS")
    QStandardPaths.setTestModeEnabled(True)  # the test mode's folder, not the user's
    try:
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert recovery.recovery_folder() == Path(data) / "recovery"
    finally:
        QStandardPaths.setTestModeEnabled(False)


def test_differences_touch_only_what_differs() -> None:
    old = {"a": {"b": 1, "c": [1, 2]}, "gone": 1}
    new = {"a": {"b": 2, "c": [1, 3]}, "added": "x"}
    assert differences(old, new) == [
        (("gone",), None),
        (("a", "b"), 2),
        (("a", "c", 1), 3),
        (("added",), "x"),
    ]
    assert differences(old, old) == []
    assert differences([1], [1, 2]) == [((), [1, 2])]


CRASHING_RUN = textwrap.dedent(
    """\
    import sys

    from briefing.edit import set_field
    from briefing.gui.app import build_app

    app, window = build_app([sys.argv[1]])
    session = window.edit_session
    session.apply(set_field(session.document, ("sectors", 1, "title"), "Edited before the crash"))
    session.apply(set_field(session.document, ("dialogue", "place"), "Somewhere else"))
    window.autosave.timer.timeout.emit()  # what the 30-second timer does
    print("autosaved", flush=True)
    sys.stdin.read()  # waits to be killed
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_edits_survive_a_crash(
    make_window: MakeWindow, bundled: Path, tmp_path: Path, settings_path: Path
) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(bundled.parent, folder)
    path = folder / bundled.name
    env = {**os.environ, "BRIEFING_SETTINGS": str(settings_path)}  # its recovery folder too
    env["QT_QPA_PLATFORM"] = "offscreen"
    kill = getattr(signal, "SIGKILL")  # noqa: B009 (not on Windows)
    with subprocess.Popen(
        [sys.executable, "-c", CRASHING_RUN, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    ) as run:
        try:
            assert run.stdout is not None
            said = run.stdout.readline().strip()
        finally:
            os.kill(run.pid, kill)
            run.wait(30)
    assert said == "autosaved"
    assert run.returncode == -kill

    window = make_window(path)
    bar = window.edits.recovery_bar
    assert bar.isVisible()
    bar.restore_button.click()
    document = window.edit_session.document
    assert document is not None
    assert document.data["sectors"][1]["title"] == "Edited before the crash"
    assert document.data["dialogue"]["place"] == "Somewhere else"
    assert window.card_view.title.text() != "" and window.isWindowModified()


def test_a_recovered_key_the_format_does_not_know_is_restored_with_its_part(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    first = make_window(path)
    document = first.edit_session.document
    assert document is not None
    recovered = json.loads(json.dumps(document.data))
    recovered["sectors"][1]["colour"] = "red"  # as a hand-edited file might hold
    recovered["sectors"][1]["title"] = "Mine"
    recovery.write_recovery(path, recovered)
    second = make_window(path)
    second.edits.recovery_bar.restore_button.click()
    restored = second.edit_session.document
    assert restored is not None and restored.data == recovered
    assert second.edit_session.undo_stack.count() == 1, "one undoable step"


def test_edits_to_a_file_that_cannot_be_read_wait_until_it_can(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    from tests.conftest import MINIMAL

    path = write_dialogue()
    first = make_window(path)
    edit_title(first, "Mine")
    first.autosave.save_now()
    path.write_text(MINIMAL.replace("title: Overview", "title: [unclosed"), "utf-8")
    second = make_window(path)
    second.edits.offer_recovery()  # as build_app does at start
    bar = second.edits.recovery_bar
    assert bar.isVisible()
    bar.restore_button.click()
    assert "Cannot restore: d.yaml cannot be read" in second.notice.text()
    assert bar.isVisible() and recovery_file(path).exists()
    path.write_text(MINIMAL, "utf-8")
    qtbot.waitUntil(lambda: second.edit_session.document is not None, timeout=5000)
    bar.restore_button.click()
    restored = second.edit_session.document
    assert restored is not None and restored.data["sectors"][1]["title"] == "Mine"
