"""Printing a briefing PDF: the same bytes as the export, with the page size the user chose.

Where CUPS is installed the PDF file itself goes to `lp` (vector, exact) with `-o media=` of
the chosen size; elsewhere each page is rendered at 300 dpi onto the QPrinter, whose page is set
to the chosen size first. Several PDFs (the cards chosen in Print Cards) go as one job, in
order. `print_pdf` and `print_pdfs` run on the worker thread.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from briefing.atomic import write_atomic
from briefing.gui.state import PageSize

RASTER_DPI = 300
QT_PAGE_SIZES: dict[PageSize, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}
MEDIA = {"a4": "A4", "letter": "Letter"}
"""The CUPS media names, which are also the names the status bar uses."""


def set_page_size(printer: QPrinter, page_size: PageSize) -> None:
    """Gives the printer the page size, portrait and without margins (the PDF has its own)."""
    layout = QPageLayout(
        QPageSize(QT_PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setPageLayout(layout)


def chosen_page_size(printer: QPrinter, fallback: PageSize) -> PageSize:
    """The page size picked in the print dialog, if it is one we render; else `fallback`.

    Printer drivers report their own sizes ("US Letter", 215.9 x 279.4 mm) whose id is often
    Custom; the size itself is matched, within Qt's fuzzy tolerance.
    """
    size = printer.pageLayout().pageSize()
    picked = size.id()
    if picked == QPageSize.PageSizeId.Custom:
        points = size.size(QPageSize.Unit.Point)
        picked = QPageSize.id(points, QPageSize.Unit.Point, QPageSize.SizeMatchPolicy.FuzzyMatch)
    for name, qt_id in QT_PAGE_SIZES.items():
        if picked == qt_id:
            return name
    return fallback


def destination(printer: QPrinter) -> str:
    """Where a job for `printer` goes, in words: 'printer Office' or 'file x.pdf'."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return f"file {Path(printer.outputFileName()).name}"
    return f"printer {printer.printerName()}" if printer.printerName() else "the printer"


def print_status(how: str, where: str, page_size: PageSize, title: str) -> str:
    """The status bar line once a job is done: what, where and on which paper."""
    verb = "Printed to" if how == "file" else "Sent to"
    return f"{verb} {where} on {MEDIA[page_size]} paper: {title}"


def lp_command() -> str | None:
    return shutil.which("lp")


def print_pdf(pdf: bytes, printer: QPrinter, page_size: PageSize, title: str) -> str:
    """Prints `pdf`; returns how ('file', 'vector' or 'raster') for the status bar."""
    return print_pdfs([pdf], printer, page_size, title)


def print_pdfs(pdfs: Sequence[bytes], printer: QPrinter, page_size: PageSize, title: str) -> str:
    """Prints `pdfs` as one job, in order; returns how ('file', 'vector' or 'raster').

    Printed to a file, one PDF is written as it is; several are rendered into that file
    page by page (a PDF file holds one document; Export writes the exact ones).
    """
    if not pdfs:
        raise ValueError("nothing was chosen to print")
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    if to_file and printer.outputFileName():
        if len(pdfs) == 1:
            write_atomic(printer.outputFileName(), pdfs[0])  # "print to file": the exact PDF
            return "file"
        set_page_size(printer, page_size)
        render_raster(pdfs, printer)
        return "file"
    lp = lp_command()
    if lp is not None and printer.printerName():
        send_with_lp(lp, pdfs, printer.printerName(), printer.copyCount(), page_size, title)
        return "vector"
    set_page_size(printer, page_size)
    render_raster(pdfs, printer)
    return "raster"


def lp_arguments(
    lp: str,
    files: Path | Sequence[Path],
    printer_name: str,
    copies: int,
    page_size: PageSize,
    title: str,
) -> list[str]:
    """The `lp` command line for one job of one or more files (printed in order, each set
    of copies collated), the chosen page size as its media."""
    paths = [files] if isinstance(files, Path) else list(files)
    command = [lp, "-d", printer_name, "-n", str(max(1, copies)), "-t", title]
    command += ["-o", f"media={MEDIA[page_size]}", "-o", "fit-to-page"]
    if len(paths) > 1:
        command += ["-o", "multiple-document-handling=separate-documents-collated-copies"]
    return [*command, *(str(path) for path in paths)]


def run_lp(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Runs `lp` (the one place that does, so that tests replace it)."""
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def send_with_lp(
    lp: str,
    pdfs: bytes | Sequence[bytes],
    printer_name: str,
    copies: int,
    page_size: PageSize,
    title: str,
) -> None:
    """Sends the PDF files to CUPS as one job, which prints them as vectors on the chosen
    media."""
    documents = [pdfs] if isinstance(pdfs, bytes) else list(pdfs)
    with tempfile.TemporaryDirectory(prefix="briefing-print-") as folder:
        files = [Path(folder) / f"briefing-{n + 1:03d}.pdf" for n in range(len(documents))]
        for file, pdf in zip(files, documents, strict=True):
            write_atomic(file, pdf)
        done = run_lp(lp_arguments(lp, files, printer_name, copies, page_size, title))
    if done.returncode != 0:
        raise OSError(done.stderr.strip() or f"lp failed with status {done.returncode}")


def render_raster(pdfs: bytes | Sequence[bytes], printer: QPrinter, dpi: int = RASTER_DPI) -> None:
    """Renders every page of `pdfs`, in order, at `dpi` onto the printer's full pages."""
    from PySide6.QtPdf import QPdfDocument

    documents = [pdfs] if isinstance(pdfs, bytes) else list(pdfs)
    loaded: list[tuple[QPdfDocument, QBuffer]] = []
    try:
        for pdf in documents:
            buffer = QBuffer()
            buffer.setData(QByteArray(pdf))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document = QPdfDocument()
            loaded.append((document, buffer))
            document.load(buffer)
            if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
                raise OSError("the PDF could not be read for printing")
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be opened")
        try:
            first = True
            for document, _buffer in loaded:
                for page in range(document.pageCount()):
                    if not first:
                        printer.newPage()
                    first = False
                    points = document.pagePointSize(page)
                    size = QSize(
                        round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)
                    )
                    image = document.render(page, size)
                    target: QRect = painter.viewport()
                    scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()
    finally:
        for document, _buffer in loaded:
            document.close()
