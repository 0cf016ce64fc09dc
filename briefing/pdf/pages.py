"""Page furniture and the document: marking lines, footer, "Page n of N", metadata, build.

`PageDecor` draws what every page carries (onPage); `NumberedCanvas` writes "Page n of N"
once the page count is known, so no document is ever built twice to learn it.
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from briefing import __version__
from briefing.editorial import long_date
from briefing.pdf.fonts import BOLD, REGULAR, register_fonts
from briefing.pdf.styles import MUTED, NAVY, RULE, PageGeometry

DEFAULT_MARKING = "OPEN-SOURCE SUMMARY · NOT AN OFFICIAL DOCUMENT"

MARKING_SIZE = 7.0
MIN_MARKING_SIZE = 5.0
MARKING_TRACKING = 0.6
FOOTER_SIZE = 7.5
_SPACE = re.compile(r"\s+")

# Streams are compressed: a one-pager is ~37 KB instead of ~60 KB, for ~1.3 ms more per
# page. The benchmarks compare against bare ReportLab pages with the same setting.
COMPRESS_STREAMS = True

# ReportLab keeps per-document font state in module globals; one build at a time.
_build_lock = threading.Lock()


def generation_date(generated: date | None) -> date:
    """`generated`, else SOURCE_DATE_EPOCH (reproducible builds), else today."""
    if generated is not None:
        return generated
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH is not a Unix time: {epoch!r}") from None
    return date.today()


def clean_marking(marking: str, geometry: PageGeometry) -> tuple[str, float]:
    """The marking on one line and the type size that fits it across the page."""
    text = _SPACE.sub(" ", marking).strip()
    size = MARKING_SIZE
    while size >= MIN_MARKING_SIZE:
        if _tracked_width(text, size) <= geometry.frame_width:
            return text, size
        size -= 0.25
    raise ValueError(
        f"the marking is too long for one line ({len(text)} characters); keep it under "
        f"about {int(len(text) * geometry.frame_width / _tracked_width(text, MIN_MARKING_SIZE))}"
    )


def _tracked_width(text: str, size: float) -> float:
    return float(stringWidth(text, BOLD, size)) + MARKING_TRACKING * max(0, len(text) - 1)


class PageDecor:
    """onPage: the marking at top and bottom, the footer rule and the generation date."""

    def __init__(self, geometry: PageGeometry, marking: str, generated: date) -> None:
        self.geometry = geometry
        self.marking, self.marking_size = clean_marking(marking, geometry)
        self.generated = f"Generated {long_date(generated)}"

    def __call__(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        g = self.geometry
        canvas.saveState()
        canvas.setFillColor(MUTED)
        self._marking(canvas, g.height - g.marking_top_gap)
        self._marking(canvas, g.marking_bottom_y)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(g.frame_x, g.footer_rule_y, g.right, g.footer_rule_y)
        canvas.setFont(REGULAR, FOOTER_SIZE)
        canvas.drawString(g.frame_x, g.footer_text_y, self.generated)
        canvas.restoreState()

    def _marking(self, canvas: Canvas, y: float) -> None:
        width = _tracked_width(self.marking, self.marking_size)
        canvas.setFont(BOLD, self.marking_size)
        x = (self.geometry.width - width) / 2
        canvas.drawString(x, y, self.marking, charSpace=MARKING_TRACKING)


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds each finished page until save(), then stamps "Page n of N" on all of them.

    While a page is held, the document's page counter still moves on, so bookmarks and
    links made on later pages name the page they will really be written as.
    """

    def __init__(self, *args: Any, geometry: PageGeometry, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._geometry = geometry
        self._held: list[dict[str, Any]] = []
        self._first_page = self._doc.pageCounter

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._doc.pageCounter += 1  # as PDFDocument.addPage does
        self._doc.inObject = None
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        g = self._geometry
        self._doc.pageCounter = self._first_page
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, FOOTER_SIZE)
            self.setFillColor(NAVY)
            self.drawRightString(g.right, g.footer_text_y, f"Page {number} of {total}")
            super().showPage()
        super().save()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]

    @property
    def creator(self) -> str:
        return f"Briefing {__version__}"


def content_frame(geometry: PageGeometry, frame_id: str) -> Frame:
    g = geometry
    return Frame(
        g.frame_x,
        g.frame_bottom,
        g.frame_width,
        g.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
    )


def page_template(name: str, geometry: PageGeometry, decor: PageDecor) -> PageTemplate:
    return PageTemplate(
        id=name,
        frames=[content_frame(geometry, name)],
        onPage=decor,
        pagesize=(geometry.width, geometry.height),
    )


def build_pdf(
    story: list[Flowable],
    geometry: PageGeometry,
    templates: Sequence[PageTemplate],
    info: DocumentInfo,
    *,
    show_outline: bool = False,
) -> bytes:
    """Lays the story out once and returns the PDF; byte-identical for the same input."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(geometry.width, geometry.height),
        pageTemplates=list(templates),
        leftMargin=geometry.margin_x,
        rightMargin=geometry.margin_x,
        topMargin=geometry.frame_top_gap,
        bottomMargin=geometry.frame_bottom,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=list(info.keywords),
        creator=info.creator,
        invariant=1,
        pageCompression=int(COMPRESS_STREAMS),
        initialFontName=REGULAR,
        initialFontSize=10,
        lang="en",
        displayDocTitle=1,
    )
    if show_outline:
        story = [_ShowOutline(), *story]
    with _build_lock:
        doc.build(story, canvasmaker=partial(NumberedCanvas, geometry=geometry))
    return buffer.getvalue()


class _ShowOutline(Flowable):  # type: ignore[misc]
    """Opens the book with its bookmarks panel showing."""

    _ZEROSIZE = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.showOutline()
