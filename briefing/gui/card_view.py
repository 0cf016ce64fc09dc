"""The card view: the current card's sheet in a scroll area, recent sheets kept ready."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.card_parts import NoteBox, PointRow
from briefing.gui.card_sheet import SHEET_WIDTH, CardSheet, sheet_key
from briefing.gui.state import Navigation, NavigationState
from briefing.gui.theme import Colors, Theme
from briefing.model import Dialogue

MARGIN = 24
"""Around the card, in the scroll area."""
KEPT_SHEETS = 12
"""Sheets kept laid out, so that going back and forth between cards only paints."""
PREPARE_DELAY_MS = 40
NO_DIALOGUE = (
    "No dialogue is open. A file with problems opens by itself once it is fixed and saved."
)
NO_MATCH = "No card matches the search. Press Esc to clear it and see every card."


class CardView(QScrollArea):
    """Shows `Navigation.state.current`; clicking a point selects it."""

    open_requested = Signal()
    """The user asked to open a file (the empty window offers it)."""

    def __init__(self, navigation: Navigation, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardView")
        self.setAccessibleName("Card")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Always there, so that the card never shifts sideways when a long card needs it.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._navigation = navigation
        self._theme = theme
        self._kept: OrderedDict[str, CardSheet] = OrderedDict()  # by card id, recent last
        self._spare: list[CardSheet] = []
        self._stops: dict[int, list[_Stop]] = {}  # each sheet's Tab stops, in order
        self.page = _Page()
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        self.sheet = self._new_sheet()
        self._spare.append(self.sheet)
        self.empty = QLabel(NO_DIALOGUE)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setObjectName("emptyCard")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column.addWidget(self.empty)
        self.open_button = QPushButton("Open a Dialogue\u2026")
        self.open_button.setObjectName("openDialogue")
        self.open_button.clicked.connect(self.open_requested)
        self._column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QHBoxLayout(self.page)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.addStretch(1)
        outer.addLayout(self._column, 100)
        outer.addStretch(1)
        outer.setAlignment(self._column, Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.page)
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_DELAY_MS)
        self._prepare_timer.timeout.connect(self._prepare_neighbours)
        navigation.changed.connect(self._state_changed)
        theme.changed.connect(self._colors_changed)

    def _new_sheet(self) -> CardSheet:
        sheet = CardSheet(self.page)
        self.page.put_aside(sheet)
        sheet.point_activated.connect(self._navigation.select_point)
        return sheet

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Home and End go to the top and the bottom of the card, as in a document."""
        bar = self.verticalScrollBar()
        ends = {Qt.Key.Key_Home: bar.minimum(), Qt.Key.Key_End: bar.maximum()}
        if event.key() in ends and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            bar.setValue(ends[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def _colors_changed(self, _colors: Colors) -> None:
        self.forget()
        self.refresh()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click (or the Menu key) on a point: select it and offer to copy it."""
        from briefing.gui import point_menu

        row = self._point_row_at(event)
        state = self._navigation.state
        card = state.current
        if row is None or card is None or state.dialogue is None:
            event.ignore()
            return
        self._navigation.select_point(row.index)
        menu = point_menu.point_menu(self, state.dialogue, card.points[row.index])
        point_menu.show_menu(menu, event.globalPos())
        menu.deleteLater()

    def _point_row_at(self, event: QContextMenuEvent) -> PointRow | None:
        page = self.widget()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            widget = QApplication.focusWidget()
        elif page is not None:
            widget = page.childAt(page.mapFromGlobal(event.globalPos()))
        else:
            return None
        while widget is not None and widget is not self:
            if isinstance(widget, PointRow) and self.sheet.isAncestorOf(widget):
                return widget
            widget = widget.parentWidget()
        return None

    # -- reacting to the navigation --------------------------------------------------------

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        if new.dialogue is not old.dialogue:
            self.forget(new.dialogue)
        card_changed = new.dialogue is not old.dialogue or new.card != old.card
        if card_changed or new.query != old.query or new.visible != old.visible:
            self.refresh()
            if card_changed:
                self.verticalScrollBar().setValue(0)
        elif new.point != old.point:
            self._show_selection(new)

    def forget(self, edited: Dialogue | None = None) -> None:
        """Drops what the kept sheets show (a new dialogue, or new colours); of an `edited`
        dialogue, only the sheets whose card or context changed."""
        at = {card.id: card for card in edited.cards} if edited is not None else {}
        for card_id, sheet in list(self._kept.items()):
            card = at.get(card_id)
            if edited is not None and card is not None and sheet.key == sheet_key(edited, card):
                continue
            sheet.card_id = None
            self._spare.append(sheet)
            del self._kept[card_id]

    def refresh(self) -> None:
        """Shows the current card, filling its sheet if it does not show it yet."""
        state = self._navigation.state
        card = state.current
        if card is not None and state.query.strip() and not state.visible:
            card = None  # the search left no card: show none rather than an unrelated one
            self.empty.setText(NO_MATCH)
        else:
            self.empty.setText(NO_DIALOGUE)
        self.empty.setVisible(card is None)
        self.open_button.setVisible(state.dialogue is None)
        if card is None or state.dialogue is None:
            self.page.show_sheet(None)
            return
        sheet = self._sheet_for(card.id)
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.sheet.isAncestorOf(focus)
        if sheet.card_id != card.id or sheet.query != state.query:
            self._fill(sheet, state.card)
        if sheet is not self.sheet:
            _set_tab_stops(self._stops.get(id(self.sheet), ()), on=False)
        self.sheet = sheet
        self.page.show_sheet(sheet)
        self._chain_focus(sheet)
        if had_focus:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_selection(state)
        self._prepare_timer.start()

    def _chain_focus(self, sheet: CardSheet) -> None:
        """Tab goes from the card into its points and links, top to bottom, then on to the
        side panel (parts made after the window would otherwise come last)."""
        stops = self._stops.get(id(sheet))
        if stops is None:
            stops = self._stops[id(sheet)] = _tab_stops(sheet)
        _set_tab_stops(stops, on=True)
        before: QWidget = self
        for stop, _policy in stops:
            QWidget.setTabOrder(before, stop)
            before = stop

    def _sheet_for(self, card_id: str) -> CardSheet:
        """The sheet kept for `card_id`; else a spare, a new or the least recent one."""
        sheet = self._kept.pop(card_id, None)
        if sheet is None:
            if self._spare:
                sheet = self._spare.pop()
            elif len(self._kept) < KEPT_SHEETS:
                sheet = self._new_sheet()
            else:
                oldest = next(k for k, s in self._kept.items() if s is not self.sheet)
                sheet = self._kept.pop(oldest)
        self._kept[card_id] = sheet  # the most recent last
        return sheet

    def _fill(self, sheet: CardSheet, index: int) -> None:
        _set_tab_stops(self._stops.pop(id(sheet), ()), on=True)  # its parts change
        state = self._navigation.state
        assert state.dialogue is not None
        card = state.dialogue.cards[index]
        spans = self._navigation.highlights(index)
        sheet.show_card(state.dialogue, card, spans, self._theme.colors, state.query)
        if sheet is not self.sheet:  # laid out aside: out of the Tab chain until shown
            stops = self._stops[id(sheet)] = _tab_stops(sheet)
            _set_tab_stops(stops, on=False)

    def _prepare_neighbours(self) -> None:
        """Lays out the next and previous cards while the user reads this one."""
        state = self._navigation.state
        if state.dialogue is None or state.card not in state.visible:
            return
        at = state.visible.index(state.card)
        for index in (at + 1, at - 1):
            if 0 <= index < len(state.visible):
                number = state.visible[index]
                card_id = state.dialogue.cards[number].id
                sheet = self._sheet_for(card_id)
                if sheet.card_id != card_id or sheet.query != state.query:
                    self._fill(sheet, number)
        if self.sheet.card_id is not None:
            self._kept.move_to_end(self.sheet.card_id)

    def _show_selection(self, state: NavigationState) -> None:
        widget = self.sheet.show_selection(state.point)
        if widget is not None:
            self.ensureWidgetVisible(widget, 0, 24)

    # -- for tests and automation ----------------------------------------------------------

    @property
    def title(self) -> QLabel:
        return self.sheet.title

    @property
    def summary(self) -> QLabel:
        return self.sheet.summary

    def point_rows(self) -> list[PointRow]:
        """The rows showing the current card's points, in order."""
        return self.sheet.point_rows()

    def note_boxes(self) -> list[NoteBox]:
        """The boxes showing the current card's analyst notes, in order."""
        return self.sheet.note_boxes()


_Stop = tuple[QWidget, Qt.FocusPolicy]


def _tab_stops(sheet: CardSheet) -> list[_Stop]:
    """The parts of a sheet that Tab stops at, in the order they were made (top to bottom),
    each with its focus policy."""
    stops: list[_Stop] = []

    def visit(parent: QWidget) -> None:
        for child in parent.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(sheet):
                stops.append((child, child.focusPolicy()))
            visit(child)

    visit(sheet)
    return stops


def _set_tab_stops(stops: list[_Stop] | tuple[()], on: bool) -> None:
    """Lets Tab stop at a sheet's parts, or not while the sheet is put aside."""
    for stop, policy in stops:
        wanted = policy if on else Qt.FocusPolicy.NoFocus
        if stop.focusPolicy() != wanted:
            stop.setFocusPolicy(wanted)


class _Page(QWidget):
    """The scroll area's page: the current sheet, centred with a margin, and as tall as it.

    Kept sheets stay shown but are put aside, outside the page, rather than hidden: showing a
    hidden sheet makes Qt show, lay out and polish each of its parts again (most of the time a
    card switch took), while moving one only paints it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cardPage")
        self.sheet: CardSheet | None = None

    def put_aside(self, sheet: CardSheet) -> None:
        # Sized, so that Qt does not size it when it is first shown (laying out each label
        # at a narrow width first), at the width the page would give it.
        sheet.setGeometry(-10 * SHEET_WIDTH, 0, self._sheet_width(self.width()), sheet.height())
        if self.isVisible():  # made after the page was shown, it would otherwise stay hidden
            sheet.show()  # (before, showing it would style it again with every parent it gets)

    def show_sheet(self, sheet: CardSheet | None) -> None:
        """Shows `sheet`, or no card at all (hiding the last one, rare enough to afford)."""
        if self.sheet is not None and sheet is None:
            self.sheet.hide()
        elif self.sheet is not None and sheet is not self.sheet:
            self.put_aside(self.sheet)
        if sheet is not None and sheet.isHidden():
            sheet.show()
        self.sheet = sheet
        self._place()

    def event(self, event: QEvent) -> bool:
        # LayoutRequest: the sheet's parts changed size
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._place()
        return super().event(event)

    def _sheet_width(self, width: int) -> int:
        return max(0, min(SHEET_WIDTH, width - 2 * MARGIN))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        """Centres the sheet at the page's width; the page grows to the sheet's height, and
        the scroll area scrolls it. While hidden, only its width is set: at start the
        window is not yet at its size, and laying out every label of the card at a width
        about to change took 2 ms; Qt lays it out when it is shown."""
        if self.sheet is None:
            self.setMinimumHeight(0)
            return
        width = self._sheet_width(self.width())
        if not self.isVisible():
            self.sheet.resize(width, self.sheet.height())
            return
        height = self.sheet.heightForWidth(width)
        self.sheet.setGeometry((self.width() - width) // 2, MARGIN, width, height)
        self.setMinimumHeight(height + 2 * MARGIN)
