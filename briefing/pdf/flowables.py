"""The few flowables the pages need beyond ReportLab's: measured once, run-in, boxed.

Fitting a card measures every block with wrap() at the frame width; the frame then asks
again at the same width while building. `MeasuredParagraph` answers that
second call from the first, so a card is laid out once, not twice; `Grid` does the same
for the commitments table.

ReportLab breaks a paragraph of one font and colour several times faster than one with
inline markup, so a point's bold lead and its muted references are drawn beside the plain
text (`RunInParagraph`) rather than written into it as tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

# A lead-in drawn beside the text may take at most this share of the first line.
LEAD_SHARE = 0.6
_LINE_BREAKS = re.compile(r"[\t\n\r]+")


def one_line(text: str) -> str:
    """Text drawn as one run (not broken into lines): tabs and line breaks become spaces."""
    return _LINE_BREAKS.sub(" ", text)


class MeasuredParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that breaks its lines once per width. Never split (card pages only)."""

    _measured_for: float | None = None
    _measured: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._measured_for != availWidth:
            self._measured = super().wrap(availWidth, availHeight)
            self._measured_for = availWidth
        return self._measured


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference drawn after a paragraph: its label (with any separator before it, as in
    ', 6') and, in the book, the named destination it links to."""

    label: str
    destination: str | None = None


@dataclass(frozen=True, slots=True)
class RefStyle:
    font: str
    size: float
    colour: Color


class RunInParagraph(MeasuredParagraph):
    """Plain text with a bold lead-in drawn before its first line and references after its
    last line (on a line of their own when the last line is full).

    `text` must be escaped plain text: one font, so ReportLab takes its fast path. A lead-in
    wider than `LEAD_SHARE` of the first line is set as bold markup in the text instead,
    so that it wraps like any text.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        lead: str = "",
        lead_font: str = "",
        refs: Sequence[Ref] = (),
        ref_style: RefStyle | None = None,
        bulletText: str | None = None,
    ) -> None:
        lead = one_line(lead)
        self.lead = lead
        self.lead_font = lead_font
        self.refs = tuple(Ref(one_line(r.label), r.destination) for r in refs)
        self.ref_style = ref_style
        self._ref_gap = 0.0
        self._plain = (text, style, bulletText)
        if lead:
            indent = stringWidth(lead + " ", lead_font, style.fontSize)
            style = ParagraphStyle(f"{style.name}+lead", parent=style, firstLineIndent=indent)
        super().__init__(text, style, bulletText=bulletText)
        self._refs_x = 0.0
        self._refs_own_line = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._measured_for == availWidth:
            return self._measured
        style = self.style
        if self.lead and style.firstLineIndent > LEAD_SHARE * (
            availWidth - style.leftIndent - style.rightIndent
        ):
            self._run_lead_into_text()
        width, height = super().wrap(availWidth, availHeight)
        if self.refs and self.ref_style is not None:
            rs = self.ref_style
            refs_width = sum(stringWidth(r.label, rs.font, rs.size) for r in self.refs)
            gap = 0.6 * self.style.fontSize
            end = self._last_line_end(availWidth)
            self._refs_own_line = end + gap + refs_width > availWidth - self.style.rightIndent
            self._refs_x = self.style.leftIndent if self._refs_own_line else end + gap
            if self._refs_own_line:
                height += self.style.leading
                self.height = height  # drawPara sets the text from the top of self.height
        self._measured = (width, height)
        return self._measured

    def _run_lead_into_text(self) -> None:
        """Sets the lead-in as bold markup at the start of the text, wrapped with it."""
        text, style, bullet = self._plain
        lead = escape(self.lead)
        if self.lead_font != style.fontName:
            lead = f'<font face="{self.lead_font}">{lead}</font>'
        Paragraph.__init__(self, f"{lead} {text}", style, bulletText=bullet)
        self.lead = ""

    def _last_line_end(self, availWidth: float) -> float:
        """Where the text of the last line ends, from the paragraph's left edge."""
        lines = self.blPara.lines
        style = self.style
        if not lines:
            return float(style.leftIndent + style.firstLineIndent)
        last = lines[-1]
        extra = last[0] if isinstance(last, tuple) else last.extraSpace
        start = style.leftIndent + (style.firstLineIndent if len(lines) == 1 else 0)
        line_width = availWidth - start - style.rightIndent
        return float(start + line_width - extra)

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        style = self.style
        first_baseline = self.height - style.fontSize
        if self.lead:
            canvas.saveState()
            canvas.setFont(self.lead_font, style.fontSize)
            canvas.setFillColor(style.textColor)
            canvas.drawString(style.leftIndent, first_baseline, self.lead)
            canvas.restoreState()
        if self.refs and self.ref_style is not None:
            self._draw_refs(first_baseline - style.leading * (len(self.blPara.lines) - 1))

    def _draw_refs(self, last_baseline: float) -> None:
        rs = self.ref_style
        assert rs is not None
        canvas = self.canv
        y = last_baseline - (self.style.leading if self._refs_own_line else 0)
        x = self._refs_x
        canvas.saveState()
        canvas.setFont(rs.font, rs.size)
        canvas.setFillColor(rs.colour)
        for ref in self.refs:
            width = stringWidth(ref.label, rs.font, rs.size)
            canvas.drawString(x, y, ref.label)
            if ref.destination is not None:
                box = (x, y - 0.25 * rs.size, x + width, y + 0.85 * rs.size)
                canvas.linkRect("", ref.destination, box, relative=1, thickness=0)
            x += width
        canvas.restoreState()


