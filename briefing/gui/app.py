"""Starting the app: `build_app(args)` makes the application and its main window on a
dialogue file (`briefing.cli` shows it and runs the event loop).

Nothing from ReportLab or QtPdf is imported, and no PDF is made, until a PDF is asked for.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

# isort: off
# The Qt-free core first: PySide6 reads the source of every module imported after it (to look
# for its `__feature__` switches) and keeps the lines in memory.
import briefing.document  # noqa: F401
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

# isort: on

from briefing.gui.theme import Theme
from briefing.paths import bundled_dialogue, font_path

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
STYLE = "Fusion"
"""The same look on every system, made to measure by the QSS files in resources/styles."""
UI_FONT_POINT_SIZE = 10


def register_fonts() -> str | None:
    """Registers the bundled fonts with Qt; returns their family, or None when unreadable."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(font_path(name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def make_application(argv: list[str]) -> QApplication:
    """The QApplication (an existing one is reused, as in tests)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication([sys.argv[0] if sys.argv else "briefing", *argv])


def prepare_application(app: QApplication) -> Theme:
    """Names, fonts, style and theme; returns the app's theme (made once per application)."""
    from briefing.gui.compat import protect_singletons
    from briefing.gui.icons import app_icon

    protect_singletons()
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationDisplayName("Briefing")
    QGuiApplication.setDesktopFileName("briefing")
    family = register_fonts()
    if family:
        font = QFont(family, UI_FONT_POINT_SIZE)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        app.setFont(font)
    app.setStyle(STYLE)
    theme = app.findChild(Theme)
    if not isinstance(theme, Theme):
        theme = Theme(app)
    app.setWindowIcon(app_icon())
    return theme


def build_app(args: list[str]) -> tuple[QApplication, MainWindow]:
    """`briefing [FILE]`: the application and its window, built and opened on FILE, else on
    the file and card the user had open last, else on the bundled dialogue; not yet shown."""
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import AppSettings

    files = [a for a in args if not a.startswith("-")]
    app = make_application([a for a in args if a.startswith("-")])
    theme = prepare_application(app)
    settings = AppSettings.open()
    window = MainWindow(settings, theme)
    window.restore_state()
    path, said = start_file(files, settings.last_file)
    last_card = settings.last_card if settings.last_file == str(path.resolve()) else None
    window.files.open_path(path, last_card, first=True, remember=bool(files))
    window.edits.offer_recovery()
    if said:
        window.files.notice.emit(said)
    return app, window


def start_file(files: list[str], last_file: str | None) -> tuple[Path, str]:
    """The file to open at start, and what to tell the user about the choice."""
    if files:
        return Path(files[0]), ""
    if last_file:
        last = Path(last_file)
        if last.is_file():
            return last, ""
        return bundled_dialogue(), f"{last.name} is no longer there; showing the bundled sample"
    return bundled_dialogue(), ""
