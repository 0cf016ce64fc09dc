"""Numbers, yes/no values and ids: only plain forms are read; the rest get a positioned
message, never a traceback, a silent conversion or a lost digit."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.loader import load_dialogue
from briefing.numbers import parse_flag, parse_number
from briefing.problems import DialogueError
from tests.conftest import MINIMAL, WriteDialogue

AMOUNT = "amount: {value: 5000000,"
WHERE = "d.yaml:39:27: sectors[1].points[0].commitment.amount.value"


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DialogueError) as caught:
        load_dialogue(path)
    return [str(p).replace(f"{path.parent}/", "") for p in caught.value.problems]


def with_value(write_dialogue: WriteDialogue, value: str) -> Path:
    return write_dialogue(MINIMAL.replace(AMOUNT, f"amount: {{value: {value},"))


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("9007199254740993", 9007199254740993),  # 2**53 + 1: no float could hold it
        ("999999999999999999", 999_999_999_999_999_999),
        ("-42", -42),
        ("10_000_000", 10_000_000),
        ("2.5", 2.5),
        ("5.0", 5),
        ("1.5e+3", 1500),
        ('!!int "7"', 7),
    ],
)
def test_numbers_in_digits_are_read_exactly(
    write_dialogue: WriteDialogue, written: str, value: float
) -> None:
    dialogue = load_dialogue(with_value(write_dialogue, written))
    amount = dialogue.card("research").commitments[0].amount
    assert amount is not None
    assert amount.value == value
    assert type(amount.value) is type(value)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (".nan", "'.nan' is not a finite number"),
        (".inf", "'.inf' is not a finite number"),
        ("-.Inf", "'-.Inf' is not a finite number"),
        ("0x4C4B40", "'0x4C4B40' is not a number in decimal digits (like 5000000 or 2.5)"),
        ("0b1010", "'0b1010' is not a number in decimal digits (like 5000000 or 2.5)"),
        ("1:20", "'1:20' is not a number in decimal digits (like 5000000 or 2.5)"),
        ("!!int five", "'five' is not a number in decimal digits (like 5000000 or 2.5)"),
        ('!!float ""', "'' is not a number in decimal digits (like 5000000 or 2.5)"),
        ("017", "'017' starts with 0 (an octal number in YAML 1.1); drop the 0"),
        ("1000000000000000000", "'1000000000000000000' is out of range (more than 18 digits)"),
        ("1.0e+400", "'1.0e+400' is out of range (more than 18 digits)"),
        ("0o17", "expected a number, got text"),
        ("yes", "expected a number, got a yes/no value"),
    ],
)
def test_other_number_forms_get_a_positioned_message(
    write_dialogue: WriteDialogue, written: str, message: str
) -> None:
    assert problems_of(with_value(write_dialogue, written)) == [f"{WHERE}: {message}"]


def test_a_400_digit_number_is_out_of_range_not_infinite(write_dialogue: WriteDialogue) -> None:
    (problem,) = problems_of(with_value(write_dialogue, "9" * 400))
    assert problem == f"{WHERE}: '{'9' * 79}…' is out of range (more than 18 digits)"


def test_parse_number_and_flag_directly() -> None:
    assert parse_number("12345678901234567") == (12345678901234567, None)
    assert parse_number("1e99999999999")[0] is None  # no huge integer is ever built
    assert parse_flag("True") == (True, None)
    assert parse_flag("FALSE") == (False, None)


@pytest.mark.parametrize("written", ["!!bool maybe", "yes", "no", "on", "off", "Yes", "!!bool 1"])
def test_only_true_or_false_is_a_yes_no_value(write_dialogue: WriteDialogue, written: str) -> None:
    path = write_dialogue(MINIMAL.replace("headline: true", f"headline: {written}"))
    shown = written.removeprefix("!!bool ")
    assert problems_of(path) == [
        f"d.yaml:14:15: sources[0].headline: '{shown}' is not true or false; write true or false"
    ]


def test_headline_false_is_read(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace("headline: true", "headline: false"))
    assert load_dialogue(path).sources[0].headline is None


@pytest.mark.parametrize(
    ("written", "got"),
    [
        ("yes", "a yes/no value"),
        ("off", "a yes/no value"),
        ("2024-06-01", "a date"),
        ("1:20", "a number"),
        ("0x1F", "a number"),
        (".nan", "a number"),
    ],
)
def test_a_text_field_never_converts_what_is_written(
    write_dialogue: WriteDialogue, written: str, got: str
) -> None:
    path = write_dialogue(MINIMAL.replace("  place: Seoul", f"  place: {written}"))
    assert problems_of(path) == [
        f"d.yaml:4:10: dialogue.place: expected text, got {got}; put it in quotes"
    ]


@pytest.mark.parametrize("written", ["!!str yes", '"yes"', "!!str 0x1F", "'1:20'"])
def test_a_text_field_keeps_quoted_or_str_tagged_text_as_written(
    write_dialogue: WriteDialogue, written: str
) -> None:
    path = write_dialogue(MINIMAL.replace("  place: Seoul", f"  place: {written}"))
    assert load_dialogue(path).place == written.removeprefix("!!str ").strip("'\"")


@pytest.mark.parametrize("card_id", ['"research\\n"', '"research\\r"', '"rés"', '"-x"'])
def test_an_id_must_match_the_pattern_in_full(write_dialogue: WriteDialogue, card_id: str) -> None:
    path = write_dialogue(MINIMAL.replace("  - id: research", f"  - id: {card_id}"))
    (problem,) = problems_of(path)
    assert problem.startswith("d.yaml:26:9: sectors[1].id: ")
    assert problem.endswith(" is not a valid id (letters, digits, '-' and '_')")


@pytest.mark.parametrize("char", ["\\x85", "\\x9b", "\\x80", "\\x9f", "\\x7f", "\\e"])
def test_c0_c1_and_del_controls_are_refused_in_text(
    write_dialogue: WriteDialogue, char: str
) -> None:
    path = write_dialogue(MINIMAL.replace("  title: Test dialogue", f'  title: "A{char}B"'))
    code = {"\\e": 0x1B}.get(char) or int(char[2:], 16)
    assert problems_of(path) == [
        f"d.yaml:3:10: dialogue.title: contains a control character (U+{code:04X})"
    ]


def test_a_second_overview_card_is_refused(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(
        MINIMAL.replace("  - id: research\n", "  - id: research\n    kind: overview\n")
    )
    assert problems_of(path) == [
        "d.yaml:27:11: sectors[1].kind: a second overview card (the first is at line 17); one only"
    ]


@pytest.mark.parametrize("written", ["=", "<<"])
def test_yaml_1_1_value_and_merge_scalars_are_text(
    write_dialogue: WriteDialogue, written: str
) -> None:
    path = write_dialogue(MINIMAL.replace("  place: Seoul", f"  place: {written}"))
    assert load_dialogue(path).place == written
