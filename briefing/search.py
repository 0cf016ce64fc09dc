"""Searching a dialogue's cards as the user types: folded text, matching cards, match spans.

Folding makes search case- and accent-insensitive (NFKD, combining marks dropped, casefold);
Hangul syllables fold to their jamo, so a partly typed syllable still matches. Every query
word must be the start of a word of the card ("ai" finds "AI-enabled", not "chairs"); in
Hangul, where compounds and particles are written together, every syllable starts a word.
The index is built once per dialogue so that a keystroke only runs a few regex searches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from briefing.model import Card, CardKind, Dialogue, Note, Person

Span = tuple[int, int]


class _StripCombining(dict[int, int | None]):
    """A `str.translate` table that drops combining marks, filled in as characters are seen."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_STRIP = _StripCombining()


def fold(text: str) -> str:
    """The form both the query and the texts are compared in."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", text).translate(_STRIP).casefold()
    if not folded.isascii():  # casefolding can produce decomposable letters again
        folded = unicodedata.normalize("NFKD", folded).translate(_STRIP)
    return folded


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """Folds `text` character by character, recording which character each output came from."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return "".join(pieces), origin


def query_terms(query: str) -> tuple[str, ...]:
    """The folded words of a query; a card matches when it contains every one."""
    return tuple(dict.fromkeys(term for term in fold(query).split() if term))


def starts_a_syllable(char: str) -> bool:
    """Whether `char` is a leading Hangul jamo: folded Korean text starts a syllable there."""
    return "\u1100" <= char <= "\u115f" or "\ua960" <= char <= "\ua97f"


def is_word_start(folded: str, at: int) -> bool:
    """Whether a word (or, in Hangul, a syllable) of `folded` text starts at `at`."""
    char = folded[at]
    if starts_a_syllable(char):
        return True
    return char.isalnum() and (at == 0 or not folded[at - 1].isalnum())


WORD_MARK = "\x01"
"""Put before every word start of a text to search it by word starts; control characters
never reach the model (the loader refuses them), so it cannot clash with the text."""
_WORD_STARTS = re.compile(
    # A letter or digit after anything else (\w less the underscore is what isalnum() says),
    # or a leading Hangul jamo: the same places as `is_word_start`.
    r"(?<![^\W_])(?=[^\W_])|(?=[\u1100-\u115f\ua960-\ua97f])"
)


def mark_word_starts(folded: str) -> str:
    """`folded` with WORD_MARK before each word start (see `is_word_start`)."""
    return _WORD_STARTS.sub(WORD_MARK, folded)


def needle(term: str) -> tuple[str, bool]:
    """What to look for to find folded `term` at a word start: its marked form, in a text's
    marked form (`mark_word_starts`), and True; or, for a term that starts with a sign and
    may stand anywhere, the term itself, in the plain folded text, and False."""
    if is_word_start(term, 0):
        return mark_word_starts(term), True
    return term, False


class Part(Enum):
    """Which text of a card a span is in."""

    TITLE = "title"
    SUMMARY = "summary"
    LEAD = "lead"
    POINT = "point"
    COMMITMENT = "commitment"
    NOTE = "note"
    CITATION = "citation"
    QUOTE = "quote"
    SPEAKER = "speaker"
    PEOPLE = "people"


@dataclass(frozen=True, slots=True)
class Field:
    """One text on a card: its part and, for repeated parts, the index of the point or note."""

    part: Part
    index: int = 0


def commitment_label(card: Card, index: int) -> str:
    """The searchable words of point `index`'s commitment, as the chips show them."""
    commitment = card.points[index].commitment
    if commitment is None:
        return ""
    words = [commitment.actors.label, commitment.kind.value, commitment.what]
    if commitment.amount is not None:
        words.append(commitment.amount.label)
    words.extend(w for w in (commitment.timeframe, commitment.place) if w)
    return " ".join(words)


def people_text(people: tuple[Person, ...]) -> str:
    """The co-chairs as a card lists them, one a line: 'Name (이름) — role'."""
    return "\n".join(
        f"{p.name}{f' ({p.name_ko})' if p.name_ko else ''} \u2014 {p.role}" for p in people
    )


