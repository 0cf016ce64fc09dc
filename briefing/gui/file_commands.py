"""The window's file commands: open a dialogue, reload it, the recent files, and watching
the open file so that a saved edit shows at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from briefing.gui import dialogs
from briefing.gui.files import DialogueWatcher
from briefing.problems import DialogueError

if TYPE_CHECKING:
    from briefing.gui.settings import AppSettings
    from briefing.gui.state import Navigation


class FileCommands(QObject):
    """Which file is open, and the commands that change it."""

    notice = Signal(str)
    """A message for the status bar."""

    def __init__(self, window: QWidget, navigation: Navigation, settings: AppSettings) -> None:
        super().__init__(window)
        self._window = window
        self._navigation = navigation
        self._settings = settings
        self.path: Path | None = None
        self._reload_problems: tuple[str, ...] = ()
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
        """Loads and shows `path`; on problems shows them and keeps what is on screen.

        A failing `first` file (at start-up) is still watched, so fixing it opens it;
        `remember` adds the file to the recent files.
        """
        from briefing.loader import load_dialogue

        try:
            dialogue = load_dialogue(path)
        except DialogueError as error:
            if first:
                self.path = path
                self.watcher.watch(path, None)
            dialogs.show_problems(
                self._window, f"Cannot open {path.name}", [str(p) for p in error.problems]
            )
            return False
        self.path = path
        self._reload_problems = ()
        self.watcher.watch(path, dialogue)
        self._navigation.set_dialogue(dialogue, card_id)
        if remember:
            self._fill_recent(self._settings.add_recent(path))
        return True

    def reload(self) -> None:
        """Reloads the open file (live reload calls this); a broken file keeps the old cards."""
        if self.path is None:
            return
        from briefing.loader import load_dialogue

        try:
            dialogue = load_dialogue(self.path)
        except DialogueError as error:
            problems = tuple(str(p) for p in error.problems)
            if problems != self._reload_problems:  # say it once per distinct set of problems
                self._reload_problems = problems
                dialogs.show_problems(self._window, f"Cannot reload {self.path.name}", problems)
            return
        self._reload_problems = ()
        self.watcher.watch(self.path, dialogue)
        self._navigation.set_dialogue(dialogue)
        self.notice.emit(f"Reloaded {self.path.name}")

    def stop(self) -> None:
        self.watcher.stop()
