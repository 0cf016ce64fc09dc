"""Reading files without blocking and without following a link out of a folder.

Only regular files are read: a named pipe, device or socket is refused before a byte is
read (opened without blocking, then checked on the opened descriptor). Files in a dialogue's
folder are opened relative to a descriptor of that folder, taken once, one path component at
a time without following links, so that swapping a folder for a link while a file loads
cannot make it read outside. Where the platform lacks descriptor-relative opening
(Windows), the opened file is checked to be the very file that was resolved inside.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_RELATIVE = bool(os.open in os.supports_dir_fd and _NOFOLLOW and _DIRECTORY)
_CHANGED = "changed while it was read (a link or folder was swapped)"


class Refused(Exception):
    """A file was not read; the message says why, in a user's words."""


class LeadsOut(Refused):
    """A path that resolves to a file outside the folder."""


def _kind(mode: int) -> str | None:
    """What a file that is not a regular one is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check(info: os.stat_result, what: str, single_link: bool) -> None:
    kind = _kind(info.st_mode)
    if kind is not None:
        raise Refused(f"is {kind}, not a {what}")
    if single_link and info.st_nlink > 1:
        raise Refused(
            f"has {info.st_nlink} hard links, and a hard link can lead out of the folder; "
            "copy the file instead"
        )


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "is a loop of symbolic links"
    return f"cannot read: {exc.strerror or exc}"


def _read(fd: int, limit: int) -> bytes:
    """Up to `limit` + 1 bytes, so that the caller can tell a file is over the limit."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_file(path: Path, what: str, limit: int) -> bytes:
    """Reads the regular file `path` names (links followed: the user chose it), at most
    `limit` + 1 bytes. Raises Refused."""
    try:
        if not _NONBLOCK:  # Windows: nothing there blocks an open, but check first anyway
            _check(os.stat(path), what, single_link=False)
        fd = os.open(path, _READ | _NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.EISDIR or path.is_dir():
            raise Refused(f"is a folder, not a {what}") from None
        raise Refused(_reason(exc)) from None
    try:
        _check(os.fstat(fd), what, single_link=False)
        return _read(fd, limit)
    except OSError as exc:
        raise Refused(_reason(exc)) from None
    finally:
        os.close(fd)


class Folder:
    """A folder resolved and opened once; files are read only from inside it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(os.path.realpath(path))
        self._fd: int | None = None
        if _RELATIVE:
            try:
                self._fd = os.open(self.path, _READ | _DIRECTORY)
            except OSError:
                self._fd = None  # every read will say why

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def resolve(self, relative: str) -> Path:
        """The real path of `relative`, links resolved; Refused if it does not exist, is
        a loop of links, or leads out of the folder."""
        try:
            real = Path(os.path.realpath(self.path / relative, strict=True))
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # a link became a file while it was followed
                raise Refused(_CHANGED) from None
            raise Refused(_reason(exc)) from None
        if not real.is_relative_to(self.path) or real == self.path:
            raise LeadsOut("is a link leading out of the dialogue's folder")
        return real

    def read(self, real: Path, what: str, limit: int) -> bytes:
        """Reads the regular file at `real` (from `resolve`), never through a link, at most
        `limit` + 1 bytes. Files with more than one hard link are refused too."""
        parts = real.relative_to(self.path).parts
        if self._fd is None:
            return self._read_checked(real, what, limit)
        opened: list[int] = []
        try:
            at = self._fd
            for part in parts[:-1]:
                at = os.open(part, _READ | _DIRECTORY | _NOFOLLOW, dir_fd=at)
                opened.append(at)
            fd = os.open(parts[-1], _READ | _NOFOLLOW | _NONBLOCK, dir_fd=at)
            opened.append(fd)
            _check(os.fstat(fd), what, single_link=True)
            return _read(fd, limit)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.ENOENT):
                raise Refused(_CHANGED) from None
            raise Refused(_reason(exc)) from None
        finally:
            for fd in reversed(opened):
                os.close(fd)

    def _read_checked(self, real: Path, what: str, limit: int) -> bytes:
        """Without descriptor-relative opening (Windows): opens the resolved path, then
        checks that it still resolves to itself, inside, and names the very file opened.
        This narrows a swap during loading to a double race; it cannot close it."""
        try:
            fd = os.open(real, _READ | _NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.EISDIR or real.is_dir():
                raise Refused(f"is a folder, not a {what}") from None
            raise Refused(_reason(exc)) from None
        try:
            opened = os.fstat(fd)
            _check(opened, what, single_link=True)
            now = os.stat(real)
            if Path(os.path.realpath(real)) != real or not os.path.samestat(opened, now):
                raise Refused(_CHANGED)
            return _read(fd, limit)
        except OSError as exc:
            raise Refused(_reason(exc)) from None
        finally:
            os.close(fd)