def card_texts(
    card: Card, people: tuple[Person, ...] = (), notes: tuple[Note, ...] | None = None
) -> tuple[tuple[Field, str], ...]:
    """Every text a card shows, with the field it belongs to; `people` are its co-chairs and
    `notes` its analyst notes (the card's own by default)."""
    texts: list[tuple[Field, str]] = [(Field(Part.TITLE), card.title)]
    texts.append((Field(Part.SUMMARY), card.summary))
    if people:
        texts.append((Field(Part.PEOPLE), people_text(people)))
    for i, point in enumerate(card.points):
        if point.lead:
            texts.append((Field(Part.LEAD, i), point.lead))
        texts.append((Field(Part.POINT, i), point.text))
        if point.commitment is not None:
            texts.append((Field(Part.COMMITMENT, i), commitment_label(card, i)))
    for i, note in enumerate(card.notes if notes is None else notes):
        texts.append((Field(Part.NOTE, i), note.text))
        texts.append((Field(Part.CITATION, i), " ".join(c.title for c in note.cites)))
    if card.quote is not None:
        texts.append((Field(Part.QUOTE), card.quote.evidence.quote))
        texts.append((Field(Part.SPEAKER), card.quote.speaker))
    return tuple(texts)


def find_spans(text: str, terms: tuple[str, ...]) -> tuple[Span, ...]:
    """Where the folded terms start words of `text`, as merged (start, end) spans of `text`."""
    if not terms or not text:
        return ()
    folded, origin = _folded_with_origin(text)
    found: list[Span] = []
    for term in terms:
        anywhere = not is_word_start(term, 0)  # a term that starts with a sign
        at = folded.find(term)
        while at >= 0:
            if anywhere or is_word_start(folded, at):
                found.append((origin[at], origin[at + len(term) - 1] + 1))
                at = folded.find(term, at + len(term))
            else:
                at = folded.find(term, at + 1)
    found.sort()
    merged: list[Span] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def co_chairs_on(dialogue: Dialogue, card: Card) -> tuple[Person, ...]:
    """The co-chairs a card lists: the overview lists them, sectors do not."""
    return dialogue.co_chairs if card.kind is CardKind.OVERVIEW else ()


class SearchIndex:
    """Folded text of every card of one dialogue, built once."""

    def __init__(self, dialogue: Dialogue, earlier: SearchIndex | None = None) -> None:
        """Indexes `dialogue`; the cards an `earlier` index of an edited version of it
        holds unchanged (the same objects, with the same co-chairs and notes) are reused."""
        self._cards = dialogue.cards
        self._people = tuple(co_chairs_on(dialogue, card) for card in dialogue.cards)
        self._notes = tuple(dialogue.notes_on(card) for card in dialogue.cards)
        known: dict[int, tuple[Card, tuple[Person, ...], tuple[Note, ...], str, str]] = {}
        if earlier is not None:
            for entry in zip(
                earlier._cards,
                earlier._people,
                earlier._notes,
                earlier._folded,
                earlier._marked,
                strict=True,
            ):
                known[id(entry[0])] = entry
        folded: list[str] = []
        marked: list[str] = []
        for card, people, notes in zip(dialogue.cards, self._people, self._notes, strict=True):
            same = known.get(id(card))
            if same is not None and same[0] is card and same[1] == people and same[2] == notes:
                folded.append(same[3])
                marked.append(same[4])
                continue
            # One string per card; the separator cannot occur in folded text, so no term
            # (which has no white space) can match across two fields.
            text = "\n".join(fold(text) for _, text in card_texts(card, people, notes))
            folded.append(text)
            # The same with a mark before every word start: a term that starts a word is
            # then found with one substring search (its own marks match the text's).
            marked.append(mark_word_starts(text))
        self._folded: tuple[str, ...] = tuple(folded)
        self._marked: tuple[str, ...] = tuple(marked)
        self._last: tuple[tuple[str, ...], tuple[int, ...]] = ((), ())

    def matching(self, query: str) -> tuple[int, ...]:
        """Indices of the cards that contain every term of `query` (all cards when empty)."""
        terms = query_terms(query)
        if not terms:
            return tuple(range(len(self._folded)))
        last_terms, last_found = self._last
        # Typing on only narrows: a card that has a word starting with "batt" has one
        # starting with "bat", so only the cards the shorter query found can match.
        narrowing = bool(last_terms) and all(
            any(term.startswith(old) for term in terms) for old in last_terms
        )
        candidates = last_found if narrowing else range(len(self._folded))
        needles = [needle(term) for term in terms]
        at_starts = [text for text, marked in needles if marked]
        anywhere = [text for text, marked in needles if not marked]
        found = tuple(
            i
            for i in candidates
            if all(t in self._marked[i] for t in at_starts)
            and all(t in self._folded[i] for t in anywhere)
        )
        self._last = (terms, found)
        return found

    def spans(self, card_index: int, query: str) -> dict[Field, tuple[Span, ...]]:
        """The match spans in each text of one card (fields without matches left out)."""
        terms = query_terms(query)
        if not terms:
            return {}
        result: dict[Field, tuple[Span, ...]] = {}
        texts = card_texts(
            self._cards[card_index], self._people[card_index], self._notes[card_index]
        )
        for field, text in texts:
            spans = find_spans(text, terms)
            if spans:
                result[field] = spans
        return result
