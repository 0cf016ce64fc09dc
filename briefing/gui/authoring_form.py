"""What the authoring dialogs share: a form in a scroll area that fits a 1024x640 screen, a
line that says why the work was not done, and the OK and Cancel buttons. Every field is
plain text; nothing typed is read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

FITS = (620, 560)
"""The dialogs' size: inside a 1024x640 screen with room for the title bar."""


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("authoringMessage")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


def sentence(message: str) -> str:
    """A message as a sentence: capital first, a full stop last."""
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def scrolled(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area


class AuthoringDialog(QDialog):
    """A dialog with a message line that says why its work was not done, and OK/Cancel."""

    def __init__(self, parent: QWidget | None, title: str, ok: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message = _message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("authoringOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(*FITS)

    def lay_out(self, content: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(content), 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
