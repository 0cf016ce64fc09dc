"""Opening files, errors, live reload, recent files and the settings kept between runs."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from briefing.gui.layout import CARD_MIN
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import AppSettings
from tests.conftest import MINIMAL, WriteDialogue
from tests.gui.conftest import DialogCalls, MakeWindow, current_id


def test_an_unreadable_file_shows_its_problems_and_keeps_the_cards(
    window: MainWindow, dialog_calls: DialogCalls, write_dialogue: WriteDialogue
) -> None:
    window.navigation.go_to(2)
    shown = window.card_view.title.text()
    bad = write_dialogue(MINIMAL.replace("title: Overview", "title: [unclosed"))
    assert window.files.open_path(bad) is False
    (title, problems), *_ = dialog_calls.problems
    assert title == f"Cannot open {bad.name}"
    assert any(p.startswith(f"{bad}:19:12: YAML syntax") for p in problems)
    assert window.card_view.title.text() == shown
    assert window.files.path is not None and window.files.path.name != bad.name


def test_a_file_with_a_quote_not_in_its_source_opens_as_a_draft(
    window: MainWindow, dialog_calls: DialogCalls, write_dialogue: WriteDialogue
) -> None:
    bad = write_dialogue(MINIMAL.replace("agreed on Saturday to work", "agreed on Sunday to work"))
    assert window.files.open_path(bad) is True
    assert dialog_calls.problems == []
    assert window.card_view.title.text() == "Overview"
    (line,) = window.problems_panel.text().splitlines()
    assert line.startswith(f"{bad}:") and "sectors[0].points[0].evidence[0].quote" in line
    assert window.side.tabText(2) == "Problems (1)"
    assert not window.actions_by_name["exportCard"].isEnabled()
    assert window.banner.isHidden()


def test_file_open_uses_the_dialog_and_remembers_the_file(
    window: MainWindow, dialog_calls: DialogCalls, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    dialog_calls.open_path = path
    window.actions_by_name["openFile"].trigger()
    assert window.card_view.title.text() == "Overview"
    assert window.windowTitle().startswith("Overview \u2014 Test dialogue")
    assert window.files.recent_menu.actions()[0].text() == str(path.resolve())


def test_live_reload_when_the_file_changes(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path, card="research")
    path.write_text(MINIMAL.replace("title: Research", "title: Research, revised"), "utf-8")
    qtbot.waitUntil(lambda: window.card_view.title.text() == "Research, revised", timeout=5000)
    assert current_id(window) == "research"


def test_live_reload_when_an_editor_replaces_the_file(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    path = write_dialogue()
    window = make_window(path)
    for n in (1, 2):  # twice: the watch must survive the first replacement
        temp = tmp_path / f".d.yaml.swp{n}"
        temp.write_text(MINIMAL.replace("title: Overview", f"title: Overview {n}"), "utf-8")
        os.replace(temp, path)
        qtbot.waitUntil(lambda n=n: window.card_view.title.text() == f"Overview {n}", timeout=5000)


def test_a_broken_save_keeps_the_cards_and_a_fix_is_picked_up(
    qtbot: Any,
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    dialog_calls: DialogCalls,
) -> None:
    path = write_dialogue()
    window = make_window(path)
    path.write_text(MINIMAL.replace("title: Overview", "title: [unclosed"), "utf-8")
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert dialog_calls.problems == [], "a live reload never opens a dialog"
    assert window.banner.text.text() == (
        f"The file on disk ({path.name}) has 1 problem; showing the last good version."
    )
    assert window.card_view.title.text() == "Overview"
    assert "verified" not in window.status.text()
    assert window.status.text().endswith("last good version; the file on disk has 1 problem")
    assert window.side.tabText(2) == "Problems (1)"
    (line,) = window.problems_panel.text().splitlines()
    assert line.startswith(f"{path}:19:12: YAML syntax")
    show = window.banner.findChild(QPushButton, "showProblems")
    assert show is not None
    show.click()
    assert window.side.currentWidget() is window.problems_panel
    path.write_text(MINIMAL.replace("title: Overview", "title: Fixed"), "utf-8")
    qtbot.waitUntil(lambda: window.card_view.title.text() == "Fixed", timeout=5000)
    assert window.banner.isHidden() and window.side.count() == 2
    assert "all 3 quotes verified" in window.status.text()


def test_a_source_text_change_reloads_too(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    path = write_dialogue()
    window = make_window(path)
    source = tmp_path / "art.txt"
    source.write_text(source.read_text("utf-8") + "\nA new closing paragraph.\n", "utf-8")
    qtbot.waitUntil(
        lambda: "closing paragraph" in window.source_panel.text.toPlainText(), timeout=5000
    )


def drag_handle(qtbot: Any, window: MainWindow, index: int, dx: int) -> None:
    """Drags the splitter handle `index` by `dx` pixels, as a user would."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    handle = window.splitter.handle(index)
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(dx, 0))
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(dx, 0)
    )


