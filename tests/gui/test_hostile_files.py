"""The app meets every file of the hostile corpus: bad ones show their problems and the
last good dialogue stays; valid ones open and show their text literally."""

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
def test_a_hostile_file_shows_its_problems_and_keeps_the_cards(
    name: str, corpus: Path, window: MainWindow, dialog_calls: DialogCalls
) -> None:
    window.navigation.go_to(3)
    shown = window.card_view.title.text()
    assert window.files.open_path(corpus / name) is False
    (title, problems), *_ = dialog_calls.problems
    assert title == f"Cannot open {name}"
    output: list[str] = ANSWERS[name]["output"]  # type: ignore[assignment]
    # The dialog lists the problems as the CLI prints them, with its "... and N more".
    expected = [line if line.startswith("... and ") else str(corpus / line) for line in output]
    assert problems == expected
    assert window.card_view.title.text() == shown
    assert window.files.path is not None and window.files.path.name == "us-rok-ncet-dialogue.yaml"


@pytest.mark.parametrize("name", VALID)
def test_a_valid_hostile_file_opens(
    name: str, corpus: Path, window: MainWindow, dialog_calls: DialogCalls
) -> None:
    assert window.files.open_path(corpus / name) is True
    assert dialog_calls.problems == []
    if name == "markup-everywhere.yaml":
        assert window.card_view.title.text() == '<img src="x"><b>bold</b>'
