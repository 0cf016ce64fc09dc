"""The cache of validated dialogues: a hit only when every byte and path it rests on is the same."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import dialogue_cache
from briefing.dialogue_cache import cached_dialogue, store_dialogue
from briefing.loader import load_dialogue
from briefing.model import Dialogue
from briefing.problems import DialogueError
from tests.conftest import WriteDialogue


def load_and_store(path: Path) -> Dialogue:
    record: dict[Path, bytes] = {}
    dialogue = load_dialogue(path, record)
    assert store_dialogue(dialogue, record)
    return dialogue


def same_size_edit(path: Path, old: str, new: str) -> None:
    """Changes `old` to `new` (as long) and puts the file's times back, as a careless tool might."""
    assert len(old) == len(new)
    stat = path.stat()
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_a_stored_dialogue_comes_back_equal(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue()
    assert cached_dialogue(path) is None
    dialogue = load_and_store(path)
    again = cached_dialogue(path)
    assert again == dialogue
    assert again is not None and again.cards[1].points[0].commitment is not None


def test_the_record_holds_every_file_the_loader_read(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue()
    record: dict[Path, bytes] = {}
    load_dialogue(path, record)
    assert record == {
        path: path.read_bytes(),
        (path.parent / "art.txt").resolve(): (path.parent / "art.txt").read_bytes(),
    }


def test_a_hit_needs_neither_pyyaml_nor_the_loader(bundled: Path, cache_folder: Path) -> None:
    load_and_store(bundled)
    code = (
        "import sys\n"
        "from briefing.dialogue_cache import cached_dialogue\n"
        f"d = cached_dialogue({str(bundled)!r})\n"
        "print(len(d.cards), sorted(m for m in sys.modules if m in ('yaml', 'briefing.loader')))\n"
    )
    env = {**os.environ, "BRIEFING_CACHE": str(cache_folder)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout == "8 []\n"


def test_a_changed_byte_in_the_file_is_a_miss(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue()
    load_and_store(path)
    same_size_edit(path, "title: Test dialogue", "title: Test dialogoo")
    assert cached_dialogue(path) is None
    assert load_dialogue(path).title == "Test dialogoo"


def test_a_changed_byte_in_a_source_is_a_miss(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue()
    load_and_store(path)
    same_size_edit(path.parent / "art.txt", "R&D budgets", "R&D budgetz")
    assert cached_dialogue(path) is None


def test_a_source_that_now_leads_elsewhere_is_a_miss(
    write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    path = write_dialogue()
    text = (tmp_path / "art.txt").read_text("utf-8")
    (tmp_path / "one.txt").write_text(text, "utf-8")
    (tmp_path / "two.txt").write_text(text, "utf-8")
    (tmp_path / "art.txt").unlink()
    (tmp_path / "art.txt").symlink_to("one.txt")
    load_and_store(path)
    assert cached_dialogue(path) is not None

    (tmp_path / "art.txt").unlink()
    (tmp_path / "art.txt").symlink_to("two.txt")  # the same words, another file
    assert cached_dialogue(path) is None

    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text(text, "utf-8")
    (tmp_path / "art.txt").unlink()
    (tmp_path / "art.txt").symlink_to(outside)
    assert cached_dialogue(path) is None


def test_a_source_now_outside_the_dialogues_folder_is_a_miss(
    write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    """The same source file, but the dialogue's folder is now another one (a link moved)."""
    write_dialogue()
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name in ("d.yaml", "art.txt"):
        (tmp_path / name).rename(first / name)
    (second / "d.yaml").write_bytes((first / "d.yaml").read_bytes())
    (second / "art.txt").symlink_to(first / "art.txt")
    link = tmp_path / "current"
    link.symlink_to(first)
    load_and_store(link / "d.yaml")
    link.unlink()
    link.symlink_to(second)
    with pytest.raises(DialogueError, match="link leading out"):
        load_dialogue(link / "d.yaml")
    assert cached_dialogue(link / "d.yaml") is None


def test_a_missing_file_is_a_miss(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue()
    load_and_store(path)
    (path.parent / "art.txt").unlink()
    assert cached_dialogue(path) is None


def test_the_path_as_given_is_part_of_the_entry(
    write_dialogue: WriteDialogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_dialogue()
    load_and_store(path)
    monkeypatch.chdir(tmp_path)
    assert cached_dialogue(Path("d.yaml")) is None  # Dialogue.path would differ
    relative = load_and_store(Path("d.yaml"))
    assert cached_dialogue("./d.yaml") == relative


def test_other_loader_code_is_a_miss(
    write_dialogue: WriteDialogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_dialogue()
    load_and_store(path)
    monkeypatch.setattr(dialogue_cache, "FORMAT", dialogue_cache.FORMAT + 1)
    assert cached_dialogue(path) is None


def test_another_pyyaml_is_a_miss(
    write_dialogue: WriteDialogue, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_dialogue()
    load_and_store(path)
    assert cached_dialogue(path) is not None
    other = tmp_path / "other-yaml" / "__init__.py"
    other.parent.mkdir()
    other.write_text("# another PyYAML\n")
    real_find_spec = dialogue_cache.importlib.util.find_spec

    def find_spec(name: str) -> object:
        spec = real_find_spec(name)
        if name == "yaml" and spec is not None:
            spec = copy.copy(spec)  # the real one may be yaml's own __spec__
            spec.origin = str(other)
        return spec

    monkeypatch.setattr(dialogue_cache.importlib.util, "find_spec", find_spec)
    assert cached_dialogue(path) is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other shape"])
def test_a_damaged_entry_is_a_miss(
    damage: str, write_dialogue: WriteDialogue, cache_folder: Path
) -> None:
    path = write_dialogue()
    load_and_store(path)
    (entry,) = cache_folder.iterdir()
    data = entry.read_bytes()
    entry.write_bytes(
        {
            "garbage": b"not a pickle at all",
            "truncated": data[: len(data) // 2],
            "empty": b"",
            "other shape": pickle.dumps(("a", "tuple", "of", "strings", "too many")),
        }[damage]
    )
    assert cached_dialogue(path) is None


class _Trap:
    """Unpickling this would run `os.system`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


def test_an_entry_cannot_run_code(
    write_dialogue: WriteDialogue, cache_folder: Path, tmp_path: Path
) -> None:
    path = write_dialogue()
    load_and_store(path)
    (entry,) = cache_folder.iterdir()
    marker = tmp_path / "ran"
    entry.write_bytes(pickle.dumps(_Trap(marker)))
    assert cached_dialogue(path) is None
    assert not marker.exists()


def test_an_unwritable_cache_is_no_error(write_dialogue: WriteDialogue, tmp_path: Path) -> None:
    path = write_dialogue()
    record: dict[Path, bytes] = {}
    dialogue = load_dialogue(path, record)
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", "utf-8")
    assert store_dialogue(dialogue, record, blocked) is False
    assert cached_dialogue(path, blocked) is None


def test_only_the_latest_entries_are_kept(
    write_dialogue: WriteDialogue, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogue_cache, "MAX_ENTRIES", 2)
    paths = [write_dialogue(name=f"d{n}.yaml") for n in range(3)]
    for n, path in enumerate(paths):
        load_and_store(path)
        entry = dialogue_cache._entry_path(path, None)
        os.utime(entry, ns=(n * 10**9, n * 10**9))  # written in this order
    assert len(list(cache_folder.iterdir())) == 2
    assert cached_dialogue(paths[0]) is None
    assert cached_dialogue(paths[1]) is not None
    assert cached_dialogue(paths[2]) is not None


def test_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BRIEFING_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert dialogue_cache.cache_folder() == tmp_path / "briefing"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert dialogue_cache.cache_folder() == Path.home() / ".cache" / "briefing"
