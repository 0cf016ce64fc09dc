"""The window's authoring commands: Undo and Redo, Edit Mode, New Dialogue, Add Source; the
export and print commands a draft holds back (with the reason); and the offer to restore
unsaved edits left by a crash."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from briefing.gui.draft_gate import OUTPUT_COMMANDS, blocked_commands
from briefing.gui.recovery import (
    Autosave,
    Recovered,
    RecoveryBar,
    differences,
    find_recovery,
    latest_recovery,
    remove_recovery,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from briefing.edit import KeyPath
    from briefing.gui.edit_session import EditSession
    from briefing.gui.file_commands import FileCommands
    from briefing.gui.state import Navigation, NavigationState

RESTORE_LABEL = "Restore unsaved edits"


class EditCommands(QObject):
    """The authoring commands of the window, and the state of the actions they depend on."""

    notice = Signal(str)

    def __init__(
        self,
        window: QWidget,
        actions: dict[str, QAction],
        files: FileCommands,
        session: EditSession,
        navigation: Navigation,
        autosave: Autosave,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._files = files
        self._session = session
        self._navigation = navigation
        self._autosave = autosave
        self.recovery_bar = RecoveryBar()
        self.recovery_bar.restore.connect(self.restore)
        self.recovery_bar.discard.connect(lambda found: remove_recovery(found.path))
        self.blocked: dict[str, str] = {}
        """The output commands a draft holds back now, with the reason each gives."""
        stack = session.undo_stack
        stack.canUndoChanged.connect(actions["undo"].setEnabled)
        stack.canRedoChanged.connect(actions["redo"].setEnabled)
        stack.undoTextChanged.connect(lambda text: self._name("undo", "&Undo", text))
        stack.redoTextChanged.connect(lambda text: self._name("redo", "&Redo", text))
        actions["undo"].setEnabled(False)
        actions["redo"].setEnabled(False)
        session.failed.connect(self.notice)
        session.editing_changed.connect(actions["editMode"].setChecked)
        session.changed.connect(self._document_changed)
        files.opened.connect(self._opened)
        self._document_changed(session.document)

    def _name(self, name: str, verb: str, text: str) -> None:
        self._actions[name].setText(f"{verb} {text.replace('&', '&&')}" if text else verb)

    def _document_changed(self, _document: object) -> None:
        has_document = self._session.document is not None
        for name in ("save", "saveAs", "addSource", "editMode"):
            self._actions[name].setEnabled(has_document)

    # -- commands --------------------------------------------------------------------------

    def toggle_editing(self) -> None:
        if self._session.document is not None:
            self._session.set_editing(not self._session.editing)

    def new_dialogue(self) -> None:
        from briefing.gui import authoring_dialogs

        if not self._files.may_discard():
            return
        folder = self._files.path.parent if self._files.path else None
        path = authoring_dialogs.ask_new_dialogue(self._window, folder)
        if path is not None and self._files.open_path(path, asked=True):
            self._session.set_editing(True)

    def add_source(self) -> None:
        from briefing.edit import add_source
        from briefing.gui import authoring_dialogs

        document = self._session.document
        if document is None:
            return
        entry = authoring_dialogs.ask_add_source(self._window, document.path.parent, document.data)
        if entry is None:
            return
        fields: dict[str, object] = dict(entry)
        if self._session.apply(add_source(document, fields)):
            self.notice.emit(f"Added the source \u201c{entry.get('title', '')}\u201d")

    # -- drafts ----------------------------------------------------------------------------

    def update_outputs(self, state: NavigationState) -> str:
        """Enables the export and print commands that can run now; a draft's reason goes
        in the tooltip. Returns the reason the card on screen cannot be printed, or ''."""
        document = self._session.document
        current = state.card if state.current is not None else None
        self.blocked = blocked_commands(document, current)
        for name in OUTPUT_COMMANDS:
            action = self._actions[name]
            reason = self.blocked.get(name, "")
            action.setEnabled(state.current is not None and not reason)
            action.setToolTip(reason or action.text().replace("&", "").rstrip("\u2026"))
            action.setStatusTip(reason)
        return self.blocked.get("exportCard", "")

    # -- recovery --------------------------------------------------------------------------

    def offer_recovery(self) -> None:
        """At start-up: offers the unsaved edits an earlier run left, those of the open file
        first."""
        if self._files.path is not None and self._offer_for(self._files.path):
            return
        found = latest_recovery()
        if found is not None:
            self.recovery_bar.offer(found, is_open=False)

    def _opened(self, path: Path) -> None:
        self.recovery_bar.hide()
        self._offer_for(path)

    def _offer_for(self, path: Path) -> bool:
        found = find_recovery(path)
        if found is not None:
            self.recovery_bar.offer(found, is_open=True)
        return found is not None

    def restore(self, found: Recovered) -> None:
        """Brings back the recovered edits over the file as it is on disk, as one undoable
        step (the file itself is not touched until saved)."""
        same = self._files.path is not None and self._files.path.resolve() == found.path
        if not same and not self._files.open_path(found.path):
            return
        document = self._session.document
        if document is None:  # the file cannot be read: the edits wait until it can
            self.notice.emit(f"Cannot restore: {found.path.name} cannot be read as it is")
            self.recovery_bar.offer(found, is_open=True)
            return
        with self._session.steps(RESTORE_LABEL):
            changes = differences(document.data, found.data)
            missed = [p for p, v in changes if not self._set(p, v, found.data)]
        self._autosave.save_now()
        self.recovery_bar.hide()
        name = found.path.name
        if missed:
            self.notice.emit(f"Restored the unsaved edits to {name}, except {len(missed)} part(s)")
        else:
            self.notice.emit(f"Restored the unsaved edits to {name}")

    def _set(self, path: KeyPath, value: object, recovered: Any) -> bool:
        """Sets one recovered value; a key the format does not know is set with its whole
        top-level part instead. False when neither can be set."""
        from briefing.edit import EditError, set_field

        top = recovered.get(path[0]) if path and isinstance(recovered, dict) else None
        for at, what in ((path, value), (path[:1], top)):
            current = self._session.document
            if current is None or not at:
                return False
            try:
                change = set_field(current, at, what)
            except EditError:
                continue
            return self._session.apply(change)
        return False
