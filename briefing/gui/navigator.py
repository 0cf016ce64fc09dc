"""The sector navigator: the overview, then each sector with its icon and number of points."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.desktop import plain_tooltip
from briefing.gui.icons import line_pixmap
from briefing.gui.state import Navigation, NavigationState
from briefing.gui.theme import Colors, Theme
from briefing.model import Card, CardKind

ROW_HEIGHT = 40
POINTS_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_ROLE = Qt.ItemDataRole.UserRole + 2
OVERVIEW_ROLE = Qt.ItemDataRole.UserRole + 3

ModelIndex = QModelIndex | QPersistentModelIndex


def points_label(count: int) -> str:
    return f"{count} point" if count == 1 else f"{count} points"


CARD_ROWS = "application/x-briefing-card-row"
"""What a dragged card carries: its row, as text (a drag within the list only)."""


class CardListModel(QAbstractListModel):
    """The cards of the open dialogue, as rows; in edit mode they can be dragged to reorder."""

    move_requested = Signal(int, int)
    """A card dropped elsewhere: (its row, the row it is to have)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: tuple[Card, ...] = ()
        self.movable = False

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.movable:
            flags |= (
                Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled
            )
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CARD_ROWS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(CARD_ROWS, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        """Asks for the move; the rows change when the edited dialogue is shown."""
        if not self.movable or not data.hasFormat(CARD_ROWS):
            return False
        try:
            start = int(bytes(data.data(CARD_ROWS).data()).decode())
        except ValueError:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._cards)
        to = row if row <= start else row - 1
        if 0 <= start < len(self._cards) and to != start:
            self.move_requested.emit(start, min(to, len(self._cards) - 1))
        return False  # nothing for the view to remove: the new dialogue has the order

    def set_cards(self, cards: tuple[Card, ...]) -> None:
        self.beginResetModel()
        self._cards = cards
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole title, however it is elided
            return plain_tooltip(f"{card.title}, {points_label(len(card.points))}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.title}, {points_label(len(card.points))}"
        if role == POINTS_ROLE:
            return len(card.points)
        if role == ICON_ROLE:
            return card.icon or "overview"
        if role == OVERVIEW_ROLE:
            return card.kind is CardKind.OVERVIEW
        return None


class CardDelegate(QStyledItemDelegate):
    """Paints a row: icon, title (elided, as plain text) and a point-count pill."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(200, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        colors = self._theme.colors
        rect: QRect = option.rect
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = rect.adjusted(6, 2, -6, -2)
        if selected or hovered:
            path = QPainterPath()
            path.addRoundedRect(box, 6, 6)
            fill = QColor(colors.selection)
            if not selected:
                fill.setAlpha(110)
            painter.fillPath(path, fill)
        if selected:
            painter.fillRect(
                QRect(box.left(), box.top() + 8, 3, box.height() - 16), QColor(colors.accent)
            )
        text_color = QColor(colors.selection_text if selected else colors.text)
        view = self.parent()
        ratio = view.devicePixelRatioF() if isinstance(view, QWidget) else 1.0
        icon_color = colors.accent if selected else colors.muted
        pixmap = line_pixmap(str(index.data(ICON_ROLE)), icon_color, 18, ratio)
        painter.drawPixmap(box.left() + 12, box.top() + (box.height() - 18) // 2, pixmap)

        count = str(index.data(POINTS_ROLE))
        font = QFont(option.font)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        pill_width = painter.fontMetrics().horizontalAdvance(count) + 16
        pill = QRect(box.right() - pill_width - 8, box.center().y() - 9, pill_width, 18)
        pill_path = QPainterPath()
        pill_path.addRoundedRect(pill, 9, 9)
        painter.fillPath(pill_path, QColor(colors.base if selected else colors.window))
        painter.setFont(small)
        painter.setPen(QColor(colors.muted))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count)

        if index.data(OVERVIEW_ROLE):
            font.setWeight(QFont.Weight.Bold)
        elif selected:
            font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(text_color)
        text_rect = QRect(box.left() + 40, box.top(), pill.left() - box.left() - 48, box.height())
        title = painter.fontMetrics().elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title
        )
        if index.data(OVERVIEW_ROLE) and index.row() == 0:
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(rect.left() + 14, rect.bottom(), rect.right() - 14, rect.bottom())
        painter.restore()


class SectorNavigator(QListView):
    """The list of cards; filtered by the search, following and setting the navigation."""

    def __init__(self, navigation: Navigation, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectorNavigator")
        self.setAccessibleName("Sectors")
        self.setAccessibleDescription("The overview and each sector; select one to show its card")
        self._navigation = navigation
        self._model = CardListModel(self)
        self.setModel(self._model)
        self.setItemDelegate(CardDelegate(theme, self))
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(220)
        self._hidden: set[int] = set()
        self._syncing = False
        self.selectionModel().currentChanged.connect(self._current_changed)
        navigation.changed.connect(self._state_changed)
        theme.changed.connect(self._colors_changed)

    def _colors_changed(self, _colors: Colors) -> None:
        self.viewport().update()

    @property
    def move_requested(self) -> Signal:
        """(row, new row): a card dragged to another place in edit mode."""
        return self._model.move_requested  # type: ignore[return-value]

    def set_editing(self, editing: bool) -> None:
        """In edit mode the cards can be dragged into another order."""
        self._model.movable = editing
        mode = QAbstractItemView.DragDropMode
        self.setDragDropMode(mode.InternalMove if editing else mode.NoDragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(editing)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Page Up and Page Down step one card, like Up and Down (the list is short)."""
        steps = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}
        if event.key() in steps and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._navigation.step(steps[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self._navigation.go_to(current.row())

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        if new.dialogue is not old.dialogue:
            self._hidden = set()
            self._model.set_cards(new.dialogue.cards if new.dialogue else ())
        if new.visible != old.visible or new.dialogue is not old.dialogue:
            self._show_only(new)
        self._select(new.card if new.card in new.visible else None)

    def _show_only(self, state: NavigationState) -> None:
        """Hides the rows the search excludes, touching only rows whose state changes."""
        count = len(state.dialogue.cards) if state.dialogue else 0
        hidden = set(range(count)).difference(state.visible)
        for row in hidden ^ self._hidden:
            self.setRowHidden(row, row in hidden)
        self._hidden = hidden

    def _select(self, row: int | None) -> None:
        self._syncing = True
        try:
            selection = self.selectionModel()
            if row is None:
                selection.clear()
                return
            index = self._model.index(row)
            if selection.currentIndex() != index or not selection.isSelected(index):
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.scrollTo(index)
        finally:
            self._syncing = False


QUERY_SHOWN = 60
"""Characters of the query the "no cards match" line repeats before an ellipsis."""


def no_match_text(state: NavigationState) -> str:
    """'No cards match “…”' when a search leaves no card; else an empty string."""
    query = " ".join(state.query.split())
    if state.dialogue is None or not query or state.visible:
        return ""
    if len(query) > QUERY_SHOWN:
        query = query[: QUERY_SHOWN - 1] + "\u2026"
    return f"No cards match \u201c{query}\u201d"


class NavigatorPanel(QWidget):
    """The navigator under a heading that names the open dialogue."""

    def __init__(self, navigation: Navigation, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigatorPanel")
        from briefing.gui.card_parts import text_label

        self.overline = text_label("overline", selectable=False)
        self.overline.setText("BRIEFING CARDS")
        self.heading = text_label("navigatorTitle", selectable=False)
        self.details = text_label("navigatorMeta", selectable=False)
        self.navigator = SectorNavigator(navigation, theme)
        self.no_match = text_label("noMatch", selectable=False)
        self.no_match.setObjectName("noMatch")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_match.hide()
        header = QWidget()
        header.setObjectName("navigatorHeader")
        top = QVBoxLayout(header)
        top.setContentsMargins(18, 16, 14, 12)
        top.setSpacing(3)
        for label in (self.overline, self.heading, self.details):
            top.addWidget(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.no_match)
        layout.addWidget(self.navigator, 1)
        navigation.changed.connect(self._state_changed)

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        nothing = no_match_text(new)
        self.no_match.setText(nothing)  # plain text: the query is shown as typed
        self.no_match.setVisible(bool(nothing))
        dialogue = new.dialogue
        if dialogue is old.dialogue and old.dialogue is not None:
            return
        self.heading.setText(dialogue.short_title or dialogue.title if dialogue else "")
        self.details.setText(f"{dialogue.place} \u00b7 {dialogue.date}" if dialogue else "")
