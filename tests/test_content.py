"""The content facts shared by every view: the resolved date and bracketed years, whose
account a source gives, the credit line and paragraph numbers, and the file keys behind them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from briefing.citations import (
    evidence_by_source,
    paragraph_label,
    paragraph_number,
    paragraph_runs,
    run_label,
    source_line,
)
from briefing.dump import dump_dialogue
from briefing.editorial import dialogue_date, long_date, with_years, with_years_and_spans
from briefing.loader import load_dialogue
from briefing.model import Evidence
from briefing.page_sizes import PAGE_DIMENSIONS, PAGE_SIZE_LABELS, PAGE_SIZES
from briefing.pdf import render_book, render_card
from briefing.problems import DialogueError
from tests.conftest import MINIMAL, SOURCE_TEXT, WriteDialogue

HELD = date(2023, 12, 9)

RESOLVED = """\
  date: Saturday
  resolved_date:
    date: "2023-12-09"
    text: Reports date it 9 December 2023.
    cites:
      - title: A report
        url: https://example.org/report
"""

ACCOUNT = """\
    headline: true
    account:
      by: the two sides
      quote: the two sides agreed
"""

CREDITED = SOURCE_TEXT + "\nSource: Test News\n"


def dialogue_text(*, resolved: str = RESOLVED, account: str = ACCOUNT, credit: bool = False) -> str:
    text = MINIMAL.replace("  date: Saturday\n", resolved).replace("    headline: true\n", account)
    if credit:
        text = text.replace("    headline: true\n", "    headline: true\n    credit_line: true\n")
    return text


def problems(write_dialogue: WriteDialogue, text: str, source: str = SOURCE_TEXT) -> list[str]:
    path = write_dialogue(text, source)
    with pytest.raises(DialogueError) as caught:
        load_dialogue(path)
    return [str(p).removeprefix(str(path.parent)).lstrip("/\\") for p in caught.value.problems]


# -- the editorial insertions ---------------------------------------------------------------


def test_relative_years_get_the_resolved_year_in_brackets() -> None:
    assert with_years("a meeting next year", HELD) == "a meeting next year [2024]"
    assert with_years("This year and last year.", HELD) == "This year [2023] and last year [2022]."
    assert with_years("next year [2024] already", HELD) == "next year [2024] already"
    assert with_years("next yearly review", HELD) == "next yearly review"
    assert with_years("next year", None) == "next year"


def test_highlights_move_with_the_inserted_years() -> None:
    text, spans = with_years_and_spans("in the U.S. next year to meet", [(12, 21), (22, 24)], HELD)
    assert text == "in the U.S. next year [2024] to meet"
    assert [text[a:b] for a, b in spans] == ["next year", "to"]


def test_the_date_reads_as_the_source_gives_it_with_the_resolved_date(
    write_dialogue: WriteDialogue,
) -> None:
    dialogue = load_dialogue(write_dialogue(dialogue_text()))
    assert dialogue_date(dialogue) == "Saturday [9 December 2023]"
    assert long_date(date(2024, 5, 1)) == "1 May 2024"
    plain = load_dialogue(write_dialogue(dialogue_text(resolved="  date: Saturday\n")))
    assert dialogue_date(plain) == "Saturday"


# -- paragraph numbers and runs -------------------------------------------------------------


def test_paragraph_runs_and_labels() -> None:
    assert paragraph_runs([9, 4, 6, 10, 4]) == [(4, 4), (6, 6), (9, 10)]
    assert run_label(5, 6) == "5-6" and run_label(5, 6, "\u2013") == "5\u20136"
    assert paragraph_label([6, 5]) == "paragraphs 5-6"
    assert paragraph_label([0, 1, 3]) == "headline, paragraphs 1, 3"
    grouped = evidence_by_source([Evidence("b", "q", (2,)), Evidence("a", "q", (1,))])
    assert list(grouped.items()) == [("b", [2]), ("a", [1])]


def test_page_sizes_are_defined_once_with_their_labels() -> None:
    assert PAGE_SIZES == ("a4", "letter")
    assert PAGE_SIZE_LABELS == {"a4": "A4", "letter": "US Letter"}
    assert PAGE_DIMENSIONS["letter"] == (612.0, 792.0)
    assert PAGE_DIMENSIONS["a4"] == pytest.approx((595.28, 841.89), abs=0.01)


# -- whose account ----------------------------------------------------------------------------


def test_the_source_line_says_whose_account_it_is(write_dialogue: WriteDialogue) -> None:
    dialogue = load_dialogue(write_dialogue(dialogue_text()))
    card = dialogue.card("research")
    assert source_line(dialogue, card) == "Source: Test News, citing the two sides, paragraph 2"
    assert dialogue.quote_count == 4  # the account's quote is verified like any other


def test_an_account_without_a_quote_is_marked_analyst_context(
    write_dialogue: WriteDialogue,
) -> None:
    account = ACCOUNT.replace(
        "      quote: the two sides agreed\n",
        "      cites:\n        - title: A report\n          url: https://example.org/r\n",
    )
    dialogue = load_dialogue(write_dialogue(dialogue_text(account=account)))
    line = source_line(dialogue, dialogue.card("research"))
    assert line == "Source: Test News, citing the two sides (analyst context), paragraph 2"


def test_an_account_must_be_traceable(write_dialogue: WriteDialogue) -> None:
    unquoted = ACCOUNT.replace("      quote: the two sides agreed\n", "")
    assert problems(write_dialogue, dialogue_text(account=unquoted)) == [
        "d.yaml:22:11: sources[0].account.by: give a `quote` of the source naming them, or `cites`"
    ]
    elsewhere = ACCOUNT.replace("the two sides agreed", "the officials agreed")
    assert problems(write_dialogue, dialogue_text(account=elsewhere)) == [
        "d.yaml:22:11: sources[0].account.by: 'the two sides' is not in the account's quote",
        "d.yaml:23:14: sources[0].account.quote: not found in source 'art'",
    ]


# -- the resolved date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('"2023-12-09"', '"2023-02-30"'),
            "d.yaml:7:11: dialogue.resolved_date.date: '2023-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            ('"2023-12-09"', '"2023-12-08"'),
            "d.yaml:7:11: dialogue.resolved_date.date: 2023-12-08 is a Friday, not a Saturday",
        ),
        (
            ('"2023-12-09"', "2023-12-09"),
            "d.yaml:7:11: dialogue.resolved_date.date: expected text, got a date; put it in quotes",
        ),
    ],
)
def test_a_resolved_date_is_checked(
    write_dialogue: WriteDialogue, change: tuple[str, str], expected: str
) -> None:
    assert problems(write_dialogue, dialogue_text().replace(*change)) == [expected]


def test_the_date_has_one_note(write_dialogue: WriteDialogue) -> None:
    both = RESOLVED + "  date_context:\n    text: Elsewhere.\n    cites: [{title: X}]\n"
    assert problems(write_dialogue, dialogue_text(resolved=both)) == [
        "d.yaml:13:5: dialogue.date_context: give the date's context in resolved_date only"
    ]


# -- the credit line -----------------------------------------------------------------------------


def test_a_credit_line_is_not_a_paragraph(write_dialogue: WriteDialogue) -> None:
    dialogue = load_dialogue(write_dialogue(dialogue_text(credit=True), CREDITED))
    source = dialogue.sources[0]
    assert source.credit_line == "Source: Test News"
    assert [paragraph_number(source, i) for i in range(len(source.paragraphs))] == [
        0,
        1,
        2,
        3,
        None,
    ]
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(render_book(dialogue))).pages]
    appendix = " ".join(" ".join(pages[-1].split()).split("not numbered.")[1:])
    assert "3 Officials said R&D budgets would grow. Source: Test News" in appendix
    assert "4 Source" not in appendix


def test_a_quote_from_the_credit_line_is_not_evidence(write_dialogue: WriteDialogue) -> None:
    text = dialogue_text(credit=True).replace(
        "quote: agreed on Saturday\n",
        "quote: agreed on Saturday\n    - source: art\n      quote: 'Source: Test News'\n",
        1,
    )
    assert problems(write_dialogue, text, CREDITED) == [
        "d.yaml:16:14: dialogue.evidence[1].quote: not found in source 'art'"
    ]


# -- every view shows them --------------------------------------------------------------------------


def test_one_pager_shows_the_date_the_year_and_whose_account(write_dialogue: WriteDialogue) -> None:
    dialogue = load_dialogue(write_dialogue(dialogue_text()))
    text = " ".join(
        PdfReader(io.BytesIO(render_card(dialogue, "research"))).pages[0].extract_text().split()
    )
    assert "Seoul · Saturday [9 December 2023]" in text
    assert "At least US$5 million next year [2024]." in text  # the point
    assert "next year [2024]" in text.split("WHEN / WHERE")[1]  # the commitments table
    assert "Source: Test News, citing the two sides, paragraph 2." in text
    assert "Dates in [brackets] are analyst context: A report." in text


def test_dump_keeps_the_new_keys(write_dialogue: WriteDialogue, tmp_path: object) -> None:
    dialogue = load_dialogue(write_dialogue(dialogue_text(credit=True), CREDITED))
    again = load_dialogue(write_dialogue(dump_dialogue(dialogue), CREDITED, name="again.yaml"))
    assert again.resolved_date == dialogue.resolved_date
    assert again.sources[0].account == dialogue.sources[0].account
    assert again.sources[0].credit_line == "Source: Test News"
