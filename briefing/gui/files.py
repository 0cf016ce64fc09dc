"""The open dialogue file on disk: watching it (and its sources) for changes.

Editors often save by writing a new file and renaming it over the old one; the watcher
then loses the path, so the folder is watched too and the path is added back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 150
"""How long the file must stay quiet before it is reloaded (editors write in steps)."""


class DialogueWatcher(QObject):
    """Emits `changed` once a watched file has changed and the writes have settled."""

    changed = Signal()
    files_changed = Signal(list)
    """The same moment as `changed`, with the paths (str, resolved) that changed."""

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._touched)
        self._watcher.directoryChanged.connect(self._touched)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._settled)
        self._files: list[str] = []
        self._stamps: dict[str, tuple[int, int] | None] = {}

    def watch(self, path: Path, sources: Iterable[Path] = ()) -> None:
        """Watches `path` and the source files its dialogue reads."""
        files = [path.resolve(), *(s.resolve() for s in sources)]
        self._files = [str(f) for f in dict.fromkeys(files)]
        folders = sorted({str(Path(f).parent) for f in self._files})
        for kind in (self._watcher.files(), self._watcher.directories()):
            if kind:
                self._watcher.removePaths(kind)
        self._watcher.addPaths(folders)
        self._rewatch()
        self._stamps = {f: self._stamp(f) for f in self._files}

    def stop(self) -> None:
        for kind in (self._watcher.files(), self._watcher.directories()):
            if kind:
                self._watcher.removePaths(kind)
        self._files = []
        self._timer.stop()

    @staticmethod
    def _stamp(file: str) -> tuple[int, int] | None:
        try:
            stat = Path(file).stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def _rewatch(self) -> None:
        """Adds back files that were replaced (a rename drops them from the watch)."""
        watched = set(self._watcher.files())
        missing = [f for f in self._files if f not in watched and Path(f).exists()]
        if missing:
            self._watcher.addPaths(missing)

    def _touched(self, _path: str) -> None:
        self._rewatch()
        self._timer.start()

    def _settled(self) -> None:
        self._rewatch()
        stamps = {f: self._stamp(f) for f in self._files}
        if stamps != self._stamps:  # a folder event for some other file is not a change
            changed = [f for f in self._files if stamps[f] != self._stamps.get(f)]
            self._stamps = stamps
            self.changed.emit()
            self.files_changed.emit(changed)
