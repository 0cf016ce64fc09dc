"""Source files: only regular files inside the folder are read, once each, and never block.

FIFOs, link loops, hard links and a folder swapped for a link while loading are made here
(they cannot be committed); the corpus in tests/hostile/ covers the rest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing import safe_open
from briefing.loader import load_dialogue
from briefing.problems import DialogueError
from briefing.provenance import split_paragraphs
from briefing.safe_open import Folder
from tests.conftest import MINIMAL, SOURCE_TEXT, WriteDialogue

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DialogueError) as caught:
        load_dialogue(path)
    return [str(p) for p in caught.value.problems]


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    """`briefing validate` in a child process, so that a blocking open fails the test
    (by the timeout) instead of hanging the suite."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", "validate", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@needs_fifo
def test_a_fifo_as_source_is_refused_without_blocking(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace("file: art.txt", "file: pipe.txt"))
    os.mkfifo(path.parent / "pipe.txt")  # nobody ever writes to it: reading would block
    result = validate(path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "d.yaml:13:11: sources[0].file: pipe.txt: is a named pipe (FIFO), not a source text"
    )


@needs_fifo
def test_a_fifo_as_the_dialogue_file_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "d.yaml")
    result = validate(tmp_path / "d.yaml")
    assert (result.returncode, result.stderr) == (
        1,
        "d.yaml: is a named pipe (FIFO), not a dialogue file\n",
    )


def test_a_loop_of_links_is_a_message(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace("file: art.txt", "file: a.txt"))
    os.symlink("b.txt", path.parent / "a.txt")
    os.symlink("a.txt", path.parent / "b.txt")
    assert problems_of(path) == [
        f"{path}:13:11: sources[0].file: a.txt: is a loop of symbolic links"
    ]


def test_a_link_inside_the_folder_is_followed(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace("file: art.txt", "file: texts/current.txt"))
    (path.parent / "texts").mkdir()
    shutil.copy(path.parent / "art.txt", path.parent / "texts" / "v1.txt")
    os.symlink("v1.txt", path.parent / "texts" / "current.txt")
    assert load_dialogue(path).sources[0].text == SOURCE_TEXT


def test_a_hard_link_to_an_outside_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "dialogue"
    folder.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text(SOURCE_TEXT, encoding="utf-8")
    try:
        os.link(outside, folder / "art.txt")
    except OSError as exc:  # pragma: no cover - a file system without hard links
        pytest.skip(f"this file system cannot hard-link: {exc}")
    path = folder / "d.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert problems_of(path) == [
        f"{path}:13:11: sources[0].file: art.txt: has 2 hard links, and a hard link can lead "
        "out of the folder; copy the file instead"
    ]


def test_a_source_listed_many_times_is_read_once(write_dialogue: WriteDialogue) -> None:
    more = "".join(
        f"  - id: copy{n}\n    title: Copy\n    publisher: P\n    file: ./art.txt\n"
        for n in range(16)
    )
    path = write_dialogue(MINIMAL.replace("sources:\n", "sources:\n" + more, 1))
    script = (
        "import sys\n"
        "from briefing.loader import load_dialogue\n"
        "opened = []\n"
        "sys.addaudithook(lambda e, a: opened.append(str(a[0])) if e == 'open' else None)\n"
        f"dialogue = load_dialogue({str(path)!r})\n"
        "print(len(dialogue.sources), opened.count('art.txt'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["17", "1"]


def test_cr_only_line_ends_split_paragraphs(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(source=SOURCE_TEXT.replace("\n", "\r"))
    dialogue = load_dialogue(path)
    assert len(dialogue.sources[0].paragraphs) == 4
    research = dialogue.card("research").evidence[0]
    assert research.paragraphs == (2,)  # after the headline (0) and paragraph 1
    assert dialogue.card("overview").evidence[0].paragraphs == (1,)


def test_mixed_line_ends_split_paragraphs_alike() -> None:
    mixed = "Headline\r\n\r\nFirst.\r\rSecond.\n\nThird,\rone line on.\r\n"
    assert split_paragraphs(mixed) == ("Headline", "First.", "Second.", "Third,\none line on.")


@pytest.mark.skipif(
    not (hasattr(os, "O_NOFOLLOW") and os.open in os.supports_dir_fd),
    reason="without descriptor-relative opening the swap is only detected, not prevented",
)
def test_a_folder_swapped_for_a_link_while_loading_never_reads_outside(tmp_path: Path) -> None:
    """A thread swaps `texts/` for a link to a folder outside, back and forth, while the
    dialogue loads 200 times: each load reads the inside text or fails with a message."""
    folder = tmp_path / "dialogue"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "art.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "art.txt").write_text(SOURCE_TEXT.replace("Saturday", "OUTSIDE"), "utf-8")
    path = folder / "d.yaml"
    path.write_text(MINIMAL.replace("file: art.txt", "file: texts/art.txt"), encoding="utf-8")
    real, link, parked = folder / "texts", folder / "link", folder / "parked"
    os.symlink(outside, link)
    stop = threading.Event()
    swaps = 0

    def swap() -> None:
        nonlocal swaps
        while not stop.is_set():
            os.rename(real, parked)
            os.rename(link, real)  # texts/ is now the link out
            os.rename(real, link)
            os.rename(parked, real)  # texts/ is the folder again
            swaps += 1

    swapper = threading.Thread(target=swap)
    swapper.start()
    texts: list[str] = []
    refused: list[str] = []
    try:
        for _ in range(200):
            try:
                texts.append(load_dialogue(path).sources[0].text)
            except DialogueError as exc:
                refused.extend(p.message for p in exc.problems)
    finally:
        stop.set()
        swapper.join()
    assert swaps > 0
    assert all(text == SOURCE_TEXT for text in texts)
    # Outside text read would show as "not found in source" (it lacks the quotes).
    allowed = ("is a link leading out", "changed while it was read", "no such file")
    assert [m for m in refused if not any(a in m for a in allowed)] == []


@pytest.mark.parametrize("relative", [True, False], ids=["by-descriptor", "checked-after"])
def test_a_folder_swapped_between_resolving_and_reading_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: bool
) -> None:
    """The race made certain: `texts/` becomes a link out right after the loader checked
    where texts/art.txt leads, and before it opens it; with descriptor-relative opening
    (POSIX) and without it (Windows' way, tried here too)."""
    if relative and not safe_open._RELATIVE:
        pytest.skip("no descriptor-relative opening on this platform")
    monkeypatch.setattr(safe_open, "_RELATIVE", relative)
    folder = tmp_path / "dialogue"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "art.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "art.txt").write_text(SOURCE_TEXT, encoding="utf-8")  # would even verify
    path = folder / "d.yaml"
    path.write_text(MINIMAL.replace("file: art.txt", "file: texts/art.txt"), encoding="utf-8")
    resolve = Folder.resolve

    def resolve_then_swap(self: Folder, relative: str) -> Path:
        real = resolve(self, relative)
        os.rename(folder / "texts", folder / "parked")
        os.symlink(outside, folder / "texts")
        return real

    monkeypatch.setattr(Folder, "resolve", resolve_then_swap)
    assert problems_of(path) == [
        f"{path}:13:11: sources[0].file: texts/art.txt: changed while it was read "
        "(a link or folder was swapped)"
    ]
