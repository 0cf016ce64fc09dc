"""A dialogue file open for editing: its data as edited, the dialogue built from it for
display, and every problem, drafts included.

`open_document` reads a file that `load_dialogue` would refuse for missing or unverified
content (a draft); `apply` makes an edit (see `briefing.edit`) and rebuilds only what it
changed; `save_document` writes the data back into the file's own text, atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.atomic import write_atomic
from briefing.draft import Build, build_all, rebuild
from briefing.edit import Change, EditError, replaced, value_at
from briefing.loader import gc_paused
from briefing.model import Dialogue
from briefing.problems import DialogueError, Problem
from briefing.reader import compose, read_text
from briefing.readiness import card_reasons
from briefing.yaml_data import Layout, Marks, place, read_data


class SaveError(Exception):
    """A document could not be saved; the message says why, for people."""


@dataclass(frozen=True, slots=True)
class _Saved:
    """The file as last read or saved: its text, the data it holds, where each part of the
    data stands in it and how it indents."""

    text: str
    data: Any
    marks: Marks
    layout: Layout


@dataclass(frozen=True, slots=True)
class Document:
    """One state of a dialogue file being edited. Immutable: edits make new documents."""

    path: Path
    data: Any
    """The YAML data as edited (dicts, lists and scalars); read it, never change it."""
    dialogue: Dialogue | None
    """The dialogue for display, drafts included; None when it has no cards to show."""
    problems: tuple[Problem, ...]
    _build: Build = field(repr=False, compare=False)
    _saved: _Saved = field(repr=False, compare=False)

    def card_problems(self, card_index: int) -> tuple[str, ...]:
        """Why card `card_index` cannot be exported or printed yet, in words; () if it can."""
        return card_reasons(self.problems, self.data, card_index)

    @property
    def is_draft(self) -> bool:
        """Whether anything is missing or unverified (`briefing validate` would fail)."""
        return bool(self.problems)

    @property
    def is_modified(self) -> bool:
        """Whether the data differs from the file as last read or saved."""
        return self.data is not self._saved.data and self.data != self._saved.data


def open_document(path: str | os.PathLike[str]) -> Document:
    """Opens a dialogue file, drafts included. Raises DialogueError only when the file cannot
    be read as YAML data at all (missing, too large, not UTF-8, bad syntax, not a mapping)."""
    path = Path(path)
    name = str(path)
    with gc_paused():
        text = read_text(path, "dialogue file")
        node = compose(text, name)
        data, marks, layout = read_data(node)
        build = build_all(path, data, marks, node)
    return _document(path, build, _Saved(text, data, marks, layout))


def apply(doc: Document, change: Change) -> tuple[Document, Change]:
    """The document with `change` made, and the change that undoes it. Raises EditError when
    the change was made for another state of the data."""
    current = value_at(doc.data, change.path)
    if current is not change.before and current != change.before:
        raise EditError("the document has changed since this edit was prepared")
    data = replaced(doc.data, change.path, change.after)
    build = rebuild(doc._build, doc.path, data, doc._saved.marks)
    return _document(doc.path, build, doc._saved), change.inverse()


def document_text(doc: Document) -> str:
    """The text `save_document` would write."""
    saved = doc._saved
    if doc.data is saved.data:
        return saved.text
    from briefing.yaml_save import render

    return render(saved.text, saved.data, doc.data, saved.layout, saved.marks)


def save_document(doc: Document, path: str | os.PathLike[str] | None = None) -> Document:
    """Writes the document to its file (or to `path`, Save As) atomically, keeping the file's
    comments, key order, quoting and blank lines; returns the document as saved there."""
    target = Path(path) if path is not None else doc.path
    try:
        text = document_text(doc)
    except Exception as exc:  # a writer fault must never lose the user's work unsaid
        raise SaveError(f"could not write the dialogue as YAML: {exc}") from exc
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SaveError(f"could not save {target}: {reason}") from exc
    return _resaved(doc, target, text)


def reload_sources(doc: Document) -> Document:
    """The document with every source file read again and every quote checked again (after
    a source changed on disk)."""
    saved = doc._saved
    with gc_paused():
        build = build_all(doc.path, doc.data, saved.marks)
    return _document(doc.path, build, saved)


def _resaved(doc: Document, target: Path, text: str) -> Document:
    """The document once saved as `text` at `target`: its problems placed in the new text."""
    with gc_paused():
        marks = place(compose(text, str(target)), doc.data)
        if target == doc.path and not doc.problems:
            build = doc._build  # nothing to place: the parts built stay as they are
        else:
            seed = doc._build.builder if target.parent == doc.path.parent else None
            build = build_all(target, doc.data, marks, seed=seed)
    return _document(target, build, _Saved(text, doc.data, marks, doc._saved.layout))


def _document(path: Path, build: Build, saved: _Saved) -> Document:
    return Document(path, build.data, build.dialogue, build.problems, build, saved)


__all__ = [
    "DialogueError",
    "Document",
    "SaveError",
    "apply",
    "document_text",
    "open_document",
    "reload_sources",
    "save_document",
]
