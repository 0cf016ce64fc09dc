"""The window's export and print commands: ask where (or what), then hand the work to the PDF
worker (see pdf_output.py) and report progress and results; an export's result stays in a
notification bar (export_notice.py) until dismissed or replaced."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing.gui import dialogs
from briefing.gui.export_notice import ExportNotice
from briefing.model import CardKind

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from briefing.gui.file_commands import FileCommands
    from briefing.gui.pdf_output import PdfOutput
    from briefing.gui.settings import AppSettings
    from briefing.gui.state import Navigation, PageSize

LAST_GOOD = " (from the last good version: the file on disk has problems)"


class PdfCommands(QObject):
    """Export and print; the PDF machinery is set up on first use, never at start-up."""

    notice = Signal(str, bool)
    """A message for the status bar, and whether work goes on (it then stays)."""
    progress = Signal(int, int)
    """Done and total of a batch; (0, 0) when it ends."""

    def __init__(
        self,
        window: QWidget,
        navigation: Navigation,
        files: FileCommands,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._navigation = navigation
        self._files = files
        self._settings = settings
        self._output: PdfOutput | None = None
        self._written: tuple[Path, Path] | None = None
        self.notification = ExportNotice()
        """Where the last export went, with Show in Folder and Open; the window places it."""
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
            self._output.written.connect(self._remember_written)
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
        """The folder of the last export, else Documents (else the home folder)."""
        last = self._settings.export_folder if self._settings is not None else None
        if last is not None and last.is_dir():
            return last
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder else Path.home()

    def _exporting(self, name: str) -> None:
        self.notification.hide()  # the next export's result replaces it
        self.notice.emit(f"Exporting {name}\u2026", True)

    def export_card(self, card_id: str | None = None) -> None:
        state = self._navigation.state
        card = state.dialogue.card(card_id) if state.dialogue and card_id else state.current
        if card is None or state.dialogue is None:
            return
        name = state.dialogue.pdf_name(card.id, state.page_size)  # as the CLI
        suggested = self._export_folder() / name
        path = dialogs.ask_save_path(self._window, f"Export \u201c{card.title}\u201d", suggested)
        if path is not None:
            self._exporting(path.name)
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
        name = state.dialogue.pdf_name("book", state.page_size)
        chosen = dialogs.ask_save_path(
            self._window, "Export the book", self._export_folder() / name
        )
        if chosen is not None:
            self._exporting(chosen.name)
            self.output.export_book(state.page_size, chosen)

    def export_all(self) -> None:
        state = self._navigation.state
        if state.dialogue is None:
            return
        folder = dialogs.ask_folder(self._window, "Export all one-pagers to", self._export_folder())
        if folder is not None:
            self.notification.hide()
            self.progress.emit(0, len(state.dialogue.cards))
            self.notice.emit("Exporting one-pagers\u2026", True)
            self.output.export_all(state.page_size, folder, None, book=False)

    # -- printing --------------------------------------------------------------------------

    def _printer(self, page_size: PageSize, title: str) -> QPrinter | None:
        """The print dialog, opened on the app's page size; the printer if the user prints."""
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        from briefing.gui import printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(printing.QT_PAGE_SIZES[page_size]))
        printer.setDocName(title)
        return printer if dialogs.ask_print(self._window, printer) else None

    def _printing(self, printer: QPrinter, page_size: PageSize, title: str) -> None:
        from briefing.gui import printing

        where = printing.destination(printer)
        paper = printing.MEDIA[page_size]
        self.notice.emit(f"Printing {title} on {paper} paper to {where}\u2026", True)

    def print_card(self) -> None:
        from briefing.gui import printing

        state = self._navigation.state
        card = state.current
        if card is None:
            return
        printer = self._printer(state.page_size, card.title)
        if printer is None:
            return
        page_size = printing.chosen_page_size(printer, state.page_size)
        self._printing(printer, page_size, card.title)
        self.output.print_card(card.id, page_size, printer, card.title)

    def print_book(self) -> None:
        from briefing.gui import printing

        state = self._navigation.state
        if state.dialogue is None:
            return
        title = f"{state.dialogue.short_title or state.dialogue.title} (book)"
        printer = self._printer(state.page_size, title)
        if printer is None:
            return
        page_size = printing.chosen_page_size(printer, state.page_size)
        self._printing(printer, page_size, title)
        self.output.print_book(page_size, printer, title)

    def print_cards(self) -> None:
        """Asks which cards (all checked at first), then prints their one-pagers as one job."""
        from briefing.gui import printing

        state = self._navigation.state
        if state.dialogue is None:
            return
        cards = [(card.id, card.title) for card in state.dialogue.cards]
        chosen = dialogs.ask_cards(self._window, cards)
        if not chosen:
            return  # cancelled, or nothing chosen: no job
        titles = {card_id: title for card_id, title in cards}
        title = titles[chosen[0]] if len(chosen) == 1 else f"{len(chosen)} cards"
        printer = self._printer(state.page_size, title)
        if printer is None:
            return
        page_size = printing.chosen_page_size(printer, state.page_size)
        self._printing(printer, page_size, title)
        self.output.print_cards(chosen, page_size, printer, title)

    # -- results ---------------------------------------------------------------------------

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.emit(done, total)
        self.notice.emit(f"Exported {done} of {total}: {label}", True)

    def _remember_written(self, target: Path, folder: Path) -> None:
        self._written = (target, folder)
        if self._settings is not None:
            self._settings.export_folder = folder

    def _done(self, message: str) -> None:
        self.progress.emit(0, 0)
        if self._files.problems:
            message += LAST_GOOD
        written, self._written = self._written, None
        if written is None:
            self.notice.emit(message, False)
            return
        self.notice.emit("", False)  # the notification says it, and stays
        self.notification.show_export(message, *written)

    def _failed(self, title: str, message: str) -> None:
        self.progress.emit(0, 0)
        self.notice.emit(f"{title}: {message}", False)
        dialogs.show_error(self._window, title, message)
