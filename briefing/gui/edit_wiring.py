"""Puts the editing parts into the window: the edit panel under the card, select-to-cite
in the source panel's menu, dragging cards in the list, all on only in Edit Mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt

from briefing.gui import point_menu, shortcuts
from briefing.gui.cite_selection import SelectionCiting
from briefing.gui.edit_actions import EditActions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QSplitter

    from briefing.gui.edit_panel import EditPanel
    from briefing.gui.main_window import MainWindow

CITE_COMMANDS = (
    "newPointFromSelection",
    "addSelectionAsEvidence",
    "useSelectionAsQuote",
    "citeForDialogue",
)


def install_editing(window: MainWindow, below_card: QSplitter) -> None:
    """Adds `window.edit_actions` and `window.citing`; the edit panel goes in `below_card`
    when Edit Mode is first turned on (`window.edit_panel` makes it on first use)."""
    session = window.edit_session
    window.edit_actions = EditActions(session, window.navigation, window)
    window.citing = SelectionCiting(window.source_panel, window.edit_actions)
    window.navigator.move_requested.connect(window.edit_actions.move_card)
    text = window.source_panel.text
    text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    text.customContextMenuRequested.connect(lambda at: _source_menu(window, at))

    def editing(on: bool) -> None:
        if on or window.has_edit_panel:
            window.edit_panel.setVisible(on)
            window.edit_panel.set_editing(on)
        window.source_panel.set_editing(on)
        window.navigator.set_editing(on)
        shortcuts.update_editing(window.actions_by_name, on)
        if on:
            _give_room(below_card)

    session.editing_changed.connect(editing)
    editing(session.editing)


def make_edit_panel(window: MainWindow, below_card: QSplitter) -> EditPanel:
    """The forms under the card: made on first use, since most sessions only read."""
    from briefing.gui import edit_panel  # ~20 ms of imports and widgets, off the start

    panel = edit_panel.EditPanel(window.navigation, window.edit_actions)
    panel.hide()
    below_card.addWidget(panel)
    below_card.setStretchFactor(0, 3)
    below_card.setStretchFactor(1, 2)
    return panel


EDIT_SHARE = 0.45
"""The edit panel's share of the height under the card when Edit Mode starts."""


def _give_room(split: QSplitter) -> None:
    """Makes the edit panel tall enough to use: shown after the splitter was laid out, it
    would otherwise get only its minimum height."""
    sizes = split.sizes()
    total = sum(sizes)
    if len(sizes) == 2 and total > 0 and sizes[1] < total * EDIT_SHARE * 0.8:
        panel = round(total * EDIT_SHARE)
        split.setSizes([total - panel, panel])


def _source_menu(window: MainWindow, at: QPoint) -> None:
    """The source text's own menu (Copy, Select All), and in Edit Mode the cite commands."""
    text = window.source_panel.text
    menu = text.createStandardContextMenu(at)
    if window.edit_session.editing:
        menu.addSeparator()
        for name in CITE_COMMANDS:
            menu.addAction(window.actions_by_name[name])
        _co_chair_entries(window, menu)
    point_menu.show_menu(menu, text.viewport().mapToGlobal(at))
    menu.deleteLater()


def _co_chair_entries(window: MainWindow, menu: QMenu) -> None:
    """One entry per co-chair: the selection as evidence of their name and role."""
    dialogue = window.navigation.state.dialogue
    for index, person in enumerate(dialogue.co_chairs if dialogue else ()):
        action = menu.addAction(f"Add Selection as Evidence for {person.name or 'a co-chair'}")
        action.setObjectName(f"citeForCoChair{index}")
        action.triggered.connect(lambda _=False, i=index: window.citing.for_dialogue(i))
