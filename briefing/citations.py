"""Where evidence stands in its sources: paragraph numbers, their runs and labels, and the
source line of a card ("Source: Yonhap News Agency, citing Seoul's presidential office,
paragraphs 5-6"). Shared by the PDF pages and the GUI.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.model import Card, Dialogue, Evidence, Source


def first_paragraph_number(source: Source) -> int:
    """The number of the source's first paragraph: 0 when it is a headline, else 1."""
    return 0 if source.headline is not None else 1


def paragraph_number(source: Source, index: int) -> int | None:
    """The number a reader cites paragraph `index` by; None for a trailing credit line."""
    if source.credit_line is not None and index == len(source.paragraphs) - 1:
        return None
    return first_paragraph_number(source) + index


def evidence_by_source(evidence: Iterable[Evidence]) -> dict[str, list[int]]:
    """Paragraph numbers of the evidence, grouped by source id in order of first mention."""
    grouped: dict[str, list[int]] = {}
    for item in evidence:
        grouped.setdefault(item.source, []).extend(item.paragraphs)
    return grouped


def paragraph_runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive numbers as (first, last) runs: 4, 6, 9, 10 -> (4, 4), (6, 6), (9, 10)."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def run_label(first: int, last: int, dash: str = "-") -> str:
    """'5' or '5-6', or with another `dash` between the two numbers."""
    return str(first) if first == last else f"{first}{dash}{last}"


def paragraph_label(numbers: Iterable[int]) -> str:
    """'paragraph 5', 'paragraphs 5-6', 'headline, paragraphs 1, 3' for paragraph numbers.

    Number 0 is a source's headline.
    """
    unique = sorted(set(numbers))
    if unique and unique[0] == 0:
        rest = paragraph_label(unique[1:])
        return f"headline, {rest}" if rest else "headline"
    if not unique:
        return ""
    runs = ", ".join(run_label(first, last) for first, last in paragraph_runs(unique))
    word = "paragraph" if len(unique) == 1 else "paragraphs"
    return f"{word} {runs}"


def source_credit(source: Source) -> str:
    """'Yonhap News Agency, citing Seoul's presidential office': whose account it is."""
    account = source.account
    if account is None:
        return source.publisher
    marked = "" if account.evidence is not None else " (analyst context)"
    return f"{source.publisher}, citing {account.by}{marked}"


def source_line(dialogue: Dialogue, card: Card) -> str:
    """'Source: Yonhap News Agency, citing Seoul's presidential office, paragraphs 5-6' from
    the card's evidence, in the order the dialogue lists its sources (plain text)."""
    grouped = evidence_by_source(card.evidence)
    parts = [
        f"{source_credit(source)}, {paragraph_label(grouped[source.id])}"
        for source in dialogue.sources
        if source.id in grouped
    ]
    if not parts:
        return ""
    return ("Source: " if len(parts) == 1 else "Sources: ") + "; ".join(parts)
