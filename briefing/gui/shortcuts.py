"""Every command of the window as one declarative table: text, menu, keys and what it does.

`build_actions` turns the table into QActions in the menus (and the toolbar), so every
shortcut is discoverable in a menu and testable by triggering its action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow
    from briefing.gui.state import NavigationState

Key = QKeySequence.StandardKey | str
SK = QKeySequence.StandardKey


class Command(NamedTuple):
    name: str
    """The QAction's objectName (stable, for tests and automation)."""
    text: str
    menu: str
    run: Callable[[MainWindow], object]
    keys: tuple[Key, ...] = ()
    icon: str | None = None
    toolbar: bool = False
    separator_before: bool = False
    checked: Callable[[MainWindow, NavigationState], bool] | None = None
    """Makes the action checkable; says when it is checked."""
    group: str | None = None
    """Checkable actions of one group exclude each other."""
    in_list: bool = False
    """The keys act only while the card list has the focus (elsewhere they scroll)."""
    editing: bool = False
    """Enabled only in Edit Mode."""


MENUS = ("&File", "&Edit", "&View", "&Go", "&Help")

COMMANDS: tuple[Command, ...] = (
    Command(
        "newDialogue", "&New Dialogue\u2026", "&File", lambda w: w.edits.new_dialogue(), (SK.New,)
    ),
    Command("openFile", "&Open\u2026", "&File", lambda w: w.files.open_file(), (SK.Open,), "open"),
    Command("reloadFile", "&Reload", "&File", lambda w: w.files.reload(), (SK.Refresh,)),
    Command("save", "&Save", "&File", lambda w: w.saving.save(), (SK.Save,), separator_before=True),
    Command(
        "saveAs",
        "Save &As\u2026",
        "&File",
        lambda w: w.saving.save_as(),
        (SK.SaveAs, "Ctrl+Shift+S"),
    ),
    Command(
        "addSource",
        "Add Sour&ce\u2026",
        "&File",
        lambda w: w.edits.add_source(),
        separator_before=True,
    ),
    Command(
        "exportCard",
        "&Export This Card\u2026",
        "&File",
        lambda w: w.pdf.export_card(),
        ("Ctrl+E",),
        "export",
        toolbar=True,
        separator_before=True,
    ),
    Command("exportOverview", "Export O&verview\u2026", "&File", lambda w: w.pdf.export_overview()),
    Command(
        "exportAll",
        "Export &All One-Pagers\u2026",
        "&File",
        lambda w: w.pdf.export_all(),
        ("Ctrl+Shift+E",),
    ),
    Command(
        "exportBook", "Export the &Book\u2026", "&File", lambda w: w.pdf.export_book(), ("Ctrl+B",)
    ),
    Command(
        "print",
        "&Print\u2026",
        "&File",
        lambda w: w.pdf.print_card(),
        (SK.Print,),
        "print",
        toolbar=True,
        separator_before=True,
    ),
    Command("printBook", "Print B&ook\u2026", "&File", lambda w: w.pdf.print_book()),
    Command(
        "printCards",
        "Print &Cards\u2026",
        "&File",
        lambda w: w.pdf.print_cards(),
        ("Ctrl+Shift+P",),
    ),
    Command("quit", "&Quit", "&File", lambda w: w.close(), ("Ctrl+Q",), separator_before=True),
    Command("undo", "&Undo", "&Edit", lambda w: w.edit_session.undo(), (SK.Undo,)),
    Command(
        "redo",
        "&Redo",
        "&Edit",
        lambda w: w.edit_session.redo(),
        (SK.Redo, "Ctrl+Shift+Z", "Ctrl+Y"),
    ),
    Command(
        "editMode",
        "Edit &Mode",
        "&Edit",
        lambda w: w.edits.toggle_editing(),
        ("Ctrl+Shift+M",),
        separator_before=True,
        checked=lambda w, _: w.edit_session.editing,
    ),
    Command(
        "find",
        "&Find\u2026",
        "&Edit",
        lambda w: w.focus_search(),
        (SK.Find,),
        "search",
        separator_before=True,
    ),
    Command("clearSearch", "&Clear Search", "&Edit", lambda w: w.clear_search(), ("Esc",)),
    Command(
        "newCard",
        "&New Card",
        "&Edit",
        lambda w: w.edit_actions.new_card(),
        ("Ctrl+Alt+N",),
        separator_before=True,
        editing=True,
    ),
    Command(
        "newPointFromSelection",
        "New &Point from Selection",
        "&Edit",
        lambda w: w.citing.new_point(),
        ("Ctrl+Shift+N",),
        editing=True,
    ),
    Command(
        "addSelectionAsEvidence",
        "&Add Selection as Evidence",
        "&Edit",
        lambda w: w.citing.add_evidence(),
        ("Ctrl+Shift+A",),
        editing=True,
    ),
    Command(
        "useSelectionAsQuote",
        "Use Selection as Card &Quote",
        "&Edit",
        lambda w: w.citing.use_as_quote(),
        ("Ctrl+Shift+Q",),
        editing=True,
    ),
    Command(
        "citeForDialogue",
        "Add Selection as Evidence for the &Dialogue",
        "&Edit",
        lambda w: w.citing.for_dialogue(),
        ("Ctrl+Shift+D",),
        editing=True,
    ),
    Command(
        "moveUp",
        "Mo&ve Up",
        "&Edit",
        lambda w: w.edit_actions.move_selected(-1),
        ("Ctrl+Shift+Up",),
        separator_before=True,
        editing=True,
    ),
    Command(
        "moveDown",
        "Move Do&wn",
        "&Edit",
        lambda w: w.edit_actions.move_selected(1),
        ("Ctrl+Shift+Down",),
        editing=True,
    ),
    Command(
        "deleteSelected",
        "&Delete Point or Card",
        "&Edit",
        lambda w: w.edit_actions.delete_selected(),
        ("Ctrl+Shift+Del",),
        editing=True,
    ),
    Command(
        "showSource",
        "&Source Document",
        "&View",
        lambda w: w.show_side(0),
        ("Ctrl+1",),
        checked=lambda w, _: w.side_tab() == 0 and w.panels_shown()[1],
        group="side",
    ),
    Command(
        "showPreview",
        "&PDF Preview",
        "&View",
        lambda w: w.show_side(1),
        ("Ctrl+2",),
        checked=lambda w, _: w.side_tab() == 1 and w.panels_shown()[1],
        group="side",
    ),
    Command(
        "showCardList",
        "Card &List",
        "&View",
        lambda w: w.toggle_panel(0),
        ("Ctrl+Shift+L",),
        separator_before=True,
        checked=lambda w, _: w.panels_shown()[0],
    ),
    Command(
        "showSidePanel",
        "Side &Panel",
        "&View",
        lambda w: w.toggle_panel(1),
        ("Ctrl+Shift+R",),
        checked=lambda w, _: w.panels_shown()[1],
    ),
    Command(
        "pageA4",
        "A&4 Pages",
        "&View",
        lambda w: w.navigation.set_page_size("a4"),
        separator_before=True,
        checked=lambda _, s: s.page_size == "a4",
        group="pageSize",
    ),
    Command(
        "pageLetter",
        "&Letter Pages",
        "&View",
        lambda w: w.navigation.set_page_size("letter"),
        checked=lambda _, s: s.page_size == "letter",
        group="pageSize",
    ),
    Command(
        "previousCard",
        "&Back",
        "&Go",
        lambda w: w.navigation.step(-1),
        ("Alt+Left",),
        "back",
        toolbar=True,
    ),
    Command(
        "nextCard",
        "&Next",
        "&Go",
        lambda w: w.navigation.step(1),
        ("Alt+Right",),
        "next",
        toolbar=True,
    ),
    Command(
        "firstCard",
        "&First Card",
        "&Go",
        lambda w: w.navigation.first(),
        ("Home",),
        in_list=True,
    ),
    Command("lastCard", "&Last Card", "&Go", lambda w: w.navigation.last(), ("End",), in_list=True),
    Command(
        "nextPoint",
        "Next &Point",
        "&Go",
        lambda w: w.navigation.step_point(1),
        ("J",),
        separator_before=True,
    ),
    Command(
        "previousPoint", "P&revious Point", "&Go", lambda w: w.navigation.step_point(-1), ("K",)
    ),
    Command(
        "nextQuote",
        "Next &Quote of the Point",
        "&Go",
        lambda w: w.navigation.step_evidence(1),
        ("]",),
    ),
    Command(
        "previousQuote",
        "Previous Q&uote of the Point",
        "&Go",
        lambda w: w.navigation.step_evidence(-1),
        ("[",),
    ),
    Command(
        "keyboardShortcuts",
        "&Keyboard Shortcuts",
        "&Help",
        lambda w: w.show_shortcuts(),
        (SK.HelpContents,),
    ),
    Command("about", "&About Briefing", "&Help", lambda w: w.show_about()),
)


