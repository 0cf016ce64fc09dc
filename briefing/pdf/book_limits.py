"""How much source text the book's appendix may reproduce, and `BookTooLong` past that.

ReportLab's time grows with the characters, the paragraphs (about 0.25 ms each) and, faster
than linearly, the length of one paragraph (a long one is re-wrapped at every page break it
crosses: one of 100,000 characters took 2.6 s). A book at all three limits at once renders
in 1 to 1.5 s of CPU time on a 2-core machine (`python -m benchmarks`); a book with a 4 MiB
source, which quote checking allows, took 24 s, and 4 MiB of tiny paragraphs would take
minutes."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.citations import paragraph_number
from briefing.model import Dialogue, Source

MAX_APPENDIX_CHARACTERS = 200_000
"""Characters of source text in the appendix, all sources together (a source listed twice
counts twice)."""
MAX_APPENDIX_PARAGRAPHS = 1_500
"""Paragraphs in the appendix, headlines and credit lines included."""
MAX_APPENDIX_PARAGRAPH_CHARACTERS = 4_000
"""Characters of one paragraph in the appendix."""
SOURCES_NAMED = 5
"""How many sources a BookTooLong message names, the largest first."""


class BookTooLong(ValueError):
    """The appendix would reproduce more source text than the limits allow: the book is
    refused before anything is rendered. The one-pagers, which do not include the source
    text, are unaffected.

    `where` names the dialogue file; `amount` is what would be reproduced and `limit` the
    limit it is over, both in `unit` ("characters", "paragraphs", or "characters in one
    paragraph").
    """

    def __init__(self, where: str, what: str, amount: int, limit: int, unit: str) -> None:
        self.where = where
        self.amount = amount
        self.limit = limit
        self.unit = unit
        super().__init__(
            f"{where}: the book is not made: its appendix would reproduce {what}, over the "
            f"limit of {limit:,} {unit}; export the one-pagers instead, which do not include "
            "the source text"
        )


def check_appendix(dialogue: Dialogue) -> None:
    """Raises BookTooLong when the book's appendix would be over one of the limits."""
    where = dialogue.path.name
    sources = dialogue.sources
    for source in sources:
        for index, text in enumerate(source.paragraphs):
            if len(text) > MAX_APPENDIX_PARAGRAPH_CHARACTERS:
                what = (
                    f"{len(text):,} characters in one paragraph of source {source.id!r}, "
                    f"{source.file} ({_paragraph_name(source, index)})"
                )
                limit = MAX_APPENDIX_PARAGRAPH_CHARACTERS
                raise BookTooLong(where, what, len(text), limit, "characters in one paragraph")
    totals = (
        ("characters", MAX_APPENDIX_CHARACTERS, [sum(map(len, s.paragraphs)) for s in sources]),
        ("paragraphs", MAX_APPENDIX_PARAGRAPHS, [len(s.paragraphs) for s in sources]),
    )
    for unit, limit, amounts in totals:
        if sum(amounts) > limit:
            what = f"{sum(amounts):,} {unit} of source text ({_named(sources, amounts, unit)})"
            raise BookTooLong(where, what, sum(amounts), limit, unit)


def _paragraph_name(source: Source, index: int) -> str:
    number = paragraph_number(source, index)
    if number is None:
        return "its closing credit line"
    return "its headline" if number == 0 else f"paragraph {number}"


def _named(sources: Sequence[Source], amounts: Sequence[int], unit: str) -> str:
    """The largest sources with their amount: "source 'art', art.txt: 9 paragraphs"."""
    largest = sorted(zip(sources, amounts, strict=True), key=lambda pair: -pair[1])
    named = "; ".join(
        f"{source.id!r}, {source.file}: {amount:,} {unit}"
        for source, amount in largest[:SOURCES_NAMED]
    )
    if len(largest) > SOURCES_NAMED:
        named += f"; and {len(largest) - SOURCES_NAMED} more"
    return ("source " if len(largest) == 1 else "sources ") + named
