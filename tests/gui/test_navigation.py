"""Moving through the cards: the navigator, the toolbar, the keyboard and the menus."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QListView, QScrollArea, QWidget

from briefing.editorial import with_years
from briefing.gui.main_window import MainWindow
from briefing.gui.shortcuts import COMMANDS, key_sequences
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
        with qtbot.waitSignal(window.card_view.painted, timeout=3000):
            click_row(qtbot, window, row)
        assert window.card_view.title.text() == card.title
        assert window.card_view.summary.text() == with_years(card.summary, dialogue.resolved_day)
        shown = [r.body.text() for r in window.card_view.point_rows()]
        assert len(shown) == len(card.points)
        assert card.title in window.windowTitle()
        assert "U.S.\u2013ROK NCET Dialogue" in window.windowTitle()
        assert window.status.text() == (
            f"Card {row + 1} of {total} \u2014 all {dialogue.quote_count} quotes verified"
        )


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
    sequence = QKeySequence(key)
    combo = sequence[0]
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


def test_every_command_is_in_a_menu_with_its_keys(window: MainWindow) -> None:
    in_menus = {
        action.objectName()
        for menu in window.menus.values()
        for action in menu.actions()
        if action.objectName()
    }
    for command in COMMANDS:
        action = window.actions_by_name[command.name]
        assert command.name in in_menus
        assert action.shortcuts() == key_sequences(command.keys)


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
