"""Window state and preferences in QSettings: geometry, splitters, last card, page size,
recent files.

Content never lives here. `BRIEFING_SETTINGS` names an INI file to use instead of the user's
(tests and benchmarks set it); a file Qt cannot read falls back to the defaults.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

from briefing.gui.state import PAGE_SIZES, PageSize

MAX_RECENT = 8
log = logging.getLogger(__name__)


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
        chosen = path or os.environ.get("BRIEFING_SETTINGS")
        if chosen:
            return cls(QSettings(str(chosen), QSettings.Format.IniFormat))
        fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
        return cls(QSettings(fmt, scope, "Briefing", "Briefing"))

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

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._store.setValue(f"splitters/{name}", value)

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
