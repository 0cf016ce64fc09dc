"""A hostile settings file never aborts, hangs or misleads the app: plain values only."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.gui.settings import AppSettings

# QDataStream for a QVariant list claiming 2**31-1 entries: Qt tries to allocate them all.
HUGE_VARIANT = r"@Variant(\0\0\0\t\x7f\xff\xff\xff)"


def test_a_serialized_variant_is_dropped_with_a_warning_and_plain_values_kept(
    settings_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings_path.write_text(
        f"[preferences]\npageSize=letter\n\n[session]\nrecentFiles={HUGE_VARIANT}\n", "utf-8"
    )
    with caplog.at_level(logging.WARNING):
        settings = AppSettings.open(settings_path)
        assert settings.recent_files == []
        assert settings.page_size == "letter"
    assert any("dropped 1 value(s) that were not plain" in r.getMessage() for r in caplog.records)
    assert "@Variant" not in settings_path.read_text("utf-8")


def test_window_geometry_stored_as_bytes_survives_the_check(settings_path: Path) -> None:
    from PySide6.QtCore import QByteArray

    first = AppSettings.open(settings_path)
    first.geometry = QByteArray(b"\x01\x02\xff geometry")
    first.sync()
    again = AppSettings.open(settings_path)
    assert again.geometry is not None and bytes(again.geometry.data()) == b"\x01\x02\xff geometry"


def test_a_settings_file_over_the_size_limit_gives_the_defaults(
    settings_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings_path.write_text("[preferences]\npageSize=letter\n" + "x" * (2 * 1024 * 1024), "utf-8")
    with caplog.at_level(logging.WARNING):
        assert AppSettings.open(settings_path).recent_files == []
    assert any("unusable" in r.getMessage() for r in caplog.records)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_settings_file_does_not_block_the_start(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.ini"
    os.mkfifo(fifo)
    code = (
        "import sys, logging\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from briefing.gui.settings import AppSettings\n"
        f"s = AppSettings.open({str(fifo)!r})\n"
        "s.page_size = 'letter'; s.sync()\n"
        "print('opened', s.recent_files)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "opened []"
    assert "is not a regular file" in done.stderr