def test_settings_are_restored_on_relaunch(
    qtbot: Any, make_window: MakeWindow, settings_path: Path, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    first = make_window(path)
    first.resize(790, 577)  # the offscreen screen is 800 x 800
    first.navigation.go_to_id("research")
    first.navigation.set_page_size("letter")
    drag_handle(qtbot, first, 1, -40)  # the user narrows the card list by 40 pixels
    sizes = first.splitter.sizes()
    assert sizes[0] < 270
    first.show_side(1)
    first.close()
    assert settings_path.exists()

    second = make_window(path, card=AppSettings.open(settings_path).last_card)
    assert second.size().width() == 790 and second.size().height() == 577
    assert second.splitter.sizes() == sizes
    assert second.navigation.state.page_size == "letter"
    assert current_id(second) == "research"
    assert second.side_tab() == 1
    assert second.actions_by_name["pageLetter"].isChecked()


def test_a_corrupt_settings_file_falls_back_to_defaults(
    make_window: MakeWindow, settings_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings_path.write_bytes(
        b"[window]\ngeometry=@ByteArray(\x01garbage\nstate=12\n[splitters]\nmain=oops\n"
        b"[preferences]\npageSize=A3\n[session]\nrecentFiles=@Variant(\x00\x00\n"
    )
    window = make_window()
    assert window.card_view.title.text() == "Overview"
    assert window.navigation.state.page_size in ("a4", "letter")
    assert window.splitter.sizes()[1] >= CARD_MIN
    assert window.width() >= 700
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(str(settings_path) in m and "pageSize = 'A3' is not valid" in m for m in warned)
    assert any("dropped 1 value(s) that were not plain" in m for m in warned)


def test_starting_on_a_broken_file_shows_its_problems_then_opens_it_once_fixed(
    qtbot: Any,
    make_window: MakeWindow,
    write_dialogue: WriteDialogue,
    dialog_calls: DialogCalls,
) -> None:
    path = write_dialogue(MINIMAL.replace("title: Overview", "title: [unclosed"))
    window = make_window(path)
    assert dialog_calls.problems == []
    assert window.banner.text.text() == f"{path.name} could not be opened: it has 1 problem."
    assert window.side.currentWidget() is window.problems_panel
    assert window.card_view.empty.isVisible()
    assert window.status.text() == "The file has 1 problem"
    assert not window.actions_by_name["exportCard"].isEnabled()
    assert not window.actions_by_name["save"].isEnabled(), "nothing to save"
    path.write_text(MINIMAL, "utf-8")
    qtbot.waitUntil(lambda: window.card_view.title.text() == "Overview", timeout=5000)
    assert not window.card_view.empty.isVisible()


def test_problems_are_listed_in_words_with_the_exact_place_kept(
    qtbot: Any, make_window: MakeWindow, write_dialogue: WriteDialogue
) -> None:
    path = write_dialogue()
    window = make_window(path)
    path.write_text(MINIMAL.replace("quote: agreed on Saturday to work", "quote: agreed on Sunday"))
    qtbot.waitUntil(lambda: window.problems_panel.list.count() > 0, timeout=5000)
    item = window.problems_panel.list.item(0)
    words, exact = item.text().split("\n")
    assert words.startswith("Overview, point 1") and "not found in" in words
    assert exact.startswith(f"{path}:") and exact.endswith("not found in source 'art'")
    window.navigation.go_to_id("research")
    window.problems_panel.list.itemClicked.emit(item)
    assert window.navigation.state.current is not None
    assert window.navigation.state.current.id == "overview", "clicking goes to the card"


def test_the_empty_window_offers_to_open_a_file(
    make_window: MakeWindow, write_dialogue: WriteDialogue, dialog_calls: DialogCalls
) -> None:
    broken = write_dialogue(MINIMAL.replace("title: Overview", "title: [unclosed"), name="b.yaml")
    window = make_window(broken)
    button = window.card_view.open_button
    assert button.isVisible() and button.text() == "Open a Dialogue\u2026"
    dialog_calls.open_path = write_dialogue()
    button.click()
    assert window.card_view.title.text() == "Overview"
    assert not button.isVisible()
