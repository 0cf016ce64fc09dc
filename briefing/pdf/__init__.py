"""Printable PDF briefings: one-page cards, the briefing book, and exporting them to files.

Imports ReportLab; callers (CLI, GUI) import this package lazily, when a PDF is wanted.
"""

from briefing.pdf.book import render_book
from briefing.pdf.book_limits import (
    MAX_APPENDIX_CHARACTERS,
    MAX_APPENDIX_PARAGRAPH_CHARACTERS,
    MAX_APPENDIX_PARAGRAPHS,
    BookTooLong,
)
from briefing.pdf.coverage import UncoveredCharacters
from briefing.pdf.export import ExportError, export_pdfs
from briefing.pdf.fitting import CardTooLong
from briefing.pdf.onepager import render_card
from briefing.pdf.pages import DEFAULT_MARKING
from briefing.pdf.styles import PageSize

__all__ = [
    "DEFAULT_MARKING",
    "MAX_APPENDIX_CHARACTERS",
    "MAX_APPENDIX_PARAGRAPHS",
    "MAX_APPENDIX_PARAGRAPH_CHARACTERS",
    "BookTooLong",
    "CardTooLong",
    "ExportError",
    "PageSize",
    "UncoveredCharacters",
    "export_pdfs",
    "render_book",
    "render_card",
]
