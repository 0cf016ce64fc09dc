"""Print Book, Print Cards (the chosen one-pagers as one job, on the chosen paper) and what an
export leaves on screen: a notification with the path, Show in Folder and Open, and the next
export starting in the same folder."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QListWidget, QPushButton

from briefing.gui import dialogs, printing
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import AppSettings
from tests.conftest import MINIMAL, WriteDialogue
from tests.gui.conftest import DialogCalls, MakeWindow, NamedPrinter

pytest.importorskip("briefing.pdf")

LETTER = (612, 792)
STEM = "us-rok-ncet-dialogue"


def page_sizes(data: bytes) -> list[tuple[int, int]]:
    return [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def first_line(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


def picks_letter(printer: QPrinter) -> None:
    """What a user does in the print dialog: picks Letter (as a driver names it)."""
    letter = QPageSize(QPageSize.PageSizeId.Letter)
    margins = printer.pageLayout().margins()
    printer.setPageLayout(QPageLayout(letter, QPageLayout.Orientation.Portrait, margins))


class Backend:
    """Stands in for the printer: records every job (its PDFs, paper and title)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.jobs: list[tuple[list[bytes], str, str]] = []
        monkeypatch.setattr(printing, "print_pdf", self.one)
        monkeypatch.setattr(printing, "print_pdfs", self.several)

    def one(self, pdf: bytes, _printer: Any, size: str, title: str) -> str:
        return self.several([pdf], _printer, size, title)

    def several(self, pdfs: list[bytes], _printer: Any, size: str, title: str) -> str:
        self.jobs.append((list(pdfs), size, title))
        return "vector"


# -- Print Cards and Print Book ------------------------------------------------------------


def test_the_card_chooser_lists_every_card_checked_and_never_prints_none(
    window: MainWindow,
) -> None:
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    cards = [(card.id, card.title) for card in dialogue.cards]
    chooser = dialogs.card_chooser(window, [*cards, ("x", "<b>not bold</b>")])
    listed = chooser.findChild(QListWidget, "cardChoice")
    assert listed is not None
    texts = [listed.item(row).text() for row in range(listed.count())]
    assert texts == [title for _id, title in cards] + ["<b>not bold</b>"]
    assert dialogs.chosen_cards(chooser) == [card_id for card_id, _ in cards] + ["x"]
    print_button = chooser.findChild(QPushButton, "printChosen")
    assert print_button is not None
    assert print_button.text() == "Print\u2026" and print_button.isEnabled()
    next(b for b in chooser.findChildren(QPushButton) if b.text() == "Select None").click()
    assert dialogs.chosen_cards(chooser) == []
    assert not print_button.isEnabled(), "no job from an empty selection"
    for row in (5, 0):
        listed.item(row).setCheckState(Qt.CheckState.Checked)
    assert dialogs.chosen_cards(chooser) == ["overview", "ai"], "in the cards' order"
    assert print_button.isEnabled()
    chooser.deleteLater()


