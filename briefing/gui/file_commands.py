"""The window's file commands: open a dialogue, reload it, the recent files, and watching
the file and its sources, so that a change made elsewhere shows at once.

The open file is a `Document` in the window's `EditSession`; drafts open. While there are
unsaved edits, a change on disk is not loaded over them: the conflict bar asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from briefing.gui import dialogs
from briefing.gui.disk_conflict import DiskConflictBar, Stamp, file_stamp
from briefing.gui.files import DialogueWatcher
from briefing.problems import DialogueError, Problem

if TYPE_CHECKING:
    from briefing.document import Document
    from briefing.gui.edit_session import EditSession
    from briefing.gui.settings import AppSettings
    from briefing.gui.state import Navigation


LARGE_DOCUMENT_CARDS = 500
"""From this many cards, an opened document is kept out of the cyclic garbage collector's way."""


def settle(document: Document) -> None:
    """A large document is a great many small objects that live as long as it is open, and
    each of the collector's passes over them took most of a second on 2,000 cards (the first
    edit after opening stalled). They are moved out of its way (gc.freeze); they are still
    freed, by reference counting, when the document is closed."""
    if document.dialogue is not None and len(document.dialogue.cards) >= LARGE_DOCUMENT_CARDS:
        import gc

        gc.freeze()


