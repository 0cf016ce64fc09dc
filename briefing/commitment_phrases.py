"""Phrases a commitment may use: the amounts, times and places that a point's evidence says
verbatim, offered by the commitment form (a commitment's timeframe, place and amount must
appear in its evidence word for word)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.edit import value_at
from briefing.provenance import normalise

if TYPE_CHECKING:
    from briefing.document import Document

_PHRASES = (
    # amounts: "$10 million", "US$ 1.5 billion", "10 billion won", "5,000 dollars", each also
    # with the qualifier the source gives ("at least US$10 million")
    r"(?:(?:at least|up to|about) )?(?:US)?\$ ?\d[\d,.]*(?: (?:million|billion|trillion))?"
    r"|\d[\d,.]*(?: (?:million|billion|trillion))? (?:won|dollars|euros|yen)\b",
    # times: "next year", "by 2025", "in December 2024", "early next year", "within five years"
    r"\b(?:(?:early|late|later|by the end of) )?(?:next|this|last|the coming) "
    r"(?:year|month|week|decade|spring|summer|autumn|fall|winter)\b",
    r"\b(?:by|in|until|from|before|after|since) (?:(?:early|late|mid-)?(?:January|February|March"
    r"|April|May|June|July|August|September|October|November|December) )?\d{4}\b",
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?: \d{1,2})?(?:,? \d{4})?\b",
    r"\bwithin (?:the )?(?:next )?\w+ (?:years?|months?|weeks?|days?)\b",
    r"\b(?:the )?(?:first|second|third|fourth) (?:half|quarter) of (?:next year|this year|\d{4})",
    # places: "in Seoul", "at the presidential office in Seoul", "in Washington, D.C."
    r"\b(?:in|at) (?:the )?(?:[A-Z][\w.'-]*(?:,? (?:[A-Z][\w.'-]*|of|the|and))*)",
)
_PHRASE = re.compile("|".join(f"(?:{p})" for p in _PHRASES))
_QUALIFIER = re.compile(r"^(?:at least|up to|about) (?=(?:US)?\$)")


def commitment_phrases(doc: Document, card: int, point: int) -> tuple[str, ...]:
    """Phrases of the point's evidence that a commitment's timeframe, place or amount may
    use (they must appear there verbatim): amounts, times and places, in order, each once."""
    point_data = value_at(doc.data, ("sectors", card, "points", point))
    quotes = point_data.get("evidence") if isinstance(point_data, dict) else None
    found: dict[str, None] = {}
    for item in quotes if isinstance(quotes, list) else ():
        quote = item.get("quote") if isinstance(item, dict) else None
        if isinstance(quote, str):
            for match in _PHRASE.finditer(normalise(quote)):
                phrase = match.group().rstrip(",.")
                if phrase.split(" ", 1)[0] in ("in", "at") and phrase.count(" ") == 0:
                    continue
                found.setdefault(phrase)
                bare = _QUALIFIER.sub("", phrase, count=1)
                if bare != phrase:  # the amount as the form's "as stated" may also take it
                    found.setdefault(bare)
    return tuple(found)
