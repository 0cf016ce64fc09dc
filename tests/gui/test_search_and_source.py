"""Search as you type, the source panel following the selected point, and data shown literally."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from briefing.gui.main_window import MainWindow
from briefing.provenance import normalise
from tests.conftest import MINIMAL, WriteDialogue
from tests.gui.conftest import MakeWindow, shown_dialogue


def visible_titles(window: MainWindow) -> list[str]:
    model = window.navigator.model()
    return [
        model.index(row, 0).data()
        for row in range(model.rowCount())
        if not window.navigator.isRowHidden(row)
    ]


def shown_text(rich_or_plain: str, fmt: Qt.TextFormat) -> str:
    """What a label displays, whatever its format."""
    if fmt == Qt.TextFormat.PlainText:
        return rich_or_plain
    document = QTextDocument()
    document.setHtml(rich_or_plain)
    return document.toPlainText()


def test_search_filters_highlights_and_escape_clears(qtbot: Any, window: MainWindow) -> None:
    total = len(visible_titles(window))
    window.actions_by_name["find"].trigger()
    qtbot.keyClicks(window.search, "REAIM")
    assert visible_titles(window) == ["Artificial intelligence"]
    assert window.card_view.title.text() == "Artificial intelligence"
    highlighted = [
        r.body.text() for r in window.card_view.point_rows() if "background-color" in r.body.text()
    ]
    assert highlighted and all("REAIM" in text for text in highlighted)
    assert "1 card matches" in window.status.text()

    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert len(visible_titles(window)) == total
    assert not any("background-color" in r.body.text() for r in window.card_view.point_rows())


def type_text(qtbot: Any, field: Any, text: str) -> None:
    """Types like a user; characters QTest cannot key in are committed as an input method would."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(field, char)
        else:
            field.insert(char)


def test_search_ignores_case_and_accents_and_finds_hangul(qtbot: Any, window: MainWindow) -> None:
    type_text(qtbot, window.search, "PHARMACÉUTICALS")
    assert "Bio and pharmaceuticals" in visible_titles(window)
    window.search.clear()
    type_text(qtbot, window.search, "조태용")
    assert visible_titles(window) == ["Overview"]
    (note,) = [
        n
        for n in window.card_view.note_boxes()
        if "조태용" in shown_text(n.text.text(), n.text.textFormat())
    ]
    assert "background-color" in note.text.text()


def test_search_with_no_match_says_so_and_shows_no_unrelated_card(
    qtbot: Any, window: MainWindow
) -> None:
    qtbot.keyClicks(window.search, "zzzz-nothing")
    assert visible_titles(window) == []
    assert "0 cards match" in window.status.text()
    placeholder = window.navigator_panel.no_match
    assert placeholder.isVisible()
    assert placeholder.text() == "No cards match \u201czzzz-nothing\u201d"
    assert not window.card_view.sheet.isVisible()
    assert window.card_view.empty.isVisible()
    assert "No card matches the search" in window.card_view.empty.text()

    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not placeholder.isVisible()
    assert window.card_view.sheet.isVisible()
    assert window.card_view.title.text() == "Overview"


def test_ai_does_not_match_inside_words(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "AI")
    assert "Artificial intelligence" in visible_titles(window)
    for title in visible_titles(window):
        window.navigation.go_to_id(
            next(c.id for c in shown_dialogue(window).cards if c.title == title)
        )
        sheet = window.card_view.sheet
        labels = [r.body for r in sheet.point_rows()] + [sheet.title, sheet.summary, sheet.people]
        labels += [n.text for n in sheet.note_boxes()]
        for label in labels:
            marks = re.findall(r"(\w?)<span style=[^>]*>([^<]*)</span>", label.text())
            for before, marked_word in marks:  # "ai" alone or starting a word, never "said"
                assert (before, marked_word.lower()) == ("", "ai"), (title, label.text())


