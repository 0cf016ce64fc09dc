"""GUI test fixtures: a prepared QApplication, settings in a temp folder, dialogs replaced."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from briefing.gui import desktop, dialogs, recovery
from briefing.gui.app import prepare_application
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import AppSettings
from briefing.gui.theme import Theme
from briefing.model import Dialogue
from briefing.paths import bundled_dialogue


@pytest.fixture(scope="session")
def theme(qapp: QApplication) -> Theme:
    """The app with its fonts, theme and names, as `briefing` sets it up; its theme."""
    return prepare_application(qapp)


@pytest.fixture(autouse=True)
def settings_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's settings live in its temp folder, never in the user's config."""
    folder = tmp_path / "config"
    folder.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    path = folder / "briefing.ini"
    monkeypatch.setenv("BRIEFING_SETTINGS", str(path))
    return path


@dataclass
class DialogCalls:
    """What the replaced dialogs were asked, and what they answer."""

    problems: list[tuple[str, list[str]]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    printers: list[Any] = field(default_factory=list)
    save_path: Path | None = None
    folder: Path | None = None
    open_path: Path | None = None
    print_accepted: bool = True
    dialogue_path: Path | None = None
    """The answer to Save As."""
    unsaved: str = "discard"
    """The answer to 'Save the changes?' (save, discard or cancel)."""
    unsaved_asked: list[str] = field(default_factory=list)
    """The file names 'Save the changes?' was asked about."""


@pytest.fixture(autouse=True)
def dialog_calls(monkeypatch: pytest.MonkeyPatch) -> DialogCalls:
    """Replaces every blocking dialog, so no test ever waits on one."""
    calls = DialogCalls()

    def ask_print(_parent: object, printer: Any) -> bool:
        calls.printers.append(printer)
        return calls.print_accepted

    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: calls.open_path)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: calls.save_path)
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_: calls.folder)
    monkeypatch.setattr(dialogs, "ask_print", ask_print)
    monkeypatch.setattr(
        dialogs,
        "show_problems",
        lambda _p, title, probs, *_: calls.problems.append((title, list(probs))),
    )
    monkeypatch.setattr(dialogs, "show_error", lambda _p, t, m: calls.errors.append((t, m)))
    monkeypatch.setattr(dialogs, "show_about", lambda _p, _t, text: calls.about.append(text))
    monkeypatch.setattr(dialogs, "ask_dialogue_path", lambda *_: calls.dialogue_path)

    def ask_unsaved(_parent: object, name: str) -> str:
        calls.unsaved_asked.append(name)
        return calls.unsaved

    monkeypatch.setattr(dialogs, "ask_unsaved", ask_unsaved)
    return calls


@pytest.fixture
def recovery_folder(settings_path: Path) -> Path:
    """Where the test's recovery files go: beside its settings, never in the user's data."""
    folder = recovery.recovery_folder()
    assert folder == settings_path.parent / "recovery"
    return folder


MakeWindow = Callable[..., MainWindow]


def shown_dialogue(window: MainWindow) -> Dialogue:
    """The dialogue on screen (a test that asks for it expects one)."""
    dialogue = window.navigation.state.dialogue
    assert dialogue is not None
    return dialogue


def current_id(window: MainWindow) -> str:
    """The id of the card on screen."""
    card = window.navigation.state.current
    assert card is not None
    return card.id


def record(calls: list[Any], item: Any) -> bool:
    """Stands in for a hand-over to the desktop: notes what was handed over, says it worked."""
    calls.append(item)
    return True


@pytest.fixture
def make_window(qtbot: Any, settings_path: Path, theme: Theme) -> Iterator[MakeWindow]:
    """Opens a main window on a file (the bundled dialogue by default), shown on screen."""
    made: list[MainWindow] = []

    def make(path: Path | None = None, card: str | None = None) -> MainWindow:
        window = MainWindow(AppSettings.open(settings_path), theme)
        qtbot.addWidget(window)
        window.restore_state()
        window.files.open_path(path or bundled_dialogue(), card, first=True)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.pdf.wait(10000)


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The URLs handed to the desktop (nothing is really opened)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(desktop, "open_url", lambda url: record(urls, url))
    return urls


class NamedPrinter:
    """What printing reads from a QPrinter, for a printer that exists only in the test."""

    def __init__(self, name: str, copies: int = 2) -> None:
        self._name, self._copies = name, copies

    def outputFormat(self) -> QPrinter.OutputFormat:
        return QPrinter.OutputFormat.NativeFormat

    def outputFileName(self) -> str:
        return ""

    def printerName(self) -> str:
        return self._name

    def copyCount(self) -> int:
        return self._copies
