"""One-page PDF briefings: one page of the right size, the card's words on it, fonts embedded."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from briefing import __version__
from briefing.citations import paragraph_label
from briefing.editorial import with_years
from briefing.loader import load_dialogue
from briefing.model import Dialogue
from briefing.paths import bundled_dialogue
from briefing.pdf import DEFAULT_MARKING, render_card

DAY = date(2024, 5, 1)
SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return load_dialogue(bundled_dialogue())


def words(text: str) -> str:
    return " ".join(text.split())


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return words(reader.pages[0].extract_text())


CARD_IDS = [card.id for card in load_dialogue(bundled_dialogue()).cards]


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("card_id", CARD_IDS)
def test_every_card_is_one_page_of_the_chosen_size(
    dialogue: Dialogue, card_id: str, size: str
) -> None:
    reader = PdfReader(io.BytesIO(render_card(dialogue, card_id, size, generated=DAY)))  # type: ignore[arg-type]
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(SIZES[size], abs=0.01)


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("card_id", CARD_IDS)
def test_the_page_carries_the_summary_every_point_and_the_source_line(
    dialogue: Dialogue, card_id: str, size: str
) -> None:
    card = dialogue.card(card_id)
    text = page_text(render_card(dialogue, card_id, size, generated=DAY))  # type: ignore[arg-type]
    day = dialogue.resolved_day
    assert words(card.title) in text
    assert words(with_years(card.summary, day)) in text
    for point in card.points:
        assert words(with_years(point.text, day)) in text
        if point.lead:
            assert words(point.lead) in text
    # Every one-pager says when (with the resolved date and where it comes from) and whose
    # account it is.
    assert "Presidential office, Seoul · Saturday [9 December 2023]" in text
    numbers = [n for evidence in card.evidence for n in evidence.paragraphs]
    credit = "Source: Yonhap News Agency, citing Seoul's presidential office"
    assert (
        f"{credit}, {paragraph_label(numbers)}. Dates in [brackets] are analyst context: etnews"
        in text
    )
    assert "next year" not in text.replace("next year [2024]", "")
    assert "Generated 1 May 2024" in text
    assert "Page 1 of 1" in text
    assert text.count(DEFAULT_MARKING) == 2


def test_source_line_gives_the_paragraph_numbers(dialogue: Dialogue) -> None:
    text = page_text(render_card(dialogue, "bio-pharma", generated=DAY))
    assert "Source: Yonhap News Agency, citing Seoul's presidential office, paragraphs 5-6" in text
    assert "¶5" in text and "¶6" in text


def test_commitments_table_quote_and_analyst_context(dialogue: Dialogue) -> None:
    bio = page_text(render_card(dialogue, "bio-pharma", generated=DAY))
    assert "at least US$10 million" in bio
    assert "next year [2024], in the U.S." in bio
    assert "in the U.S. next year [2024] to strengthen the supply chain" in bio
    assert "Civilian-government meeting on the pharmaceutical supply chain" in bio
    security = page_text(render_card(dialogue, "technology-security", generated=DAY))
    assert "— Cho Tae-yong, South Korean National Security Adviser" in security
    assert "Korea has positioned core and emerging technology policies" in security
    ai = page_text(render_card(dialogue, "ai", generated=DAY))
    assert "ANALYST CONTEXT — NOT PART OF THE DIALOGUE'S OUTCOME" in ai
    assert "Government of the Netherlands, REAIM" in ai


def test_overview_names_the_co_chairs_in_hangul_and_dates_the_dialogue(
    dialogue: Dialogue,
) -> None:
    text = page_text(render_card(dialogue, "overview", generated=DAY))
    assert "Cho Tae-yong 조태용" in text
    assert "Jake Sullivan 제이크 설리번" in text
    assert "국가안보실" in text
    assert "Presidential office, Seoul · Saturday [9 December 2023]" in text
    assert "Korean reports date the dialogue Saturday 9 December 2023" in text
    assert "One U.S. blog post, by the Council on Foreign Relations, gives 8 December" in text
    assert "Source: etnews (Korean), www.etnews.com/20231210000045" in text


def test_citations_link_to_their_web_pages(dialogue: Dialogue) -> None:
    reader = PdfReader(io.BytesIO(render_card(dialogue, "ai", generated=DAY)))
    uris = {
        annot.get_object()["/A"]["/URI"]
        for annot in reader.pages[0].get("/Annots", [])
        if "/A" in annot.get_object()
    }
    assert "https://www.koreaherald.com/view.php?ud=20240412050605" in uris


def test_metadata(dialogue: Dialogue) -> None:
    meta = PdfReader(io.BytesIO(render_card(dialogue, "ai", generated=DAY))).metadata
    assert meta is not None
    assert meta.title == f"Artificial intelligence — {dialogue.short_title}"
    assert meta.author == "Briefing"
    assert meta.subject == dialogue.card("ai").summary
    assert "Artificial intelligence" in (meta.get("/Keywords") or "")
    assert meta.creator == f"Briefing {__version__}"


@pytest.mark.parametrize("card_id", ["overview", "bio-pharma"])  # bio-pharma has a table
def test_every_font_is_embedded_and_subset(dialogue: Dialogue, card_id: str) -> None:
    reader = PdfReader(io.BytesIO(render_card(dialogue, card_id, generated=DAY)))
    fonts: dict[str, Any] = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]
    assert len(fonts) == 2
    for ref in fonts.values():
        font = ref.get_object()
        assert font["/Subtype"] == "/TrueType"
        assert re.fullmatch(r"/[A-Z]{6}\+NanumGothic(Bold)?", font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_same_input_gives_the_same_bytes(dialogue: Dialogue) -> None:
    first = render_card(dialogue, "technology-security", "letter", generated=DAY)
    assert render_card(dialogue, "technology-security", "letter", generated=DAY) == first
    assert render_card(dialogue, "technology-security", "a4", generated=DAY) != first


def test_generation_date_honours_source_date_epoch(
    dialogue: Dialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1702080000")  # 2023-12-09 00:00 UTC
    first = render_card(dialogue, "ai")
    assert "Generated 9 December 2023" in page_text(first)
    assert render_card(dialogue, "ai") == first


def test_marking_is_configurable_and_long_markings_are_refused(dialogue: Dialogue) -> None:
    text = page_text(render_card(dialogue, "ai", marking="DRAFT & <internal>", generated=DAY))
    assert text.count("DRAFT & <internal>") == 2
    assert DEFAULT_MARKING not in text
    with pytest.raises(ValueError, match="marking is too long"):
        render_card(dialogue, "ai", marking="X" * 400, generated=DAY)


def test_unknown_card_and_page_size_are_refused(dialogue: Dialogue) -> None:
    with pytest.raises(KeyError):
        render_card(dialogue, "no-such-card")
    with pytest.raises(ValueError, match="page size"):
        render_card(dialogue, "ai", "a5")  # type: ignore[arg-type]
