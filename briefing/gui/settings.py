"""Window state and preferences in QSettings: geometry, splitters, last card, page size,
recent files.

Content never lives here. `BRIEFING_SETTINGS` names an INI file to use instead of the user's
(tests and benchmarks set it); a file Qt cannot read falls back to the defaults. The file is
checked before Qt reads it: only a regular file of modest size, and only plain values: a
serialized Qt variant (`@Variant(...)`) could make Qt allocate without bound, so such lines
are dropped with a warning.
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths

from briefing.gui.state import PAGE_SIZES, PageSize

MAX_RECENT = 8
MAX_SETTINGS_BYTES = 1024 * 1024
PLAIN_PREFIXES = ("@ByteArray(", "@@")
"""The only values starting with '@' that are kept: bytes as written, and an escaped '@'."""
log = logging.getLogger(__name__)


def user_settings_path() -> Path:
    """Where the user's settings live: the platform's folder for the app's configuration."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder or Path.home() / ".briefing") / "Briefing.ini"


def checked_settings_path(path: Path) -> Path:
    """`path` made safe for Qt to read, or a fresh file elsewhere when it cannot be.

    A missing file is fine. Anything but a regular file (a FIFO would block the start) is
    refused: the settings then start from defaults and are not kept. A file too large or not
    UTF-8 is emptied; lines holding serialized variants are removed.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return path
    except OSError as error:
        return _refused(path, error.strerror or str(error))
    if not stat.S_ISREG(info.st_mode):
        return _refused(path, "it is not a regular file")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SETTINGS_BYTES + 1)
    except OSError as error:
        return _refused(path, error.strerror or str(error))
    try:
        if len(data) > MAX_SETTINGS_BYTES:
            raise ValueError(f"it is over {MAX_SETTINGS_BYTES // 1024} KiB")
        text = data.decode("utf-8")
    except (ValueError, UnicodeDecodeError) as error:
        log.warning("settings file %s is unusable (%s); starting from defaults", path, error)
        _replace(path, "")
        return path
    kept = [line for line in text.splitlines() if _plain(line)]
    dropped = len(text.splitlines()) - len(kept)
    if dropped:
        log.warning("settings file %s: dropped %d value(s) that were not plain", path, dropped)
        _replace(path, "\n".join(kept) + "\n")
    return path


def _plain(line: str) -> bool:
    _key, equals, value = line.partition("=")
    value = value.strip()
    return not equals or not value.startswith("@") or value.startswith(PLAIN_PREFIXES)


def _replace(path: Path, text: str) -> None:
    from briefing.atomic import write_atomic

    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        log.warning("cannot rewrite settings file %s: %s", path, error)


def _refused(path: Path, reason: str) -> Path:
    log.warning("settings file %s cannot be used (%s); settings will not be kept", path, reason)
    return Path(tempfile.mkdtemp(prefix="briefing-settings-")) / "Briefing.ini"


def default_page_size() -> PageSize:
    """Letter where the locale measures in US units, A4 elsewhere."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if us else "a4"


class AppSettings:
    """Typed access to the settings; every read checks its type and falls back to a default."""

    def __init__(self, store: QSettings) -> None:
        self._store = store
        if store.status() != QSettings.Status.NoError:
            log.warning("settings file %s is unreadable; using defaults", store.fileName())
            store.clear()  # start from defaults, and overwrite it on the next save

    def _ignored(self, key: str, value: object) -> None:
        """Logs a stored value of the wrong kind, which is replaced by its default."""
        if value is not None:
            log.warning(
                "settings file %s: %s = %.40r is not valid; using the default",
                self._store.fileName(),
                key,
                value,
            )

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> AppSettings:
        """The settings file `path`, `$BRIEFING_SETTINGS`, or the user's own."""
        chosen = Path(path or os.environ.get("BRIEFING_SETTINGS") or user_settings_path())
        return cls(QSettings(str(checked_settings_path(chosen)), QSettings.Format.IniFormat))

    def sync(self) -> None:
        self._store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _text(self, key: str) -> str | None:
        value = self._store.value(key)
        return value if isinstance(value, str) and value else None

    # window state

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def panel_widths(self) -> tuple[int, int] | None:
        """The widths the user gave the card list and the side panel."""
        value = self._store.value("window/panelWidths")
        try:
            first, second = (int(str(v)) for v in value)
        except (TypeError, ValueError):
            self._ignored("window/panelWidths", value)
            return None
        return (max(0, min(first, 4000)), max(0, min(second, 4000)))

    @panel_widths.setter
    def panel_widths(self, value: tuple[int, int]) -> None:
        self._store.setValue("window/panelWidths", [str(v) for v in value])

    @property
    def panels_shown(self) -> tuple[bool, bool]:
        """Whether the card list and the side panel are switched on (both by default)."""
        value = self._store.value("window/panelsShown")
        if isinstance(value, list) and len(value) == 2 and all(v in ("0", "1") for v in value):
            return (value[0] == "1", value[1] == "1")
        self._ignored("window/panelsShown", value)
        return (True, True)

    @panels_shown.setter
    def panels_shown(self, value: tuple[bool, bool]) -> None:
        self._store.setValue("window/panelsShown", ["1" if v else "0" for v in value])

    @property
    def side_tab(self) -> int:
        value = self._store.value("window/sideTab")
        try:
            return max(0, min(int(str(value)), 1))
        except ValueError:
            self._ignored("window/sideTab", value)
            return 0

    @side_tab.setter
    def side_tab(self, value: int) -> None:
        self._store.setValue("window/sideTab", value)

    # preferences

    @property
    def page_size(self) -> PageSize:
        value = self._text("preferences/pageSize")
        for size in PAGE_SIZES:
            if value == size:
                return size
        self._ignored("preferences/pageSize", value)
        return default_page_size()

    @page_size.setter
    def page_size(self, value: PageSize) -> None:
        self._store.setValue("preferences/pageSize", value)

    @property
    def last_file(self) -> str | None:
        return self._text("session/lastFile")

    @property
    def last_card(self) -> str | None:
        return self._text("session/lastCard")

    def set_last(self, file: str, card: str) -> None:
        self._store.setValue("session/lastFile", file)
        self._store.setValue("session/lastCard", card)

    @property
    def recent_files(self) -> list[str]:
        value = self._store.value("session/recentFiles")
        if isinstance(value, str):
            value = [value]  # QSettings reads a one-item list back as a string
        if not isinstance(value, list):
            self._ignored("session/recentFiles", value)
            return []
        return [v for v in value if isinstance(v, str) and v][:MAX_RECENT]

    def add_recent(self, path: Path) -> list[str]:
        name = str(path.resolve())
        files = [name, *(f for f in self.recent_files if f != name)][:MAX_RECENT]
        self._store.setValue("session/recentFiles", files)
        return files

    @property
    def export_folder(self) -> Path | None:
        """The folder of the last export, where the next export dialog starts."""
        value = self._text("session/exportFolder")
        return Path(value) if value else None

    @export_folder.setter
    def export_folder(self, value: Path) -> None:
        self._store.setValue("session/exportFolder", str(value))
