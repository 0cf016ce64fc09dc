"""Nothing on a page is lost or drawn over: long lead-ins wrap inside the text frame."""

from __future__ import annotations

import dataclasses
import subprocess
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from briefing.loader import load_dialogue
from briefing.model import Dialogue
from briefing.paths import bundled_dialogue
from briefing.pdf import render_book, render_card
from briefing.pdf.styles import page_geometry
from tests.test_pdf_tools import tool

DAY = date(2024, 5, 1)
XHTML = "{http://www.w3.org/1999/xhtml}"
LONG_LEAD = (
    "Semiconductor supply chains, export controls and the joint research programme on "
    "advanced packaging that both governments endorsed at the closing session in Seoul"
)


@dataclasses.dataclass(frozen=True)
class Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float


def words_on_pages(pdf: bytes, tmp_path: Path) -> list[list[Word]]:
    """Each page's words with their boxes (points from the top left), from pdftotext."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        [tool("pdftotext"), "-bbox", str(path), "-"], check=True, capture_output=True
    ).stdout
    root = ElementTree.fromstring(html)
    pages = []
    for page in root.iter(f"{XHTML}page"):
        pages.append(
            [
                Word(
                    w.text or "",
                    float(w.get("xMin", 0)),
                    float(w.get("yMin", 0)),
                    float(w.get("xMax", 0)),
                    float(w.get("yMax", 0)),
                )
                for w in page.iter(f"{XHTML}word")
            ]
        )
    return pages


def overlaps(found: list[Word]) -> list[tuple[str, str]]:
    """Pairs of words drawn over each other: their boxes share more than a sliver."""
    clashes = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            across = min(a.right, b.right) - max(a.left, b.left)
            down = min(a.bottom, b.bottom) - max(a.top, b.top)
            if across > 1.0 and down > 0.3 * min(a.bottom - a.top, b.bottom - b.top):
                clashes.append((a.text, b.text))
    return clashes


def ai_point_start() -> str:
    """The first words of the AI card's first point, which follow its lead-in."""
    return " ".join(load_dialogue(bundled_dialogue()).card("ai").points[0].text.split()[:3])


def with_lead(lead: str, card_id: str = "ai") -> Dialogue:
    d = load_dialogue(bundled_dialogue())
    card = d.card(card_id)
    first = dataclasses.replace(card.points[0], lead=lead)
    changed = dataclasses.replace(card, points=(first, *card.points[1:]))
    return dataclasses.replace(d, cards=tuple(changed if c.id == card_id else c for c in d.cards))


def assert_inside_frame_and_apart(page: list[Word], size: Any) -> None:
    geometry = page_geometry(size)
    outside = [
        w.text for w in page if w.left < geometry.frame_x - 0.5 or w.right > geometry.right + 0.5
    ]
    assert outside == []
    assert overlaps(page) == []


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_a_150_character_lead_in_wraps_inside_the_frame(size: Any, tmp_path: Path) -> None:
    lead = LONG_LEAD[:149] + "."
    assert len(lead) == 150
    [page] = words_on_pages(render_card(with_lead(lead), "ai", size, generated=DAY), tmp_path)
    assert_inside_frame_and_apart(page, size)
    text = " ".join(w.text for w in page)
    # Every word of the lead-in is there, in order, followed by the point's own text.
    assert " ".join(lead.split()) + " " + ai_point_start() in text


def test_a_lead_in_without_spaces_is_broken_inside_the_frame(tmp_path: Path) -> None:
    lead = "Semiconductors" * 8
    [page] = words_on_pages(render_card(with_lead(lead), "ai", "a4", generated=DAY), tmp_path)
    assert_inside_frame_and_apart(page, "a4")
    assert lead in "".join(w.text for w in page)


def test_line_breaks_and_tabs_in_a_lead_in_are_spaces(tmp_path: Path) -> None:
    [page] = words_on_pages(
        render_card(with_lead("Safety\tand\nsecurity"), "ai", "a4", generated=DAY), tmp_path
    )
    assert "Safety and security. " + ai_point_start() in " ".join(w.text for w in page)


def test_the_book_wraps_a_long_lead_in_too(tmp_path: Path) -> None:
    dialogue = with_lead(LONG_LEAD)
    pages = words_on_pages(render_book(dialogue, "a4", generated=DAY), tmp_path)
    card_page = next(p for p in pages if LONG_LEAD.split()[0] in {w.text for w in p})
    assert_inside_frame_and_apart(card_page, "a4")


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_no_word_of_the_bundled_cards_leaves_the_frame_or_overlaps(
    size: Any, tmp_path: Path
) -> None:
    dialogue = load_dialogue(bundled_dialogue())
    for card in dialogue.cards:
        [page] = words_on_pages(render_card(dialogue, card.id, size, generated=DAY), tmp_path)
        assert_inside_frame_and_apart(page, size)
