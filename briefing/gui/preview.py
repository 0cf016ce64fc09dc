"""The preview: the exact one-page PDF of the current card (QtPdf), in A4 or Letter.

QtPdf is imported when the preview is first shown, not at start-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.card_parts import text_label
from briefing.gui.pdf_output import CardKey, PdfOutput
from briefing.gui.state import PAGE_SIZES, Navigation, NavigationState
from briefing.page_sizes import PAGE_SIZE_LABELS


class PreviewPane(QWidget):
    """Asks for the current card's PDF whenever it is visible and what it shows has changed."""

    def __init__(self, navigation: Navigation, output: PdfOutput, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.setAccessibleName("Print preview")
        self._navigation = navigation
        self._output = output
        self._wanted: CardKey | None = None
        self._shown: CardKey | None = None
        self._document: Any = None
        self._buffer: QBuffer | None = None
        self.view: Any = None  # the QPdfView, made on first use

        bar = QWidget()
        bar.setObjectName("previewBar")
        title = text_label("overline", selectable=False)
        title.setText("ONE-PAGE PDF")
        self.sizes = QButtonGroup(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 10, 16, 10)
        row.addWidget(title, 1)
        for size in PAGE_SIZES:
            button = QToolButton()
            button.setText(PAGE_SIZE_LABELS[size])
            button.setCheckable(True)
            button.setObjectName(f"pageSize_{size}")
            button.setProperty("segment", size)
            button.setAccessibleName(f"{PAGE_SIZE_LABELS[size]} page size")
            self.sizes.addButton(button)
            row.addWidget(button)
            button.clicked.connect(lambda _=False, s=size: navigation.set_page_size(s))

        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedLayout()
        self._pages.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addLayout(self._pages, 1)

        navigation.changed.connect(self._state_changed)
        output.card_ready.connect(self._ready)
        output.card_failed.connect(self._failed)
        self._check_size(navigation.state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        self._check_size(new)
        if (new.dialogue, new.card, new.page_size) != (old.dialogue, old.card, old.page_size):
            self.refresh()

    def _check_size(self, state: NavigationState) -> None:
        for button in self.sizes.buttons():
            button.setChecked(button.property("segment") == state.page_size)

    def refresh(self) -> None:
        """Requests the PDF of what the window shows, if the preview is on screen."""
        state = self._navigation.state
        card = state.current
        if not self.isVisible():
            return
        if card is None:
            self._say("No card to preview.")
            return
        key = self._output.key(card.id, state.page_size)
        if key in (self._wanted, self._shown):
            return
        self._wanted = key
        if self._output.cached(key) is None:
            self._say(f"Rendering {card.title}\u2026")
        self._output.request_preview(card.id, state.page_size)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._pages.setCurrentWidget(self.message)

    def _ready(self, key: CardKey, pdf: bytes) -> None:
        if key != self._wanted:
            return
        self._wanted = None
        self._shown = key
        self._show_pdf(pdf)

    def _failed(self, key: CardKey, message: str) -> None:
        if key == self._wanted:
            self._wanted = None
            self._shown = None
            self._say(message)

    def _ensure_view(self) -> None:
        if self.view is not None:
            return
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("previewView")
        self.view.setAccessibleName("Preview of the one-page PDF")
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocument(self._document)
        self._pages.addWidget(self.view)

    def _show_pdf(self, pdf: bytes) -> None:
        self._ensure_view()
        old = self._buffer
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        self._pages.setCurrentWidget(self.view)

    def page_count(self) -> int:
        """Pages in the PDF shown (0 before one is), for tests and automation."""
        return int(self._document.pageCount()) if self._document is not None else 0
