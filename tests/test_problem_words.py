"""Problems in words for people: the card, point and quote by name, safe from hostile text."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.loader import load_dialogue
from briefing.problem_words import (
    DESCRIPTION_CHARS,
    describe_problem,
    describe_problems,
    ordinal,
    read_document,
)
from briefing.problems import DialogueError, Problem
from tests.conftest import MINIMAL, WriteDialogue


def problems_of(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(DialogueError) as caught:
        load_dialogue(path)
    return caught.value.problems


def test_a_quote_not_in_the_source_names_card_point_quote_and_source(
    bundled: Path, tmp_path: Path
) -> None:
    shutil.copytree(bundled.parent / "sources", tmp_path / "sources")
    text = bundled.read_text(encoding="utf-8")
    wrong = text.replace(
        "quote: to strengthen the supply chain for pharmaceuticals",
        "quote: to strengthen the supply chain for vaccines",
    )
    assert wrong != text
    path = tmp_path / "dialogue.yaml"
    path.write_text(wrong, encoding="utf-8")

    (problem,) = problems_of(path)
    assert problem.path == "sectors[0].points[3].evidence[1].quote"
    assert describe_problems([problem]) == (
        "Overview, point 4 'Other areas', 2nd quote '\u2026supply chain for vaccines': "
        "not found in the Yonhap News Agency source",
    )
    assert str(problem).startswith(f"{path}:")  # the exact form stays for the CLI and details


def test_a_point_without_lead_is_named_by_its_text_and_a_field_by_its_label(
    write_dialogue: WriteDialogue,
) -> None:
    path = write_dialogue(MINIMAL.replace("stated: at least US$5 million", "stated: US$9 billion"))
    (problem,) = problems_of(path)
    assert describe_problems([problem]) == (
        "Research, point 1 'At least US$5 million next year.', commitment, amount, "
        "amount as stated: 'US$9 billion' is not in the point's evidence",
    )


def test_missing_keys_and_dialogue_quotes(write_dialogue: WriteDialogue) -> None:
    text = MINIMAL.replace("    summary: Money for joint research.\n", "").replace(
        "quote: agreed on Saturday\n", "quote: agreed on Sunday\n"
    )
    described = describe_problems(problems_of(write_dialogue(text)))
    assert described == (
        "The dialogue, quote 'agreed on Sunday': not found in the Test News source",
        "Research, bottom line: missing (required)",
    )


def test_a_broken_file_still_gets_numbers_from_the_key_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("sectors: [ {title: 'unclosed\n", encoding="utf-8")
    assert read_document(path) is None
    problem = Problem(str(path), 3, 7, "sectors[1].points[0].evidence[2].quote", "x")
    assert describe_problem(problem) == "Card 2, point 1, 3rd quote: x"
    assert describe_problem(Problem(str(path), 1, 1, "", "not valid YAML")) == "not valid YAML"
    odd = Problem(str(path), 1, 1, "sectors[0].no such[", "odd")
    assert describe_problem(odd, None) == "sectors[0].no such[: odd"


def test_strings_from_the_file_are_never_markup_nor_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    title = '<img src="/etc/passwd">\u202eevil\x07' + "x" * 500
    lead = "line one\nline two\ttab"
    path.write_text(
        "sectors:\n"
        f"  - title: {yaml_string(title)}\n"
        "    points:\n"
        f"      - lead: {yaml_string(lead)}\n",
        encoding="utf-8",
    )
    problem = Problem(str(path), 5, 9, "sectors[0].points[0].text", "missing\x1b[31m (required)")
    (described,) = describe_problems([problem])
    assert described.startswith('<img src="/etc/passwd">\\u202eevil\\u0007\u2026, ')
    assert "\u202e" not in described and "\x07" not in described and "\x1b" not in described
    assert "point 1 'line one line two tab', text: missing\\u001b[31m (required)" in described
    assert len(described) <= DESCRIPTION_CHARS
    assert "\u2026" in described  # the long title was shortened, not cut silently


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar with every non-printable character escaped."""
    out = []
    for char in text:
        if char == '"' or char == "\\":
            out.append("\\" + char)
        elif not char.isprintable():
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def test_unsafe_yaml_is_not_constructed(tmp_path: Path) -> None:
    path = tmp_path / "tag.yaml"
    path.write_text("sectors: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    assert read_document(path) is None
    problem = Problem(str(path), 1, 10, "sectors", "a tag is not allowed")
    assert describe_problems([problem]) == ("Cards: a tag is not allowed",)


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip


def test_problem_words_import_no_qt() -> None:
    code = "import sys; sys.modules['PySide6'] = None\nimport briefing.problem_words\n"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_hostile_files_are_described_without_raising(tmp_path: Path) -> None:
    from briefing.loader import load_dialogue
    from briefing.problem_words import describe_problems
    from briefing.problems import DialogueError

    corpus = Path(__file__).parent / "hostile"
    for path in sorted(corpus.glob("*.yaml")):
        try:
            load_dialogue(path)
        except DialogueError as error:
            described = describe_problems(error.problems)
            assert len(described) == len(error.problems), path.name
            assert all(words and "\x1b" not in words for words in described), path.name
