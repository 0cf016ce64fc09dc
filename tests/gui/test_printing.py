"""Printing what was chosen: the page size picked reaches the printer, `lp` and the status."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from briefing.gui import printing
from briefing.gui.main_window import MainWindow
from briefing.page_sizes import PageSize
from tests.gui.conftest import DialogCalls, NamedPrinter

pytest.importorskip("briefing.pdf")

POINTS = {"a4": (595, 842), "letter": (612, 792)}


def pdf_page_size(data: bytes) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def driver_letter() -> QPageSize:
    """Letter as a printer driver reports it: its own name and a size a hair off, id Custom."""
    size = QPageSize(
        QSizeF(612.5, 792.5),
        QPageSize.Unit.Point,
        "US Letter",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    assert size.id() == QPageSize.PageSizeId.Custom
    return size


def test_letter_picked_in_the_dialog_is_printed_on_letter(
    qtbot: Any,
    window: MainWindow,
    dialog_calls: DialogCalls,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "printed.pdf"
    offered: list[QPageSize.PageSizeId] = []

    def user_picks_letter(_parent: object, printer: QPrinter) -> bool:
        offered.append(printer.pageLayout().pageSize().id())
        printer.setPageLayout(
            QPageLayout(
                driver_letter(), QPageLayout.Orientation.Portrait, printer.pageLayout().margins()
            )
        )
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    from briefing.gui import dialogs

    monkeypatch.setattr(dialogs, "ask_print", user_picks_letter)
    window.navigation.go_to_id("ai")
    assert window.navigation.state.page_size == "a4"
    with qtbot.waitSignal(window.pdf.output.done, timeout=20000):
        window.actions_by_name["print"].trigger()
    assert offered == [QPageSize.PageSizeId.A4]  # the dialog opened on the app's choice
    assert pdf_page_size(target.read_bytes()) == POINTS["letter"]
    assert window.notice.text() == (
        "Printed to file printed.pdf on Letter paper: Artificial intelligence"
    )


def test_the_view_choice_is_what_the_print_dialog_offers(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls
) -> None:
    dialog_calls.print_accepted = False
    window.navigation.set_page_size("letter")
    window.actions_by_name["print"].trigger()
    (printer,) = dialog_calls.printers
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert printing.chosen_page_size(printer, "a4") == "letter"


@pytest.mark.parametrize(("size", "media"), [("letter", "media=Letter"), ("a4", "media=A4")])
def test_lp_gets_the_chosen_media_printer_and_copies(
    monkeypatch: pytest.MonkeyPatch, size: PageSize, media: str
) -> None:
    ran: list[tuple[list[str], bytes]] = []

    def fake_lp(command: list[str]) -> subprocess.CompletedProcess[str]:
        ran.append((command, Path(command[-1]).read_bytes()))
        return subprocess.CompletedProcess(command, 0, "request id is Office-7", "")

    monkeypatch.setattr(printing, "lp_command", lambda: "/usr/bin/lp")
    monkeypatch.setattr(printing, "run_lp", fake_lp)
    how = printing.print_pdf(b"%PDF-1.4 the card", NamedPrinter("Office", 2), size, "AI")  # type: ignore[arg-type]
    assert how == "vector"
    ((command, sent),) = ran
    assert sent == b"%PDF-1.4 the card"
    assert command[:7] == ["/usr/bin/lp", "-d", "Office", "-n", "2", "-t", "AI"]
    assert ["-o", media] == command[7:9]
    assert printing.print_status(how, "printer Office", size, "AI") == (
        f"Sent to printer Office on {printing.MEDIA[size]} paper: AI"
    )


def test_a_failing_lp_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "lp_command", lambda: "lp")
    monkeypatch.setattr(
        printing,
        "run_lp",
        lambda command: subprocess.CompletedProcess(command, 1, "", "lp: The printer is offline"),
    )
    with pytest.raises(OSError, match="The printer is offline"):
        printing.print_pdf(b"%PDF", NamedPrinter("Office", 1), "a4", "AI")  # type: ignore[arg-type]


def test_raster_printing_uses_the_chosen_paper(tmp_path: Path) -> None:
    from briefing.loader import load_dialogue
    from briefing.paths import bundled_dialogue
    from briefing.pdf import render_card

    pdf = render_card(load_dialogue(bundled_dialogue()), "overview", page_size="letter")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the printer's own default
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    printing.set_page_size(printer, "letter")
    printing.render_raster(pdf, printer, dpi=60)
    assert pdf_page_size((tmp_path / "raster.pdf").read_bytes()) == POINTS["letter"]
