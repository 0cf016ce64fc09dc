"""How big the preview shows its page: fit width (the default), fit page, or a zoom level
stepped with buttons, Ctrl+= / Ctrl+- and Ctrl+wheel; and opening the PDF in a real viewer.
"""

from __future__ import annotations

import tempfile
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QWheelEvent

from briefing.atomic import write_atomic
from briefing.gui import desktop

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0)
"""The zoom levels, as a share of the page's printed size on screen."""
ZOOM_IN_KEYS = ("Ctrl+=", "Ctrl++")
ZOOM_OUT_KEYS = ("Ctrl+-",)
FIT_WIDTH_KEYS = ("Ctrl+0",)


class Fit(Enum):
    WIDTH = "width"
    PAGE = "page"
    NONE = "none"


def key_sequences(keys: tuple[str, ...], standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """`keys` and the platform's standard keys for the same command, without repeats."""
    found: list[QKeySequence] = []
    for sequence in [QKeySequence(k) for k in keys] + QKeySequence.keyBindings(standard):
        if not sequence.isEmpty() and sequence not in found:
            found.append(sequence)
    return found


def next_step(current: float, direction: int) -> float:
    """The zoom step after `current` (direction 1) or before it (-1), clamped at the ends."""
    if direction > 0:
        return next((s for s in ZOOM_STEPS if s > current * 1.01), ZOOM_STEPS[-1])
    return next((s for s in reversed(ZOOM_STEPS) if s < current * 0.99), ZOOM_STEPS[0])


_FOLDER: list[Path] = []


def preview_folder() -> Path:
    """A private temporary folder for the PDFs opened in a viewer, made once per run."""
    if not _FOLDER or not _FOLDER[0].is_dir():
        _FOLDER[:] = [Path(tempfile.mkdtemp(prefix="briefing-preview-"))]
    return _FOLDER[0]


def open_in_viewer(pdf: bytes, name: str) -> Path:
    """Writes `pdf` (atomically) as `name` in the preview folder and opens it in a viewer."""
    path = write_atomic(preview_folder() / name, pdf)
    if not desktop.open_url(QUrl.fromLocalFile(str(path))):
        raise OSError(f"no program to open {path.name} was found")
    return path


class ZoomControl(QObject):
    """Sets a QPdfView's zoom; `changed` carries the zoom as a percentage and the fit."""

    changed = Signal(int, object)  # percent of print size, Fit

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: Any = None
        self.fit = Fit.WIDTH
        self.factor = 1.0

    def attach(self, view: Any) -> None:
        """Starts controlling `view` (a QPdfView), in the current fit or zoom."""
        self.view = view
        view.viewport().installEventFilter(self)
        self._apply()

    def fit_width(self) -> None:
        self.fit = Fit.WIDTH
        self._apply()

    def fit_page(self) -> None:
        self.fit = Fit.PAGE
        self._apply()

    def zoom_in(self) -> None:
        self.set_factor(next_step(self.effective(), 1))

    def zoom_out(self) -> None:
        self.set_factor(next_step(self.effective(), -1))

    def set_factor(self, factor: float) -> None:
        self.fit = Fit.NONE
        self.factor = max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1]))
        self._apply()

    def effective(self) -> float:
        """The zoom the page is shown at now, also while it is fitted to the pane."""
        if self.fit is Fit.NONE or self.view is None:
            return self.factor
        document = self.view.document()
        if document is None or document.pageCount() == 0:
            return self.factor
        page = document.pagePointSize(0)
        scale = self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        viewport = self.view.viewport().size()
        width = (viewport.width() - margins.left() - margins.right()) / (page.width() * scale)
        if self.fit is Fit.WIDTH:
            return float(max(0.05, width))
        height = (viewport.height() - margins.top() - margins.bottom()) / (page.height() * scale)
        return float(max(0.05, min(width, height)))

    def _apply(self) -> None:
        view = self.view
        if view is not None:
            from PySide6.QtPdfWidgets import QPdfView

            modes = {Fit.WIDTH: QPdfView.ZoomMode.FitToWidth, Fit.PAGE: QPdfView.ZoomMode.FitInView}
            if self.fit is Fit.NONE:
                view.setZoomMode(QPdfView.ZoomMode.Custom)
                view.setZoomFactor(self.factor)
            else:
                view.setZoomMode(modes[self.fit])
        self.report()

    def report(self) -> None:
        self.changed.emit(round(self.effective() * 100), self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.view
        if view is None:
            return False
        if event.type() == QEvent.Type.Wheel and watched is view.viewport():
            assert isinstance(event, QWheelEvent)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                delta = event.angleDelta().y()
                if delta:
                    self.zoom_in() if delta > 0 else self.zoom_out()
                return True  # Ctrl+wheel zooms; it never scrolls
        elif event.type() == QEvent.Type.Resize and watched is view.viewport():
            self.report()
        return False