def test_matches_in_co_chairs_and_notes_are_highlighted(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "Sullivan")
    sheet = window.card_view.sheet
    assert window.card_view.title.text() == "Overview"
    assert sheet.people.textFormat() == Qt.TextFormat.RichText
    assert re.search(r"<span style=[^>]*>Sullivan</span>", sheet.people.text())
    assert "Jake Sullivan" in shown_text(sheet.people.text(), sheet.people.textFormat())


def test_next_moves_between_search_matches(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "million")
    matches = visible_titles(window)
    assert len(matches) >= 2
    assert window.card_view.title.text() == matches[0]
    window.actions_by_name["nextCard"].trigger()
    assert window.card_view.title.text() == matches[1]


def test_clicking_a_point_highlights_its_quote_in_the_source(
    qtbot: Any, window: MainWindow
) -> None:
    window.navigation.go_to_id("technology-security")
    card = window.navigation.state.current
    assert card is not None
    row = window.card_view.point_rows()[-1]
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert window.navigation.state.point == len(card.points) - 1
    quote = card.points[-1].evidence[0].quote
    assert normalise(window.source_panel.highlighted_text()) == normalise(quote)
    assert window.source_panel.title.text() == shown_dialogue(window).sources[0].title
    assert window.source_panel.publisher.text() == "Yonhap News Agency"
    assert row.property("selected") is True
    text = window.source_panel.text
    cursor_rect = text.cursorRect()
    assert 0 <= cursor_rect.top() <= text.viewport().height(), "the quote is scrolled into view"


def test_a_point_with_several_quotes_steps_through_them(qtbot: Any, window: MainWindow) -> None:
    card = window.navigation.state.current
    assert card is not None
    index = next(i for i, p in enumerate(card.points) if len(p.evidence) > 1)
    window.navigation.select_point(index)
    first = window.source_panel.highlighted_text()
    assert window.source_panel.where.text().startswith(
        f"Quote 1 of {len(card.points[index].evidence)}"
    )
    qtbot.mouseClick(window.source_panel.next, Qt.MouseButton.LeftButton)
    assert window.source_panel.highlighted_text() != first
    assert normalise(window.source_panel.highlighted_text()) == normalise(
        card.points[index].evidence[1].quote
    )


HOSTILE = '<img src="x"><b>bold</b>'


def test_markup_in_data_is_shown_literally(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    text = MINIMAL.replace("title: Research", f"title: '{HOSTILE}'").replace(
        "summary: Money for joint research.", f"summary: '{HOSTILE} & more'"
    )
    window = make_window(write_dialogue(text), card="research")
    title = window.card_view.title
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert title.text() == HOSTILE
    assert window.card_view.summary.text() == f"{HOSTILE} & more"
    assert HOSTILE in window.windowTitle()
    assert window.navigator.model().index(1, 0).data() == HOSTILE

    qtbot.keyClicks(window.search, "bold")  # highlights turn the label into escaped rich text
    assert title.textFormat() == Qt.TextFormat.RichText
    assert shown_text(title.text(), title.textFormat()) == HOSTILE
    assert "<img" not in title.text()


def test_markup_in_a_point_is_shown_literally(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    text = MINIMAL.replace("lead: Chips", "lead: '<i>Chips</i>'")
    window = make_window(write_dialogue(text))
    body = window.card_view.point_rows()[0].body
    assert shown_text(body.text(), body.textFormat()).startswith("<i>Chips</i>. They agreed")


def test_the_date_note_is_on_the_overview_and_searchable(qtbot: Any, window: MainWindow) -> None:
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None and dialogue.date_note is not None
    window.navigation.go_to_id("overview")
    first = window.card_view.note_boxes()[0].text
    assert "Korean reports date the dialogue Saturday" in shown_text(
        first.text(), first.textFormat()
    )
    window.search.setText("Yongsan")
    assert [dialogue.cards[i].id for i in window.navigation.state.visible] == ["overview"]
