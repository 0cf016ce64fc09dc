"""Crash-safe writes: a target is absent, the previous version, or complete; never a part."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing import atomic
from briefing.atomic import write_atomic


def test_write_replaces_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(tmp_path) == ["brief.pdf"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_fallback_without_unnamed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "_unnamed_file", lambda folder: None)
    target = tmp_path / "brief.pdf"
    write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert os.listdir(tmp_path) == ["brief.pdf"]


def test_unwritable_target_raises_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError):
        write_atomic(blocker / "brief.pdf", b"data")
    assert os.listdir(tmp_path) == ["not-a-folder"]


def test_failure_while_writing_keeps_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.pdf"
    write_atomic(target, b"previous")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["brief.pdf"]


def _check_targets(out: Path, pages: dict[str, int]) -> None:
    for pdf in out.glob("*.pdf"):
        assert len(PdfReader(pdf).pages) == pages[pdf.name], pdf.name
    names = {p.name for p in out.iterdir()}
    assert names <= set(pages) | {p.name for p in out.glob(".*.part")}


def test_killing_exports_never_leaves_a_partial_file(tmp_path: Path) -> None:
    """SIGKILL 100 exports at random moments; every target present must be whole."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "briefing", "export", "--out", str(out)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.perf_counter() - start
    pages = {pdf.name: len(PdfReader(pdf).pages) for pdf in out.iterdir()}
    assert len(pages) == 9

    chance = random.Random(20261126)
    killed_while_writing = 0
    for _ in range(100):
        for pdf in out.iterdir():  # start from an empty or partly filled folder in turn
            if chance.random() < 0.5:
                pdf.unlink()
        before = set(os.listdir(out))
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0, duration))  # the moment of the kill, not a wait for state
        process.send_signal(signal.SIGKILL)
        process.wait()
        if set(os.listdir(out)) != before and process.returncode == -signal.SIGKILL:
            killed_while_writing += 1
        _check_targets(out, pages)
    # The kills must have landed while files were being written, not only before or after.
    assert killed_while_writing >= 10
    # A hidden part file can only be left from the instant between naming and renaming;
    # the next complete export removes any, leaving exactly the targets.
    subprocess.run(command, check=True, capture_output=True)
    assert sorted(p.name for p in out.iterdir()) == sorted(pages)
    _check_targets(out, pages)


def test_stale_parts_of_the_same_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    (tmp_path / ".brief.pdf.0123abcd.part").write_bytes(b"half")
    (tmp_path / ".other.pdf.0123abcd.part").write_bytes(b"not ours")
    write_atomic(target, b"whole")
    assert sorted(os.listdir(tmp_path)) == [".other.pdf.0123abcd.part", "brief.pdf"]
