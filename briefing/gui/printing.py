"""Printing a briefing PDF: the same bytes as the export, with the page size the user chose.

Where CUPS is installed the PDF file itself goes to `lp` (vector, exact); elsewhere each page
is rendered at 300 dpi onto the QPrinter. `print_pdf` runs on the worker thread.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from briefing.atomic import write_atomic
from briefing.gui.state import PageSize

RASTER_DPI = 300
QT_PAGE_SIZES: dict[PageSize, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}


def chosen_page_size(printer: QPrinter, fallback: PageSize) -> PageSize:
    """The page size picked in the print dialog, if it is one we render; else `fallback`."""
    picked = printer.pageLayout().pageSize().id()
    for name, qt_id in QT_PAGE_SIZES.items():
        if picked == qt_id:
            return name
    return fallback


def lp_command() -> str | None:
    return shutil.which("lp")


def print_pdf(pdf: bytes, printer: QPrinter, page_size: PageSize, title: str) -> str:
    """Prints `pdf`; returns how ('file', 'vector' or 'raster') for the status bar."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        write_atomic(printer.outputFileName(), pdf)  # "print to file": the exact PDF
        return "file"
    lp = lp_command()
    if lp is not None and printer.printerName():
        send_with_lp(lp, pdf, printer, page_size, title)
        return "vector"
    render_raster(pdf, printer)
    return "raster"


def send_with_lp(lp: str, pdf: bytes, printer: QPrinter, page_size: PageSize, title: str) -> None:
    """Sends the PDF file to CUPS, which prints it as vectors."""
    media = "A4" if page_size == "a4" else "Letter"
    with tempfile.TemporaryDirectory(prefix="briefing-print-") as folder:
        file = Path(folder) / "briefing.pdf"
        file.write_bytes(pdf)
        command = [lp, "-d", printer.printerName(), "-n", str(max(1, printer.copyCount()))]
        command += ["-t", title, "-o", f"media={media}", "-o", "fit-to-page", str(file)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise OSError(done.stderr.strip() or f"lp failed with status {done.returncode}")


def render_raster(pdf: bytes, printer: QPrinter, dpi: int = RASTER_DPI) -> None:
    """Renders every page at `dpi` and paints it onto the printer's full page."""
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise OSError("the PDF could not be read for printing")
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            target: QRect = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
        document.close()
