"""Save, Save As, and the question before unsaved edits would be lost (Save / Discard /
Cancel). A file changed on disk since it was read is never overwritten without asking."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing.gui import dialogs

if TYPE_CHECKING:
    from briefing.gui.edit_session import EditSession
    from briefing.gui.file_commands import FileCommands
    from briefing.gui.recovery import Autosave


class SaveCommands(QObject):
    """Writes the session's document; asks before unsaved edits would be lost."""

    notice = Signal(str)

    def __init__(
        self, window: QWidget, files: FileCommands, session: EditSession, autosave: Autosave
    ) -> None:
        super().__init__(window)
        self._window = window
        self._files = files
        self._session = session
        self._autosave = autosave
        files.may_discard = self.may_discard
        files.conflict.save_as.connect(self._conflict_save_as)

    def save(self) -> bool:
        """Writes the edits to the open file; True when they are on disk."""
        document = self._session.document
        if document is None:
            return False
        if self._files.changed_on_disk():
            gone = not document.path.exists()
            self._files.conflict.ask(document.path.name, gone=gone)
            self.notice.emit(f"Not saved: {document.path.name} changed on disk")
            return False
        return self._write(None)

    def save_as(self) -> bool:
        """Writes the edits to a file the user picks, which becomes the open file; the
        source files it needs are copied next to it when they are not there."""
        document = self._session.document
        if document is None:
            return False
        path = dialogs.ask_dialogue_path(self._window, "Save Dialogue As", document.path)
        if path is None:
            return False
        if path.resolve() == document.path.resolve():
            return self.save()
        copied = copy_sources(document.data, document.path.parent, path.parent)
        if not self._write(path):
            return False
        if copied:
            self.notice.emit(f"Saved {path.name}; copied {len(copied)} source files beside it")
        return True

    def _write(self, path: Path | None) -> bool:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from briefing.document import SaveError

        failure = ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a large file takes a while
        try:
            saved = self._session.save(path)
        except SaveError as error:
            saved, failure = None, str(error)
        finally:
            QApplication.restoreOverrideCursor()
        if saved is None:
            dialogs.show_error(self._window, "Cannot save", failure)
            return False
        self._files.saved(saved, moved=path is not None)
        self.notice.emit(f"Saved {saved.path.name}")
        return True

    def may_discard(self) -> bool:
        """Before unsaved edits would be lost: Save (True once saved), Discard (True), or
        Cancel (False). True at once when there is nothing unsaved."""
        document = self._session.document
        if document is None or not self._session.modified:
            return True
        answer = dialogs.ask_unsaved(self._window, document.path.name)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._autosave.forget()
            return True
        return False

    def _conflict_save_as(self) -> None:
        if not self.save_as() and self._files.changed_on_disk():
            document = self._session.document
            if document is not None:
                self._files.conflict.ask(document.path.name, gone=not document.path.exists())


def copy_sources(data: Any, old: Path, new: Path) -> list[Path]:
    """Copies the source files `data` names (relative to folder `old`) to the same place
    under folder `new` where nothing is there yet; returns the files written."""
    from briefing.atomic import write_atomic

    if old.resolve() == new.resolve():
        return []
    entries = data.get("sources") if isinstance(data, dict) else None
    written: list[Path] = []
    for entry in entries if isinstance(entries, list) else []:
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str) or Path(name).is_absolute() or ".." in Path(name).parts:
            continue
        source, target = old / name, new / name
        if target.exists() or not source.is_file():
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            written.append(write_atomic(target, source.read_bytes()))
        except OSError:
            continue  # the saved file then lists the source as missing
    return written
