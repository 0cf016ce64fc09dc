"""Data text is printed literally: nothing in a dialogue file is ever read as markup."""

from __future__ import annotations

import dataclasses
import io
import textwrap
from datetime import date

import pytest
from pypdf import PdfReader

from briefing.loader import load_dialogue
from briefing.model import Account, Amount, Citation, Dialogue, Note, Person, Point
from briefing.paths import bundled_dialogue
from briefing.pdf import render_book, render_card
from tests.conftest import WriteDialogue

DAY = date(2024, 5, 1)
HOSTILE = ["R&D", "S&P 500", "<b>", '<img src="x">', "0.1 < a < 0.9", "&amp;", "<br/>"]
ALL = " ".join(HOSTILE)


def words(text: str) -> str:
    return " ".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def hostile() -> Dialogue:
    """The bundled dialogue with markup-like text in every field a page prints."""
    d = load_dialogue(bundled_dialogue())
    card = d.card("bio-pharma")
    first = card.points[0]
    assert first.commitment is not None and first.commitment.amount is not None
    commitment = dataclasses.replace(
        first.commitment,
        what=f"what {ALL}",
        amount=Amount(1.0, "USD", None, f"amount {ALL}"),
        timeframe="when <i>",
        place="where &lt;",
    )
    points = (
        Point(f"lead {ALL}", f"point {ALL}", first.evidence, commitment),
        *card.points[1:],
    )
    notes = (
        Note(
            f"note {ALL}",
            (
                Citation(f"cite {ALL}", 'javascript:alert("x")'),
                Citation("web", 'https://example.org/?a=1&b="2"'),
            ),
        ),
    )
    assert d.resolved_date is not None
    resolved_note = dataclasses.replace(d.resolved_date.note, text=f"date {ALL}")
    card = dataclasses.replace(
        card, title=f"title {ALL}", summary=f"summary {ALL}", points=points, notes=notes
    )
    overview = dataclasses.replace(d.cards[0], summary=f"overview {ALL}")
    source = d.sources[0]
    paragraphs = (source.paragraphs[0], *(f"{p} {ALL}" for p in source.paragraphs[1:]))
    return dataclasses.replace(
        d,
        title=f"dialogue {ALL}",
        place="Seoul & <Busan>",
        resolved_date=dataclasses.replace(d.resolved_date, note=resolved_note),
        co_chairs=(
            Person(f"chair {ALL}", "조태용 <b>", "role & <role>", d.co_chairs[0].country, ()),
        ),
        sources=(
            dataclasses.replace(
                source,
                paragraphs=paragraphs,
                account=Account(f"office {ALL}", None, (Citation("c", None),)),
            ),
        ),
        cards=(overview, card, *d.cards[1:3]),
    )


def test_card_prints_every_field_literally(hostile: Dialogue) -> None:
    text = page_texts(render_card(hostile, "bio-pharma", generated=DAY))[0]
    for field in ("dialogue", "title", "summary", "lead", "point", "what", "amount", "note"):
        assert f"{field} {ALL}" in text, field
    assert "cite R&D S&P 500" in text
    assert "when <i>, where &lt;" in text
    assert "Seoul & <Busan>" in text
    assert f"Source: Yonhap News Agency, citing office {ALL} (analyst context)" in text


def test_overview_prints_co_chairs_and_date_note_literally(hostile: Dialogue) -> None:
    text = page_texts(render_card(hostile, "overview", generated=DAY))[0]
    assert f"chair {ALL} 조태용 <b>, role & <role>" in text
    assert f"date {ALL}" in text
    assert f"overview {ALL}" in text


def test_book_prints_source_paragraphs_literally(hostile: Dialogue) -> None:
    pages = page_texts(render_book(hostile, generated=DAY))
    assert f"dialogue {ALL}" in pages[0]
    appendix = " ".join(pages[-1:])
    assert f"1 {words(hostile.sources[0].paragraphs[1])}" in appendix


def test_only_web_addresses_become_links(hostile: Dialogue) -> None:
    reader = PdfReader(io.BytesIO(render_card(hostile, "bio-pharma", generated=DAY)))
    uris = [
        annot.get_object()["/A"]["/URI"]
        for annot in reader.pages[0].get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert uris == ['https://example.org/?a=1&b="2"']


def test_markup_in_a_loaded_file_is_literal(write_dialogue: WriteDialogue) -> None:
    source = textwrap.dedent(
        """\
        A headline for the test article

        SEOUL, the two sides agreed on Saturday to work together on chips.

        They will invest at least US$5 million next year in the U.S. in “joint” research.

        Officials said R&D and S&P 500 budgets would grow, <b> and <img src="x"> and 0.1 < a < 0.9.
        """
    )
    text = textwrap.dedent(
        """\
        format: briefing/1
        dialogue:
          title: Test <b>dialogue</b>
          place: Seoul
          date: Saturday
          evidence:
            - source: art
              quote: agreed on Saturday
        sources:
          - id: art
            title: Test article
            publisher: Test & News
            file: art.txt
            headline: true
        sectors:
          - id: overview
            kind: overview
            title: Overview
            summary: R&D, S&P 500, <b>, <img src="x"> and 0.1 < a < 0.9.
            points:
              - lead: Budgets
                text: Officials said R&D budgets would grow.
                evidence:
                  - source: art
                    quote: 'Officials said R&D and S&P 500 budgets would grow, <b> and <img src="x"> and 0.1 < a < 0.9.'
        """
    )
    dialogue = load_dialogue(write_dialogue(text, source))
    card_text = page_texts(render_card(dialogue, "overview", generated=DAY))[0]
    assert "Test <b>dialogue</b>" in card_text
    assert 'R&D, S&P 500, <b>, <img src="x"> and 0.1 < a < 0.9.' in card_text
    assert "Source: Test & News, paragraph 3" in card_text
    appendix = page_texts(render_book(dialogue, generated=DAY))[-1]
    literal = 'Officials said R&D and S&P 500 budgets would grow, <b> and <img src="x"> and 0.1 < a < 0.9.'
    assert f"3 {literal}" in appendix
