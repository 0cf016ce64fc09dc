"""Finding a quote in a source text: normalisation, paragraphs and their numbers.

A quote matches when it occurs verbatim after white space is collapsed and typographic
quote marks are made straight; nothing else is forgiven.
"""

from __future__ import annotations

import re
from bisect import bisect_right

QUOTE_MARKS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
}
"""Typographic quote marks and the straight mark each matches."""
_QUOTE_TABLE = str.maketrans(QUOTE_MARKS)
_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def normalise(text: str) -> str:
    """Collapses white space and straightens typographic quote marks."""
    return _SPACE.sub(" ", text.translate(_QUOTE_TABLE)).strip()


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; each keeps its own text, stripped."""
    parts = _BLANK_LINE.split(text.replace("\r\n", "\n").strip())
    return tuple(part.strip() for part in parts if part.strip())


class QuoteFinder:
    """Locates quotes in one source's paragraphs and reports the paragraph numbers.

    Numbering starts at `first_number` for paragraphs[0] (0 when it is a headline).
    """

    def __init__(self, paragraphs: tuple[str, ...], first_number: int) -> None:
        self._first = first_number
        pieces = [normalise(p) for p in paragraphs]
        self._starts: list[int] = []
        offset = 0
        for piece in pieces:
            self._starts.append(offset)
            offset += len(piece) + 1
        self._text = " ".join(pieces)
        self._cache: dict[str, tuple[int, ...] | None] = {}

    def locate(self, quote: str) -> tuple[int, ...] | None:
        """The paragraph numbers the quote spans, or None when it is not in the text."""
        if quote in self._cache:
            return self._cache[quote]
        wanted = normalise(quote)
        found: tuple[int, ...] | None = None
        at = self._text.find(wanted) if wanted else -1
        if at >= 0:
            first = bisect_right(self._starts, at) - 1
            last = bisect_right(self._starts, at + len(wanted) - 1) - 1
            found = tuple(range(first + self._first, last + self._first + 1))
        self._cache[quote] = found
        return found


def paragraph_label(numbers: list[int] | tuple[int, ...]) -> str:
    """'paragraph 5', 'paragraphs 5-6', 'headline, paragraphs 1, 3' for paragraph numbers.

    Number 0 is a source's headline.
    """
    unique = sorted(set(numbers))
    if unique and unique[0] == 0:
        rest = paragraph_label(unique[1:])
        return f"headline, {rest}" if rest else "headline"
    if not unique:
        return ""
    runs: list[str] = []
    start = prev = unique[0]
    for n in [*unique[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    word = "paragraph" if len(unique) == 1 else "paragraphs"
    return f"{word} {', '.join(runs)}"
