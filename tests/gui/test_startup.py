"""Start-up: the whole window built on its dialogue without ReportLab, QtPdf or ruamel.yaml
(needed to save only); the About box."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefing.gui.main_window import MainWindow
from tests.gui.conftest import DialogCalls

# Builds the app as `briefing` does, shows it, and once the event loop runs reports what was
# imported (nothing PDF-related or for saving should be), the style, the card on screen and whether the
# side panels are there; then closes the window as a user would.
PROBE = """
import sys
from briefing.gui.start import open_app

app, window = open_app(sys.argv[1:])
from PySide6.QtCore import QTimer
window.show()

def report():
    late = sorted({m.split('.')[0] for m in sys.modules if m.startswith(('reportlab', 'PySide6.QtPdf', 'ruamel'))})
    panels = window.navigator.isVisible() and window.source_panel.isVisible()
    app.setStyleSheet('')  # to read the style under the style sheet's
    print('late', ','.join(late) or '-', app.style().name(), window.card_view.title.text(),
          'panels' if panels else 'no-panels', flush=True)
    print('notice', window.notice.text(), flush=True)
    window.close()
    app.quit()

QTimer.singleShot(0, report)
sys.exit(app.exec())
"""


def run_probe(tmp_path: Path, *args: str) -> str:
    """What the probe saw: imports, style, the card's title and the side panels."""
    return probe(tmp_path, *args)[0]


def probe(tmp_path: Path, *args: str) -> tuple[str, str]:
    """What the probe saw, and the notice in the status bar."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
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
    first, notice = done.stdout.strip().splitlines()
    assert notice.startswith("notice")
    return first, notice.removeprefix("notice").strip()


def test_the_app_starts_on_the_bundled_dialogue_without_pdf_code(tmp_path: Path) -> None:
    assert run_probe(tmp_path) == "late - fusion Overview panels"
    assert "\nlastCard=overview\n" in (tmp_path / "probe.ini").read_text("utf-8")


def test_the_app_opens_a_file_given_on_the_command_line(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, SOURCE_TEXT

    (tmp_path / "art.txt").write_text(SOURCE_TEXT, "utf-8")
    (tmp_path / "d.yaml").write_text(MINIMAL.replace("title: Overview", "title: Given"), "utf-8")
    assert run_probe(tmp_path, str(tmp_path / "d.yaml")) == "late - fusion Given panels"


def test_without_a_file_the_app_opens_the_last_file_on_the_last_card(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, SOURCE_TEXT

    (tmp_path / "art.txt").write_text(SOURCE_TEXT, "utf-8")
    (tmp_path / "d.yaml").write_text(MINIMAL, "utf-8")
    assert run_probe(tmp_path, str(tmp_path / "d.yaml")) == "late - fusion Overview panels"
    settings = tmp_path / "probe.ini"
    text = settings.read_text("utf-8").replace("lastCard=overview", "lastCard=research")
    settings.write_text(text, "utf-8")
    assert run_probe(tmp_path) == "late - fusion Research panels"


def test_when_the_last_file_is_gone_the_sample_opens_and_the_user_is_told(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL, SOURCE_TEXT

    (tmp_path / "art.txt").write_text(SOURCE_TEXT, "utf-8")
    (tmp_path / "d.yaml").write_text(MINIMAL, "utf-8")
    run_probe(tmp_path, str(tmp_path / "d.yaml"))
    (tmp_path / "d.yaml").unlink()
    assert probe(tmp_path) == (
        "late - fusion Overview panels",
        "d.yaml is no longer there; showing the bundled sample",
    )


def test_after_start_up_the_collector_runs_again_and_passes_over_none_of_it(
    tmp_path: Path,
) -> None:
    code = (
        "import gc; from briefing.gui.start import open_app; app, window = open_app([]); "
        "print(gc.isenabled(), gc.get_freeze_count() > 10_000, window.card_view.title.text())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["BRIEFING_SETTINGS"] = str(tmp_path / "probe.ini")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True", "Overview"], done.stderr


def test_about_names_the_source_and_the_licences(
    window: MainWindow, dialog_calls: DialogCalls
) -> None:
    window.actions_by_name["about"].trigger()
    (text,) = dialog_calls.about
    assert "Yonhap News Agency" in text
    assert "SIL Open Font License" in text
    assert "NAVER" in text