class LinkedParagraph(MeasuredParagraph):
    """A plain paragraph that is, as a whole, a link to a web address."""

    def __init__(self, text: str, style: ParagraphStyle, url: str) -> None:
        super().__init__(text, style)
        self.url = url

    def draw(self) -> None:
        super().draw()
        self.canv.linkURL(self.url, (0, 0, self.width, self.height), relative=1, thickness=0)


class Grid(Flowable):  # type: ignore[misc]
    """A small table of flowables: fixed column widths, cells set from the top, a shaded
    header row and a rule under every row. Several times cheaper than platypus Table for
    the few rows a card has; never split."""

    def __init__(
        self,
        rows: Sequence[Sequence[Flowable]],
        widths: Sequence[float],
        *,
        padding: float,
        header_fill: Color,
        rule: Color,
        last_rule: Color,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.rows = [list(row) for row in rows]
        self.widths = list(widths)
        self.padding = padding
        self.header_fill = header_fill
        self.rule = rule
        self.last_rule = last_rule
        self.spaceAfter = space_after
        self._heights: list[float] = []
        self._measured = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._measured:
            pad = self.padding
            self._heights = [
                max(
                    cell.wrap(w - 2 * pad, availHeight)[1]
                    for cell, w in zip(row, self.widths, strict=True)
                )
                + 1.8 * pad
                for row in self.rows
            ]
            self.width = sum(self.widths)
            self.height = sum(self._heights)
            self._measured = True
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        pad = self.padding
        y = self.height
        for index, (row, height) in enumerate(zip(self.rows, self._heights, strict=True)):
            y -= height
            if index == 0:
                canvas.setFillColor(self.header_fill)
                canvas.rect(0, y, self.width, height, stroke=0, fill=1)
            x = 0.0
            for cell, width in zip(row, self.widths, strict=True):
                cell.drawOn(canvas, x + pad, y + height - 0.8 * pad - cell.height)
                x += width
            last = index == len(self.rows) - 1
            canvas.setStrokeColor(self.last_rule if last else self.rule)
            canvas.setLineWidth(0.8 if last else 0.5)
            canvas.line(0, y, self.width, y)


class Label(Flowable):  # type: ignore[misc]
    """A short template label on one line ('KEY POINTS'), drawn without a Paragraph.

    Only for text the template owns; it must fit the width it is given.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.spaceAfter = style.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = float(self.style.leading)
        return self.width, self.height

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawString(0, self.height - style.fontSize, self.text)


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
        self.page = 0  # the page it was laid out on, once built

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()
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
