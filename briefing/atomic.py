"""Crash-safe file writes: the old file or the new one is there, never a part of one.

On Linux the data goes to an unnamed file (O_TMPFILE) that vanishes if the process dies,
and gets a name only once complete; elsewhere to a hidden temporary file. Either way the
final step is an atomic rename over the target.
"""

from __future__ import annotations

import glob
import os
import secrets
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Writes `data` to `path` atomically; raises OSError when the folder cannot be written.

    A process killed between naming its temporary file and the rename (microseconds) can
    leave a hidden `.NAME.*.part` behind; the next write of the same target removes it.
    """
    target = Path(path)
    folder = target.parent
    _remove_stale_parts(target)
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    handle = _unnamed_file(folder)
    named = handle is None
    if handle is None:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            os.fchmod(out.fileno(), 0o644)
            if not named:
                _give_name(out.fileno(), temp)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _remove_stale_parts(target: Path) -> None:
    try:
        stale = list(target.parent.glob(f".{glob.escape(target.name)}.*.part"))
    except OSError:
        return
    for part in stale:
        part.unlink(missing_ok=True)


def _give_name(handle: int, name: Path) -> None:
    """Links an O_TMPFILE file into its folder (linkat with AT_SYMLINK_FOLLOW, which
    os.link uses only when given a directory descriptor)."""
    folder = os.open(name.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{handle}", name.name, dst_dir_fd=folder)
    finally:
        os.close(folder)


def _unnamed_file(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o644)
    except OSError:
        return None  # the file system may not support it; an unwritable folder fails below