class FileCommands(QObject):
    """Which file is open, and the commands that change it."""

    notice = Signal(str)
    """A message for the status bar."""
    problems_changed = Signal()
    """The problems of the file on disk changed (see `problems`)."""
    opened = Signal(object)
    """A file (Path) was opened (not reloaded) as a document."""
    read = Signal()
    """The document on screen was read (opened, reloaded) or written: not an edit."""

    def __init__(
        self,
        window: QWidget,
        navigation: Navigation,
        settings: AppSettings,
        session: EditSession,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._navigation = navigation
        self._settings = settings
        self.session = session
        self.path: Path | None = None
        self.problems: tuple[Problem, ...] = ()
        """What makes the open file unreadable as it is on disk; the cards on screen, if
        any, are then from its last good version."""
        self.omitted = 0
        """How many more problems the loader found but did not list."""
        self.stamp: Stamp | None = None
        """The file on disk as the document last read or wrote it (or as the user chose
        to overwrite); saving over anything else asks first."""
        self.may_discard: Callable[[], bool] = lambda: True
        """Asks what to do with unsaved edits before they would be lost; True to go on
        (the window sets it: Save / Discard / Cancel)."""
        self._card_wanted: str | None = None
        self._opening = False
        self._watched: tuple[Path, ...] = ()
        self.conflict = DiskConflictBar()
        self.conflict.reload.connect(lambda: self.reload(discard=True))
        self.conflict.keep_mine.connect(self.keep_mine)
        self.watcher = DialogueWatcher(self)
        self.watcher.files_changed.connect(self._disk_changed)
        session.changed.connect(self._show)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("recentMenu")
        self._fill_recent(settings.recent_files)

    def _fill_recent(self, files: list[str]) -> None:
        self.recent_menu.clear()
        for file in files:
            action = self.recent_menu.addAction(file.replace("&", "&&"))  # no mnemonics
            action.triggered.connect(lambda _=False, f=file: self.open_path(Path(f)))
        self.recent_menu.setEnabled(bool(files))

    def open_file(self) -> None:
        folder = str(self.path.parent) if self.path else str(Path.home())
        path = dialogs.ask_open_path(self._window, folder)
        if path is not None:
            self.open_path(path)

    def open_path(
        self,
        path: Path,
        card_id: str | None = None,
        *,
        first: bool = False,
        remember: bool = True,
        asked: bool = False,
    ) -> bool:
        """Opens `path` as a document (drafts too) and shows it; unsaved edits of the open
        file are asked about first. A file that cannot be read keeps what is on screen.

        When nothing is open yet (or at start-up, `first`), the unreadable file becomes the
        open file: its problems are listed and it is watched, so fixing it opens it.
        Otherwise a dialog lists the problems and the open file stays. `remember` adds the
        file to the recent files; `asked`: the caller already asked about unsaved edits.
        """
        from briefing.document import open_document

        if not asked and not self.may_discard():
            return False
        try:
            document = open_document(path)
        except DialogueError as error:
            if first or self._navigation.state.dialogue is None:
                self.path = path
                self.stamp = file_stamp(path)
                self.session.open(None)
                self._watch(path, ())
                self._set_problems(error.problems, error.omitted)
            else:
                from briefing.problem_words import describe_problems

                dialogs.show_problems(
                    self._window,
                    f"Cannot open {path.name}",
                    error.lines(),
                    f"The open file, {self.path.name if self.path else ''}, stays on screen.",
                    describe_problems(error.problems),
                )
            return False
        self.conflict.hide()
        self.path = path
        self.stamp = file_stamp(path)
        self._set_problems(())
        self._card_wanted, self._opening = card_id, True
        self.session.open(document)
        settle(document)
        if remember:
            self._fill_recent(self._settings.add_recent(path))
        self.opened.emit(path)
        self.read.emit()
        return True

    def reload(self, *, discard: bool = False) -> None:
        """Reads the open file again (live reload calls this). Unsaved edits are asked
        about first unless `discard`. A file that cannot be read keeps the cards on
        screen and lists its problems, without a dialog: the user may be mid-edit."""
        from briefing.document import open_document

        if self.path is None or (not discard and not self.may_discard()):
            return
        try:
            document = open_document(self.path)
        except DialogueError as error:
            self._set_problems(error.problems, error.omitted)
            return
        self.conflict.hide()
        self.stamp = file_stamp(self.path)
        self._set_problems(())
        self.session.open(document)
        settle(document)
        self.read.emit()
        self.notice.emit(f"Reloaded {self.path.name}")

    def reverify(self) -> None:
        """A source file changed: the quotes are checked again against it, keeping the
        edits and their history."""
        document = self.session.document
        if document is None:
            self.reload()
            return
        from briefing.document import reload_sources

        self.session.refresh(reload_sources(document))
        settle(document)
        self.notice.emit("A source changed on disk: its quotes were checked again")

    def keep_mine(self) -> None:
        """The user keeps the unsaved edits over the changed file: saving may replace it."""
        if self.path is not None:
            self.stamp = file_stamp(self.path)
            self.notice.emit(f"Keeping your edits; saving will replace {self.path.name}")

    def changed_on_disk(self) -> bool:
        """Whether the file is no longer what the document last read or wrote."""
        return self.path is not None and file_stamp(self.path) != self.stamp

    def saved(self, document: Document, moved: bool = False) -> None:
        """The session wrote `document` to its file (`moved`: to a new one, Save As): that
        is now the file on disk."""
        self.path = document.path
        self.stamp = file_stamp(document.path)
        settle(document)
        self.read.emit()
        self.conflict.hide()
        self._set_problems(())
        if moved:
            self._fill_recent(self._settings.add_recent(document.path))
        self._watch(document.path, self._source_paths(document))

    def _disk_changed(self, files: list[str]) -> None:
        if self.path is None:
            return
        if self.changed_on_disk():
            if self.session.modified:
                self.conflict.ask(self.path.name, gone=not self.path.exists())
            else:
                self.reload()
        elif any(f != str(self.path.resolve()) for f in files):
            self.reverify()

    def _show(self, document: Document | None) -> None:
        """Shows the session's document, on the wanted card or the same one as before."""
        if document is not None:
            self.path = document.path  # Save As moves it
        card, self._card_wanted = self._card_wanted, None
        opening, self._opening = self._opening, False
        dialogue = document.dialogue if document else None
        self._navigation.set_dialogue(dialogue, card, keep_point=not opening)
        if document is not None and self.path is not None:
            sources = self._source_paths(document)
            if (self.path, *sources) != self._watched:
                self._watch(self.path, sources)

    @staticmethod
    def _source_paths(document: Document) -> tuple[Path, ...]:
        if document.dialogue is None:
            return ()
        return tuple(s.path for s in document.dialogue.sources)

    def _watch(self, path: Path, sources: tuple[Path, ...]) -> None:
        self._watched = (path, *sources)
        self.watcher.watch(path, sources)

    def _set_problems(self, problems: tuple[Problem, ...], omitted: int = 0) -> None:
        if (problems, omitted) != (self.problems, self.omitted):
            self.problems, self.omitted = problems, omitted
            self.problems_changed.emit()

    def stop(self) -> None:
        self.watcher.stop()
