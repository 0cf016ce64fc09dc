"""The briefing book: cover, every card on its own page, the source text, bookmarks, links."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from briefing import __version__
from briefing.editorial import with_years
from briefing.loader import load_dialogue
from briefing.model import Dialogue
from briefing.paths import bundled_dialogue
from briefing.pdf import render_book

DAY = date(2024, 5, 1)
SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return load_dialogue(bundled_dialogue())


@pytest.fixture(scope="module", params=sorted(SIZES))
def book(request: pytest.FixtureRequest, dialogue: Dialogue) -> tuple[str, PdfReader]:
    size: Any = request.param
    return size, PdfReader(io.BytesIO(render_book(dialogue, size, generated=DAY)))


def words(text: str) -> str:
    return " ".join(text.split())


def texts(reader: PdfReader) -> list[str]:
    return [words(page.extract_text()) for page in reader.pages]


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) for every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None, f"bookmark {item.title!r} points to no page"
                found.append((level, item.title, page))

    walk(reader.outline, 0)
    return found


PAGE_HEADINGS = [
    "BRIEFING BOOK",
    "Overview",
    "Semiconductors",
    "Joint research (MSIT\u2013NSF)",
    "Bio and pharmaceuticals",
    "Batteries and clean energy",
    "Artificial intelligence",
    "ICT infrastructure and 5G/6G standards",
    "Technology security",
    "Appendix: source text",
]


def heading(page: Any, dialogue: Dialogue) -> str:
    """The first line a reader sees below the marking: a card's kicker is skipped."""
    lines = [line for line in page.extract_text().splitlines() if line.strip()]
    body = [line for line in lines if "OPEN-SOURCE SUMMARY" not in line]
    body = [line for line in body if not line.startswith("Generated ")]
    return str(body[1] if body[0] == dialogue.title else body[0])


def test_the_pages_in_order_by_their_headings(
    dialogue: Dialogue, book: tuple[str, PdfReader]
) -> None:
    _, reader = book
    assert [heading(page, dialogue) for page in reader.pages] == PAGE_HEADINGS


def test_cover_then_one_page_per_card_then_the_appendix(
    dialogue: Dialogue, book: tuple[str, PdfReader]
) -> None:
    size, reader = book
    pages = texts(reader)
    assert len(pages) == 1 + len(dialogue.cards) + 1
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(SIZES[size], abs=0.01)
    assert "BRIEFING BOOK" in pages[0]
    assert words(dialogue.title) in pages[0]
    day = dialogue.resolved_day
    for index, card in enumerate(dialogue.cards, start=1):
        assert words(with_years(card.summary, day)) in pages[index]
        assert "Saturday [9 December 2023]" in pages[index]
        for point in card.points:
            assert words(with_years(point.text, day)) in pages[index]
    assert "Appendix: source text" in pages[len(dialogue.cards) + 1]


def test_every_page_says_page_n_of_n(book: tuple[str, PdfReader]) -> None:
    _, reader = book
    pages = texts(reader)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_the_cover_lists_every_card_with_its_page(dialogue: Dialogue) -> None:
    reader = PdfReader(io.BytesIO(render_book(dialogue, generated=DAY)))
    cover = texts(reader)[0]
    for number, card in enumerate(dialogue.cards, start=2):
        assert f"{words(card.title)} {number}" in cover


def test_the_appendix_has_the_full_source_in_numbered_paragraphs(
    dialogue: Dialogue, book: tuple[str, PdfReader]
) -> None:
    _, reader = book
    appendix = " ".join(texts(reader)[len(dialogue.cards) + 1 :])
    source = dialogue.sources[0]
    assert source.headline is not None
    assert words(source.headline) in appendix
    assert source.credit_line == "Source: Yonhap News Agency" == source.paragraphs[-1]
    for number, paragraph in enumerate(source.paragraphs[1:-1], start=1):
        assert f"{number} {words(paragraph)}" in appendix
    last = len(source.paragraphs) - 2  # the credit line is printed, but not numbered
    assert f"{last} {words(source.paragraphs[-2])} Source: Yonhap News Agency" in appendix
    assert f"{last + 1} Source: Yonhap" not in appendix
    assert "the headline and the closing credit line are not numbered" in appendix


def test_bookmarks_for_every_section(dialogue: Dialogue, book: tuple[str, PdfReader]) -> None:
    _, reader = book
    marks = outline(reader)
    cards = [(0, card.title, index) for index, card in enumerate(dialogue.cards, start=1)]
    appendix_page = len(dialogue.cards) + 1
    source = dialogue.sources[0]
    assert marks == [
        (0, "Cover", 0),
        *cards,
        (0, "Appendix: source text", appendix_page),
        (1, f"{source.publisher}: {source.title}", appendix_page),
    ]
    assert reader.page_mode == "/UseOutlines"


def test_paragraph_references_link_into_the_appendix(
    dialogue: Dialogue, book: tuple[str, PdfReader]
) -> None:
    _, reader = book
    page_of = {
        page.indirect_reference.idnum: i  # type: ignore[union-attr]
        for i, page in enumerate(reader.pages)
    }
    appendix_pages = set(range(len(dialogue.cards) + 1, len(reader.pages)))
    bio = reader.pages[1 + [c.id for c in dialogue.cards].index("bio-pharma")]
    targets = [
        annot.get_object()["/Dest"]
        for annot in bio.get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    assert len(targets) == 3  # ¶5, ¶6, ¶6: one link per point
    for target in targets:
        assert page_of[target[0].idnum] in appendix_pages
    # ¶5 points higher up the appendix page than ¶6.
    assert targets[0][3] > targets[1][3]


def test_metadata(dialogue: Dialogue) -> None:
    meta = PdfReader(io.BytesIO(render_book(dialogue, generated=DAY))).metadata
    assert meta is not None
    assert meta.title == f"Briefing book — {dialogue.title}"
    assert meta.author == "Briefing"
    assert meta.subject and f"{dialogue.short_title}:" in meta.subject
    assert "Semiconductors" in (meta.get("/Keywords") or "")
    assert meta.creator == f"Briefing {__version__}"


def test_same_input_gives_the_same_bytes(dialogue: Dialogue) -> None:
    assert render_book(dialogue, "letter", generated=DAY) == render_book(
        dialogue, "letter", generated=DAY
    )


def test_a_contents_list_longer_than_the_cover_still_gives_true_page_numbers(
    dialogue: Dialogue,
) -> None:
    import dataclasses

    sectors = tuple(
        dataclasses.replace(dialogue.cards[1 + n % 7], id=f"s{n}", title=f"Sector {n}")
        for n in range(60)
    )
    long = dataclasses.replace(dialogue, cards=(dialogue.cards[0], *sectors))
    reader = PdfReader(io.BytesIO(render_book(long, "letter", generated=DAY)))
    marks = {title: page for _, title, page in outline(reader)}
    front = " ".join(texts(reader)[: marks["Overview"]])
    assert marks["Overview"] > 1  # the contents took more than one page
    for title in ("Overview", "Sector 0", "Sector 59", "Appendix: source text"):
        assert f"{title} {marks[title] + 1}" in front
