"""Layout as data: page sizes and margins, colours, and the type scale of every paragraph style.

Styles inherit from `body` (ParagraphStyle(parent=...)); `stylesheet(scale)` sets the whole
scale at once, which is how a long card is shrunk to fit its page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from briefing.page_sizes import PAGE_DIMENSIONS
from briefing.page_sizes import PageSize as PageSize  # the PDF package's page-size type
from briefing.pdf.fonts import BOLD, REGULAR, register_fonts


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """Where things go on a page, in points from the bottom left corner."""

    width: float
    height: float
    margin_x: float = 54.0  # 3/4 inch each side
    frame_top_gap: float = 46.0  # page top -> first line of content
    frame_bottom: float = 62.0  # page bottom -> last line of content (the source line)
    footer_rule_y: float = 54.0
    footer_text_y: float = 42.0
    marking_top_gap: float = 24.0  # page top -> baseline of the top marking
    marking_bottom_y: float = 20.0

    @property
    def frame_x(self) -> float:
        return self.margin_x

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def frame_height(self) -> float:
        return self.height - self.frame_top_gap - self.frame_bottom

    @property
    def right(self) -> float:
        return self.width - self.margin_x


def page_geometry(page_size: str) -> PageGeometry:
    for size, (width, height) in PAGE_DIMENSIONS.items():
        if size == page_size:
            return PageGeometry(width, height)
    raise ValueError(f"unknown page size {page_size!r}: use 'a4' or 'letter'")


# Restrained palette: one navy for structure, warm amber only for analyst context.
NAVY = HexColor("#1F3A5F")
INK = HexColor("#1B1F24")
MUTED = HexColor("#5A6372")
RULE = HexColor("#C5CCD6")
BLUF_FILL = HexColor("#EAF0F6")
TABLE_HEAD_FILL = HexColor("#E3E9F0")
NOTE_FILL = HexColor("#FBF5E8")
NOTE_ACCENT = HexColor("#B8892E")
NOTE_INK = HexColor("#6B4E12")
LINK = HexColor("#2A5C99")

# The floor: body text never goes below 8 pt, whatever the card.
BODY_SIZE = 10.0
BODY_LEADING = 13.4
MIN_BODY_SIZE = 8.0
SCALES: tuple[float, ...] = (1.0, 0.95, 0.9, 0.85, 0.8)


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """One row of the type table: size, leading and space after, in points at scale 1."""

    parent: str | None
    size: float
    leading: float
    space_after: float = 0.0
    bold: bool = False
    colour: Color = INK
    left_indent: float = 0.0
    bullet_size: float | None = None  # None: as the text
    bullet_rise: float = 0.0
    align: int = TA_LEFT


TYPE_TABLE: dict[str, StyleSpec] = {
    "body": StyleSpec(None, BODY_SIZE, BODY_LEADING, 0.0),
    "kicker": StyleSpec("body", 8.5, 11.0, 3.0, bold=True, colour=NAVY),
    "title": StyleSpec("body", 22.0, 26.0, 4.0, bold=True, colour=NAVY),
    "meta": StyleSpec("body", 9.0, 12.0, 0.0, colour=MUTED),
    "label": StyleSpec("body", 7.5, 9.5, 3.0, bold=True, colour=NAVY),
    "note_label": StyleSpec("label", 7.5, 9.5, 4.0, bold=True, colour=NOTE_INK),
    "section": StyleSpec("label", 8.0, 10.0, 5.0, bold=True, colour=NAVY),
    "summary": StyleSpec("body", 11.5, 15.4, 0.0),
    "point": StyleSpec(
        "body", BODY_SIZE, BODY_LEADING, 5.0, left_indent=12.0, bullet_size=5.0, bullet_rise=2.2
    ),
    "cell": StyleSpec("body", 8.5, 10.8, 0.0),
    "cell_head": StyleSpec("cell", 7.5, 9.5, 0.0, bold=True, colour=NAVY),
    "quote": StyleSpec("body", 10.5, 14.4, 3.0, colour=NAVY),
    "credit": StyleSpec("body", 8.5, 11.0, 0.0, colour=MUTED),
    "note": StyleSpec("body", 9.0, 12.0, 1.5),
    "cite": StyleSpec("note", 7.5, 9.8, 5.0, colour=MUTED),
    "cite_line": StyleSpec("cite", 7.5, 9.8, 0.0, colour=MUTED),
    "source_line": StyleSpec("body", 8.0, 10.4, 0.0, colour=MUTED),
    # Book only: cover and appendix, never shrunk.
    "cover_kicker": StyleSpec("body", 9.5, 12.0, 10.0, bold=True, colour=NAVY),
    "cover_title": StyleSpec("body", 28.0, 33.0, 12.0, bold=True, colour=NAVY),
    "cover_meta": StyleSpec("body", 11.0, 15.0, 3.0, colour=MUTED),
    "contents": StyleSpec("body", 10.5, 15.0, 2.0),
    "contents_page": StyleSpec("contents", 10.5, 15.0, 2.0, align=TA_RIGHT),
    "appendix_title": StyleSpec("title", 18.0, 22.0, 6.0, bold=True, colour=NAVY),
    "appendix_meta": StyleSpec("meta", 9.0, 12.0, 10.0, colour=MUTED),
    "appendix_headline": StyleSpec("body", 11.0, 14.5, 8.0, bold=True),
    "appendix_para": StyleSpec("body", 9.5, 13.0, 6.0, left_indent=24.0),
}


@dataclass(frozen=True, slots=True)
class Stylesheet:
    scale: float
    styles: dict[str, ParagraphStyle]

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    @property
    def body_size(self) -> float:
        return float(self.styles["body"].fontSize)

    def gap(self, points: float) -> float:
        """Space between blocks, shrinking with the type."""
        return points * self.scale


@cache
def stylesheet(scale: float = 1.0) -> Stylesheet:
    """Every paragraph style at `scale` (1.0 is the full size); cached per scale.

    Registers the fonts the styles name, so nothing can measure text before they exist.
    """
    register_fonts()
    styles: dict[str, ParagraphStyle] = {}
    for name, spec in TYPE_TABLE.items():
        parent = styles[spec.parent] if spec.parent else None
        styles[name] = ParagraphStyle(
            name,
            parent=parent,
            fontName=BOLD if spec.bold else REGULAR,
            fontSize=spec.size * scale,
            leading=spec.leading * scale,
            spaceBefore=0,
            spaceAfter=spec.space_after * scale,
            textColor=spec.colour,
            leftIndent=spec.left_indent * scale,
            bulletFontName=REGULAR,
            bulletFontSize=(spec.bullet_size or spec.size) * scale,
            alignment=spec.align,
            splitLongWords=1,
            allowWidows=0,
            allowOrphans=0,
        )
        # Not ParagraphStyle defaults, but Paragraph reads them when drawing a bullet.
        styles[name].bulletColor = NAVY
        styles[name].bulletOffsetY = spec.bullet_rise * scale
    return Stylesheet(scale, styles)
