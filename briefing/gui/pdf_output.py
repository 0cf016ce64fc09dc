"""Making PDFs for the preview, exports and printing, always on the worker thread.

`briefing.pdf` (and so ReportLab) is imported inside the jobs: never before the first card
is painted, and never on the GUI thread.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from briefing.atomic import write_atomic
from briefing.gui.state import PageSize
from briefing.gui.workers import PdfWorker, Progress
from briefing.model import Dialogue

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

CardKey = tuple[int, str, str]
"""(dialogue generation, card id, page size): which one-page PDF."""

CACHE_SIZE = 24


def describe(error: object) -> str:
    """A message for the user: the exporter's own words where it has them."""
    if isinstance(error, ImportError):
        return "PDF output is not available in this installation (briefing.pdf is missing)."
    return str(error) or type(error).__name__


class PdfOutput(QObject):
    card_ready = Signal(object, object)  # CardKey, bytes
    card_failed = Signal(object, str)  # CardKey, message
    progress = Signal(int, int, str)  # done, total, what was just written
    done = Signal(str)  # a message for the status bar
    written = Signal(object, object)  # what an export wrote (file or folder), its folder;
    # emitted just before `done`
    failed = Signal(str, str)  # title, message

    def __init__(self, worker: PdfWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._dialogue: Dialogue | None = None
        self._generation = 0
        self._cache: OrderedDict[CardKey, bytes] = OrderedDict()
        self._handlers: dict[int, tuple[Callable[[Any], None], Callable[[object], None]]] = {}
        self._preview_job: int | None = None
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        worker.progress.connect(
            lambda _n, done, total, label: self.progress.emit(done, total, label)
        )

    def set_dialogue(self, dialogue: Dialogue | None) -> None:
        if dialogue is not self._dialogue:
            self._dialogue = dialogue
            self._generation += 1
            self._cache.clear()

    def key(self, card_id: str, page_size: PageSize) -> CardKey:
        return (self._generation, card_id, page_size)

    def cached(self, key: CardKey) -> bytes | None:
        return self._cache.get(key)

    def busy(self) -> bool:
        return self._worker.busy()

    def wait(self, msecs: int) -> bool:
        return self._worker.wait(msecs)

    # -- jobs ------------------------------------------------------------------------------

    def _submit(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_fail: Callable[[object], None],
    ) -> int:
        number = self._worker.submit(work)
        self._handlers[number] = (on_done, on_fail)
        return number

    def _finished(self, number: int, result: object) -> None:
        handler = self._handlers.pop(number, None)
        if handler is not None:
            handler[0](result)

    def _failed(self, number: int, error: object) -> None:
        handler = self._handlers.pop(number, None)
        if handler is not None:
            handler[1](error)

    def _remember(self, key: CardKey, pdf: bytes) -> None:
        if key[0] == self._generation:
            self._cache[key] = pdf
            self._cache.move_to_end(key)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)

    def _open(self) -> Dialogue:
        if self._dialogue is None:
            raise RuntimeError("no dialogue is open")
        return self._dialogue

    def _card_work(self, card_id: str, page_size: PageSize) -> Callable[[Progress], bytes]:
        dialogue = self._open()
        cached = self._cache.get(self.key(card_id, page_size))

        def work(_progress: Progress) -> bytes:
            if cached is not None:
                return cached
            from briefing.pdf import render_card

            return render_card(dialogue, card_id, page_size=page_size)

        return work

    # -- preview ---------------------------------------------------------------------------

    def request_preview(self, card_id: str, page_size: PageSize) -> CardKey:
        """Renders one card for the preview, replacing a preview request still waiting."""
        key = self.key(card_id, page_size)
        if self._preview_job is not None:
            self._worker.cancel(self._preview_job)
            self._handlers.pop(self._preview_job, None)
            self._preview_job = None
        pdf = self._cache.get(key)
        if pdf is not None:
            self.card_ready.emit(key, pdf)
            return key

        def done(result: bytes) -> None:
            self._preview_job = None
            self._remember(key, result)
            self.card_ready.emit(key, result)

        def fail(error: object) -> None:
            self._preview_job = None
            self.card_failed.emit(key, describe(error))

        self._preview_job = self._submit(self._card_work(card_id, page_size), done, fail)
        return key

    # -- exports ---------------------------------------------------------------------------

    def _exported(self, target: Path, folder: Path, message: str) -> None:
        self.written.emit(target, folder)
        self.done.emit(message)

    def export_card(self, card_id: str, page_size: PageSize, path: Path) -> None:
        render = self._card_work(card_id, page_size)
        key = self.key(card_id, page_size)

        def work(progress: Progress) -> bytes:
            pdf = render(progress)
            write_atomic(path, pdf)
            return pdf

        def done(pdf: bytes) -> None:
            self._remember(key, pdf)
            self._exported(path, path.parent, f"Exported {path}")

        self._submit(work, done, lambda e: self.failed.emit("Export failed", describe(e)))

    def export_book(self, page_size: PageSize, path: Path) -> None:
        dialogue = self._open()

        def work(_progress: Progress) -> None:
            from briefing.pdf import render_book

            write_atomic(path, render_book(dialogue, page_size=page_size))

        self._submit(
            work,
            lambda _: self._exported(path, path.parent, f"Exported {path}"),
            lambda e: self.failed.emit("Export failed", describe(e)),
        )

    def export_all(
        self, page_size: PageSize, folder: Path, card_ids: Sequence[str] | None, book: bool
    ) -> None:
        """Several files into `folder`, reporting progress after each one."""
        dialogue = self._open()

        def work(progress: Progress) -> list[Path]:
            from briefing.pdf import export_pdfs

            def report(done: int, total: int, path: Path) -> None:
                progress(done, total, Path(path).name)

            return export_pdfs(
                dialogue,
                folder,
                page_size=page_size,
                card_ids=list(card_ids) if card_ids is not None else None,
                book=book,
                progress=report,
            )

        def done(paths: list[Path]) -> None:
            self._exported(folder, folder, f"Exported {len(paths)} PDF files to {folder}")

        self._submit(work, done, lambda e: self.failed.emit("Export failed", describe(e)))

    # -- printing --------------------------------------------------------------------------

    def print_card(self, card_id: str, page_size: PageSize, printer: QPrinter, title: str) -> None:
        self.print_cards([card_id], page_size, printer, title)

    def print_cards(
        self, card_ids: Sequence[str], page_size: PageSize, printer: QPrinter, title: str
    ) -> None:
        """The one-pagers of `card_ids`, in that order, as one print job."""
        if not card_ids:
            raise ValueError("no card was chosen to print")
        renders = [self._card_work(card_id, page_size) for card_id in card_ids]
        self._print(
            lambda progress: [render(progress) for render in renders], page_size, printer, title
        )

    def print_book(self, page_size: PageSize, printer: QPrinter, title: str) -> None:
        dialogue = self._open()

        def render(_progress: Progress) -> list[bytes]:
            from briefing.pdf import render_book

            return [render_book(dialogue, page_size=page_size)]

        self._print(render, page_size, printer, title)

    def _print(
        self,
        render: Callable[[Progress], list[bytes]],
        page_size: PageSize,
        printer: QPrinter,
        title: str,
    ) -> None:
        from briefing.gui import printing

        where = printing.destination(printer)

        def work(progress: Progress) -> str:
            pdfs = render(progress)
            if len(pdfs) == 1:
                return printing.print_pdf(pdfs[0], printer, page_size, title)
            return printing.print_pdfs(pdfs, printer, page_size, title)

        def done(how: str) -> None:
            self.done.emit(printing.print_status(how, where, page_size, title))

        # `work` holds the QPrinter until the job is over.
        self._submit(work, done, lambda e: self.failed.emit("Printing failed", describe(e)))
