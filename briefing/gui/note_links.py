"""Analyst notes as rich text: every data string escaped, search matches marked, and web
addresses (http and https only) as links that wrap at their slashes instead of overflowing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QUrl

from briefing.gui.card_parts import Span, marked
from briefing.gui.desktop import web_url
from briefing.gui.theme import Colors
from briefing.model import Citation

URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\u201d\u2019"
"""Punctuation that ends a sentence after an address rather than belonging to it."""
BREAK_AFTER = frozenset("/?&=#.-_")
WRAP = "\u200b"
"""A zero-width space: where a long address may wrap."""


def _within(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The parts of `spans` inside [start, end), counted from `start`."""
    return [(max(a, start) - start, min(b, end) - start) for a, b in spans if b > start and a < end]


def _chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) pieces of an address, each ending after a character it may wrap after."""
    pieces, start = [], 0
    for at, char in enumerate(text):
        if char in BREAK_AFTER and at + 1 < len(text) and text[at + 1] not in BREAK_AFTER:
            pieces.append((start, at + 1))
            start = at + 1
    pieces.append((start, len(text)))
    return pieces


def link(address: str, spans: Sequence[Span], colors: Colors) -> str:
    """A web address as a link (or as escaped text when it is not http or https)."""
    url = web_url(address)
    shown = WRAP.join(
        marked(address[a:b], _within(spans, a, b), colors) for a, b in _chunks(address)
    )
    if url is None:
        return shown
    href = escape(url.toString(QUrl.ComponentFormattingOption.FullyEncoded), quote=True)
    return f'<a href="{href}" style="color:{colors.accent};">{shown}</a>'


def linked(text: str, spans: Sequence[Span], colors: Colors) -> str:
    """`text` as escaped rich text, matches marked, web addresses linked."""
    out: list[str] = []
    at = 0
    for found in URL.finditer(text):
        start, end = found.span()
        end = start + len(found[0].rstrip(TRAILING))
        if end <= start or web_url(text[start:end]) is None:
            continue
        out.append(marked(text[at:start], _within(spans, at, start), colors))
        out.append(link(text[start:end], _within(spans, start, end), colors))
        at = end
    out.append(marked(text[at:], _within(spans, at, len(text)), colors))
    return "".join(out)


def citations(cites: Sequence[Citation], spans: Sequence[Span], colors: Colors) -> str:
    """'Cites: Title (address); …' as rich text; `spans` are in the titles joined by spaces,
    as the search index joins them."""
    parts = []
    offset = 0
    for cite in cites:
        end = offset + len(cite.title)
        title = marked(cite.title, _within(spans, offset, end), colors)
        parts.append(f"{title} ({link(cite.url, (), colors)})" if cite.url else title)
        offset = end + 1
    return "Cites: " + "; ".join(parts)
