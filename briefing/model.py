"""The immutable dialogue model: what a validated dialogue file says, with provenance.

Objects here are only ever built by the loader, after every check has passed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Actor(StrEnum):
    """Who a commitment binds."""

    KR = "KR"
    US = "US"
    BOTH = "both"

    @property
    def label(self) -> str:
        return {"KR": "South Korea", "US": "United States", "both": "Both"}[self.value]


class CommitmentKind(StrEnum):
    """How firm a commitment is, in the words the source uses."""

    AGREED = "agreed"
    PLEDGED = "pledged"
    PLANNED = "planned"
    EXPECTED = "expected"
    TO_EXPLORE = "to explore"


class CardKind(StrEnum):
    OVERVIEW = "overview"
    SECTOR = "sector"


@dataclass(frozen=True, slots=True)
class Account:
    """Whose account a source gives ("Seoul's presidential office"): backed by a verbatim
    quote of the source (`evidence`), or else analyst context citing its own sources."""

    by: str
    evidence: Evidence | None
    cites: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """A stored source document, split into paragraphs.

    When `headline` is set, the first paragraph is the headline and numbering starts at the
    paragraph after it, as a reader of the article would count. When `credit_line` is set,
    the last paragraph is that credit line ("Source: Yonhap News Agency"), not numbered.
    """

    id: str
    title: str
    publisher: str
    file: str
    path: Path
    text: str
    paragraphs: tuple[str, ...]
    headline: str | None
    url: str | None
    attribution: str | None
    credit_line: str | None
    account: Account | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from a source, and the paragraph numbers it was found in."""

    source: str
    quote: str
    paragraphs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    currency: str
    qualifier: str | None
    stated: str

    @property
    def label(self) -> str:
        return self.stated


@dataclass(frozen=True, slots=True)
class Commitment:
    """A structured commitment; `timeframe`, `place` and the amount are as the source states."""

    actors: Actor
    kind: CommitmentKind
    what: str
    amount: Amount | None
    timeframe: str | None
    place: str | None


@dataclass(frozen=True, slots=True)
class Point:
    lead: str | None
    text: str
    evidence: tuple[Evidence, ...]
    commitment: Commitment | None


@dataclass(frozen=True, slots=True)
class Citation:
    title: str
    url: str | None


@dataclass(frozen=True, slots=True)
class Note:
    """Analyst context from outside the stored sources: marked as such, citing its own source."""

    text: str
    cites: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """The calendar date the dialogue was held, from outside the sources: analyst context
    with its citations, shown as an editorial insertion ("Saturday [9 December 2023]")."""

    day: datetime.date
    note: Note


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quote block for a card: a speaker's words, verified like any evidence."""

    speaker: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    name_ko: str | None
    role: str
    country: Actor
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Card:
    """One briefing card: the overview or a sector."""

    id: str
    kind: CardKind
    title: str
    icon: str | None
    summary: str
    points: tuple[Point, ...]
    notes: tuple[Note, ...]
    quote: Quotation | None

    @property
    def commitments(self) -> tuple[Commitment, ...]:
        return tuple(p.commitment for p in self.points if p.commitment is not None)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        found = [e for p in self.points for e in p.evidence]
        if self.quote is not None:
            found.append(self.quote.evidence)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Dialogue:
    """A whole dialogue file: metadata, sources and cards (the overview first)."""

    path: Path
    title: str
    short_title: str | None
    place: str
    date: str
    date_context: Note | None
    resolved_date: ResolvedDate | None
    publisher: str | None
    co_chairs: tuple[Person, ...]
    evidence: tuple[Evidence, ...]
    sources: tuple[Source, ...]
    cards: tuple[Card, ...]
    quote_count: int = field(init=False, compare=False, repr=False)
    """Every verified quote: on cards, the dialogue, the co-chairs and the sources (counted
    once, when the dialogue is made: the status bar shows it after every keystroke)."""

    def __post_init__(self) -> None:
        on_cards = sum(len(c.evidence) for c in self.cards)
        on_sources = sum(1 for s in self.sources if s.account and s.account.evidence)
        on_people = sum(len(p.evidence) for p in self.co_chairs)
        count = on_cards + len(self.evidence) + on_people + on_sources
        object.__setattr__(self, "quote_count", count)

    @property
    def display_title(self) -> str:
        """The title for window titles, headers and footers: the short title if any."""
        return self.short_title or self.title

    @property
    def date_note(self) -> Note | None:
        """The analyst note on the date: the resolved date's, else `date_context`."""
        return self.resolved_date.note if self.resolved_date else self.date_context

    def pdf_name(self, part: str, page_size: str) -> str:
        """The file name of one of its PDFs, the same from the CLI and the app:
        '<file-stem>-<card id or "book">-<page size>.pdf'."""
        return f"{self.path.stem}-{part}-{page_size}.pdf"

    def notes_on(self, card: Card) -> tuple[Note, ...]:
        """The analyst notes a card shows: the overview's begin with the note on the date."""
        if card.kind is CardKind.OVERVIEW and self.date_note is not None:
            return (self.date_note, *card.notes)
        return card.notes

    @property
    def resolved_day(self) -> datetime.date | None:
        return self.resolved_date.day if self.resolved_date else None

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def card(self, card_id: str) -> Card:
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    @property
    def point_count(self) -> int:
        return sum(len(c.points) for c in self.cards)
