"""A word-wrapping label that Qt's layouts can ask about its size cheaply.

Asked for its size hints, a wrapping QLabel lays its whole text out three times (at no
width, at unlimited width and at a guessed one), and Qt's box layouts ask it for its height
at a width twice in a row (as its height and as its minimum height). On a card of some fifty
labels that was a sixth of all the work of starting the app. Here, while it wraps:

- its size hints are one line high and say nothing of its width: in the vertical layouts it
  sits in, its width is its column's and its height comes from `heightForWidth`;
- the heights it gave are given again, for the same widths, while its text, format, font
  and margins are the same.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel

MIN_WIDTH = 40
"""How narrow a layout may make it; a longer word runs on, as in any text that wraps."""
KEPT_HEIGHTS = 8
"""Heights kept for this many widths at most (a window being resized asks for many)."""


class WrappingLabel(QLabel):
    """A QLabel; see the module's notes for what differs while it wraps words."""

    _state: tuple[object, ...] = ()
    _heights: dict[int, int] | None = None

    def sizeHint(self) -> QSize:
        if not self.wordWrap():
            return super().sizeHint()
        return QSize(MIN_WIDTH, self._line_height())

    def minimumSizeHint(self) -> QSize:
        if not self.wordWrap():
            return super().minimumSizeHint()
        return QSize(MIN_WIDTH, self._line_height())

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        state = (
            self.text(),
            self.textFormat(),
            self.wordWrap(),
            self.font().toString(),
            margins.left(),
            margins.top(),
            margins.right(),
            margins.bottom(),
            self.margin(),
            self.indent(),
        )
        if self._heights is None or state != self._state or len(self._heights) > KEPT_HEIGHTS:
            self._state, self._heights = state, {}
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def _line_height(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().height() + margins.top() + margins.bottom() + 2 * self.margin()
