"""The words selected in the source panel, mapped back to the stored source text."""

from __future__ import annotations

import pytest

from briefing.gui.cite_selection import NothingToCite, quote_between
from briefing.provenance import QuoteFinder

PARAGRAPHS = (
    "Headline of the piece",
    "The two sides agreed\non a joint   fund.",
    "Music \U0001d11e and emoji \U0001f600 count twice in Qt; \u201cquotes\u201d stay curly.",
)


def _starts(labels: tuple[str, ...]) -> list[int]:
    """Document positions as the source panel makes them: '¶n  ' then the paragraph."""
    starts, at = [], 0
    for label, paragraph in zip(labels, PARAGRAPHS, strict=True):
        at += len(label)
        starts.append(at)
        at += len(paragraph.encode("utf-16-le")) // 2 + 1  # the block separator
    return starts


STARTS = _starts(("", "\u00b61  ", "\u00b62  "))


def test_a_selection_inside_a_paragraph_is_its_words_with_white_space_collapsed() -> None:
    start = STARTS[1] + len("The two sides ")
    end = STARTS[1] + len("The two sides agreed\non a joint   fund")
    quote = quote_between(PARAGRAPHS, STARTS, start, end)
    assert quote == "agreed on a joint fund"
    assert QuoteFinder(PARAGRAPHS, 0).locate(quote) == (1,)


def test_characters_qt_counts_twice_do_not_shift_the_quote() -> None:
    text = PARAGRAPHS[2]
    wanted = "\u201cquotes\u201d stay curly"
    before = text[: text.index(wanted)]
    start = STARTS[2] + len(before.encode("utf-16-le")) // 2
    end = start + len(wanted)
    assert quote_between(PARAGRAPHS, STARTS, start, end) == wanted


def test_a_selection_across_paragraphs_joins_them_and_leaves_out_the_numbers() -> None:
    start = STARTS[1] + len("The two sides agreed\non a joint   ")
    end = STARTS[2] + len("Music")
    quote = quote_between(PARAGRAPHS, STARTS, start, end)
    assert quote == "fund. Music"
    assert QuoteFinder(PARAGRAPHS, 0).locate(quote) == (1, 2)


@pytest.mark.parametrize(("start", "end"), [(0, 0), (STARTS[1] - 3, STARTS[1])])
def test_nothing_selected_or_only_a_paragraph_number_is_refused(start: int, end: int) -> None:
    with pytest.raises(NothingToCite, match="Select some words"):
        quote_between(PARAGRAPHS, STARTS, start, end)
