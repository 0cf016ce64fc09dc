"""Details a reader notices: plain-text tooltips on elided titles, links in notes that open in
the browser and wrap, and "Copy point with citation" on a point's right-click menu."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu

from briefing.gui import desktop, point_menu
from briefing.gui.main_window import MainWindow
from briefing.provenance import paragraph_label
from tests.conftest import MINIMAL, WriteDialogue
from tests.gui.conftest import MakeWindow, shown_dialogue

HOSTILE_TITLE = '<img src="/etc/passwd"><b>A very long card title</b> ' + "that goes on " * 8
LONG_URL = "https://example.org/" + "/".join(f"section-{i}" for i in range(40)) + "?page=2&x=1"


def plain(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def test_a_long_title_is_elided_with_a_plain_text_tooltip(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    text = MINIMAL.replace("title: Research", f"title: '{HOSTILE_TITLE}'")
    window = make_window(write_dialogue(text))
    navigator = window.navigator
    index = navigator.model().index(1, 0)
    width = navigator.fontMetrics().horizontalAdvance(HOSTILE_TITLE)
    assert width > navigator.visualRect(index).width()  # the row cannot show it all

    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "<b>" not in tooltip  # nothing Qt could load or render
    assert plain(tooltip) == " ".join(f"{HOSTILE_TITLE}, 1 point".split())
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == f"{HOSTILE_TITLE}, 1 point"


def note_labels(window: MainWindow) -> list[Any]:
    sheet = window.card_view.sheet
    return [label for box in sheet.note_boxes() for label in (box.text, box.cites)]


def test_note_citations_are_links_that_open_in_the_browser(
    window: MainWindow, opened: list[QUrl]
) -> None:
    window.navigation.go_to_id("ai")
    linked = [label for label in note_labels(window) if '<a href="https://' in label.text()]
    assert linked, "the AI card's note cites a web page"
    label = linked[0]
    href = label.text().split('<a href="', 1)[1].split('"', 1)[0]
    label.linkActivated.emit(href)
    assert [url.toString() for url in opened] == [href]
    card = window.navigation.state.current
    assert card is not None
    assert href in [cite.url for note in card.notes for cite in note.cites]


@pytest.mark.parametrize(
    "address", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "https://"]
)
def test_only_web_addresses_are_opened(address: str, opened: list[QUrl]) -> None:
    assert desktop.open_web_link(address) is False
    assert opened == []


def test_a_hostile_address_in_a_note_is_shown_as_text(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    note = (
        "    notes:\n"
        "      - text: 'See javascript:alert(1) and https://example.org/ok.'\n"
        "        cites:\n"
        "          - title: '<img src=x>'\n"
        "            url: 'https://example.org/p\"><img src=/etc/passwd>'\n"
    )
    text = MINIMAL.replace(
        "    points:\n      - text: At least", note + "    points:\n      - text: At least"
    )
    window = make_window(write_dialogue(text), card="research")
    body, cites = note_labels(window)
    assert body.text().count("<a ") == 1 and 'href="https://example.org/ok"' in body.text()
    assert plain(body.text()).replace("\u200b", "") == (
        "See javascript:alert(1) and https://example.org/ok."
    )
    assert "<a " not in cites.text() and "<img" not in cites.text()
    assert plain(cites.text()).replace("\u200b", "") == (
        'Cites: <img src=x> (https://example.org/p"><img src=/etc/passwd>)'
    )


def test_a_long_address_wraps_inside_the_card(
    make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    note = (
        "    notes:\n"
        "      - text: A note with a long address.\n"
        "        cites:\n"
        f"          - title: A long address\n            url: '{LONG_URL}'\n"
    )
    text = MINIMAL.replace(
        "    points:\n      - text: At least", note + "    points:\n      - text: At least"
    )
    window = make_window(write_dialogue(text), card="research")
    _body, cites = note_labels(window)
    assert cites.fontMetrics().horizontalAdvance(LONG_URL) > window.card_view.sheet.width()
    assert cites.minimumSizeHint().width() < window.card_view.sheet.width() / 2
    assert cites.height() > 3 * cites.fontMetrics().height()  # it took several lines


def test_copy_point_with_citation_from_the_right_click_menu(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[list[str]] = []

    def pick_copy(menu: QMenu, _at: QPoint) -> Any:
        shown.append([a.text() for a in menu.actions()])
        action = menu.findChild(type(menu.actions()[0]), "copyPointWithCitation")
        assert action is not None
        action.trigger()
        return action

    monkeypatch.setattr(point_menu, "show_menu", pick_copy)
    row = window.card_view.point_rows()[3]
    centre = row.rect().center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse,
        centre,
        row.mapToGlobal(centre),
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(row.body, event)

    assert shown == [["Copy Point with Citation"]]
    assert window.navigation.state.point == 3  # the point right-clicked is the one selected
    copied = QGuiApplication.clipboard().text()
    lines = copied.split("\n")
    point = shown_dialogue(window).cards[0].points[3]
    assert lines[0] == f"{point.lead}. {point.text}"
    assert len(lines) == 1 + len(point.evidence)
    for line, evidence in zip(lines[1:], point.evidence, strict=True):
        assert line.startswith(f"\u201c{' '.join(evidence.quote.split())}\u201d \u2014 ")
        assert "Yonhap News Agency, \u201cS. Korea, U.S. agree" in line
        assert line.endswith(paragraph_label(evidence.paragraphs))
        assert paragraph_label(evidence.paragraphs).startswith("paragraph")


def test_the_menu_key_on_a_focused_point_offers_the_copy(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[list[str]] = []
    monkeypatch.setattr(
        point_menu, "show_menu", lambda menu, _at: shown.append([a.text() for a in menu.actions()])
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    row = window.card_view.point_rows()[1]
    row.setFocus()
    qtbot.waitUntil(row.hasFocus)
    centre = row.rect().center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard,
        centre,
        row.mapToGlobal(centre),
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(row, event)
    assert shown == [["Copy Point with Citation"]]
    assert window.navigation.state.point == 1


def test_right_click_outside_the_points_offers_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(point_menu, "show_menu", lambda *_: pytest.fail("a menu was shown"))
    overline = window.card_view.sheet.overline  # plain, not selectable: no menu of its own
    centre = overline.rect().center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse,
        centre,
        overline.mapToGlobal(centre),
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(overline, event)
    assert window.navigation.state.point is None
