"""Unsaved edits kept safe: every 30 s the edited document is written to a recovery file in
the app's data folder (`recovery/`), removed once the edits are saved or discarded. After a
crash the next start finds it and offers, in a bar, to restore the edits.

A recovery file is JSON: the original file's path, when it was written, and the edited
data (not the YAML text: rendering it takes seconds on a very large file, and the autosave
must not stall typing). Restoring applies the differences from the file on disk as one
undoable edit.
"""

from __future__ import annotations

import json
import logging
import os
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from briefing.edit import KeyPath
    from briefing.gui.edit_session import EditSession

log = logging.getLogger(__name__)

AUTOSAVE_MS = 30_000
FORMAT = "briefing-recovery/1"
MAX_RECOVERY_BYTES = 64 * 1024 * 1024
"""A recovery file larger than this is not read (a dialogue file is capped lower)."""


def recovery_folder() -> Path:
    """`recovery/` in the platform's folder for the app's data; beside the settings file when
    `BRIEFING_SETTINGS` names one (as tests and benchmarks do), so that a run with its own
    settings never offers, nor leaves, the user's unsaved edits."""
    chosen = os.environ.get("BRIEFING_SETTINGS")
    if chosen:
        return Path(chosen).parent / "recovery"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".briefing") / "recovery"


@dataclass(frozen=True, slots=True)
class Recovered:
    """Unsaved edits found on disk: for which file, written when, and the edited data."""

    path: Path
    saved: datetime
    data: Any
    file: Path
    """The recovery file itself."""


def _key(path: Path) -> str:
    """A name for the path's recovery file. Two checksums, not a cryptographic hash (that
    would load OpenSSL at start); the file holds the path, which is checked on reading."""
    name = str(path.resolve()).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}"


def recovery_file(path: Path) -> Path:
    """Where the unsaved edits of the dialogue file `path` are kept."""
    return recovery_folder() / f"{_key(path)}.json"


def write_recovery(path: Path, data: Any) -> Path:
    """Keeps `data`, the edited content of `path`, in its recovery file (atomically)."""
    from briefing.atomic import write_atomic

    target = recovery_file(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "format": FORMAT,
        "path": str(path.resolve()),
        "saved": datetime.now().astimezone().isoformat(timespec="seconds"),
        "data": data,
    }
    return write_atomic(target, json.dumps(record, ensure_ascii=False).encode("utf-8"))


def read_recovery(file: Path) -> Recovered | None:
    """The recovery in `file`, or None when it is not one (logged, never raised)."""
    from briefing.safe_open import Refused, read_file

    try:
        text = read_file(file, "recovery file", MAX_RECOVERY_BYTES)
        if len(text) > MAX_RECOVERY_BYTES:
            raise ValueError("too large")
        record = json.loads(text.decode("utf-8"))
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            raise ValueError("not a recovery file")
        path, saved = record["path"], record["saved"]
        if not all(isinstance(v, str) for v in (path, saved)) or not isinstance(
            record["data"], dict
        ):
            raise ValueError("wrong types")
        return Recovered(Path(path), datetime.fromisoformat(saved), record["data"], file)
    except (Refused, ValueError, KeyError, RecursionError) as error:
        log.warning("recovery file %s is unusable: %s", file, error)
        return None


def find_recovery(path: Path) -> Recovered | None:
    """The unsaved edits of `path` left by an earlier run, if any."""
    file = recovery_file(path)
    found = read_recovery(file) if file.is_file() else None
    return found if found is not None and found.path == path.resolve() else None


def latest_recovery() -> Recovered | None:
    """The newest recovery left behind for a file that is still there. This runs at every
    start and a recovery file may hold a whole large dialogue, so the files are read newest
    first (by their time on disk) and only until one serves."""
    try:
        found = [(f.stat().st_mtime, f) for f in recovery_folder().glob("*.json")]
    except OSError as error:
        log.warning("cannot look for recovered edits: %s", error)
        return None
    for _, file in sorted(found, reverse=True):
        recovered = read_recovery(file)
        if recovered is not None and recovered.path.is_file():
            return recovered
    return None


def remove_recovery(path: Path) -> None:
    try:
        recovery_file(path).unlink(missing_ok=True)
    except OSError as error:
        log.warning("cannot remove the recovery file of %s: %s", path, error)


def differences(old: Any, new: Any, at: KeyPath = ()) -> list[tuple[KeyPath, Any]]:
    """The (key path, value) settings that make `old` equal `new`; value None removes the
    key. Mappings and lists of the same length are compared part by part, so a setting
    touches only what differs."""
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[tuple[KeyPath, Any]] = [((*at, k), None) for k in old if k not in new]
        for key, value in new.items():
            if key not in old:
                found.append(((*at, key), value))
            else:
                found.extend(differences(old[key], value, (*at, key)))
        return found
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            d
            for i, (a, b) in enumerate(zip(old, new, strict=True))
            for d in differences(a, b, (*at, i))
        ]
    if type(old) is not type(new) or old != new:
        return [(at, new)]
    return []


class Autosave(QObject):
    """Writes the session's unsaved edits to their recovery file every `interval_ms`."""

    notice = Signal(str)
    """Writing the recovery file failed: the message for the status bar."""

    def __init__(
        self, session: EditSession, parent: QObject | None = None, interval_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._written: object = None  # the document last written, to skip unchanged ones
        self._kept: set[Path] = set()  # the files whose recovery this run wrote
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        session.modified_changed.connect(self._modified_changed)

    def save_now(self) -> None:
        """Writes the recovery file now, if there are unsaved edits not yet written."""
        document = self._session.document
        if document is None or not self._session.modified or document is self._written:
            return
        try:
            write_recovery(document.path, document.data)
        except (OSError, TypeError, ValueError) as error:
            self.notice.emit(f"Cannot keep a recovery copy of the edits: {error}")
            return
        self._written = document
        self._kept.add(document.path)

    def forget(self) -> None:
        """The edits were saved or discarded: the recovery files this run wrote go (also
        the one under the file's old name, after Save As). One left by an earlier run
        stays until the bar offering it is answered."""
        self._written = None
        for path in self._kept:
            remove_recovery(path)
        self._kept = set()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            self.forget()


class RecoveryBar(QFrame):
    """'Unsaved edits to X from 14:02 were recovered.' with Restore and Discard."""

    restore = Signal(object)
    """The Recovered to restore."""
    discard = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBar")
        self.recovered: Recovered | None = None
        self.text = QLabel()
        self.text.setObjectName("recoveryText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setObjectName("restoreEdits")
        self.restore_button.clicked.connect(self._restore)
        self.discard_button = QPushButton("Discard")
        self.discard_button.setObjectName("discardRecovery")
        self.discard_button.clicked.connect(self._discard)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()

    def offer(self, recovered: Recovered, is_open: bool) -> None:
        """Offers `recovered`; `is_open` says whether its file is the one on screen."""
        self.recovered = recovered
        when = recovered.saved.strftime("%Y-%m-%d %H:%M")
        self.text.setText(
            f"Unsaved edits to {recovered.path.name} from {when} were recovered "
            "after Briefing closed unexpectedly."
        )
        self.restore_button.setText("Restore" if is_open else "Open and Restore")
        self.show()

    def _restore(self) -> None:
        if self.recovered is not None:
            self.hide()
            self.restore.emit(self.recovered)

    def _discard(self) -> None:
        if self.recovered is not None:
            self.hide()
            self.discard.emit(self.recovered)
