"""Every character a PDF draws is one the bundled fonts have; checked before drawing.

A character missing from a TrueType font prints as a blank and is missing from the text
layer too, so text would be lost without a word. `check_card` and `check_book` name the
card, the field and the characters before anything is drawn; `CheckedTTFont` refuses any
string that still reaches a font uncovered, so nothing the checks miss is lost silently.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefing.model import Card, CardKind, Dialogue, Note, Source

# Paragraphs break lines at these and never draw them; lead-ins and references drawn as
# one run turn them into spaces (flowables.one_line).
FOLDED_WHITESPACE = frozenset("\t\n\r")
SHOWN_AT_MOST = 10
UNPLACED = "a PDF page"  # where a refusal by the fonts themselves happened, until known
Field = tuple[str, str]  # (key path, text)


class UncoveredCharacters(ValueError):
    """Text has characters the bundled fonts cannot draw (Arabic, Hebrew, Thai, Devanagari,
    emoji, rare Hanja, ...): the PDF would show blanks, so it is not made.

    `where` names the file and card (or the marking), `field` the key path, `characters`
    the distinct uncovered characters in order of appearance.
    """

    def __init__(self, where: str, field: str, characters: str) -> None:
        self.where = where
        self.field = field
        self.characters = characters
        shown = ", ".join(describe(ch) for ch in characters[:SHOWN_AT_MOST])
        more = len(characters) - SHOWN_AT_MOST
        if more > 0:
            shown += f" and {more} more"
        place = f"{where}: {field}" if field else where
        super().__init__(
            f"{place}: the PDF fonts have no glyph for {shown}; they would print "
            "as blanks, so no PDF is made: replace or transliterate them"
        )


def describe(ch: str) -> str:
    """'U+00E9 'é'', or 'U+200B' alone for a character that is invisible or controls a
    terminal."""
    code = f"U+{ord(ch):04X}"
    if unicodedata.category(ch)[0] in "CZ":
        return code
    return f"{code} {ch!r}"


@cache
def covered(*font_names: str) -> frozenset[str]:
    """The characters every one of the named registered fonts can draw."""
    sets = [_font_characters(name) for name in font_names]
    return frozenset.intersection(*sets)


@cache
def _drawable(fonts: tuple[str, ...]) -> frozenset[str]:
    return covered(*fonts) | FOLDED_WHITESPACE


def _font_characters(name: str) -> frozenset[str]:
    font = pdfmetrics.getFont(name)
    if isinstance(font, CheckedTTFont):
        return font.characters
    return drawable_characters(font.face.charToGlyph)


def drawable_characters(char_to_glyph: Iterable[int]) -> frozenset[str]:
    """The characters a font maps to a glyph, without control characters: fonts often map
    them to an empty glyph, which would hide them."""
    found = (chr(code) for code in char_to_glyph)
    return frozenset(ch for ch in found if unicodedata.category(ch) != "Cc")


def uncovered(text: str, have: frozenset[str]) -> str:
    """The distinct characters of `text` not in `have`, in order of first appearance."""
    if have.issuperset(text):
        return ""
    return "".join(dict.fromkeys(ch for ch in text if ch not in have))


class CheckedTTFont(TTFont):  # type: ignore[misc]
    """A TrueType font that refuses to lay out a character it has no glyph for.

    ReportLab maps such characters to the empty glyph 0; this is the last line of defence
    behind `check_card` and `check_book`, for text that reaches a page some other way.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.characters = drawable_characters(self.face.charToGlyph)

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        missing = uncovered(text, self.characters)
        if missing:
            excerpt = text if len(text) <= 40 else text[:40] + "…"
            shown = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in excerpt)
            raise UncoveredCharacters(UNPLACED, f"the text {shown!r}", missing)
        return super().splitString(text, doc, encoding)


@contextmanager
def drawing(where: str) -> Iterator[None]:
    """Names `where` (file and card) in a refusal raised by the fonts themselves."""
    try:
        yield
    except UncoveredCharacters as exc:
        if exc.where != UNPLACED:
            raise
        raise UncoveredCharacters(where, exc.field, exc.characters) from None


