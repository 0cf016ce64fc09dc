"""Issue 11's scenario, through the window only: from an empty folder to a printed one-pager.

New dialogue; a .txt, an .html and a .pdf source made here; a sentence selected with a
QTextCursor becomes a point; lead-in, text, bottom line and a commitment typed in the edit
panel; saved; closed; reopened; `briefing validate` passes; one page exported.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from briefing.cli import main
from briefing.gui import add_source_dialog
from briefing.gui.add_source_dialog import AddSourceDialog
from briefing.gui.main_window import MainWindow
from briefing.gui.new_dialogue_dialog import NewDialogueDialog
from briefing.loader import load_dialogue
from briefing.model import Amount
from tests.gui.conftest import DialogCalls, MakeWindow
from tests.gui.test_authoring_dialogs import SENTENCE, make_html, make_pdf

pytest.importorskip("briefing.pdf")

CHAIRED = (
    "The talks in Washington on Friday were co-chaired by National Security Adviser Cho Tae-yong."
)


def make_readout(folder: Path) -> Path:
    path = folder / "readout.txt"
    path.write_text(f"Allies meet again\n\n{CHAIRED}\n\nBoth sides agreed on next steps.\n")
    return path


def click(qtbot: Any, button: QPushButton | None) -> None:
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def modal() -> Any:
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    return dialog


def new_dialogue(qtbot: Any, window: MainWindow, folder: Path, calls: DialogCalls) -> None:
    def fill() -> None:
        dialog = modal()
        assert isinstance(dialog, NewDialogueDialog)
        calls.folder = folder
        click(qtbot, dialog.findChild(QPushButton, "chooseFolder"))
        qtbot.keyClicks(dialog.title, "Second U.S.-ROK Technology Dialogue")
        qtbot.keyClicks(dialog.place, "Washington")
        qtbot.keyClicks(dialog.date, "Friday")
        qtbot.keyClicks(dialog.co_chairs[0].name, "Cho Tae-yong")
        qtbot.keyClicks(dialog.co_chairs[0].role, "National Security Adviser")
        click(qtbot, dialog.ok)

    QTimer.singleShot(0, fill)
    window.actions_by_name["newDialogue"].trigger()


def add_source(
    qtbot: Any, window: MainWindow, original: Path, title: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(add_source_dialog, "ask_source_file", lambda *_: original)

    def fill() -> None:
        dialog = modal()
        assert isinstance(dialog, AddSourceDialog)
        click(qtbot, dialog.findChild(QPushButton, "chooseSourceFile"))
        dialog.title.setText(title)
        qtbot.keyClicks(dialog.publisher, "Test News")
        click(qtbot, dialog.ok)

    QTimer.singleShot(0, fill)
    window.actions_by_name["addSource"].trigger()


def show_source(window: MainWindow, source_id: str) -> None:
    chooser = window.source_panel.chooser
    index = chooser.findData(source_id)
    assert index >= 0, source_id
    chooser.setCurrentIndex(index)
    chooser.activated.emit(index)


def select(window: MainWindow, words: str) -> None:
    """Selects `words` in the source panel with a QTextCursor, as dragging over them would."""
    text = window.source_panel.text
    cursor = text.document().find(words)
    assert not cursor.isNull(), words
    text.setTextCursor(cursor)


def type_into(qtbot: Any, field: Any, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def test_from_an_empty_folder_to_an_exported_one_pager(
    qtbot: Any,
    make_window: MakeWindow,
    dialog_calls: DialogCalls,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    received = tmp_path / "received"
    received.mkdir()
    folder = tmp_path / "round-two"  # empty: not even made yet
    window = make_window()

    new_dialogue(qtbot, window, folder, dialog_calls)
    session = window.edit_session
    path = folder / "second-u-s-rok-technology-dialogue.yaml"
    assert session.document is not None and session.document.path == path
    assert session.editing and session.document.is_draft
    assert not window.actions_by_name["exportCard"].isEnabled()

    for original, title in (
        (make_readout(received), "Readout"),
        (make_html(received), "Fact sheet"),
        (make_pdf(received), "Statement"),
    ):
        add_source(qtbot, window, original, title, monkeypatch)
    ids = [source["id"] for source in session.document.data["sources"]]
    assert ids == ["readout", "fact-sheet", "statement"]
    assert sorted(p.name for p in (folder / "sources").iterdir()) == [
        "fact-sheet.txt",
        "readout.txt",
        "statement.txt",
    ]

    show_source(window, "readout")
    select(window, "in Washington on Friday")
    window.actions_by_name["citeForDialogue"].trigger()
    select(window, "National Security Adviser Cho Tae-yong")
    window.citing.for_dialogue(0)  # what the source's menu entry for the co-chair runs

    show_source(window, "statement")  # the sentence comes from the PDF
    select(window, SENTENCE)
    window.actions_by_name["newPointFromSelection"].trigger()
    assert window.navigation.state.point == 0
    panel = window.edit_panel
    type_into(qtbot, panel.lead, "Bio research")
    type_into(qtbot, panel.text, "The two will put at least $10 million into bio research.")
    type_into(qtbot, panel.summary, "Money for bio research, and more talks to come.")
    form = panel.commitment
    form.setChecked(True)
    type_into(qtbot, form.what, "Fund bio research")
    box = form.has_amount  # clicked on its box, at the left, as a user would
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    offered = [form.stated.itemText(i) for i in range(form.stated.count())]
    assert "at least US$10 million" in offered
    form.stated.setCurrentIndex(offered.index("at least US$10 million"))
    form.stated.activated.emit(form.stated.currentIndex())
    form.value.selectAll()
    type_into(qtbot, form.value, "10000000")
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    type_into(qtbot, form.qualifier, "at least")

    document = session.document
    assert document is not None
    assert document.problems == (), [str(p) for p in document.problems]
    assert window.actions_by_name["exportCard"].isEnabled()
    assert window.isWindowModified()

    window.actions_by_name["save"].trigger()
    assert not window.isWindowModified()
    window.close()

    reopened = make_window(path)
    assert f"Second U.S.-ROK Technology Dialogue ({path.name})" in reopened.windowTitle()
    dialogue = load_dialogue(path)
    assert main(["validate", str(path)]) == 0
    (point,) = dialogue.cards[0].points
    assert (point.lead, point.text) == (
        "Bio research",
        "The two will put at least $10 million into bio research.",
    )
    assert point.evidence[0].quote == SENTENCE and point.evidence[0].source == "statement"
    assert point.commitment is not None and point.commitment.amount is not None
    assert point.commitment.amount == Amount(
        10_000_000, "USD", "at least", "at least US$10 million"
    )
    assert dialogue.co_chairs[0].evidence[0].quote == "National Security Adviser Cho Tae-yong"

    out = tmp_path / "out.pdf"
    dialog_calls.save_path = out
    with qtbot.waitSignal(reopened.pdf.output.done, timeout=20000):
        reopened.actions_by_name["exportCard"].trigger()
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    for printed in (
        "Second U.S.-ROK Technology Dialogue",
        "Cho Tae-yong, National Security Adviser",
        "Money for bio research, and more talks to come.",
        "The two will put at least $10 million into bio research.",
        "Test News ¶2",
        "Fund bio research",
        "at least US$10",  # the cell wraps before "million"
    ):
        assert printed in text
