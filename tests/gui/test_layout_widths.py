"""The card keeps priority when the window is narrow: the panels give way first; the
panels can be switched off from View, and the window fits the screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from briefing.gui.card_sheet import SHEET_WIDTH
from briefing.gui.layout import CARD_MIN, LIST_MIN, SIDE_MIN, Widths, fit_widths
from briefing.gui.main_window import MainWindow
from tests.conftest import WriteDialogue
from tests.gui.conftest import MakeWindow


def test_a_wide_window_gives_every_panel_the_width_wanted() -> None:
    assert fit_widths(1400, (270, 390), (True, True)) == Widths(270, 740, 390)


def test_the_side_panel_shrinks_first_then_the_card_list() -> None:
    side_shrunk = fit_widths(CARD_MIN + 270 + 300, (270, 390), (True, True))
    assert side_shrunk == Widths(270, CARD_MIN, 300)
    both = fit_widths(CARD_MIN + 200 + SIDE_MIN, (270, 390), (True, True))
    assert both == Widths(200, CARD_MIN, SIDE_MIN)


def test_at_1024_pixels_the_card_is_wider_than_the_panels() -> None:
    widths = fit_widths(1000, (270, 390), (True, True))
    assert widths.card >= CARD_MIN and widths.card > widths.side > 0 and widths.card_list > 0


def test_when_even_the_minimums_do_not_fit_the_side_panel_then_the_list_is_left_out() -> None:
    assert fit_widths(CARD_MIN + LIST_MIN + 10, (270, 390), (True, True)) == Widths(
        LIST_MIN, CARD_MIN + 10, 0
    )
    assert fit_widths(600, (270, 390), (True, True)) == Widths(0, 600, 0)


def test_hidden_panels_take_no_width() -> None:
    assert fit_widths(1000, (270, 390), (False, True)) == Widths(0, 610, 390)
    assert fit_widths(1000, (270, 390), (False, False)) == Widths(0, 1000, 0)


def test_at_1024_by_640_the_card_is_the_widest_part_of_the_window(
    qtbot: Any, window: MainWindow
) -> None:
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024)
    card_list, card, side = window.splitter.sizes()
    assert card >= CARD_MIN and card > side and card > card_list
    assert card_list > 0 and side > 0, "both panels still fit, narrower"


def test_in_a_half_screen_window_the_panels_give_way_and_the_toolbar_keeps_its_commands(
    qtbot: Any, window: MainWindow
) -> None:
    window.resize(640, 720)
    qtbot.waitUntil(lambda: window.width() == 640)
    _card_list, card, side = window.splitter.sizes()
    assert card >= CARD_MIN and side == 0
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    export = toolbar.widgetForAction(window.actions_by_name["exportCard"])
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    on_bar = export is not None and export.isVisible()
    assert on_bar or (extension is not None and extension.isVisible())


def test_panels_are_switched_from_view_and_remembered(qtbot: Any, make_window: MakeWindow) -> None:
    first = make_window()
    first.actions_by_name["showSidePanel"].trigger()
    assert first.side.isHidden() and not first.actions_by_name["showSidePanel"].isChecked()
    assert first.splitter.sizes()[2] == 0
    first.close()
    second = make_window()
    assert second.side.isHidden() and not second.navigator_panel.isHidden()
    second.actions_by_name["showPreview"].trigger()  # asking for a side tab shows the panel
    assert not second.side.isHidden() and second.side_tab() == 1


def test_the_default_window_fits_the_screen(window: MainWindow) -> None:
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()


def test_asking_for_a_side_tab_in_a_narrow_window_makes_room_for_it(
    qtbot: Any, window: MainWindow
) -> None:
    window.resize(640, 720)
    qtbot.waitUntil(lambda: window.width() == 640)
    assert window.splitter.sizes()[2] == 0
    window.actions_by_name["showSource"].trigger()
    _card_list, card, side = window.splitter.sizes()
    assert side >= SIDE_MIN and card >= side


def test_the_card_does_not_move_sideways_when_it_needs_the_scroll_bar(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    window = make_window(write_dialogue())  # short cards: they fit a tall window
    window.set_panel_shown(0, False)
    window.set_panel_shown(1, False)  # the card alone, wider than its sheet: centred
    lefts = []
    for height in (760, 300):  # the second needs the scroll bar
        window.resize(1200, height)
        qtbot.waitUntil(lambda height=height: window.height() == height)
        QApplication.processEvents()
        assert window.card_view.viewport().width() > SHEET_WIDTH + 60, "room to centre it"
        sheet = window.card_view.sheet
        lefts.append(sheet.mapTo(window, sheet.rect().topLeft()).x())
    assert lefts[0] == lefts[1]
