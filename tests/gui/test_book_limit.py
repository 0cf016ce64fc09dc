"""Export the Book on a dialogue whose source is over the appendix limit: the message, no file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import DialogCalls, MakeWindow
from tests.test_pdf_book_limit import ADVICE, paragraph, write_source

pytest.importorskip("briefing.pdf")


def test_export_book_over_the_limit_shows_the_message(
    qtbot: Any, make_window: MakeWindow, dialog_calls: DialogCalls, tmp_path: Path
) -> None:
    window = make_window(write_source(tmp_path, [paragraph(5_000)]))
    dialog_calls.save_path = tmp_path / "book.pdf"
    with qtbot.waitSignal(window.pdf.output.failed, timeout=20000):
        window.actions_by_name["exportBook"].trigger()
    message = (
        "d.yaml: the book is not made: its appendix would reproduce 5,000 characters in one "
        "paragraph of source 'art', art.txt (paragraph 4), over the limit of 4,000 characters "
        f"in one paragraph; {ADVICE}"
    )
    assert dialog_calls.errors == [("Export failed", message)]
    assert window.notice.text() == f"Export failed: {message}"
    assert not dialog_calls.save_path.exists()
