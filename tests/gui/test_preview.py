"""A preview you can read: fit width by default, fit page, zoom by button, keys and Ctrl+wheel,
and the PDF one click from the system's viewer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from briefing.gui import desktop, preview_zoom
from briefing.gui.main_window import MainWindow
from briefing.gui.preview import PreviewPane
from tests.gui.conftest import DialogCalls, record

pytest.importorskip("briefing.pdf")


def shown_preview(qtbot: Any, window: MainWindow) -> PreviewPane:
    window.resize(1280, 720)
    window.actions_by_name["showPreview"].trigger()
    preview = window.preview
    qtbot.waitUntil(lambda: preview.page_count() == 1, timeout=20000)
    return preview


def percent(preview: PreviewPane) -> int:
    text = preview.zoom_label.text()
    assert text.endswith("%")
    return int(text[:-1])


def wheel(widget: Any, up: bool, modifiers: Qt.KeyboardModifier) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        widget.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_page_fits_the_pane_width_by_default(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    preview = shown_preview(qtbot, window)
    view = preview.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.actions_by_name["fitWidth"].isChecked()
    page_width = view.document().pagePointSize(0).width() * view.logicalDpiX() / 72
    expected = (view.viewport().width() - 2 * view.documentMargins().left()) / page_width
    assert percent(preview) == round(expected * 100)


def test_zoom_with_keys_buttons_and_ctrl_wheel(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    preview = shown_preview(qtbot, window)
    view = preview.view
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    fitted = percent(preview)

    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = percent(preview)
    assert bigger > fitted
    assert view.zoomFactor() == pytest.approx(bigger / 100, abs=0.01)
    assert not preview.actions_by_name["fitWidth"].isChecked()

    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert percent(preview) < bigger

    before = percent(preview)
    wheel(view.viewport(), up=True, modifiers=Qt.KeyboardModifier.ControlModifier)
    assert percent(preview) > before
    after_wheel = percent(preview)
    wheel(view.viewport(), up=True, modifiers=Qt.KeyboardModifier.NoModifier)  # scrolls only
    assert percent(preview) == after_wheel

    preview.actions_by_name["fitPage"].trigger()
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert preview.actions_by_name["fitPage"].isChecked()
    assert percent(preview) <= fitted  # the whole page is no wider than the pane

    preview.actions_by_name["zoomIn"].trigger()
    preview.actions_by_name["fitWidth"].trigger()
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert percent(preview) == fitted


def test_the_zoom_stays_when_the_card_changes(qtbot: Any, window: MainWindow) -> None:
    preview = shown_preview(qtbot, window)
    preview.actions_by_name["zoomIn"].trigger()
    preview.actions_by_name["zoomIn"].trigger()
    zoom = percent(preview)
    window.navigation.go_to_id("ai")
    qtbot.waitUntil(lambda: preview.shown is not None and preview.shown[1] == "ai", timeout=20000)
    assert percent(preview) == zoom
    assert preview.view.zoomFactor() == pytest.approx(zoom / 100, abs=0.01)


def test_zoom_steps_stop_at_the_ends() -> None:
    assert preview_zoom.next_step(1.0, 1) == 1.25
    assert preview_zoom.next_step(1.1, -1) == 1.0
    assert preview_zoom.next_step(preview_zoom.ZOOM_STEPS[-1], 1) == preview_zoom.ZOOM_STEPS[-1]
    assert preview_zoom.next_step(0.01, -1) == preview_zoom.ZOOM_STEPS[0]


def test_open_in_pdf_viewer_writes_the_card_pdf_and_opens_it(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(desktop, "open_url", lambda url: record(opened, url))
    window.navigation.go_to_id("ai")
    preview = shown_preview(qtbot, window)
    qtbot.waitUntil(lambda: preview.shown is not None and preview.shown[1] == "ai", timeout=20000)
    preview.actions_by_name["openInViewer"].trigger()

    (url,) = opened
    path = Path(url.toLocalFile())
    assert path.name == "ai-a4.pdf" and path.is_file()
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert "Artificial intelligence" in reader.pages[0].extract_text()
    assert window.notice.text() == "Opened ai-a4.pdf in the PDF viewer"


def test_no_viewer_says_so(
    qtbot: Any, window: MainWindow, dialog_calls: DialogCalls, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desktop, "open_url", lambda _url: False)
    preview = shown_preview(qtbot, window)
    preview.actions_by_name["openInViewer"].trigger()
    ((title, message),) = dialog_calls.errors
    assert title == "Could not open the PDF viewer"
    assert "overview-a4.pdf" in message


def test_the_zoom_actions_wait_for_a_pdf(window: MainWindow) -> None:
    preview = window.preview  # made, not shown: no PDF yet
    assert not preview.actions_by_name["zoomIn"].isEnabled()
    assert not preview.actions_by_name["openInViewer"].isEnabled()


def test_a_search_without_matches_shows_no_card_in_the_preview(
    qtbot: Any, window: MainWindow
) -> None:
    preview = shown_preview(qtbot, window)
    qtbot.keyClicks(window.search, "zzzz-nothing")
    assert preview.message.isVisible()
    assert preview.message.text() == "No card matches the search."
    assert not preview.actions_by_name["openInViewer"].isEnabled()
    window.actions_by_name["clearSearch"].trigger()
    qtbot.waitUntil(lambda: preview.view.isVisible(), timeout=20000)
    assert preview.actions_by_name["openInViewer"].isEnabled()
