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
_STRAIGHTEN = str.maketrans(QUOTE_MARKS)
_SPACES = re.compile(r"\s+")  # \s is str.isspace() in a str pattern
_NEWLINES = re.compile(r"\r\n?")
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
    return _SPACES.sub(" ", text.strip()).translate(_STRAIGHTEN)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines, whatever the line ends (CR LF, LF or CR);
    each keeps its own text, stripped."""
    parts = _BLANK_LINE.split(_NEWLINES.sub("\n", text).strip())
    return tuple(part.strip() for part in parts if part.strip())


class QuoteFinder:
    """Finds quotes in one source's paragraphs, by the matching rules above.

    Prepared once per source: the loader asks which paragraphs a quote rests on, the source
    panel where exactly it stands. Numbering starts at `first_number` for paragraphs[0]
    (0 when it is a headline).
    """

    def __init__(self, paragraphs: tuple[str, ...], first_number: int = 1) -> None:
        self._first = first_number
        self._paragraphs = paragraphs
        normalised = [normalise(paragraph) for paragraph in paragraphs]
        self._starts: list[int] = []  # where each paragraph starts in the normalised text
        at = 0
        for part in normalised:
            self._starts.append(at)
            at += len(part) + 1  # and the space joining it to the next
        self._text = " ".join(normalised)
        self._origins: dict[int, list[int]] = {}  # worked out for the source panel only
        self._cache: dict[str, tuple[int, int, int, int] | None] = {}
        self.scanned = 0
        """Characters searched so far (the loader bounds the work of one load)."""

    def knows(self, quote: str) -> bool:
        """Whether `quote` was looked for already (looking again costs nothing)."""
        return quote in self._cache

    def _origin(self, index: int) -> list[int]:
        """For each normalised character of paragraph `index`, its offset in the paragraph;
        and one past the end, for the joint to the next paragraph."""
        if index not in self._origins:
            paragraph = self._paragraphs[index]
            origin: list[int] = []
            lead = len(paragraph) - len(paragraph.lstrip())
            _loose(paragraph.strip(), lead, [], origin)
            self._origins[index] = origin
        return self._origins[index]

    def _find(self, quote: str) -> tuple[int, int, int, int] | None:
        """(start, end, first paragraph index, last paragraph index) in the normalised text."""
        if quote in self._cache:
            return self._cache[quote]
        wanted = normalise(quote)
        at = self._text.find(wanted) if wanted else -1
        self.scanned += len(self._text) if at < 0 else at + len(wanted)
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
            base = self._starts[number]
            start = max(at, base) - base
            stop = (end if number == last else self._starts[number + 1] - 1) - base
            origin = self._origin(number)
            if start >= len(origin):  # the quote starts at the joint before the next paragraph
                continue
            if stop > start:
                spans.append((number, origin[start], origin[stop - 1] + 1))
        return tuple(spans)


@lru_cache(maxsize=16)
def _finder(paragraphs: tuple[str, ...]) -> QuoteFinder:
    return QuoteFinder(paragraphs)


def quote_spans(paragraphs: tuple[str, ...], quote: str) -> tuple[tuple[int, int, int], ...]:
    """Where `quote` stands in the paragraphs: (paragraph index, start, end) for each
    paragraph it covers, empty when it is not there."""
    return _finder(paragraphs).spans(quote)
