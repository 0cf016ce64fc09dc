"""Form fields bound to one key path of the dialogue data: they show its value and report
each change the user types at once, so the card repaints as they write and nothing typed is
ever left unapplied (a Save or an Undo sees it). The edit session merges what is typed in
one field in a row into one undo step. Plain text only: data is never read as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from briefing.edit import KeyPath

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent


def as_text(value: Any) -> str:
    """How a field shows a value: '' for none, numbers as written."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Binding(QObject):
    """Ties one widget to a key path; `edited(path, text)` when the user changed the text."""

    edited = Signal(object, str)

    def __init__(self, widget: QWidget, read: Any, write: Any) -> None:
        super().__init__(widget)
        self.widget = widget
        self.path: KeyPath = ()
        self._read = read  # () -> str, what the widget shows
        self._write = write  # (str) -> None
        self._shown = ""

    def show(self, path: KeyPath, value: Any) -> None:
        """Shows `value` (at `path`); leaves the text alone when it already says that, so
        that the cursor of a field being typed in stays where it is."""
        self.path = path
        text = as_text(value)
        self._shown = text
        if self._read() != text:
            self._write(text)

    def flush(self) -> None:
        """Reports the text if it differs from the value shown (called on every change)."""
        text = self._read()
        if self.path and text != self._shown:
            self._shown = text
            self.edited.emit(self.path, text)


def line_field(name: str, placeholder: str = "", live: bool = True) -> tuple[QLineEdit, Binding]:
    """A one-line field; not `live`, it applies only when left or with Enter (a number,
    say, that is not one while half typed)."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(placeholder or name)
    field.setPlaceholderText(placeholder)
    binding = Binding(field, field.text, field.setText)
    if live:
        field.textEdited.connect(binding.flush)
    field.editingFinished.connect(binding.flush)
    return field, binding


class _PlainText(QPlainTextEdit):
    """A plain text box that reports leaving it; Tab moves on instead of typing a tab."""

    left = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMaximumHeight(110)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.left.emit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter applies the text at once, as leaving the box does."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.left.emit()
            return
        super().keyPressEvent(event)


def text_field(name: str, placeholder: str = "") -> tuple[QPlainTextEdit, Binding]:
    field = _PlainText()
    field.setObjectName(name)
    field.setAccessibleName(placeholder or name)
    field.setPlaceholderText(placeholder)
    binding = Binding(field, field.toPlainText, field.setPlainText)
    field.textChanged.connect(binding.flush)
    field.left.connect(binding.flush)
    return field, binding


def combo_field(
    name: str, choices: tuple[str, ...] = (), editable: bool = False
) -> tuple[QComboBox, Binding]:
    """A choice (or, `editable`, a text with suggestions) bound like the other fields."""
    field = QComboBox()
    field.setObjectName(name)
    field.setAccessibleName(name)
    field.setEditable(editable)
    field.addItems(list(choices))

    def write(text: str) -> None:
        at = field.findText(text, Qt.MatchFlag.MatchExactly)
        if at >= 0:
            field.setCurrentIndex(at)
        elif editable:
            field.setEditText(text)

    binding = Binding(field, field.currentText, write)
    if editable:
        line = field.lineEdit()
        assert line is not None
        line.textEdited.connect(binding.flush)
        line.editingFinished.connect(binding.flush)
        field.activated.connect(lambda _: binding.flush())
    else:
        field.activated.connect(lambda _: binding.flush())
    return field, binding


def set_suggestions(field: QComboBox, suggestions: tuple[str, ...]) -> None:
    """Offers `suggestions` in an editable combo box, keeping what it says."""
    text = field.currentText()
    if tuple(field.itemText(i) for i in range(field.count())) != suggestions:
        field.blockSignals(True)
        field.clear()
        field.addItems(list(suggestions))
        field.setEditText(text)
        field.blockSignals(False)
