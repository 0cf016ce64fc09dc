"""The bundled Nanum Gothic TrueType fonts (Latin and Hangul), registered once per process.

Each refuses to lay out a character it has no glyph for (`coverage.CheckedTTFont`).
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from briefing.paths import font_path
from briefing.pdf.coverage import CheckedTTFont

REGULAR = "NanumGothic"
BOLD = "NanumGothic-Bold"

# ReportLab font name -> file in resources/fonts. No italic face: the layout never asks for one.
FONT_FILES: dict[str, str] = {
    REGULAR: "NanumGothic.ttf",
    BOLD: "NanumGothicBold.ttf",
}
# Data text may be drawn in either face: it must be in both.
DATA_FONTS = (REGULAR, BOLD)

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Registers the bundled fonts with ReportLab; later calls cost nothing.

    Parsing the two TTFs takes ~60 ms, so it happens once, not once per PDF.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file in FONT_FILES.items():
            font = CheckedTTFont(name, str(font_path(file)))
            # ReportLab copies the whole 4 MB glyf table out of the font file for every
            # subset of every PDF (~0.4 ms each); tables never change, so keep one copy.
            font.face.get_table = cache(font.face.get_table)
            pdfmetrics.registerFont(font)
        # <b> in Paragraph markup picks the bold face; italic falls back to upright.
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
            addMapping(REGULAR, bold, italic, face)
        _registered = True
