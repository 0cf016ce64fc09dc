"""Nothing on a page collides: every run of text keeps clear of the lines around it."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefing.loader import load_dialogue
from briefing.paths import bundled_dialogue
from briefing.pdf import render_book, render_card
from briefing.pdf.fonts import BOLD, REGULAR

DAY = date(2024, 5, 1)
DIALOGUE = load_dialogue(bundled_dialogue())

Run = tuple[float, float, float, float, str]  # left, right, baseline, size, text


def runs(page: Any) -> list[Run]:
    """Every text run with its extent; widths measured in the font the run names."""
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        scale = tm[3] * cm[3] if tm[3] and cm[3] else 1.0
        points = size * abs(scale)
        x = tm[4] * cm[0] + cm[4]
        y = tm[5] * cm[3] + cm[5]
        name = BOLD if font and "Bold" in str(font.get("/BaseFont", "")) else REGULAR
        width = stringWidth(text.rstrip("\n"), name, points)
        found.append((x, x + width, y, points, text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def collisions(found: list[Run]) -> list[tuple[str, str]]:
    clashes = []
    for i, (l1, r1, y1, s1, t1) in enumerate(found):
        for l2, r2, y2, s2, t2 in found[i + 1 :]:
            overlap_x = min(r1, r2) - max(l1, l2) > 1.0
            gap = abs(y1 - y2)
            # Runs on one baseline are one line (pypdf places them at the line start).
            if overlap_x and 0.5 <= gap < 0.8 * min(s1, s2):
                clashes.append((t1, t2))
    return clashes


@pytest.mark.parametrize("size", ["a4", "letter"])
@pytest.mark.parametrize("card_id", [card.id for card in DIALOGUE.cards])
def test_no_text_collides_on_a_card(card_id: str, size: Any) -> None:
    page = PdfReader(io.BytesIO(render_card(DIALOGUE, card_id, size, generated=DAY))).pages[0]
    found = runs(page)
    assert len(found) > 10
    assert collisions(found) == []


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_no_text_collides_in_the_book(size: Any) -> None:
    for page in PdfReader(io.BytesIO(render_book(DIALOGUE, size, generated=DAY))).pages:
        assert collisions(runs(page)) == []


def test_a_reference_on_its_own_line_sits_under_its_point() -> None:
    page = PdfReader(io.BytesIO(render_card(DIALOGUE, "joint-research", "letter"))).pages[0]
    found = runs(page)
    ref = next(r[2] for r in found if r[4] == "¶4")
    before = next(r[2] for r in found if r[4].startswith("between South Korea"))
    after = next(r[2] for r in found if r[4].startswith("Funding for"))
    assert after < ref < before
