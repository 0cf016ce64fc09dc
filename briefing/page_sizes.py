"""The page sizes a briefing prints on: their ids, labels and dimensions in points.

Shared by the PDF exporter and the GUI (which imports it at start-up, so no ReportLab here).
"""

from __future__ import annotations

from typing import Literal

PageSize = Literal["a4", "letter"]

PAGE_SIZES: tuple[PageSize, ...] = ("a4", "letter")
"""Every page size, in the order menus offer them."""

PAGE_SIZE_LABELS: dict[str, str] = {"a4": "A4", "letter": "US Letter"}

_MM = 72 / 25.4  # points per millimetre, as reportlab.lib.units.mm

PAGE_DIMENSIONS: dict[PageSize, tuple[float, float]] = {
    "a4": (210 * _MM, 297 * _MM),
    "letter": (8.5 * 72, 11 * 72),
}
"""Width and height in points (1/72 inch), portrait."""
