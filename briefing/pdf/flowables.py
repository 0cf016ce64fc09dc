"""The few flowables the pages need beyond ReportLab's: measured once, boxed, bookmarked.

Fitting a card measures every block with wrap() at the frame width; the frame then asks
again at the same width while building. `MeasuredParagraph` and `MeasuredTable` answer that
second call from the first, so a card is laid out once, not twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph, Table


class MeasuredParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that breaks its lines once per width. Never split (card pages only)."""

    _measured_for: float | None = None
    _measured: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._measured_for != availWidth:
            self._measured = super().wrap(availWidth, availHeight)
            self._measured_for = availWidth
        return self._measured


class MeasuredTable(Table):  # type: ignore[misc]
    """A Table that computes its cell geometry once per width. Never split."""

    _measured_for: float | None = None
    _measured: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._measured_for != availWidth:
            self._measured = super().wrap(availWidth, availHeight)
            self._measured_for = availWidth
        return self._measured


class ShadedBox(Flowable):  # type: ignore[misc]
    """Flowables on a tinted background with an accent bar down the left edge."""

    def __init__(
        self,
        content: Sequence[Flowable],
        *,
        fill: Color,
        accent: Color,
        padding: float,
        accent_width: float = 2.5,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.fill = fill
        self.accent = accent
        self.padding = padding
        self.accent_width = accent_width
        self.spaceAfter = space_after
        self._measured_for: float | None = None
        self._heights: list[float] = []

    def _inner_width(self, width: float) -> float:
        return width - 2 * self.padding - self.accent_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._measured_for != availWidth:
            inner = self._inner_width(availWidth)
            self._heights = [f.wrap(inner, availHeight)[1] for f in self.content]
            gaps = sum(f.getSpaceAfter() for f in self.content[:-1])
            self.width = availWidth
            self.height = sum(self._heights) + gaps + 2 * self.padding
            self._measured_for = availWidth
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.fill)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(self.accent)
        canvas.rect(0, 0, self.accent_width, self.height, stroke=0, fill=1)
        canvas.restoreState()
        x = self.accent_width + self.padding
        y = self.height - self.padding
        for flowable, height in zip(self.content, self._heights, strict=True):
            y -= height
            flowable.drawOn(canvas, x, y)
            y -= flowable.getSpaceAfter()


class Bookmark(Flowable):  # type: ignore[misc]
    """Takes no room: binds a named destination here and adds it to the PDF outline."""

    _ZEROSIZE = True

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """The height a frame needs for these flowables stacked, using spaceAfter only.

    Matches Frame exactly as long as no flowable has spaceBefore (the styles set none).
    """
    total = 0.0
    for i, flowable in enumerate(flowables):
        total += flowable.wrap(width, 1e6)[1]
        if i < len(flowables) - 1:
            total += flowable.getSpaceAfter()
    return total
