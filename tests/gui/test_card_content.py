"""The card on screen says when (with the resolved date), which year "next year" is, and
whose account it is; the verbatim quotation is never changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from briefing.gui.card_sheet import CardSheet
from briefing.gui.main_window import MainWindow
from briefing.gui.theme import LIGHT
from briefing.loader import load_dialogue
from briefing.model import Dialogue
from briefing.paths import bundled_dialogue


def shown(qtbot: Any, dialogue: Dialogue, card_id: str) -> CardSheet:
    sheet = CardSheet()
    qtbot.addWidget(sheet)
    sheet.show_card(dialogue, dialogue.card(card_id), {}, LIGHT, "")
    return sheet


def test_every_card_header_and_footer_carry_the_date_and_the_account(qtbot: Any) -> None:
    dialogue = load_dialogue(bundled_dialogue())
    for card in dialogue.cards:
        sheet = shown(qtbot, dialogue, card.id)
        assert sheet.meta.text() == "Presidential office, Seoul \u00b7 Saturday [9 December 2023]"
        footer = sheet.footer.text()
        assert footer.startswith(
            "Source: Yonhap News Agency, citing Seoul's presidential office, paragraph"
        ), card.id
        assert "Dates in [brackets] are analyst context: etnews (Korean)" in footer


def test_next_year_shows_its_year_in_points_summary_and_chips(qtbot: Any) -> None:
    dialogue = load_dialogue(bundled_dialogue())
    sheet = shown(qtbot, dialogue, "bio-pharma")
    assert "in the U.S. next year [2024] to strengthen" in sheet.summary.text()
    meeting = sheet.point_rows()[1]
    assert "to be held in the U.S. next year [2024], to strengthen" in meeting.body.text()
    chips = [label.text() for label in meeting.findChildren(QLabel)]
    assert "next year [2024]" in chips and "next year" not in chips


def test_the_quotation_is_shown_verbatim(qtbot: Any) -> None:
    dialogue = load_dialogue(bundled_dialogue())
    sheet = shown(qtbot, dialogue, "technology-security")
    card = dialogue.card("technology-security")
    assert card.quote is not None
    assert " ".join(card.quote.evidence.quote.split()) in sheet.quote.text.text()
    assert "[" not in sheet.quote.text.text()


def test_the_source_panel_numbers_paragraphs_but_not_the_credit_line(window: MainWindow) -> None:
    lines = window.source_panel.text.toPlainText().splitlines()
    assert lines[-2].startswith("\u00b611  In response, Sullivan said")
    assert lines[-1] == "Source: Yonhap News Agency"
