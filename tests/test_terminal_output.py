"""What the CLI prints from a file is safe on a terminal: control characters escaped, long
keys and values cut, and at most 100 problems with a count of the rest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.problems import DialogueError, Problem, printable, quoted
from tests.conftest import MINIMAL, WriteDialogue

# Any C0 or C1 control, DEL, or a line/paragraph separator or bidirectional control.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["validate", str(path)])
    out, err = capsys.readouterr()
    return status, out, err.replace(f"{path.parent}/", "")


def with_key(write_dialogue: WriteDialogue, key: str) -> Path:
    return write_dialogue(MINIMAL.replace("  place: Seoul\n", f'  place: Seoul\n  "{key}": x\n'))


def test_escape_sequences_in_a_key_are_printed_escaped(
    write_dialogue: WriteDialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    # OSC 0 sets the terminal title; CSI 2J clears the screen.
    path = with_key(write_dialogue, "\\e]0;owned\\a\\e[2J\\x9b2J")
    status, out, err = validate(path, capsys)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "d.yaml:5:3: dialogue.\\x1b]0;owned\\x07\\x1b[2J\\x9b2J: unknown key; expected one of: "
        "title, short_title, place, date, date_context, resolved_date, publisher, co_chairs, evidence"
    ]
    assert not RAW_CONTROL.search(err)


def test_cr_lf_cannot_forge_a_valid_line(
    write_dialogue: WriteDialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = f"x\\r\\n{write_dialogue().parent}/d.yaml: valid: 2 cards, 2 points"
    status, out, err = validate(with_key(write_dialogue, forged), capsys)
    assert (status, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("d.yaml:5:3: dialogue.x\\x0d\\x0a")
    assert not any(line.startswith(("d.yaml: valid", "/")) for line in lines)


def test_a_long_key_is_cut_to_a_readable_length(
    write_dialogue: WriteDialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, err = validate(with_key(write_dialogue, "k" * 1000), capsys)  # YAML allows 1024
    assert err.splitlines()[0].startswith(f"d.yaml:5:3: dialogue.{'k' * 79}…: unknown key")
    assert len(err) < 300


def test_a_long_value_in_a_message_is_cut(
    write_dialogue: WriteDialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dialogue(MINIMAL.replace("actors: both", "actors: " + "both" * 5000))
    _, _, err = validate(path, capsys)
    assert err == (
        f"d.yaml:35:19: sectors[1].points[0].commitment.actors: '{'both' * 19}bot…' "
        "is not one of: 'KR', 'US', 'both'\n"
    )


def test_a_file_name_with_controls_is_printed_escaped(
    write_dialogue: WriteDialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    valid = write_dialogue(name="a\x1b[2Jb.yaml")
    assert main(["validate", str(valid)]) == 0
    out = capsys.readouterr().out
    assert "a\\x1b[2Jb.yaml: valid: 2 cards" in out
    assert not RAW_CONTROL.search(out)


def test_at_most_100_problems_then_a_count(
    write_dialogue: WriteDialogue, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = "".join(f"  unknown{n}: x\n" for n in range(250))
    path = write_dialogue(MINIMAL.replace("  place: Seoul\n", "  place: Seoul\n" + keys))
    status, _, err = validate(path, capsys)
    lines = err.splitlines()
    assert status == 1
    assert len(lines) == 101
    assert lines[0].startswith("d.yaml:5:3: dialogue.unknown0: unknown key")
    assert lines[99].startswith("d.yaml:104:3: dialogue.unknown99: unknown key")
    assert lines[100] == "... and 150 more problems"


def test_printable_escapes_every_control_and_keeps_the_rest() -> None:
    controls = "".join(map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0)]))
    escaped = printable(controls)
    assert not RAW_CONTROL.search(escaped) and "\n" not in escaped
    assert escaped.startswith("\\x00\\x01") and escaped.endswith("\\x9e\\x9f")
    assert printable("한국 🚀 מחקר R&D <b>") == "한국 🚀 מחקר R&D <b>"
    assert printable("a\u202eb\u2028c") == "a\\u202eb\\u2028c"
    assert quoted("x" * 200) == repr("x" * 79 + "…")


def test_problem_and_error_text_are_printable() -> None:
    problem = Problem("f\x1b.yaml", 2, 3, "a.\x9bb", "'\x07' bad")
    assert str(problem) == "f\\x1b.yaml:2:3: a.\\x9bb: '\\x07' bad"
    error = DialogueError([problem] * 103)
    assert len(error.problems) == 100
    assert error.lines()[-1] == "... and 3 more problems"
    assert str(error).count("\n") == 100
