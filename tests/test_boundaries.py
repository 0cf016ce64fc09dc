"""Boundaries: no network, and no file read outside the dialogue's folder and the app's own."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from briefing.paths import bundled_dialogue, resources_dir

WATCH = textwrap.dedent(
    """
    import sys
    seen = []
    def watch(event, args):
        if event.startswith("socket.") or event == "open":
            seen.append((event, args))
    """
)


def run(code: str, *, offscreen: bool = False) -> str:
    env = None
    if offscreen:
        import os

        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", WATCH + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_load_and_export_open_no_socket_and_read_only_their_own_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    printed = run(
        f"""
        import briefing.pdf, briefing.loader, reportlab
        from pathlib import Path
        sys.addaudithook(watch)
        d = briefing.loader.load_dialogue({str(bundled_dialogue())!r})
        briefing.pdf.export_pdfs(d, Path({str(out)!r}), "letter")
        for event, args in seen:
            print(event, args[0] if args else "")
        """
    )
    allowed = (
        str(bundled_dialogue().parent),
        str(resources_dir()),
        str(out),
        "/proc/self/fd/",  # naming an O_TMPFILE export
        sys.base_prefix,  # Python's own modules (codecs are imported on first use)
        sys.prefix,
    )
    lines = printed.splitlines()
    assert not [line for line in lines if line.startswith("socket.")]
    opened = [line.split(" ", 1)[1] for line in lines if line.startswith("open ")]
    assert opened, "the audit hook saw no file opened: the test is not watching"
    # Source files are opened one name at a time relative to a descriptor of the dialogue's
    # folder (whose absolute path the hook sees opened first), so bare names are inside it.
    relative = [p for p in opened if not Path(p).is_absolute() and not p.isdigit()]
    assert relative and all(len(Path(p).parts) == 1 and p != ".." for p in relative)
    outside = [p for p in opened if p.startswith("/") and not p.startswith(allowed)]
    assert outside == []


def test_gui_start_opens_no_socket(tmp_path: Path) -> None:
    printed = run(
        f"""
        import os
        os.environ["BRIEFING_SETTINGS"] = {str(tmp_path / "s.ini")!r}
        sys.addaudithook(watch)
        from PySide6.QtCore import QTimer
        from briefing.gui.app import build_app
        app, window = build_app([])
        window.show()
        def report():
            print("painted", window.card_view.title.text())
            print("sockets", [e for e, _ in seen if e.startswith("socket.")])
            print("qtnetwork", "PySide6.QtNetwork" in sys.modules, flush=True)
            window.close()
        QTimer.singleShot(0, report)
        app.exec()
        """,
        offscreen=True,
    )
    assert printed.splitlines()[-3:] == ["painted Overview", "sockets []", "qtnetwork False"]
