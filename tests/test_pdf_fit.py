"""One page, guaranteed: a long card shrinks to fit; past the 8 pt floor it is refused by name."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from pypdf import PdfReader

from briefing.loader import load_dialogue
from briefing.model import Dialogue, Point
from briefing.paths import bundled_dialogue
from briefing.pdf import CardTooLong, export_pdfs, render_book, render_card
from briefing.pdf.cardpage import card_blocks
from briefing.pdf.flowables import stack_height
from briefing.pdf.styles import MIN_BODY_SIZE, SCALES, page_geometry, stylesheet

DAY = date(2024, 5, 1)


def with_points(count: int) -> Dialogue:
    """The bundled dialogue whose AI card has `count` distinct, numbered points."""
    d = load_dialogue(bundled_dialogue())
    card = d.card("ai")
    template = card.points[0]
    points = tuple(
        Point(
            f"Point {n}",
            f"Item {n}: the two countries will keep cooperating on AI meetings and related "
            f"work, with officials meeting again to review progress on item {n}.",
            template.evidence,
            None,
        )
        for n in range(1, count + 1)
    )
    cards = tuple(dataclasses.replace(c, points=points) if c.id == "ai" else c for c in d.cards)
    return dataclasses.replace(d, cards=cards)


def needed(dialogue: Dialogue, scale: float, size: str = "letter") -> float:
    geometry = page_geometry(size)
    blocks = card_blocks(
        dialogue, dialogue.card("ai"), stylesheet(scale), geometry.frame_width, linked=False
    )
    return stack_height(blocks.all, geometry.frame_width) - geometry.frame_height


def longest_that_fits() -> int:
    """The most points that fit at the floor but not at full size (on Letter)."""
    count = 10
    while needed(with_points(count + 1), SCALES[-1]) <= 0:
        count += 1
    assert needed(with_points(count), SCALES[0]) > 0, "should need shrinking"
    return count


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_floor_is_eight_point_body_text() -> None:
    assert stylesheet(SCALES[-1]).body_size == MIN_BODY_SIZE == 8
    assert stylesheet(SCALES[0]).body_size == 10
    assert list(SCALES) == sorted(SCALES, reverse=True)


@pytest.mark.parametrize("size", ["letter", "a4"])
def test_a_long_card_that_can_fit_is_shrunk_onto_exactly_one_page(size: str) -> None:
    dialogue = with_points(longest_that_fits())
    pdf = render_card(dialogue, "ai", size, generated=DAY)  # type: ignore[arg-type]
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = words(reader.pages[0].extract_text())
    for point in dialogue.card("ai").points:  # nothing dropped
        assert words(point.text) in text
    assert "Source: Yonhap News Agency, citing Seoul's presidential office, paragraph 8." in text
    assert "Page 1 of 1" in text


def test_the_book_fits_the_same_long_card_on_one_page() -> None:
    dialogue = with_points(longest_that_fits())
    reader = PdfReader(io.BytesIO(render_book(dialogue, "letter", generated=DAY)))
    ai = 1 + [c.id for c in dialogue.cards].index("ai")
    text = words(reader.pages[ai].extract_text())
    assert "Item 1:" in text
    assert "Item " + str(len(dialogue.card("ai").points)) + ":" in text
    assert words(dialogue.cards[ai].summary) in words(reader.pages[ai + 1].extract_text())


def test_an_over_long_card_is_refused_with_its_name_and_overflow() -> None:
    dialogue = with_points(120)
    with pytest.raises(CardTooLong) as raised:
        render_card(dialogue, "ai", "a4", generated=DAY)
    error = raised.value
    assert error.card_id == "ai"
    assert error.overflow_pt == pytest.approx(needed(dialogue, SCALES[-1], "a4"))
    assert error.overflow_pt > 500
    message = str(error)
    assert "'ai'" in message
    assert f"{error.overflow_pt:.0f} pt" in message
    assert "8 pt" in message


def test_one_point_over_the_floor_is_refused_too() -> None:
    dialogue = with_points(longest_that_fits() + 1)
    with pytest.raises(CardTooLong) as raised:
        render_card(dialogue, "ai", "letter", generated=DAY)
    assert 0 < raised.value.overflow_pt < 60


def test_book_and_export_refuse_an_over_long_card_and_write_nothing(tmp_path: object) -> None:
    from pathlib import Path

    out = Path(str(tmp_path)) / "out"
    dialogue = with_points(120)
    with pytest.raises(CardTooLong):
        render_book(dialogue, generated=DAY)
    with pytest.raises(CardTooLong):
        export_pdfs(dialogue, out, generated=DAY)
    assert not out.exists()  # every file is rendered before the folder is made


def test_each_paragraph_is_broken_into_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fitting measures with wrap(); the build reuses those lines instead of laying out again."""
    from reportlab.platypus import Paragraph

    from briefing.pdf.flowables import MeasuredParagraph

    made: list[object] = []
    broken: list[object] = []
    init, break_lines = MeasuredParagraph.__init__, Paragraph.breakLines

    def counting_init(self: MeasuredParagraph, *args: object, **kwargs: object) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    def counting_break(self: Paragraph, *args: object, **kwargs: object) -> object:
        broken.append(self)
        return break_lines(self, *args, **kwargs)

    monkeypatch.setattr(MeasuredParagraph, "__init__", counting_init)
    monkeypatch.setattr(Paragraph, "breakLines", counting_break)
    render_card(load_dialogue(bundled_dialogue()), "overview", generated=DAY)
    assert len(made) > 20
    assert len(broken) == len(made)
