"""Starting the app: `run_app(args)` opens the main window on a dialogue file.

Kept lean on purpose: nothing from ReportLab or QtPdf is imported, and no PDF is made,
before the first card is painted. With BRIEFING_EXIT_AFTER_FIRST_PAINT=1 the process leaves
with os._exit(0) right after that paint, as the bare-window baseline does, so the start-up
benchmark times both to their first paint and neither's teardown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.paths import bundled_dialogue, font_path

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
    """The QApplication with the app's names, fonts and theme (tests reuse their own app)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        prepare_application(app)
        return app
    # The style is named in Qt's own command line rather than set with setStyle, which hands
    # Python the QStyle it makes: building that class costs about 4 ms before the first paint.
    app = QApplication([sys.argv[0] if sys.argv else "briefing", "-style", STYLE, *argv])
    prepare_application(app, style_set=True)
    return app


def prepare_application(app: QApplication, style_set: bool = False) -> None:
    """Names, fonts, style and theme; `style_set` when the app was made with the style."""
    from briefing.gui.compat import protect_singletons
    from briefing.gui.icons import app_icon
    from briefing.gui.theme import Theme

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
    if not style_set:
        app.setStyle(STYLE)
    if Theme.current is None:
        Theme(app)
    app.setWindowIcon(app_icon())


def exit_now() -> None:
    """Leaves at once, like the benchmark's baseline: no teardown, no settings written."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def run_app(args: list[str]) -> int:
    """`briefing [FILE]`: the window on FILE, or on the bundled dialogue."""
    from briefing.gui.main_window import MainWindow
    from briefing.gui.settings import AppSettings

    files = [a for a in args if not a.startswith("-")]
    app = make_application([a for a in args if a.startswith("-")])
    settings = AppSettings.open()
    window = MainWindow(settings)
    path = Path(files[0]) if files else bundled_dialogue()
    last_card = settings.last_card if settings.last_file == str(path.resolve()) else None
    window.restore_state()
    window.open_path(path, last_card, first=True, remember=bool(files))
    if os.environ.get("BRIEFING_EXIT_AFTER_FIRST_PAINT") == "1":
        window.save_settings_on_close = False
        window.card_view.painted.connect(
            lambda: QTimer.singleShot(0, exit_now), Qt.ConnectionType.SingleShotConnection
        )
    window.show()
    return int(app.exec())
