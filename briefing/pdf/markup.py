"""Model data as safe Paragraph markup: every data string is escaped here, and only here.

Functions that return markup take plain text and add tags of their own; nothing from a
dialogue file is ever read as a tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from briefing.citations import evidence_by_source, paragraph_runs, run_label
from briefing.model import Dialogue, Evidence
from briefing.pdf.flowables import Ref

_ATTRIBUTE = {'"': "&quot;"}
EN_DASH = "\u2013"
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def text(value: str) -> str:
    """Plain data text as markup: `&`, `<` and `>` come out literally."""
    return escape(value)


def web_link(url: str, label: str | None = None) -> str:
    """A clickable link for http(s) URLs, shown without the scheme; anything else stays
    plain text."""
    if label is None:
        label = display_url(url)
    shown = escape(label)
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return shown
    return f'<link href="{escape(url, _ATTRIBUTE)}">{shown}</link>'


def display_url(url: str) -> str:
    """An address as printed: without 'https://'."""
    return _SCHEME.sub("", url)


def anchor_name(source_index: int, number: int) -> str:
    """The named destination of a source paragraph in the book's appendix."""
    return f"src{source_index}-p{number}"


def anchor(source_index: int, number: int) -> str:
    return f'<a name="{anchor_name(source_index, number)}"/>'


def card_anchor_name(card_index: int) -> str:
    return f"card{card_index}"


def paragraph_refs(dialogue: Dialogue, evidence: Sequence[Evidence], *, linked: bool) -> list[Ref]:
    """'¶4, 6, 9-10' (en dash), 'headline, ¶1' for a point's evidence, one Ref per run; in
    the book each run links to its paragraph in the appendix. Prefixed by the publisher when
    the dialogue has several sources. Plain text: drawn, never parsed as markup."""
    by_source = evidence_by_source(evidence)
    indexes = {s.id: i for i, s in enumerate(dialogue.sources)}
    refs: list[Ref] = []
    for source_id, numbers in by_source.items():
        index = indexes.get(source_id, 0)
        separator = "; " if refs else ""
        if len(dialogue.sources) > 1:
            separator += dialogue.sources[index].publisher + " "
        sign = "¶"  # on the first numbered run only
        for first, last in paragraph_runs(numbers):
            if first == 0:
                refs.append(_ref(separator + "headline", index, 0, linked))
                separator = ", "
                first += 1
                if first > last:
                    continue
            label = run_label(first, last, EN_DASH)
            refs.append(_ref(separator + sign + label, index, first, linked))
            separator, sign = ", ", ""
    return refs


def _ref(label: str, source_index: int, number: int, linked: bool) -> Ref:
    return Ref(label, anchor_name(source_index, number) if linked else None)
