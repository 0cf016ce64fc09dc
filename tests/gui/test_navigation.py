"""Moving through the cards: the navigator, the toolbar, the keyboard and the menus."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QListView, QScrollArea, QWidget

from briefing.editorial import with_years
from briefing.gui.card_sheet import CardSheet
from briefing.gui.main_window import MainWindow
from briefing.gui.state import QUOTE
from briefing.model import CardKind


def click_row(qtbot: Any, window: MainWindow, row: int) -> None:
    navigator = window.navigator
    index = navigator.model().index(row, 0)
    navigator.scrollTo(index)
    rect = navigator.visualRect(index)
    qtbot.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_every_sector_updates_card_title_and_status(
    qtbot: Any, window: MainWindow
) -> None:
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    total = len(dialogue.cards)
    for row in [*range(1, total), 0]:
        card = dialogue.cards[row]
        click_row(qtbot, window, row)
        assert window.card_view.title.text() == card.title
        assert window.card_view.summary.text() == with_years(card.summary, dialogue.resolved_day)
        shown = [r.body.text() for r in window.card_view.point_rows()]
        assert len(shown) == len(card.points)
        assert card.title in window.windowTitle()
        assert "U.S.\u2013ROK NCET Dialogue (us-rok-ncet-dialogue.yaml)" in window.windowTitle()
        position = "Overview" if row == 0 else f"Sector {row} of {total - 1}"
        where = position if row == 0 else f"{position}: {card.title}"
        assert window.status.text() == (
            f"{where} \u2014 all {dialogue.quote_count} quotes verified"
        )
        overline = window.card_view.sheet.overline.text()
        assert overline.startswith(position.upper()), "the card and the status bar agree"


def test_navigator_lists_overview_first_then_sectors_with_point_counts(window: MainWindow) -> None:
    model = window.navigator.model()
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    assert dialogue.cards[0].kind is CardKind.OVERVIEW
    for row, card in enumerate(dialogue.cards):
        index = model.index(row, 0)
        assert index.data() == card.title
        assert index.data(Qt.ItemDataRole.AccessibleTextRole).endswith(
            f"{len(card.points)} point{'s' if len(card.points) != 1 else ''}"
        )


def press(qtbot: Any, window: MainWindow, key: str) -> None:
    combo = QKeySequence(key)[0]  # type: ignore[index]
    qtbot.keyClick(window.navigator, combo.key(), combo.keyboardModifiers())


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["Down"], 1),
        (["Down", "Down", "Up"], 1),
        (["PgDown", "PgDown"], 2),
        (["End"], 7),
        (["End", "PgUp"], 6),
        (["End", "Home"], 0),
        (["Alt+Right", "Alt+Right", "Alt+Left"], 1),
        (["Up"], 0),
        (["End", "Down"], 7),
    ],
)
def test_keyboard_navigation(
    qtbot: Any, window: MainWindow, keys: list[str], expected: int
) -> None:
    window.navigator.setFocus()
    for key in keys:
        press(qtbot, window, key)
    assert window.navigation.state.card == expected
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    assert window.card_view.title.text() == dialogue.cards[expected].title


def test_toolbar_back_and_next(qtbot: Any, window: MainWindow) -> None:
    next_action = window.actions_by_name["nextCard"]
    back_action = window.actions_by_name["previousCard"]
    next_action.trigger()
    next_action.trigger()
    back_action.trigger()
    assert window.navigation.state.card == 1


# What the README promises for each key, written out here rather than read from the table
# that sets the shortcuts, so that a change to the table shows up as a failing test.
MENU_KEYS = {
    "newDialogue": ("&File", "Ctrl+N"),
    "save": ("&File", "Ctrl+S"),
    "saveAs": ("&File", "Ctrl+Shift+S"),
    "undo": ("&Edit", "Ctrl+Z"),
    "redo": ("&Edit", "Ctrl+Shift+Z"),
    "editMode": ("&Edit", "Ctrl+Shift+M"),
    "newCard": ("&Edit", "Ctrl+Alt+N"),
    "newPointFromSelection": ("&Edit", "Ctrl+Shift+N"),
    "addSelectionAsEvidence": ("&Edit", "Ctrl+Shift+A"),
    "useSelectionAsQuote": ("&Edit", "Ctrl+Shift+Q"),
    "citeForDialogue": ("&Edit", "Ctrl+Shift+D"),
    "moveUp": ("&Edit", "Ctrl+Shift+Up"),
    "moveDown": ("&Edit", "Ctrl+Shift+Down"),
    "deleteSelected": ("&Edit", "Ctrl+Shift+Del"),
    "openFile": ("&File", "Ctrl+O"),
    "reloadFile": ("&File", "F5"),
    "exportCard": ("&File", "Ctrl+E"),
    "exportAll": ("&File", "Ctrl+Shift+E"),
    "exportBook": ("&File", "Ctrl+B"),
    "print": ("&File", "Ctrl+P"),
    "quit": ("&File", "Ctrl+Q"),
    "find": ("&Edit", "Ctrl+F"),
    "clearSearch": ("&Edit", "Esc"),
    "showSource": ("&View", "Ctrl+1"),
    "showPreview": ("&View", "Ctrl+2"),
    "keyboardShortcuts": ("&Help", "F1"),
    "nextCard": ("&Go", "Alt+Right"),
    "previousCard": ("&Go", "Alt+Left"),
    "firstCard": ("&Go", "Home"),
    "lastCard": ("&Go", "End"),
    "nextPoint": ("&Go", "J"),
    "previousPoint": ("&Go", "K"),
    "nextQuote": ("&Go", "]"),
    "previousQuote": ("&Go", "["),
}


@pytest.mark.parametrize(("name", "where"), sorted(MENU_KEYS.items()))
def test_each_command_shows_its_keys_in_its_menu(
    window: MainWindow, name: str, where: tuple[str, str]
) -> None:
    menu, key = where
    (action,) = [a for a in window.menus[menu].actions() if a.objectName() == name]
    shown = [s.toString() for s in action.shortcuts()]
    assert key in shown


def test_menu_keys_act_as_the_readme_says(
    qtbot: Any, window: MainWindow, dialog_calls: Any
) -> None:
    window.activateWindow()
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.side_tab() == 1
    qtbot.keyClick(window.navigator, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.side_tab() == 0
    dialog_calls.print_accepted = False  # no printer here: only the dialog is asked
    qtbot.keyClick(window.navigator, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog_calls.printers) == 1


def test_ctrl_f_focuses_search(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_points_are_selected_with_j_and_k_and_the_quotation_comes_last(
    qtbot: Any, window: MainWindow
) -> None:
    window.navigation.go_to_id("technology-security")
    card = window.navigation.state.current
    assert card is not None and card.quote is not None
    window.navigator.setFocus()
    for _ in range(len(card.points) + 3):
        qtbot.keyClick(window.navigator, Qt.Key.Key_J)
    assert window.navigation.state.point == QUOTE
    qtbot.keyClick(window.navigator, Qt.Key.Key_K)
    assert window.navigation.state.point == len(card.points) - 1


def test_main_widgets_have_stable_object_and_accessible_names(window: MainWindow) -> None:
    for name, kind in (
        ("sectorNavigator", QListView),
        ("cardView", QScrollArea),
        ("sourcePanel", QWidget),
        ("searchField", QWidget),
    ):
        widget = window.findChild(kind, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    assert window.card_view.title.accessibleName() == "Card title"
    assert isinstance(window.card_view.title, QLabel)


def test_keys_scroll_the_focused_card_instead_of_switching_cards(
    qtbot: Any, window: MainWindow
) -> None:
    window.resize(1024, 640)
    window.navigation.go_to_id("overview")
    bar = window.card_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    window.card_view.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
        qtbot.keyClick(window.card_view, key)
    assert window.navigation.state.card == 0, "Down and Page Down scroll the card"
    assert bar.value() > 0
    qtbot.keyClick(window.card_view, Qt.Key.Key_Home)
    assert window.navigation.state.card == 0 and bar.value() == 0
    qtbot.keyClick(window.card_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.navigation.state.card == 1, "Alt+Right works wherever the focus is"


def test_keys_scroll_the_focused_source_text(qtbot: Any, window: MainWindow) -> None:
    window.resize(1024, 640)
    text = window.source_panel.text
    bar = text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_PageDown)
    assert window.navigation.state.card == 0
    assert bar.value() > 0


def test_help_lists_the_keyboard_shortcuts(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.gui import dialogs

    shown: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(dialogs, "show_shortcuts", lambda _p, rows: shown.append(list(rows)))
    window.actions_by_name["keyboardShortcuts"].trigger()
    (rows,) = shown
    assert ("Go > Next", "Alt+Right") in rows
    assert "Ctrl+F" in dict(rows)["Edit > Find"]
    assert any(keys.startswith("Up / Down") for _what, keys in rows)


@pytest.mark.parametrize("visited", [(), (1, 2, 3, 0)], ids=["at-start", "after-other-cards"])
def test_tab_goes_from_the_list_through_the_card_to_the_side_panel_and_search(
    qtbot: Any, window: MainWindow, visited: tuple[int, ...]
) -> None:
    for card in visited:  # the cards seen before stay laid out, out of sight, but not in Tab
        window.navigation.go_to(card)
        qtbot.waitUntil(lambda: window.card_view.sheet.card_id is not None)
    window.activateWindow()
    window.navigator.setFocus()
    order: list[QWidget] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        if order and focused is order[0]:
            break
        order.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    names = [w.objectName() for w in order]
    rows = window.card_view.point_rows()
    assert names[:2] == ["sectorNavigator", "cardView"]
    assert order[2 : 2 + len(rows)] == rows, "then the card's points, top to bottom"
    assert names.index("sourceText") > names.index("cardView") + len(rows)
    assert names[-1] == "searchField", "search comes last, then the list again"
    sheets = window.card_view.findChildren(CardSheet)
    assert len(sheets) > (1 if visited else 0)
    for sheet in sheets:
        if sheet is not window.card_view.sheet:
            assert not any(sheet.isAncestorOf(w) for w in order), "no stop on a card not shown"


@pytest.mark.parametrize("name", ["sectorNavigator", "cardView", "sourceText"])
def test_each_pane_shows_when_it_has_the_keyboard_focus(window: MainWindow, name: str) -> None:
    pane = window.findChild(QWidget, name)
    assert pane is not None
    accent = QColor(window.theme.colors.accent)

    def left_edge() -> QColor:
        return pane.grab().toImage().pixelColor(0, pane.height() // 2)

    window.search.setFocus()
    assert left_edge() != accent
    pane.setFocus()
    assert left_edge() == accent
