"""Crash-safe writes: a target is absent, the previous version, or complete; never a part.

Crashes are made deterministic: a child process dies (os._exit) at an exact step of the
write, by replacing that step (os.fsync, os.replace) before writing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.atomic import stage, write_atomic

NEW = b"new version " * 1000


def test_write_replaces_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(tmp_path) == ["brief.pdf"]
    assert target.stat().st_mode & 0o777 == 0o644


def without_posix_extras(monkeypatch: pytest.MonkeyPatch) -> None:
    """The os module as Windows (Python < 3.13) has it: no fchmod, O_TMPFILE or fcntl."""
    for name in ("fchmod", "O_TMPFILE"):
        monkeypatch.delattr(os, name, raising=False)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` now fails


def test_writes_without_fchmod_o_tmpfile_or_fcntl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_posix_extras(monkeypatch)
    target = tmp_path / "brief.pdf"
    write_atomic(target, b"first")
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert os.listdir(tmp_path) == ["brief.pdf"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644


def test_staged_data_is_complete_on_disk_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_posix_extras(monkeypatch)
    target = tmp_path / "brief.pdf"
    write_atomic(target, b"previous")
    staged = stage(target, NEW)
    assert target.read_bytes() == b"previous"
    assert staged.temp.parent == tmp_path and staged.temp.read_bytes() == NEW
    staged.discard()
    assert os.listdir(tmp_path) == ["brief.pdf"]


def test_a_whole_export_works_with_an_os_module_like_windows(tmp_path: Path) -> None:
    """From the first import on, as on Windows: every PDF is still written."""
    script = textwrap.dedent(
        f"""\
        import os, sys
        sys.modules["fcntl"] = None
        del os.fchmod
        if hasattr(os, "O_TMPFILE"):
            del os.O_TMPFILE
        from briefing.cli import main
        sys.exit(main(["export", "--out", {str(tmp_path / "out")!r}]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stderr.count("Traceback")) == (0, 0)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(Path(line).name for line in done.stdout.splitlines())
    assert len(written) == 9


def test_unwritable_target_raises_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError):
        write_atomic(blocker / "brief.pdf", b"data")
    assert os.listdir(tmp_path) == ["not-a-folder"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failed_step_keeps_the_previous_version_and_no_temporary_file(
    step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.pdf"
    write_atomic(target, b"previous")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, broken)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, NEW)
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["brief.pdf"]


def die_at(step: str, target: Path, *, unnamed: bool) -> subprocess.CompletedProcess[str]:
    """Writes NEW to `target` in a child process that dies at the start of `step`."""
    script = textwrap.dedent(
        f"""\
        import os
        if not {unnamed!r} and hasattr(os, "O_TMPFILE"):
            del os.O_TMPFILE
        os.{step} = lambda *args, **kwargs: os._exit(9)
        from briefing.atomic import write_atomic
        write_atomic({str(target)!r}, {NEW!r})
        """
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)


@pytest.mark.parametrize("unnamed", [True, False], ids=["o_tmpfile", "named-temp"])
@pytest.mark.parametrize("step", ["fsync", "replace"])
@pytest.mark.parametrize("previous", [b"previous version", None], ids=["replacing", "new"])
def test_a_process_killed_mid_write_leaves_the_previous_version_or_nothing(
    step: str, unnamed: bool, previous: bytes | None, tmp_path: Path
) -> None:
    target = tmp_path / "brief.pdf"
    if previous is not None:
        target.write_bytes(previous)
    died = die_at(step, target, unnamed=unnamed)
    assert died.returncode == 9, died.stderr
    if previous is None:
        assert not target.exists()
    else:
        assert target.read_bytes() == previous
    # Only a hidden temporary file can stay behind, never a visible part of the target.
    assert {p.name for p in tmp_path.iterdir()} - {"brief.pdf"} <= {
        p.name for p in tmp_path.glob(".brief.pdf.*.part")
    }


def test_files_named_like_temporary_files_are_never_removed(tmp_path: Path) -> None:
    """A killed write may leave '.NAME.<random>.part'; nothing can prove a later run made
    it, so Briefing leaves it (and any user's file named so) alone."""
    target = tmp_path / "brief.pdf"
    (tmp_path / ".brief.pdf.0123abcd.part").write_bytes(b"the user's")
    (tmp_path / ".other.pdf.0123abcd.part").write_bytes(b"not ours")
    write_atomic(target, b"whole")
    assert sorted(os.listdir(tmp_path)) == [
        ".brief.pdf.0123abcd.part",
        ".other.pdf.0123abcd.part",
        "brief.pdf",
    ]
    assert (tmp_path / ".brief.pdf.0123abcd.part").read_bytes() == b"the user's"
