"""The export and print commands of the main window: ask where, then hand the work to the
PDF worker (see pdf_output.py) and report in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from briefing.gui import dialogs
from briefing.model import CardKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar

    from briefing.gui.pdf_output import PdfOutput
    from briefing.gui.state import Navigation


class PdfCommands:
    """Mixed into MainWindow, which provides the attributes declared here."""

    navigation: Navigation
    path: Path | None
    progress: QProgressBar

    @property
    def output(self) -> PdfOutput:
        raise NotImplementedError

    def _notify(self, message: str, busy: bool = False) -> None:
        raise NotImplementedError

    def _parent(self) -> QWidget:
        """The window, as the parent of the dialogs."""
        assert isinstance(self, QWidget)
        return self

    def _export_folder(self) -> Path:
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder else Path.home()

    def export_card(self, card_id: str | None = None) -> None:
        state = self.navigation.state
        card = state.dialogue.card(card_id) if state.dialogue and card_id else state.current
        if card is None:
            return
        suggested = self._export_folder() / f"{card.id}-{state.page_size}.pdf"
        path = dialogs.ask_save_path(self._parent(), f"Export \u201c{card.title}\u201d", suggested)
        if path is not None:
            self._notify(f"Exporting {path.name}\u2026", busy=True)
            self.output.export_card(card.id, state.page_size, path)

    def export_overview(self) -> None:
        dialogue = self.navigation.state.dialogue
        if dialogue is not None:
            overview = next((c for c in dialogue.cards if c.kind is CardKind.OVERVIEW), None)
            self.export_card((overview or dialogue.cards[0]).id)

    def export_book(self) -> None:
        state = self.navigation.state
        if state.dialogue is None:
            return
        name = f"{self.path.stem if self.path else 'briefing'}-book-{state.page_size}.pdf"
        path = dialogs.ask_save_path(
            self._parent(), "Export the book", self._export_folder() / name
        )
        if path is not None:
            self._notify(f"Exporting {path.name}\u2026", busy=True)
            self.output.export_book(state.page_size, path)

    def export_all(self) -> None:
        state = self.navigation.state
        if state.dialogue is None:
            return
        folder = dialogs.ask_folder(
            self._parent(), "Export all one-pagers to", self._export_folder()
        )
        if folder is not None:
            self.progress.setRange(0, len(state.dialogue.cards))
            self.progress.setValue(0)
            self.progress.show()
            self._notify("Exporting one-pagers\u2026", busy=True)
            self.output.export_all(state.page_size, folder, None, book=False)

    def print_card(self) -> None:
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        from briefing.gui import printing

        state = self.navigation.state
        card = state.current
        if card is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(printing.QT_PAGE_SIZES[state.page_size]))
        printer.setDocName(card.title)
        if not dialogs.ask_print(self._parent(), printer):
            return
        page_size = printing.chosen_page_size(printer, state.page_size)
        self._notify(f"Printing {card.title}\u2026", busy=True)
        self.output.print_card(card.id, page_size, printer, card.title)
