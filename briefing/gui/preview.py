"""The preview: the exact one-page PDF of the current card (QtPdf), in A4 or Letter, fitted
to the pane's width by default, zoomable, and one click from a real PDF viewer.

QtPdf is imported when the preview is first shown, not at start-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.gui import preview_zoom
from briefing.gui.card_parts import text_label
from briefing.gui.flow_layout import FlowLayout
from briefing.gui.pdf_output import CardKey, PdfOutput
from briefing.gui.preview_zoom import Fit, ZoomControl, key_sequences
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
        self._pdf: bytes | None = None
        self.view: Any = None  # the QPdfView, made on first use
        self.zoom = ZoomControl(self)

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

        zoom_bar = self._zoom_bar()
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
        layout.addWidget(zoom_bar)
        layout.addLayout(self._pages, 1)

        navigation.changed.connect(self._state_changed)
        output.card_ready.connect(self._ready)
        output.card_failed.connect(self._failed)
        self._check_size(navigation.state)

    def _zoom_bar(self) -> QWidget:
        """Zoom out and in, the zoom shown, fit width, fit page, and Open in PDF viewer."""
        bar = QWidget()
        bar.setObjectName("previewZoomBar")
        outer = QVBoxLayout(bar)
        outer.setContentsMargins(12, 6, 12, 6)
        flow = FlowLayout(spacing=8)  # a narrow pane puts Open on a line of its own
        outer.addLayout(flow)
        zoom_group = QWidget()
        row = QHBoxLayout(zoom_group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        flow.addWidget(zoom_group)
        standard = QKeySequence.StandardKey
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, tip, keys, run in (
            ("zoomOut", "\u2212", "Zoom out", key_sequences(
                preview_zoom.ZOOM_OUT_KEYS, standard.ZoomOut), self.zoom.zoom_out),
            ("zoomIn", "+", "Zoom in", key_sequences(
                preview_zoom.ZOOM_IN_KEYS, standard.ZoomIn), self.zoom.zoom_in),
            ("fitWidth", "Fit width", "Fit the page to the pane's width", key_sequences(
                preview_zoom.FIT_WIDTH_KEYS, standard.UnknownKey), self.zoom.fit_width),
            ("fitPage", "Fit page", "Show the whole page", [], self.zoom.fit_page),
            ("openInViewer", "Open in PDF viewer", "Open this PDF in the system's PDF viewer",
             [], self.open_in_viewer),
        ):  # fmt: skip
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            hint = f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})" if keys else ""
            action.setToolTip(tip + hint)  # our own words: plain text
            action.triggered.connect(run)
            self.addAction(action)
            self.actions_by_name[name] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(f"{name}Button")
            button.setAccessibleName(tip)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            if name in ("fitWidth", "fitPage"):
                action.setCheckable(True)
            if name == "openInViewer":
                flow.addWidget(button)
            else:
                row.addWidget(button)
            if name == "zoomIn":
                self.zoom_label = QLabel("100%")
                self.zoom_label.setObjectName("previewZoom")
                self.zoom_label.setAccessibleName("Zoom")
                self.zoom_label.setTextFormat(Qt.TextFormat.PlainText)
                self.zoom_label.setMinimumWidth(44)
                self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                row.addWidget(self.zoom_label)
        self.zoom.changed.connect(self._zoom_changed)
        self._zoom_changed(100, self.zoom.fit)
        self._enable_view_actions(False)
        return bar

    def _zoom_changed(self, percent: int, fit: Fit) -> None:
        self.zoom_label.setText(f"{percent}%")
        self.actions_by_name["fitWidth"].setChecked(fit is Fit.WIDTH)
        self.actions_by_name["fitPage"].setChecked(fit is Fit.PAGE)

    def _enable_view_actions(self, enabled: bool) -> None:
        for action in self.actions_by_name.values():
            action.setEnabled(enabled)

    def open_in_viewer(self) -> None:
        """Writes the PDF shown to a temporary file and opens it in the system's viewer."""
        if self._pdf is None or self._shown is None:
            return
        _generation, card_id, page_size = self._shown
        try:
            path = preview_zoom.open_in_viewer(self._pdf, f"{card_id}-{page_size}.pdf")
        except OSError as error:
            self._output.failed.emit("Could not open the PDF viewer", str(error))
            return
        self._output.done.emit(f"Opened {path.name} in the PDF viewer")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _state_changed(self, new: NavigationState, old: NavigationState) -> None:
        self._check_size(new)
        shown = (new.dialogue, new.card, new.page_size, bool(new.visible))
        if shown != (old.dialogue, old.card, old.page_size, bool(old.visible)):
            self.refresh()

    def _check_size(self, state: NavigationState) -> None:
        for button in self.sizes.buttons():
            button.setChecked(button.property("segment") == state.page_size)

    @property
    def shown(self) -> CardKey | None:
        """Which one-page PDF is on screen: (generation, card id, page size), or None."""
        return self._shown

    def page_points(self) -> tuple[float, float] | None:
        """The size of the page on screen, in points, or None when none is."""
        if self._document is None or self._shown is None:
            return None
        size = self._document.pagePointSize(0)
        return (size.width(), size.height())

    def refresh(self) -> None:
        """Requests the PDF of what the window shows, if the preview is on screen."""
        state = self._navigation.state
        card = state.current
        if not self.isVisible():
            return
        if card is None:
            self._say("No card to preview.")
            return
        if state.query.strip() and not state.visible:
            self._say("No card matches the search.")  # never an unrelated card
            return
        key = self._output.key(card.id, state.page_size)
        if key in (self._wanted, self._shown):
            return
        self._wanted = key
        if self._output.cached(key) is None:
            self._say(f"Rendering {card.title}\u2026")
        self._output.request_preview(card.id, state.page_size)

    def _say(self, text: str) -> None:
        self._shown = None  # the view no longer shows it; showing it again asks again
        self._enable_view_actions(False)
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
            self._pdf = None
            self._enable_view_actions(False)
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
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click gives the keys to it
        self.view.setDocument(self._document)
        self._pages.addWidget(self.view)
        self.zoom.attach(self.view)

    def _show_pdf(self, pdf: bytes) -> None:
        self._ensure_view()
        old = self._buffer
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document.load(self._buffer)
        self._pdf = pdf
        if old is not None:
            old.close()
            old.deleteLater()
        self._pages.setCurrentWidget(self.view)
        self._enable_view_actions(True)
        self.zoom.report()

    def page_count(self) -> int:
        """Pages in the PDF shown (0 before one is), for tests and automation."""
        return int(self._document.pageCount()) if self._document is not None else 0
