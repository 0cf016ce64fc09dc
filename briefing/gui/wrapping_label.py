"""A word-wrapping label that Qt's layouts can ask about its size cheaply.

Asked for its size hints, a wrapping QLabel lays its whole text out three times (at no
width, at unlimited width and at a guessed one), and Qt's box layouts ask it for its height
at a width twice in a row (as its height and as its minimum height). On a card of some fifty
labels that was a sixth of all the work of starting the app. Here, while it wraps:

- its size hints are one line high and say nothing of its width: in the vertical layouts it
  sits in, its width is its column's and its height comes from `heightForWidth`;
- the last height it gave for a width is given again while its text, format, font and
  margins are the same.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel

MIN_WIDTH = 40
"""How narrow a layout may make it; a longer word runs on, as in any text that wraps."""


class WrappingLabel(QLabel):
    """A QLabel; see the module's notes for what differs while it wraps words."""

    _last: tuple[tuple[object, ...], int] | None = None

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
        key = (
            width,
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
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        height = super().heightForWidth(width)
        self._last = (key, height)
        return height

    def _line_height(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().height() + margins.top() + margins.bottom() + 2 * self.margin()
