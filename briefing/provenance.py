"""Finding a quote in a source text: normalisation, paragraphs and their numbers.

A quote matches when it occurs verbatim after white space is collapsed and typographic
quote marks are made straight; nothing else is forgiven.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from briefing.citations import paragraph_label as paragraph_label  # where callers found it

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
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _loose(text: str, base: int, out: list[str], origin: list[int]) -> None:
    """Appends `text` with runs of white space collapsed and quote marks straightened,
    recording for each character appended its offset (plus `base`) in `text`."""
    in_space = bool(out) and out[-1] == " "
    for offset, char in enumerate(text):
        if char.isspace():
            if not in_space:
                out.append(" ")
                origin.append(base + offset)
            in_space = True
            continue
        out.append(QUOTE_MARKS.get(char, char))
        origin.append(base + offset)
        in_space = False


def normalise(text: str) -> str:
    """Collapses white space and straightens typographic quote marks."""
    chars: list[str] = []
    _loose(text.strip(), 0, chars, [])
    return "".join(chars)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; each keeps its own text, stripped."""
    parts = _BLANK_LINE.split(text.replace("\r\n", "\n").strip())
    return tuple(part.strip() for part in parts if part.strip())


class QuoteFinder:
    """Finds quotes in one source's paragraphs, by the matching rules above.

    Prepared once per source: the loader asks which paragraphs a quote rests on, the source
    panel where exactly it stands. Numbering starts at `first_number` for paragraphs[0]
    (0 when it is a headline).
    """

    def __init__(self, paragraphs: tuple[str, ...], first_number: int = 1) -> None:
        self._first = first_number
        out: list[str] = []
        self._origin: list[int] = []  # offset in its paragraph of each normalised character
        self._starts: list[int] = []  # where each paragraph starts in the normalised text
        for index, paragraph in enumerate(paragraphs):
            if index:
                out.append(" ")
                self._origin.append(-1)
            self._starts.append(len(out))
            lead = len(paragraph) - len(paragraph.lstrip())
            _loose(paragraph.strip(), lead, out, self._origin)
        self._text = "".join(out)
        self._cache: dict[str, tuple[int, int, int, int] | None] = {}

    def _find(self, quote: str) -> tuple[int, int, int, int] | None:
        """(start, end, first paragraph index, last paragraph index) in the normalised text."""
        if quote in self._cache:
            return self._cache[quote]
        wanted = normalise(quote)
        at = self._text.find(wanted) if wanted else -1
        found = None
        if at >= 0:
            end = at + len(wanted)
            first = bisect_right(self._starts, at) - 1
            found = (at, end, first, bisect_right(self._starts, end - 1) - 1)
        self._cache[quote] = found
        return found

    def locate(self, quote: str) -> tuple[int, ...] | None:
        """The paragraph numbers the quote spans, or None when it is not in the text."""
        found = self._find(quote)
        if found is None:
            return None
        _, _, first, last = found
        return tuple(range(first + self._first, last + self._first + 1))

    def spans(self, quote: str) -> tuple[tuple[int, int, int], ...]:
        """(paragraph index, start, end) in the original paragraphs for each paragraph the
        quote covers; empty when it is not there."""
        found = self._find(quote)
        if found is None:
            return ()
        at, end, first, last = found
        spans = []
        for number in range(first, last + 1):
            start = max(at, self._starts[number])
            stop = end if number == last else self._starts[number + 1] - 1  # before the joint
            if self._origin[start] < 0:
                start += 1
            if stop > start:
                spans.append((number, self._origin[start], self._origin[stop - 1] + 1))
        return tuple(spans)


@lru_cache(maxsize=16)
def _finder(paragraphs: tuple[str, ...]) -> QuoteFinder:
    return QuoteFinder(paragraphs)


def quote_spans(paragraphs: tuple[str, ...], quote: str) -> tuple[tuple[int, int, int], ...]:
    """Where `quote` stands in the paragraphs: (paragraph index, start, end) for each
    paragraph it covers, empty when it is not there."""
    return _finder(paragraphs).spans(quote)
