"""Text the bundled fonts cannot draw is refused by name, never printed as blanks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from briefing.cli import main
from briefing.loader import load_dialogue
from briefing.pdf import UncoveredCharacters, render_book, render_card
from briefing.pdf.fonts import BOLD, REGULAR, register_fonts
from tests.conftest import MINIMAL, SOURCE_TEXT, WriteDialogue

POINT = "At least US$5 million next year."
SCRIPTS = {
    "arabic": "مرحبا",
    "hebrew": "שלום",
    "emoji": "👍🏽",
    "thai": "สวัสดี",
    "devanagari": "नमस्ते",
    "rare hanja": "龘",
}


def codes(text: str) -> str:
    return ", ".join(f"U+{ord(ch):04X} '{ch}'" for ch in dict.fromkeys(text))


def refused(field: str, where: str, text: str) -> str:
    return (
        f"briefing export: {where}: {field}: the PDF fonts have no glyph for {codes(text)}; "
        "they would print as blanks, so no PDF is made: replace or transliterate them"
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_export_refuses_each_uncovered_script_by_card_field_and_character(
    script: str,
    write_dialogue: WriteDialogue,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    word = SCRIPTS[script]
    path = write_dialogue(MINIMAL.replace(POINT, f"At least US$5 million ({word}) next year."))
    out = tmp_path / "out"
    assert main(["export", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        refused("sectors[1].points[0].text", "d.yaml: card 'research'", word)
    ]
    assert not out.exists()  # nothing written, not even the folder


def test_a_lead_in_is_checked_too(
    write_dialogue: WriteDialogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dialogue(MINIMAL.replace("lead: Chips", "lead: Chips שלום"))
    assert main(["export", str(path), "--out", str(tmp_path / "out"), "--overview"]) == 1
    where = "d.yaml: card 'overview'"
    assert capsys.readouterr().err.splitlines() == [
        refused("sectors[0].points[0].lead", where, "שלום")
    ]


def test_the_book_checks_the_source_text_by_paragraph(
    write_dialogue: WriteDialogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = SOURCE_TEXT.replace("Officials said", "Officials (مسؤولون) said")
    path = write_dialogue(source=source)
    out = tmp_path / "out"
    assert main(["export", str(path), "--out", str(out), "--book"]) == 1
    where = "d.yaml: source 'art'"
    assert capsys.readouterr().err.splitlines() == [
        refused("art.txt, paragraph 3", where, "مسؤولون")
    ]
    assert not out.exists()


def test_an_uncovered_marking_is_refused(write_dialogue: WriteDialogue) -> None:
    dialogue = load_dialogue(write_dialogue())
    with pytest.raises(UncoveredCharacters) as caught:
        render_card(dialogue, "research", marking="SECRET ☠")
    assert str(caught.value).startswith("the marking: the PDF fonts have no glyph for U+2620 '☠';")


def test_invisible_characters_are_named_by_code_only(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace(POINT, "At least US$5\u200b million next year."))
    with pytest.raises(UncoveredCharacters) as caught:
        render_book(load_dialogue(path))
    assert "have no glyph for U+200B;" in str(caught.value)
    assert "\u200b" not in str(caught.value)


def test_line_breaks_tabs_hangul_and_common_hanja_are_drawn(write_dialogue: WriteDialogue) -> None:
    text = "text: |-\n              First line\n              second\tline 한국 漢字"
    path = write_dialogue(MINIMAL.replace("text: They agreed to work together on chips.", text))
    pdf = render_card(load_dialogue(path), "overview")
    words = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split()
    assert words[words.index("First") : words.index("First") + 6] == [
        "First",
        "line",
        "second",
        "line",
        "한국",
        "漢字",
    ]


@pytest.mark.parametrize("font", [REGULAR, BOLD])
def test_text_that_reaches_a_font_unchecked_is_refused_not_blanked(font: str) -> None:
    """The last line of defence: any string laid out in a bundled font is checked."""
    register_fonts()
    canvas = Canvas(io.BytesIO())
    canvas.setFont(font, 10)
    canvas.drawString(0, 0, "covered 한국")
    with pytest.raises(UncoveredCharacters, match=r"U\+0E2A 'ส'"):
        canvas.drawString(0, 20, "not covered ส")


@pytest.mark.parametrize("render", ["card", "book"])
def test_text_the_checks_miss_is_refused_by_the_fonts_with_its_place(
    render: str, write_dialogue: WriteDialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the checks before drawing removed, the fonts still refuse, naming the place."""
    from briefing.pdf import book, onepager

    monkeypatch.setattr(onepager, "check_card", lambda *args: None)
    monkeypatch.setattr(book, "check_book", lambda *args: None)
    dialogue = load_dialogue(write_dialogue(MINIMAL.replace(POINT, "Five (ห้า) million.")))
    with pytest.raises(UncoveredCharacters) as caught:
        if render == "card":
            render_card(dialogue, "research")
        else:
            render_book(dialogue)
    where = "d.yaml: card 'research'" if render == "card" else "d.yaml: the book"
    assert str(caught.value).startswith(f"{where}: the text '")
    assert "U+0E2B 'ห', U+0E49 '\u0e49', U+0E32 'า'" in str(caught.value)


def test_control_characters_are_refused_though_the_fonts_map_them_to_empty_glyphs() -> None:
    """Tab, line feed and carriage return are spaces; any other control is refused."""
    import dataclasses

    from briefing.paths import bundled_dialogue

    dialogue = load_dialogue(bundled_dialogue())
    card = dialogue.card("ai")
    changed = dataclasses.replace(card, summary="Bell\x07 and escape\x1b[2J and\tsome\r\nlines")
    cards = tuple(changed if c.id == "ai" else c for c in dialogue.cards)
    dialogue = dataclasses.replace(dialogue, cards=cards)
    with pytest.raises(UncoveredCharacters) as caught:
        render_card(dialogue, "ai")
    assert "sectors[5].summary: the PDF fonts have no glyph for U+0007, U+001B;" in str(
        caught.value
    )
    assert "\x1b" not in str(caught.value)
