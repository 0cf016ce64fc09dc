"""Text for a new source from a .txt, .md, .html or .pdf file, or pasted: plain text with
paragraphs separated by blank lines, the text that quotes will be checked against.

HTML is read with QTextDocument and PDF with QPdfDocument, never from an external
resource: an HTML file's images, style sheets and links to other files are not opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from briefing.gui.pdf_text import PdfRefused, pdf_text
from briefing.loader import MAX_SOURCE_BYTES, MAX_TOTAL_SOURCE_BYTES
from briefing.safe_open import Refused, read_file
from briefing.source_text import (
    Undecodable,
    decode_text,
    html_shape,
    paragraphs_text,
    tidy_text,
)

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SOURCE_FILTER = (
    "Source documents (*.txt *.md *.html *.htm *.pdf);;Text (*.txt *.md);;"
    "Web pages (*.html *.htm);;PDF documents (*.pdf);;All files (*)"
)
MAX_TEXT_CHARS = MAX_SOURCE_BYTES
"""Characters of text a new source may hold (the loader's limit is in UTF-8 bytes)."""
MAX_HTML_BYTES = MAX_TOTAL_SOURCE_BYTES
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_HTML_TAGS = 200_000
"""Tags in a web page: a long article has a few thousand; Qt reads 100,000 in 0.5 s."""
MAX_HTML_DEPTH = 200
"""Elements nested in elements: real pages stay under 100; 16,000 take Qt 2.5 s."""


class ImportRefused(Exception):
    """No text was taken; the message says why, in a user's words."""


@dataclass(frozen=True, slots=True)
class ImportedText:
    """Text ready to be stored as a source, with what the document calls itself."""

    text: str  # paragraphs separated by blank lines, ending in a newline
    title: str  # from an HTML <title> or the PDF's information; "" when it gives none
    kind: str  # "text", "HTML", "PDF" or "pasted text", for messages


def import_file(path: Path) -> ImportedText:
    """The text of the file at `path`, by its ending; .txt and .md are taken as they are,
    Markdown as plain text. Raises ImportRefused, its message starting with the file name."""
    try:
        return _import(path)
    except ImportRefused as exc:
        raise ImportRefused(f"{path.name}: {exc}") from None


def _import(path: Path) -> ImportedText:
    if path.is_dir():
        raise ImportRefused("is a folder, not a file")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        text, title = _pdf(_read(path, "PDF document", MAX_PDF_BYTES))
        return _checked(ImportedText(text, title, "PDF"))
    if suffix in HTML_SUFFIXES:
        text, title = html_text(_decoded(_read(path, "web page", MAX_HTML_BYTES), html=True))
        return _checked(ImportedText(text, title, "HTML"))
    if suffix in TEXT_SUFFIXES:
        text = tidy_text(_decoded(_read(path, "text file", MAX_SOURCE_BYTES)))
        return _checked(ImportedText(text, "", "text"))
    raise ImportRefused(
        "Briefing takes text from .txt, .md, .html and .pdf files; "
        "for anything else, copy its text and paste it"
    )


def import_pasted(text: str) -> ImportedText:
    """Pasted text, tidied like a text file's. Raises ImportRefused."""
    return _checked(ImportedText(tidy_text(text), "", "pasted text"))


class _OfflineDocument(QTextDocument):
    """A text document that loads nothing: no image, style sheet or other resource that
    the HTML names is ever opened, from a file or anywhere else."""

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None


def html_text(html: str) -> tuple[str, str]:
    """The text of an HTML page, each block (paragraph, heading, list item, table cell) a
    paragraph, line breaks kept; and its <title>. Raises ImportRefused for a page with more
    tags, or tags nested deeper, than Qt reads in a second or so."""
    tags, depth = html_shape(html)
    paste = "copy its text from a browser and paste it"
    if tags > MAX_HTML_TAGS:
        raise ImportRefused(f"the page has over {MAX_HTML_TAGS:,} tags; {paste}")
    if depth > MAX_HTML_DEPTH:
        raise ImportRefused(f"the page nests elements over {MAX_HTML_DEPTH} deep; {paste}")
    document = _OfflineDocument()
    document.setHtml(html)
    paragraphs: list[str] = []
    block = document.begin()
    while block.isValid():
        paragraphs.append(block.text())
        block = block.next()
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    return paragraphs_text(paragraphs), " ".join(title.split())


def _read(path: Path, what: str, limit: int) -> bytes:
    try:
        data = read_file(path, what, limit)
    except Refused as exc:
        raise ImportRefused(str(exc)) from None
    if len(data) > limit:
        raise ImportRefused(f"too large (over {limit // (1024 * 1024)} MiB) for a {what}")
    return data


def _decoded(data: bytes, html: bool = False) -> str:
    try:
        text = decode_text(data, html)
    except Undecodable as exc:
        raise ImportRefused(str(exc)) from None
    if "\x00" in text:
        raise ImportRefused("contains NUL bytes: not a text file")
    return text


def _pdf(data: bytes) -> tuple[str, str]:
    try:
        return pdf_text(data, MAX_TEXT_CHARS)
    except PdfRefused as exc:
        raise ImportRefused(f"the PDF {exc}") from None


def _checked(imported: ImportedText) -> ImportedText:
    if not imported.text.strip():
        hint = " (a scanned PDF has only pictures of text)" if imported.kind == "PDF" else ""
        raise ImportRefused(f"no text to store{hint}")
    if len(imported.text.encode("utf-8")) > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // (1024 * 1024)
        raise ImportRefused(f"the {imported.kind} has over {limit} MiB of text; store a part")
    return imported
