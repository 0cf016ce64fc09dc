"""The text of a PDF, with Qt's own QPdfDocument: page by page, lines put back together
into paragraphs by where they stand on the page."""

from __future__ import annotations

import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtPdf import QPdfDocument

from briefing.source_text import PdfLine, paragraphs_text, pdf_paragraphs

MAX_PAGES = 2000
"""Pages read from one PDF; a longer one is refused rather than read for minutes."""
MAX_LINES_ASKED = 5000
"""Lines of one PDF whose place is asked for one by one (about 5 s in all)."""
_LINE = re.compile(r"[^\r\n]+")
_ERRORS = {
    QPdfDocument.Error.IncorrectPassword: "is protected by a password; save a copy without one",
    QPdfDocument.Error.UnsupportedSecurityScheme: "is encrypted in a way Qt cannot read",
    QPdfDocument.Error.InvalidFileFormat: "is not a PDF document, or is damaged",
}


class PdfRefused(Exception):
    """The PDF gave no text; the message says why, in a user's words."""


def pdf_text(data: bytes, max_chars: int) -> tuple[str, str]:
    """The text of the PDF in `data`, paragraphs separated by blank lines, and its title
    from the document information ("" when none). Raises PdfRefused, also when the text is
    longer than `max_chars`."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)  # the data is all there: loading ends before load returns
        if document.status() != QPdfDocument.Status.Ready:
            reason = _ERRORS.get(document.error(), "could not be read as a PDF document")
            raise PdfRefused(reason)
        pages = document.pageCount()
        if pages > MAX_PAGES:
            noun = "page" if pages == 1 else "pages"
            raise PdfRefused(f"has {pages:,} {noun}; Briefing reads at most {MAX_PAGES:,}")
        paragraphs: list[str] = []
        size = 0
        budget = [MAX_LINES_ASKED]
        for page in range(pages):
            found = page_paragraphs(document, page, budget)
            size += sum(len(p) + 2 for p in found)
            if size > max_chars:
                raise PdfRefused(f"has more text than a source may hold ({max_chars:,} characters)")
            paragraphs.extend(found)
        title = document.metaData(QPdfDocument.MetaDataField.Title)
        return paragraphs_text(paragraphs), str(title or "").strip()
    finally:
        document.close()
        buffer.close()


def page_paragraphs(document: QPdfDocument, page: int, budget: list[int]) -> list[str]:
    """The paragraphs on one page, from its lines and where each stands.

    Where each line stands comes from the boxes of the page's text, one box or more per
    line. Where they cannot be matched to the lines, each line is asked for its own box,
    which takes a millisecond or so: `budget` holds how many lines may still be asked for,
    and past it the page's lines are taken as one paragraph."""
    selection = document.getAllText(page)
    text = selection.text()
    found = list(_LINE.finditer(text))
    boxes = _line_boxes([polygon.boundingRect() for polygon in selection.bounds()])
    if len(boxes) != len(found):
        if len(found) > budget[0]:
            return pdf_paragraphs(
                [PdfLine(m.group(), 0.0, float(n), 1.0) for n, m in enumerate(found)]
            )
        budget[0] -= len(found)
        boxes = _asked_boxes(document, page, text, found)
    lines = [
        PdfLine(m.group(), b.left(), b.top(), b.right()) for m, b in zip(found, boxes, strict=True)
    ]
    return pdf_paragraphs(lines)


def _line_boxes(boxes: list[QRectF]) -> list[QRectF]:
    """Boxes of text runs, in reading order, merged where they stand on the same line."""
    lines: list[QRectF] = []
    for box in boxes:
        if lines and abs(box.center().y() - lines[-1].center().y()) < lines[-1].height() / 2:
            lines[-1] = lines[-1].united(box)
        else:
            lines.append(box)
    return lines


def _asked_boxes(
    document: QPdfDocument, page: int, text: str, found: list[re.Match[str]]
) -> list[QRectF]:
    boxes: list[QRectF] = []
    start = end = 0  # where the line starts in UTF-16 code units (Qt's count), and ended
    for match in found:
        start += _units(text[end : match.start()])
        length = _units(match.group())
        boxes.append(document.getSelectionAtIndex(page, start, length).boundingRectangle())
        start += length
        end = match.end()
    return boxes


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
