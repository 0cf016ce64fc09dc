"""The open document while it is edited: every change goes through `EditSession.apply`, which
applies it with the core (briefing/edit.py) and keeps its inverse on a QUndoStack.

Views never change the document themselves: they build a `Change` with briefing.edit and
hand it to `apply`; `changed` then brings the new `Document` to everyone. Edits with the same
`merge_key` in a row (typing in one field) become one undo step.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from briefing.document import Document
    from briefing.edit import Change

MERGING_ID = 1
"""QUndoCommand.id of the commands that may merge (those with a `merge_key`)."""


def joined_change(first: Change, then: Change) -> Change | None:
    """`first` followed by `then` as one change, when both replace the same part of the
    data (typing in one field); None otherwise. Reads the core's `Change.path`, `before`
    and `after`: the one place the GUI looks inside a change."""
    if first.path != then.path or (then.before is not first.after and then.before != first.after):
        return None
    return replace(then, before=first.before)


class ChangeCommand(QUndoCommand):
    """One applied change on the undo stack, with the inverse that takes it back.

    Each redo/undo applies to the session's document as it is then, and keeps the inverse
    the core returns, so the pair stays right whatever the core's changes hold.
    """

    def __init__(
        self,
        session: EditSession,
        change: Change,
        inverse: Change,
        applied: Document,
        merge_key: Hashable | None,
    ) -> None:
        super().__init__(change.label)
        self._session = session
        self._change = change
        self._inverse = inverse
        self._applied: Document | None = applied  # the first redo (the push) shows this
        self.merge_key = merge_key

    def id(self) -> int:
        return MERGING_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing on in the same field: this step now ends where `other` ends; its undo
        still goes back to before the first keystroke."""
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key:
            return False
        joined = joined_change(self._change, other._change)
        if joined is None:
            return False
        self._change, self._inverse = joined, joined.inverse()
        return True

    def redo(self) -> None:
        if self._applied is not None:
            document, self._applied = self._applied, None
            self._session._show(document)
            return
        result = self._session._run(self._change)
        if result is not None:
            document, self._inverse = result
            self._session._show(document)

    def undo(self) -> None:
        result = self._session._run(self._inverse)
        if result is not None:
            document, self._change = result
            self._session._show(document)


class EditSession(QObject):
    """Holds the open `Document`, its undo history and whether Edit Mode is on."""

    changed = Signal(object)
    """The Document, after every apply, undo, redo, open, reload and save."""
    modified_changed = Signal(bool)
    """Whether the document now differs from the file it was opened from or saved to."""
    editing_changed = Signal(bool)
    """Edit Mode switched on or off."""
    failed = Signal(str)
    """An edit was refused; the message says why (for the status bar)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._editing = False
        self._stack = QUndoStack(self)
        self._stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def undo_stack(self) -> QUndoStack:
        return self._stack

    @property
    def editing(self) -> bool:
        return self._editing

    @property
    def modified(self) -> bool:
        """True while there are edits not saved to the document's file."""
        return self._document is not None and not self._stack.isClean()

    def set_editing(self, on: bool) -> None:
        if on != self._editing:
            self._editing = on
            self.editing_changed.emit(on)

    # -- edits -----------------------------------------------------------------------------

    def apply(self, change: Change, merge_key: Hashable | None = None) -> bool:
        """Applies `change` as one undoable step; False (and `failed` says why) when the
        core refuses it. Steps with the same `merge_key` in a row merge into one."""
        if self._document is None:
            return False
        result = self._run(change)
        if result is None:
            return False
        document, inverse = result
        self._stack.push(ChangeCommand(self, change, inverse, document, merge_key))
        return True

    @contextmanager
    def steps(self, label: str) -> Iterator[None]:
        """Makes the edits applied inside the block one undo step, named `label`."""
        self._stack.beginMacro(label)
        try:
            yield
        finally:
            self._stack.endMacro()

    def undo(self) -> None:
        self._stack.undo()

    def redo(self) -> None:
        self._stack.redo()

    def _run(self, change: Change) -> tuple[Document, Change] | None:
        from briefing.document import apply
        from briefing.edit import EditError

        assert self._document is not None
        try:
            return apply(self._document, change)
        except EditError as error:
            self.failed.emit(f"{change.label}: {error}")
            return None

    def _show(self, document: Document | None) -> None:
        self._document = document
        self.changed.emit(document)

    # -- the document as a whole -----------------------------------------------------------

    def open(self, document: Document | None) -> None:
        """Starts on `document` as read from its file: no history, nothing unsaved."""
        self._stack.clear()  # clean again; emits modified_changed if it was not
        self._show(document)

    def refresh(self, document: Document) -> None:
        """Shows `document`, the same content as the current one checked again (a source
        file changed); the history and the unsaved state stay."""
        self._show(document)

    def save(self, path: Path | None = None) -> Document:
        """Writes the document to its file (or to `path`, which it then belongs to);
        raises SaveError and keeps everything as it was when it cannot."""
        from briefing.document import save_document

        assert self._document is not None
        saved = save_document(self._document, path)
        self._document = saved
        self._stack.setClean()
        self.changed.emit(saved)
        return saved
