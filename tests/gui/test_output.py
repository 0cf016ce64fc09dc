"""Preview, export and print: the same one-page PDF everywhere, made off the GUI thread."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from briefing.gui import dialogs, printing
from briefing.gui.main_window import MainWindow
from briefing.gui.pdf_commands import PdfCommands
from tests.gui.conftest import DialogCalls

pytest.importorskip("briefing.pdf")

POINTS = {"a4": (595, 842), "letter": (612, 792)}


def page_size(reader: PdfReader, page: int = 0) -> tuple[int, int]:
    box = reader.pages[page].mediabox
    return round(float(box.width)), round(float(box.height))


def test_export_writes_a_valid_one_page_pdf(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls, tmp_path: Path
) -> None:
    window.navigation.go_to_id("bio-pharma")
    dialog_calls.save_path = tmp_path / "bio.pdf"
    with qtbot.waitSignal(window.pdf.output.done, timeout=20000):
        window.actions_by_name["exportCard"].trigger()
    reader = PdfReader(tmp_path / "bio.pdf")
    assert len(reader.pages) == 1
    assert "Bio and pharmaceuticals" in reader.pages[0].extract_text()
    assert page_size(reader) == POINTS[window.navigation.state.page_size]
    assert window.pdf.notification.message.full_text() == f"Exported {tmp_path / 'bio.pdf'}"
    assert not dialog_calls.errors


def test_export_overview_in_letter(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls, tmp_path: Path
) -> None:
    window.navigation.go_to_id("ai")
    window.actions_by_name["pageLetter"].trigger()
    dialog_calls.save_path = tmp_path / "overview.pdf"
    with qtbot.waitSignal(window.pdf.output.done, timeout=20000):
        window.actions_by_name["exportOverview"].trigger()
    reader = PdfReader(tmp_path / "overview.pdf")
    assert len(reader.pages) == 1
    assert page_size(reader) == POINTS["letter"]
    assert "Overview" in reader.pages[0].extract_text()


def test_export_all_one_pagers_reports_progress(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls, tmp_path: Path
) -> None:
    dialog_calls.folder = tmp_path / "out"
    seen: list[tuple[int, int]] = []
    window.pdf.output.progress.connect(lambda done, total, _name: seen.append((done, total)))
    with qtbot.waitSignal(window.pdf.output.done, timeout=30000):
        window.actions_by_name["exportAll"].trigger()
    files = sorted((tmp_path / "out").glob("*.pdf"))
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    assert len(files) == len(dialogue.cards)
    assert all(len(PdfReader(f).pages) == 1 for f in files)
    assert seen[-1] == (len(files), len(files))
    assert window.progress.isHidden()


def test_export_book(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls, tmp_path: Path
) -> None:
    dialog_calls.save_path = tmp_path / "book.pdf"
    with qtbot.waitSignal(window.pdf.output.done, timeout=30000):
        window.actions_by_name["exportBook"].trigger()
    from briefing.pdf import render_book

    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    expected = render_book(dialogue, window.navigation.state.page_size)
    assert (tmp_path / "book.pdf").read_bytes() == expected  # the same book as the CLI's


def test_cancelled_save_dialog_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Path] = []

    def cancel(_parent: object, _title: str, suggested: Path) -> None:
        asked.append(suggested)

    monkeypatch.setattr(dialogs, "ask_save_path", cancel)
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setattr(PdfCommands, "_export_folder", lambda _self: documents)
    window.actions_by_name["exportCard"].trigger()
    size = window.navigation.state.page_size
    assert asked == [documents / f"us-rok-ncet-dialogue-overview-{size}.pdf"]
    assert not window.pdf.output.busy()
    assert list(documents.iterdir()) == [], "nothing is written where the dialog pointed"
    assert window.notice.text() == ""


def test_printing_goes_through_the_print_dialog_and_backend(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[bytes, str, str]] = []

    def backend(pdf: bytes, _printer: Any, size: str, title: str) -> str:
        sent.append((pdf, size, title))
        return "vector"

    monkeypatch.setattr(printing, "print_pdf", backend)
    window.navigation.go_to_id("ai")
    window.navigation.set_page_size("letter")
    with qtbot.waitSignal(window.pdf.output.done, timeout=20000):
        window.actions_by_name["print"].trigger()
    (printer,) = dialog_calls.printers
    assert printing.chosen_page_size(printer, "a4") == "letter"
    (pdf, size, title), *_ = sent
    assert (size, title) == ("letter", "Artificial intelligence")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1 and page_size(reader) == POINTS["letter"]
    assert window.notice.text() == "Sent to the printer on Letter paper: Artificial intelligence"


def test_cancelled_print_dialog_prints_nothing(
    window: MainWindow, dialog_calls: DialogCalls, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[object] = []
    monkeypatch.setattr(printing, "print_pdf", lambda *args: printed.append(args))
    dialog_calls.print_accepted = False
    window.actions_by_name["print"].trigger()
    assert len(dialog_calls.printers) == 1
    assert not window.pdf.output.busy()
    assert printed == []


def test_raster_printing_paints_every_page(tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from briefing.loader import load_dialogue
    from briefing.paths import bundled_dialogue
    from briefing.pdf import render_card

    pdf = render_card(load_dialogue(bundled_dialogue()), "overview")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    printing.render_raster(pdf, printer, dpi=100)
    assert len(PdfReader(tmp_path / "raster.pdf").pages) == 1


def test_print_to_file_writes_the_exact_pdf(tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printing.print_pdf(b"%PDF-1.4 exact bytes", printer, "a4", "t") == "file"
    assert (tmp_path / "printed.pdf").read_bytes() == b"%PDF-1.4 exact bytes"


def test_preview_shows_the_one_page_pdf_and_switches_page_size(
    qtbot: Any, window: MainWindow
) -> None:
    window.actions_by_name["showPreview"].trigger()
    preview = window.preview
    qtbot.waitUntil(lambda: preview.page_count() == 1, timeout=20000)
    view = window.findChild(type(preview.view), "previewView")
    assert view is preview.view and view.isVisible()
    window.navigation.set_page_size("letter")
    qtbot.waitUntil(
        lambda: (
            preview.page_count() == 1
            and (points := preview.page_points()) is not None
            and round(points[0]) == POINTS["letter"][0]
        ),
        timeout=20000,
    )
    checked = preview.sizes.checkedButton()
    assert checked is not None and checked.text() == "US Letter"
    window.navigation.go_to(3)
    qtbot.waitUntil(lambda: preview.shown is not None and preview.shown[1] == "bio-pharma")


def test_pdfs_are_made_off_the_gui_thread(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every PDF of an export is rendered on the worker thread, never the GUI's; how long
    the GUI ever stalls meanwhile is measured in benchmarks/ (budget 100 ms)."""
    import threading

    import briefing.pdf

    threads: list[threading.Thread] = []
    real = briefing.pdf.render_card

    def render_card(*args: Any, **kwargs: Any) -> bytes:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(briefing.pdf, "render_card", render_card)
    monkeypatch.setattr("briefing.pdf.export.render_card", render_card)
    with qtbot.waitSignal(window.pdf.output.done, timeout=30000):
        window.pdf.output.export_all(
            window.navigation.state.page_size, tmp_path / "all", None, True
        )
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    assert len(threads) >= len(dialogue.cards)
    assert threading.main_thread() not in threads
