"""`briefing validate`: one line per valid file, every problem on stderr, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import MINIMAL, WriteDialogue


def test_validate_bundled_reports_every_quote_verified(
    bundled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(bundled)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{bundled}: valid: 8 cards, 27 points, all 36 quotes verified\n"
    assert err == ""


def test_validate_reports_problems_and_exits_1(
    write_dialogue: WriteDialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_dialogue()
    bad = write_dialogue(
        MINIMAL.replace("  place: Seoul", "  place: Seoul\n  place: Busan"), name="bad.yaml"
    )
    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{good}: valid: 2 cards, 2 points")
    assert err == f"{bad}:5:3: dialogue.place: duplicate key (first at line 4)\n"


def test_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", str(tmp_path / "nope.yaml"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nope.yaml'}: no such file",
        f"{tmp_path}: is a folder, not a dialogue file",
    ]


def test_unreadable_file_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Tests run as root here, which reads any file, so the refusal is simulated.
    locked = tmp_path / "locked.yaml"
    locked.write_text("format: briefing/1\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert main(["validate", str(locked)]) == 1
    assert capsys.readouterr().err == f"{locked}: cannot read: Permission denied\n"
