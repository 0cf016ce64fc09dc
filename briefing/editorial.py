"""Editorial insertions made at display time: the resolved date in brackets
("Saturday [9 December 2023]") and the year of a relative timeframe ("next year [2024]").

Computed from the dialogue's resolved date, never stored: quotes and the file's text stay as
written, and a view decides which texts get the insertions (never verbatim quotes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from briefing.model import Dialogue

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}
_RELATIVE_YEAR = re.compile(r"\b(last|this|next) year\b(?! \[)", re.IGNORECASE)

Span = tuple[int, int]


def long_date(day: date) -> str:
    """'9 December 2023', whatever the process locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dialogue_date(dialogue: Dialogue) -> str:
    """The date as the sources give it, with the resolved date as a bracketed insertion:
    'Saturday [9 December 2023]'; just 'Saturday' when the dialogue resolves none."""
    if dialogue.resolved_date is None:
        return dialogue.date
    return f"{dialogue.date} [{long_date(dialogue.resolved_date.day)}]"


def year_insertions(text: str, day: date | None) -> list[tuple[int, str]]:
    """(offset, inserted text) for each 'next year', 'this year' or 'last year' in `text`:
    ' [2024]' after 'next year' for a dialogue held in 2023. None without a resolved date."""
    if day is None:
        return []
    return [
        (m.end(), f" [{day.year + RELATIVE_YEARS[m.group(1).lower()]}]")
        for m in _RELATIVE_YEAR.finditer(text)
    ]


def with_years(text: str, day: date | None) -> str:
    """`text` with the year of each relative timeframe inserted: 'next year [2024]'."""
    return with_years_and_spans(text, (), day)[0]


def with_years_and_spans(
    text: str, spans: Sequence[Span], day: date | None
) -> tuple[str, list[Span]]:
    """`with_years`, and (start, end) spans of the original text moved to the new text."""
    inserts = year_insertions(text, day)
    if not inserts:
        return text, list(spans)
    pieces: list[str] = []
    at = 0
    for offset, inserted in inserts:
        pieces.extend((text[at:offset], inserted))
        at = offset
    pieces.append(text[at:])

    def moved(position: int, *, end: bool) -> int:
        shift = sum(
            len(ins) for off, ins in inserts if off < position or (off == position and not end)
        )
        return position + shift

    return "".join(pieces), [(moved(a, end=False), moved(b, end=True)) for a, b in spans]


def insertion_credit(dialogue: Dialogue) -> str:
    """'Dates in [brackets] are analyst context: etnews; Asia Economy', naming the works the
    resolved date rests on; empty without a resolved date."""
    if dialogue.resolved_date is None:
        return ""
    titles = "; ".join(c.title for c in dialogue.resolved_date.note.cites)
    return f"Dates in [brackets] are analyst context: {titles}"
