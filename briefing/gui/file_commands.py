"""The window's file commands: open a dialogue, reload it, the recent files, and watching
the open file so that a saved edit shows at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from briefing.gui import dialogs
from briefing.gui.files import DialogueWatcher
from briefing.problems import DialogueError, Problem

if TYPE_CHECKING:
    from briefing.gui.settings import AppSettings
    from briefing.gui.state import Navigation


class FileCommands(QObject):
    """Which file is open, and the commands that change it."""

    notice = Signal(str)
    """A message for the status bar."""
    problems_changed = Signal()
    """The problems of the file on disk changed (see `problems`)."""

    def __init__(self, window: QWidget, navigation: Navigation, settings: AppSettings) -> None:
        super().__init__(window)
        self._window = window
        self._navigation = navigation
        self._settings = settings
        self.path: Path | None = None
        self.problems: tuple[Problem, ...] = ()
        self.omitted = 0
        """How many more problems the loader found but did not list."""
        """What is wrong with the open file as it is on disk; the cards on screen, if
        any, are then from its last good version."""
        self.watcher = DialogueWatcher(self)
        self.watcher.changed.connect(self.reload)
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
        self, path: Path, card_id: str | None = None, *, first: bool = False, remember: bool = True
    ) -> bool:
        """Loads and shows `path`; a file with problems keeps what is on screen.

        When nothing is open yet (or at start-up, `first`), the failing file becomes the
        open file: its problems are listed and it is watched, so fixing it opens it.
        Otherwise a dialog lists the problems and the open file stays. `remember` adds the
        file to the recent files.
        """
        from briefing.loader import load_dialogue

        try:
            dialogue = load_dialogue(path)
        except DialogueError as error:
            if first or self._navigation.state.dialogue is None:
                self.path = path
                self.watcher.watch(path, None)
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
        self.path = path
        self._set_problems(())
        self.watcher.watch(path, dialogue)
        self._navigation.set_dialogue(dialogue, card_id)
        if remember:
            self._fill_recent(self._settings.add_recent(path))
        return True

    def reload(self) -> None:
        """Reloads the open file (live reload calls this). A broken file keeps the old
        cards and lists its problems, without a dialog: the user may be mid-edit."""
        if self.path is None:
            return
        from briefing.loader import load_dialogue

        try:
            dialogue = load_dialogue(self.path)
        except DialogueError as error:
            self._set_problems(error.problems, error.omitted)
            return
        self._set_problems(())
        self.watcher.watch(self.path, dialogue)
        self._navigation.set_dialogue(dialogue)
        self.notice.emit(f"Reloaded {self.path.name}")

    def _set_problems(self, problems: tuple[Problem, ...], omitted: int = 0) -> None:
        if (problems, omitted) != (self.problems, self.omitted):
            self.problems, self.omitted = problems, omitted
            self.problems_changed.emit()

    def stop(self) -> None:
        self.watcher.stop()