def key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The keys' sequences, each once (a platform's standard keys may include a key that is
    also named)."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
        sequences.extend(s for s in found if s not in sequences)
    return sequences


def key_labels(command: Command) -> str:
    """The keys as the menus show them, for docs: 'Alt+Left, Up, PgUp'."""
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(command.keys)
    )


ELLIPSIS = "\u2026"
LIST_KEYS: tuple[tuple[str, str], ...] = (
    ("Previous card / Next card, in the card list", "Up / Down, Page Up / Page Down"),
    ("Scroll the card or the source", "Up, Down, Page Up, Page Down, Home, End"),
    ("Move between the card list, the points, the side panel and search", "Tab / Shift+Tab"),
    ("Select the focused point", "Enter or Space"),
)
"""Keys that Qt's own widgets handle, listed for the shortcuts overview."""


def shortcut_rows() -> list[tuple[str, str]]:
    """(what, keys) for every command with keys, then the keys the widgets handle."""
    rows = []
    for command in COMMANDS:
        if command.keys:
            what = command.text.replace("&", "").rstrip(ELLIPSIS)
            rows.append((f"{command.menu.replace('&', '')} > {what}", key_labels(command)))
    return [*rows, *LIST_KEYS]


def build_actions(
    window: MainWindow, menu_bar: QMenuBar, card_list: QWidget
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Creates one QAction per command, in its menu, triggering `command.run(window)`;
    the keys of `in_list` commands act only while `card_list` has the focus."""
    menus: dict[str, QMenu] = {title: menu_bar.addMenu(title) for title in MENUS}
    groups: dict[str, QActionGroup] = {}
    actions: dict[str, QAction] = {}
    for command in COMMANDS:
        action = QAction(command.text, window)
        action.setObjectName(command.name)
        action.setShortcuts(key_sequences(command.keys))
        if command.in_list:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            card_list.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, c=command: c.run(window))
        if command.checked is not None:
            action.setCheckable(True)
        if command.group is not None:
            group = groups.setdefault(command.group, QActionGroup(window))
            group.addAction(action)
        menu = menus[command.menu]
        if command.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        actions[command.name] = action
    return actions, menus


def update_editing(actions: dict[str, QAction], editing: bool) -> None:
    """Enables the commands that change the briefing only in Edit Mode."""
    for command in COMMANDS:
        if command.editing:
            actions[command.name].setEnabled(editing)


def update_checks(window: MainWindow, actions: dict[str, QAction], state: NavigationState) -> None:
    """Ticks the checkable actions that are true of the window now."""
    for command in COMMANDS:
        if command.checked is not None:
            actions[command.name].setChecked(command.checked(window, state))
