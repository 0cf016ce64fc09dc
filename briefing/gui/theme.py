"""Light and dark looks: a palette per scheme and the ordered QSS files in resources/styles.

The look follows the system colour scheme (QStyleHints.colorScheme) and changes with it.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefing.paths import resources_dir


class Colors(NamedTuple):
    """Colours the QSS files cannot reach: painted rows, icons and rich-text highlights."""

    dark: bool
    window: str
    base: str
    text: str
    muted: str
    accent: str
    selection: str
    selection_text: str
    match_back: str
    match_text: str
    faint_match: str


LIGHT = Colors(
    dark=False,
    window="#f4f5f7",
    base="#ffffff",
    text="#1f2328",
    muted="#57606a",
    accent="#2f5b8f",
    selection="#dfe8f3",
    selection_text="#1d3c63",
    match_back="#ffe38a",
    match_text="#1f2328",
    faint_match="#e8eef6",
)

DARK = Colors(
    dark=True,
    window="#1d2025",
    base="#24282e",
    text="#e6e8eb",
    muted="#9aa3ad",
    accent="#8db3e2",
    selection="#2d3e55",
    selection_text="#e6eefa",
    match_back="#8a6a00",
    match_text="#ffffff",
    faint_match="#2c3644",
)

STYLE_FILES = ("base.qss",)


def _palette(colors: Colors) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, colors.window),
        (role.Base, colors.base),
        (role.AlternateBase, colors.window),
        (role.Button, colors.base if not colors.dark else "#2b3037"),
        (role.Text, colors.text),
        (role.WindowText, colors.text),
        (role.ButtonText, colors.text),
        (role.PlaceholderText, colors.muted),
        (role.ToolTipBase, colors.base),
        (role.ToolTipText, colors.text),
        (role.Highlight, colors.accent if not colors.dark else "#3d5a80"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, colors.accent),
        (role.Mid, "#c9ced6" if not colors.dark else "#3a4048"),
        (role.Midlight, "#e3e6ea" if not colors.dark else "#32373f"),
        (role.Dark, "#9aa1ab" if not colors.dark else "#15171b"),
        (role.Light, "#ffffff" if not colors.dark else "#3a4048"),
    ):
        palette.setColor(r, QColor(value))
    muted = QColor(colors.muted)
    for r in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, muted)
    palette.setColor(QPalette.ColorGroup.Disabled, role.Highlight, muted)
    return palette


def _style_sheet(colors: Colors) -> str:
    folder = resources_dir() / "styles"
    names = (*STYLE_FILES, "dark.qss" if colors.dark else "light.qss")
    parts = []
    for name in names:
        try:
            parts.append((folder / name).read_text(encoding="utf-8"))
        except OSError:
            continue  # a missing style file leaves the plain look, never a crash
    return "\n".join(parts)


def system_is_dark() -> bool:
    forced = os.environ.get("BRIEFING_COLOR_SCHEME", "").lower()
    if forced in ("light", "dark"):
        return forced == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


class Theme(QObject):
    """The current colours; re-applies the look when the system scheme changes."""

    changed = Signal(object)  # Colors

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.colors = DARK if system_is_dark() else LIGHT
        self._apply()
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    def _scheme_changed(self) -> None:
        colors = DARK if system_is_dark() else LIGHT
        if colors != self.colors:
            self.colors = colors
            self._apply()
            self.changed.emit(colors)

    def _apply(self) -> None:
        self._app.setPalette(_palette(self.colors))
        self._app.setStyleSheet(_style_sheet(self.colors))
