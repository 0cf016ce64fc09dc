"""Crash-safe file writes: the old file or the new one is there, never a part of one.

The data goes to a temporary file in the target's folder, is flushed to disk and renamed
over the target with os.replace (atomic on POSIX and Windows). Where Linux offers unnamed
files (O_TMPFILE), the data gets a name only once complete; elsewhere the temporary file
is a hidden `.NAME.<random>.part` that a killed process may leave behind. Only files this
process created are ever removed.
"""

from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

MODE = 0o644


@dataclass(frozen=True, slots=True)
class StagedFile:
    """Complete data on disk under a temporary name, waiting to replace `target`."""

    target: Path
    temp: Path

    def commit(self) -> Path:
        """Renames the data over the target; raises OSError (the temporary file stays)."""
        os.replace(self.temp, self.target)
        return self.target

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Writes `data` to `path` atomically; raises OSError when the folder cannot be written."""
    staged = stage(path, data)
    try:
        return staged.commit()
    except BaseException:
        staged.discard()
        raise


def stage(path: str | os.PathLike[str], data: bytes) -> StagedFile:
    """Writes `data` next to `path` under a temporary name, flushed to disk.

    Raises OSError and leaves nothing behind when it cannot.
    """
    target = Path(path)
    folder = target.parent
    handle = _unnamed_file(folder)
    temp: Path | None = None
    if handle is None:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                os.fchmod(out.fileno(), MODE)
            if temp is None:
                import secrets  # here, not at import: it loads OpenSSL (megabytes at start)

                temp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
                _give_name(out.fileno(), temp)
        if not hasattr(os, "fchmod"):
            os.chmod(temp, MODE)
    except BaseException:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise
    return StagedFile(target, temp)


def _give_name(handle: int, name: Path) -> None:
    """Links an O_TMPFILE file into its folder (linkat with AT_SYMLINK_FOLLOW, which
    os.link uses only when given a directory descriptor)."""
    folder = os.open(name.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{handle}", name.name, dst_dir_fd=folder)
    finally:
        os.close(folder)


def _unnamed_file(folder: Path) -> int | None:
    """A file without a name in `folder`, where Linux offers one; None elsewhere."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not hasattr(os, "O_DIRECTORY") or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, MODE)
    except OSError:
        return None  # the file system may not support it; an unwritable folder fails below


def write_new(path: str | os.PathLike[str], data: bytes) -> Path:
    """Writes `data` to a new file at `path` atomically; raises FileExistsError, never
    replacing a file that is there, and OSError when the folder cannot be written.

    The complete data is linked under the new name (a link fails if the name is taken);
    where the file system has no links, it is renamed after a check for the name, which
    leaves a moment in which another program could create it.
    """
    staged = stage(path, data)
    try:
        try:
            os.link(staged.temp, staged.target)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (FAT, some network shares)
            if os.path.lexists(staged.target):
                raise FileExistsError(errno.EEXIST, "file exists", str(staged.target)) from None
            os.replace(staged.temp, staged.target)
        return staged.target
    finally:
        staged.discard()
