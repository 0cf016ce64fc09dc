"""A cache of validated dialogues, so that the app opens a file it opened before without
parsing and verifying it again (which needs PyYAML and the loader: most of the core's start-up).

An entry holds a dialogue as the loader built it, the exact bytes of every file the loader read
for it (the dialogue file and its sources) and a stamp of the loader's code. It is used only
when nothing it rests on has changed: every file is read again and must be byte for byte the
same, every source path must resolve to the same file inside the dialogue's folder, and the
code must be the same. Anything else (no entry, an unreadable, corrupt or foreign one, one
changed byte) is a miss, and the caller loads the file in full.
"""

from __future__ import annotations

import importlib.util
import io
import os
import pickle
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefing import __version__, model
from briefing.model import Dialogue

FORMAT = 1
"""The layout of an entry; raise it when that changes."""
MAX_ENTRIES = 8
"""Entries kept, the most recently written; older ones are removed."""

_HERE = Path(__file__).resolve().parent
_CODE = (
    "dialogue_cache.py",
    "format.py",
    "loader.py",
    "model.py",
    "problems.py",
    "provenance.py",
    "reader.py",
)
"""The modules a cached dialogue depends on: a change to any of them is a miss."""
_MODEL_CLASSES = frozenset(
    name
    for name, value in vars(model).items()
    if isinstance(value, type) and value.__module__ == model.__name__
)
_PATH_CLASSES = frozenset({"PosixPath", "WindowsPath"})


def cache_folder() -> Path:
    """`$BRIEFING_CACHE` (tests and benchmarks set it), else the user's cache folder."""
    chosen = os.environ.get("BRIEFING_CACHE")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "Briefing" / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "briefing"


def cached_dialogue(path: str | os.PathLike[str], folder: Path | None = None) -> Dialogue | None:
    """The dialogue `load_dialogue(path)` would return, from the cache; None on any miss."""
    try:
        with _entry_path(path, folder).open("rb") as handle:
            entry = _ModelUnpickler(io.BytesIO(handle.read())).load()
        stamp, given, inputs, dialogue = entry
    except Exception:  # whatever an unreadable, truncated or foreign entry raises: a miss
        return None
    if stamp != _code_stamp() or given != os.fspath(Path(path)):
        return None
    if not isinstance(dialogue, Dialogue):
        return None
    if not _sources_resolve_alike(dialogue) or not _unchanged(inputs):
        return None
    return dialogue


def store_dialogue(
    dialogue: Dialogue, record: Mapping[Path, bytes], folder: Path | None = None
) -> bool:
    """Keeps `dialogue`, fresh from `load_dialogue(dialogue.path, record)`, for the next start.

    Returns False, and leaves the cache as it was, when the entry cannot be written.
    """
    from briefing.atomic import write_atomic  # after the first paint, not at start-up

    stamp = _code_stamp()
    if stamp is None:
        return False
    inputs = tuple((os.fspath(p), data) for p, data in record.items())
    entry = (stamp, os.fspath(dialogue.path), inputs, dialogue)
    target = _entry_path(dialogue.path, folder)
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(target, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        _remove_oldest(target.parent)
    except OSError:
        return False
    return True


def _remove_oldest(folder: Path) -> None:
    """Keeps the cache to MAX_ENTRIES entries."""
    entries = sorted(folder.glob("dialogue-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for stale in entries[:-MAX_ENTRIES]:
        stale.unlink(missing_ok=True)


def _entry_path(path: str | os.PathLike[str], folder: Path | None) -> Path:
    """One entry per dialogue file, named after its absolute path."""
    key = zlib.crc32(os.fsencode(os.path.abspath(path)))
    return (folder or cache_folder()) / f"dialogue-{key:08x}.pickle"


def _code_stamp() -> tuple[object, ...] | None:
    """Which code built an entry: this app's version, Python's, the core modules' files and
    the installed PyYAML (found without importing it, which is what the cache saves)."""
    yaml_spec = importlib.util.find_spec("yaml")
    if yaml_spec is None or yaml_spec.origin is None:
        return None
    paths = [(name, _HERE / name) for name in _CODE] + [("yaml", Path(yaml_spec.origin))]
    try:
        files = tuple((name, path.stat()) for name, path in paths)
    except OSError:
        return None
    modules = tuple((name, s.st_size, s.st_mtime_ns) for name, s in files)
    return (FORMAT, __version__, sys.version_info[:2], modules)


def _sources_resolve_alike(dialogue: Dialogue) -> bool:
    """Each source's `file` still leads to the same file, inside the dialogue's folder (the
    loader's rule: links are followed and must not lead out)."""
    try:
        folder = dialogue.path.parent.resolve()
        for source in dialogue.sources:
            target = (folder / source.file).resolve()
            if target != source.path or not target.is_relative_to(folder):
                return False
    except (OSError, RuntimeError):
        return False
    return True


def _unchanged(inputs: Any) -> bool:
    """Every file still holds exactly the bytes the loader validated."""
    if not isinstance(inputs, tuple) or not inputs:
        return False
    for name, data in inputs:
        if not isinstance(name, str) or not isinstance(data, bytes):
            return False
        try:
            with open(name, "rb") as handle:
                if handle.read(len(data) + 1) != data:
                    return False
        except OSError:
            return False
    return True


class _ModelUnpickler(pickle.Unpickler):
    """Unpickles the model's classes and paths, and nothing else: an entry cannot make
    Python call anything but those."""

    def find_class(self, module: str, name: str) -> Any:
        allowed = (module == model.__name__ and name in _MODEL_CLASSES) or (
            module == "pathlib" and name in _PATH_CLASSES
        )
        if not allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a dialogue")
        return super().find_class(module, name)
