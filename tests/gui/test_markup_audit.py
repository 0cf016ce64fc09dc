"""Markup in every field of a dialogue is shown as text everywhere in the window, and no
view ever opens a file it names (an `<img src=...>` in a tooltip would be loaded).

The file named is a FIFO: Qt opens images in C++, where Python's audit hook cannot see it,
but opening a FIFO for reading blocks, so a view that tried would never finish.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "hostile"

# Builds the window on the file, shows every card in both side tabs, asks every navigator
# row and every commitment chip for its tooltip as a hover would, opens About, and prints
# what was shown and every file opened meanwhile (seen by an audit hook).
SCRIPT = r"""
import json, sys
opened = []
from PySide6.QtCore import QPoint, QEvent, QCoreApplication
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip, QApplication
from briefing.gui import dialogs
from briefing.gui.app import build_app
shown = {"tips": [], "about": []}
dialogs.show_about = lambda _p, _t, text: shown["about"].append(text)
app, window = build_app([sys.argv[1]])
window.resize(1280, 800)
window.show()
QApplication.processEvents()
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)

def hover(widget, pos):
    QToolTip.hideText()
    QCoreApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    QApplication.processEvents()
    if QToolTip.isVisible():
        shown["tips"].append(QToolTip.text())

navigator = window.navigator
for row in range(navigator.model().rowCount()):
    index = navigator.model().index(row, 0)
    navigator.setCurrentIndex(index)
    hover(navigator.viewport(), navigator.visualRect(index).center())
    for tab in (0, 1):
        window.show_side(tab)
        QApplication.processEvents()
    for point in window.card_view.point_rows():
        chip = point.chips.findChildren(type(point.caption))[0] if point.chips.isVisible() else None
        if chip is not None and chip.toolTip():
            hover(chip, chip.rect().center())
    shown.setdefault("titles", []).append(window.card_view.title.text())
window.actions_by_name["about"].trigger()
window.pdf.wait(20000)
QApplication.processEvents()
print(json.dumps({"shown": shown, "opened": opened}))
window.close()
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO as bait")
def test_markup_in_every_field_opens_no_file_and_shows_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "dialogue"
    (folder / "sources").mkdir(parents=True)
    shutil.copy(CORPUS / "sources" / "article.txt", folder / "sources" / "article.txt")
    bait = tmp_path / "outside" / "bait.png"  # a FIFO: opening it would block
    bait.parent.mkdir()
    os.mkfifo(bait)
    text = (CORPUS / "markup-everywhere.yaml").read_text("utf-8")
    text = text.replace('src=\\"x\\"', f'src=\\"{bait}\\"').replace(
        "Invest <u>in</u>", f'Invest <img src=\\"{bait}\\"><u>in</u>'
    )
    assert text.count(str(bait)) >= 3
    (folder / "d.yaml").write_text(text, "utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFING_SETTINGS": str(tmp_path / "s.ini"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder / "d.yaml")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    opened, shown = result["opened"], result["shown"]
    assert opened, "the audit hook saw no file opened: the test is not watching"
    assert [p for p in opened if str(tmp_path / "outside") in p] == []
    assert shown["titles"][0] == f'<img src="{bait}"><b>bold</b>'
    tips = shown["tips"]
    assert len(tips) >= 3, "every navigator row and the chip must have shown a tooltip"
    assert all("&lt;img src=" in t and str(bait) in t for t in tips[:1])
    assert any("Invest &lt;img" in t for t in tips)
