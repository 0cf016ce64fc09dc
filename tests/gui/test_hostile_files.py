"""The app meets every file of the hostile corpus: unreadable ones show their problems and the
open dialogue stays; the others open as drafts listing their problems, and valid ones show
their text literally."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.gui.main_window import MainWindow
from tests.gui.conftest import DialogCalls
from tests.hostile.generated import add_generated
from tests.test_hostile import ANSWERS, HOSTILE

INVALID = sorted(n for n, a in ANSWERS.items() if a["exit"] != 0)
VALID = sorted(n for n, a in ANSWERS.items() if a["exit"] == 0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gui-corpus") / "hostile"
    shutil.copytree(HOSTILE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    add_generated(folder)
    return folder


@pytest.mark.parametrize("name", INVALID)
def test_a_hostile_file_shows_its_problems_and_keeps_the_work_safe(
    name: str, corpus: Path, window: MainWindow, dialog_calls: DialogCalls
) -> None:
    """A file that cannot be read as YAML is refused with the CLI's lines and the open file
    stays; any other opens as a draft that lists every problem the CLI finds."""
    window.navigation.go_to(3)
    shown = window.card_view.title.text()
    output: list[str] = ANSWERS[name]["output"]  # type: ignore[assignment]
    expected = [line if line.startswith("... and ") else str(corpus / line) for line in output]
    if not window.files.open_path(corpus / name):
        (title, problems), *_ = dialog_calls.problems
        assert title == f"Cannot open {name}"
        # The dialog lists the problems as the CLI prints them, with its "... and N more".
        assert problems == expected
        assert window.card_view.title.text() == shown
        assert window.files.path is not None
        assert window.files.path.name == "us-rok-ncet-dialogue.yaml"
        return
    assert dialog_calls.problems == []
    document = window.edit_session.document
    assert document is not None and document.problems
    listed = window.problems_panel.text().splitlines()
    assert listed == [str(p) for p in document.problems]
    found = [line for line in expected if not line.startswith("... and ")]
    assert set(found) <= set(listed), "every problem the CLI reports is listed"
    assert not window.actions_by_name["exportBook"].isEnabled()


@pytest.mark.parametrize("name", VALID)
def test_a_valid_hostile_file_opens(
    name: str, corpus: Path, window: MainWindow, dialog_calls: DialogCalls
) -> None:
    assert window.files.open_path(corpus / name) is True
    assert dialog_calls.problems == []
    if name == "markup-everywhere.yaml":
        assert window.card_view.title.text() == '<img src="x"><b>bold</b>'