def check_fields(where: str, fields: Iterable[Field], fonts: tuple[str, ...]) -> None:
    """Raises UncoveredCharacters for the first field with a character the fonts lack."""
    have = _drawable(fonts)
    for path, text in fields:
        missing = uncovered(text, have)
        if missing:
            raise UncoveredCharacters(where, path, missing)


def card_fields(dialogue: Dialogue, card: Card) -> Iterator[Field]:
    """Every data string drawn on the card's page, with its key path in the file."""
    yield from dialogue_heading(dialogue)
    at = f"sectors[{dialogue.cards.index(card)}]"
    yield f"{at}.title", card.title
    yield f"{at}.summary", card.summary
    for i, point in enumerate(card.points):
        if point.lead:
            yield f"{at}.points[{i}].lead", point.lead
        yield f"{at}.points[{i}].text", point.text
        c = point.commitment
        if c is not None:
            for key, value in (("what", c.what), ("timeframe", c.timeframe), ("place", c.place)):
                if value:
                    yield f"{at}.points[{i}].commitment.{key}", value
            if c.amount is not None:
                yield f"{at}.points[{i}].commitment.amount", c.amount.stated
    if card.quote is not None:
        yield f"{at}.quote.speaker", card.quote.speaker
        yield f"{at}.quote.quote", card.quote.evidence.quote
    for i, note in enumerate(card.notes):
        yield from note_fields(f"{at}.notes[{i}]", note)
    if card.kind is CardKind.OVERVIEW:
        for i, person in enumerate(dialogue.co_chairs):
            yield f"dialogue.co_chairs[{i}].name", person.name
            if person.name_ko:
                yield f"dialogue.co_chairs[{i}].name_ko", person.name_ko
            yield f"dialogue.co_chairs[{i}].role", person.role
        if dialogue.date_context is not None:
            yield from note_fields("dialogue.date_context", dialogue.date_context)
    for i, source in enumerate(dialogue.sources):
        yield f"sources[{i}].publisher", source.publisher


def dialogue_heading(dialogue: Dialogue) -> Iterator[Field]:
    yield "dialogue.title", dialogue.title
    yield "dialogue.place", dialogue.place
    yield "dialogue.date", dialogue.date


def note_fields(path: str, note: Note) -> Iterator[Field]:
    yield f"{path}.text", note.text
    for j, cite in enumerate(note.cites):
        yield f"{path}.cites[{j}].title", cite.title
        if cite.url:
            yield f"{path}.cites[{j}].url", cite.url


def source_fields(index: int, source: Source) -> Iterator[Field]:
    """A source as the book's cover and appendix print it; its text by paragraph number."""
    path = f"sources[{index}]"
    yield f"{path}.publisher", source.publisher
    yield f"{path}.publisher", source.publisher.upper()
    yield f"{path}.title", source.title
    if source.url:
        yield f"{path}.url", source.url
    first = 0 if source.headline is not None else 1
    for offset, text in enumerate(source.paragraphs):
        yield f"{source.file}, paragraph {first + offset}", text


def check_card(dialogue: Dialogue, card: Card, fonts: tuple[str, ...]) -> None:
    """Raises UncoveredCharacters naming the file, card and field of a character the fonts
    cannot draw."""
    fields = card_fields(dialogue, card)
    check_fields(f"{dialogue.path.name}: card {card.id!r}", fields, fonts)


def check_book(dialogue: Dialogue, fonts: tuple[str, ...]) -> None:
    """`check_card` for every card, then the sources the cover and appendix print."""
    for card in dialogue.cards:
        check_card(dialogue, card, fonts)
    for index, source in enumerate(dialogue.sources):
        where = f"{dialogue.path.name}: source {source.id!r}"
        check_fields(where, source_fields(index, source), fonts)


def check_marking(marking: str, fonts: tuple[str, ...]) -> None:
    check_fields("the marking", [("", marking)], fonts)
