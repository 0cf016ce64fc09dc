"""Start-up: the first card painted without ReportLab or QtPdf, the exit hook, the dialogue
cache, the About box."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefing.gui.main_window import MainWindow
from tests.conftest import WriteDialogue
from tests.gui.conftest import DialogCalls, MakeWindow

# The exit hook leaves with os._exit right after the first paint; the probe reports then:
# the status, what was imported too early, the style, whether the file was loaded or came
# from the cache, and the title of the card on screen.
PROBE = """
import os, sys
def report(status):
    late = sorted({m.split('.')[0] for m in sys.modules if m.startswith(('reportlab', 'PySide6.QtPdf'))})
    how = 'loaded' if 'briefing.loader' in sys.modules else 'cached'
    from PySide6.QtWidgets import QApplication
    (window,) = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'mainWindow']
    title = window.card_view.title.text()
    QApplication.instance().setStyleSheet('')  # the style under the style sheet's
    style = QApplication.style().name()
    print('status', status, 'late', ','.join(late) or '-', style, how, title, flush=True)
    leave(status)
leave, os._exit = os._exit, report
from briefing.gui.app import run_app
run_app(sys.argv[1:])
print('run_app returned instead of leaving after the first paint')
"""


def run_probe(tmp_path: Path, *args: str) -> str:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFING_EXIT_AFTER_FIRST_PAINT": "1",
        "BRIEFING_SETTINGS": str(tmp_path / "probe.ini"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_the_app_paints_its_first_card_without_reportlab_and_exits(
    tmp_path: Path, cache_folder: Path
) -> None:
    assert run_probe(tmp_path) == "status 0 late - fusion loaded Overview"
    assert not (tmp_path / "probe.ini").exists(), "a benchmark run leaves no settings behind"
    assert not cache_folder.exists(), "nor a cache entry: it leaves before writing one"


def test_the_app_opens_a_file_given_on_the_command_line(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, SOURCE_TEXT

    (tmp_path / "art.txt").write_text(SOURCE_TEXT, "utf-8")
    (tmp_path / "d.yaml").write_text(MINIMAL, "utf-8")
    assert run_probe(tmp_path, str(tmp_path / "d.yaml")) == "status 0 late - fusion loaded Overview"


def test_the_next_start_takes_the_dialogue_from_the_cache_until_a_file_changes(
    make_window: MakeWindow, write_dialogue: WriteDialogue, tmp_path: Path, cache_folder: Path
) -> None:
    path = write_dialogue()
    make_window(path)  # a whole start: the dialogue is cached after the first paint
    assert len(list(cache_folder.iterdir())) == 1
    assert run_probe(tmp_path, str(path)) == "status 0 late - fusion cached Overview"

    text = path.read_text("utf-8").replace("title: Overview", "title: Overviex")
    path.write_text(text, "utf-8")
    assert run_probe(tmp_path, str(path)) == "status 0 late - fusion loaded Overviex"

    make_window(path)
    assert run_probe(tmp_path, str(path)) == "status 0 late - fusion cached Overviex"
    source = tmp_path / "art.txt"
    source.write_text(source.read_text("utf-8").replace("budgets", "budgetz"), "utf-8")
    assert run_probe(tmp_path, str(path)) == "status 0 late - fusion loaded Overviex"


def test_about_names_the_source_and_the_licences(
    window: MainWindow, dialog_calls: DialogCalls
) -> None:
    window.actions_by_name["about"].trigger()
    (text,) = dialog_calls.about
    assert "Yonhap News Agency" in text
    assert "SIL Open Font License" in text
    assert "NAVER" in text
