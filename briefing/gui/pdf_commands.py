"""The window's export and print commands: ask where, then hand the work to the PDF worker
(see pdf_output.py) and report progress and results."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing.gui import dialogs
from briefing.model import CardKind

if TYPE_CHECKING:
    from briefing.gui.file_commands import FileCommands
    from briefing.gui.pdf_output import PdfOutput
    from briefing.gui.state import Navigation


class PdfCommands(QObject):
    """Export and print; the PDF machinery is set up on first use, never at start-up."""

    notice = Signal(str, bool)
    """A message for the status bar, and whether work goes on (it then stays)."""
    progress = Signal(int, int)
    """Done and total of a batch; (0, 0) when it ends."""

    def __init__(self, window: QWidget, navigation: Navigation, files: FileCommands) -> None:
        super().__init__(window)
        self._window = window
        self._navigation = navigation
        self._files = files
        self._output: PdfOutput | None = None
        navigation.changed.connect(self._state_changed)

    @property
    def output(self) -> PdfOutput:
        """The PDF worker and its results (made on first use)."""
        if self._output is None:
            from briefing.gui.pdf_output import PdfOutput
            from briefing.gui.workers import PdfWorker

            self._output = PdfOutput(PdfWorker(self), self)
            self._output.set_dialogue(self._navigation.state.dialogue)
            self._output.progress.connect(self._progress)
            self._output.done.connect(self._done)
            self._output.failed.connect(self._failed)
        return self._output

    def _state_changed(self, new: object, _old: object) -> None:
        if self._output is not None:
            self._output.set_dialogue(self._navigation.state.dialogue)

    def wait(self, msecs: int) -> None:
        """Lets an export in progress finish writing its file (the window is closing)."""
        if self._output is not None:
            self._output.wait(msecs)

    def _export_folder(self) -> Path:
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder else Path.home()

    def export_card(self, card_id: str | None = None) -> None:
        state = self._navigation.state
        card = state.dialogue.card(card_id) if state.dialogue and card_id else state.current
        if card is None:
            return
        suggested = self._export_folder() / f"{card.id}-{state.page_size}.pdf"
        path = dialogs.ask_save_path(self._window, f"Export \u201c{card.title}\u201d", suggested)
        if path is not None:
            self.notice.emit(f"Exporting {path.name}\u2026", True)
            self.output.export_card(card.id, state.page_size, path)

    def export_overview(self) -> None:
        dialogue = self._navigation.state.dialogue
        if dialogue is not None:
            overview = next((c for c in dialogue.cards if c.kind is CardKind.OVERVIEW), None)
            self.export_card((overview or dialogue.cards[0]).id)

    def export_book(self) -> None:
        state = self._navigation.state
        if state.dialogue is None:
            return
        path = self._files.path
        name = f"{path.stem if path else 'briefing'}-book-{state.page_size}.pdf"
        chosen = dialogs.ask_save_path(
            self._window, "Export the book", self._export_folder() / name
        )
        if chosen is not None:
            self.notice.emit(f"Exporting {chosen.name}\u2026", True)
            self.output.export_book(state.page_size, chosen)

    def export_all(self) -> None:
        state = self._navigation.state
        if state.dialogue is None:
            return
        folder = dialogs.ask_folder(self._window, "Export all one-pagers to", self._export_folder())
        if folder is not None:
            self.progress.emit(0, len(state.dialogue.cards))
            self.notice.emit("Exporting one-pagers\u2026", True)
            self.output.export_all(state.page_size, folder, None, book=False)

    def print_card(self) -> None:
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        from briefing.gui import printing

        state = self._navigation.state
        card = state.current
        if card is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(printing.QT_PAGE_SIZES[state.page_size]))
        printer.setDocName(card.title)
        if not dialogs.ask_print(self._window, printer):
            return
        page_size = printing.chosen_page_size(printer, state.page_size)
        self.notice.emit(f"Printing {card.title}\u2026", True)
        self.output.print_card(card.id, page_size, printer, card.title)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.emit(done, total)
        self.notice.emit(f"Exported {done} of {total}: {label}", True)

    def _done(self, message: str) -> None:
        self.progress.emit(0, 0)
        if self._files.problems:
            message += " (from the last good version: the file on disk has problems)"
        self.notice.emit(message, False)

    def _failed(self, title: str, message: str) -> None:
        self.progress.emit(0, 0)
        self.notice.emit(f"{title}: {message}", False)
        dialogs.show_error(self._window, title, message)