def test_print_cards_prints_the_chosen_one_pagers_as_one_job_on_letter(
    qtbot: Any,
    window: MainWindow,
    dialog_calls: DialogCalls,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = Backend(monkeypatch)
    offered: list[list[tuple[str, str]]] = []

    def choose(_parent: object, cards: list[tuple[str, str]]) -> list[str]:
        offered.append(list(cards))
        return ["semiconductors", "bio-pharma", "ai"]

    def user_prints(_parent: object, printer: QPrinter) -> bool:
        dialog_calls.printers.append(printer)
        picks_letter(printer)
        return True

    monkeypatch.setattr(dialogs, "ask_cards", choose)
    monkeypatch.setattr(dialogs, "ask_print", user_prints)
    assert window.navigation.state.page_size == "a4"
    with qtbot.waitSignal(window.pdf.output.done, timeout=30000):
        window.actions_by_name["printCards"].trigger()
    assert [title for _id, title in offered[0]][:2] == ["Overview", "Semiconductors"]
    ((pdfs, size, title),) = backend.jobs  # one job
    assert (size, title) == ("letter", "3 cards")
    assert [page_sizes(pdf) for pdf in pdfs] == [[LETTER]] * 3
    firsts = [first_line(pdf) for pdf in pdfs]
    assert "Semiconductors" in firsts[0]
    assert "Bio and pharmaceuticals" in firsts[1]
    assert "Artificial intelligence" in firsts[2]
    assert window.notice.text() == "Sent to the printer on Letter paper: 3 cards"


@pytest.mark.parametrize("answer", [[], None], ids=["nothing chosen", "cancelled"])
def test_print_cards_with_nothing_chosen_starts_no_job(
    window: MainWindow,
    dialog_calls: DialogCalls,
    monkeypatch: pytest.MonkeyPatch,
    answer: list[str] | None,
) -> None:
    backend = Backend(monkeypatch)
    monkeypatch.setattr(dialogs, "ask_cards", lambda *_: answer)
    window.actions_by_name["printCards"].trigger()
    assert dialog_calls.printers == [], "no print dialog for nothing"
    assert not window.pdf.output.busy()
    assert backend.jobs == []
    with pytest.raises(ValueError, match="no card was chosen"):
        window.pdf.output.print_cards([], "a4", QPrinter(), "none")


def test_print_cards_to_a_file_gives_every_chosen_page_on_letter(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "cards.pdf"

    def to_file(_parent: object, printer: QPrinter) -> bool:
        picks_letter(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(dialogs, "ask_cards", lambda *_: ["overview", "ai"])
    monkeypatch.setattr(dialogs, "ask_print", to_file)
    with qtbot.waitSignal(window.pdf.output.done, timeout=60000):
        window.actions_by_name["printCards"].trigger()
    assert page_sizes(target.read_bytes()) == [LETTER, LETTER]
    assert window.notice.text() == "Printed to file cards.pdf on Letter paper: 2 cards"


def test_print_book_prints_the_whole_book_on_the_chosen_paper(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.pdf import render_book

    backend = Backend(monkeypatch)
    window.navigation.set_page_size("letter")
    with qtbot.waitSignal(window.pdf.output.done, timeout=30000):
        window.actions_by_name["printBook"].trigger()
    (printer,) = dialog_calls.printers
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    ((pdfs, size, title),) = backend.jobs
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    assert pdfs == [render_book(dialogue, "letter")]
    assert size == "letter" and title == "U.S.\u2013ROK NCET Dialogue (book)"
    assert set(page_sizes(pdfs[0])) == {LETTER}
    assert window.notice.text() == (
        "Sent to the printer on Letter paper: U.S.\u2013ROK NCET Dialogue (book)"
    )


def test_several_cards_go_to_lp_as_one_job_in_order_on_the_chosen_media(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[tuple[list[str], list[bytes]]] = []

    def fake_lp(command: list[str]) -> subprocess.CompletedProcess[str]:
        files = [Path(arg) for arg in command if arg.endswith(".pdf")]
        ran.append((command, [f.read_bytes() for f in files]))
        return subprocess.CompletedProcess(command, 0, "request id is Office-8", "")

    monkeypatch.setattr(printing, "lp_command", lambda: "/usr/bin/lp")
    monkeypatch.setattr(printing, "run_lp", fake_lp)
    printer = NamedPrinter("Office")
    how = printing.print_pdfs([b"%PDF one", b"%PDF two"], printer, "letter", "2 cards")  # type: ignore[arg-type]
    ((command, sent),) = ran  # one `lp`, so one job
    assert sent == [b"%PDF one", b"%PDF two"]
    assert command[:7] == ["/usr/bin/lp", "-d", "Office", "-n", "2", "-t", "2 cards"]
    assert "media=Letter" in command
    where = printing.destination(printer)  # type: ignore[arg-type]
    assert printing.print_status(how, where, "letter", "2 cards") == (
        "Sent to printer Office on Letter paper: 2 cards"
    )
    with pytest.raises(ValueError, match="nothing was chosen"):
        printing.print_pdfs([], printer, "a4", "none")  # type: ignore[arg-type]


# -- export feedback -----------------------------------------------------------------------


def test_an_export_leaves_a_notification_with_show_in_folder_and_open(
    qtbot: Any,
    window: MainWindow,
    dialog_calls: DialogCalls,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    notification = window.pdf.notification
    assert notification.isHidden()
    out = tmp_path / "out"
    out.mkdir()
    dialog_calls.save_path = out / "ai.pdf"
    window.navigation.go_to_id("ai")
    with qtbot.waitSignal(window.pdf.output.done, timeout=20000):
        window.actions_by_name["exportCard"].trigger()
    assert notification.isVisible()
    assert notification.message.full_text() == f"Exported {out / 'ai.pdf'}"
    assert notification.message.toolTip()  # the whole path, however narrow the bar
    assert window.notice.text() == "", "said once, in the notification"
    notification.show_folder.click()
    notification.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(out / "ai.pdf"))]
    assert [notification.show_folder.text(), notification.open_button.text()] == [
        "Show in Folder",
        "Open",
    ]
    window.navigation.go_to_id("overview")
    assert notification.isVisible(), "it stays until dismissed"
    notification.dismiss.click()
    assert notification.isHidden()


def test_export_all_notification_opens_the_folder_and_a_new_export_replaces_it(
    qtbot: Any,
    window: MainWindow,
    dialog_calls: DialogCalls,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    notification = window.pdf.notification
    dialog_calls.save_path = tmp_path / "book.pdf"
    with qtbot.waitSignal(window.pdf.output.done, timeout=30000):
        window.actions_by_name["exportBook"].trigger()
    assert notification.message.full_text() == f"Exported {tmp_path / 'book.pdf'}"
    dialog_calls.folder = tmp_path / "all"
    with qtbot.waitSignal(window.pdf.output.done, timeout=60000):
        window.actions_by_name["exportAll"].trigger()
    assert notification.isVisible()
    assert notification.message.full_text() == f"Exported 8 PDF files to {tmp_path / 'all'}"
    notification.open_button.click()
    notification.show_folder.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "all"))] * 2


def test_export_dialogs_start_in_the_last_export_folder_with_the_dialogue_name(
    qtbot: Any,
    window: MainWindow,
    dialog_calls: DialogCalls,
    monkeypatch: pytest.MonkeyPatch,
    settings_path: Path,
    tmp_path: Path,
) -> None:
    asked: list[Path] = []
    folders: list[Path] = []

    def save_to(_parent: object, _title: str, suggested: Path) -> Path | None:
        asked.append(suggested)
        return dialog_calls.save_path

    def folder_from(_parent: object, _title: str, folder: Path) -> None:
        folders.append(folder)

    monkeypatch.setattr(dialogs, "ask_save_path", save_to)
    monkeypatch.setattr(dialogs, "ask_folder", folder_from)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first_folder = Path(documents) if documents else Path.home()

    window.navigation.go_to_id("ai")
    window.actions_by_name["exportCard"].trigger()  # cancelled: nothing remembered
    assert asked == [first_folder / f"{STEM}-ai-a4.pdf"]

    chosen = tmp_path / "briefings"
    chosen.mkdir()
    dialog_calls.save_path = chosen / "mine.pdf"
    window.navigation.set_page_size("letter")
    with qtbot.waitSignal(window.pdf.output.done, timeout=20000):
        window.actions_by_name["exportCard"].trigger()
    dialog_calls.save_path = None
    window.navigation.go_to_id("bio-pharma")
    window.actions_by_name["exportCard"].trigger()
    window.actions_by_name["exportBook"].trigger()
    window.actions_by_name["exportAll"].trigger()
    assert asked[1:] == [
        first_folder / f"{STEM}-ai-letter.pdf",
        chosen / f"{STEM}-bio-pharma-letter.pdf",
        chosen / f"{STEM}-book-letter.pdf",
    ]
    assert folders == [chosen]
    window.settings.sync()
    assert AppSettings.open(settings_path).export_folder == chosen, "kept for the next run"

    chosen.joinpath("mine.pdf").unlink()
    chosen.rmdir()
    window.actions_by_name["exportCard"].trigger()
    assert asked[-1] == first_folder / f"{STEM}-bio-pharma-letter.pdf", "gone: Documents"


def test_an_export_from_the_last_good_version_says_so(
    qtbot: Any,
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    dialog_calls: DialogCalls,
    tmp_path: Path,
) -> None:
    path = write_dialogue()
    window = make_window(path)
    path.write_text(MINIMAL.replace("title: Overview", "title: [unclosed"), "utf-8")
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    dialog_calls.save_path = tmp_path / "overview.pdf"
    with qtbot.waitSignal(window.pdf.output.done, timeout=20000):
        window.actions_by_name["exportCard"].trigger()
    assert window.pdf.notification.message.full_text() == (
        f"Exported {tmp_path / 'overview.pdf'}"
        " (from the last good version: the file on disk has problems)"
    )
