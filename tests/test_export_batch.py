"""A batch export is all or nothing: after any failure the folder is exactly as before."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.loader import load_dialogue
from briefing.model import Dialogue
from briefing.paths import bundled_dialogue
from briefing.pdf import CardTooLong, ExportError, export_pdfs

DAY = date(2024, 5, 1)
DIALOGUE = load_dialogue(bundled_dialogue())


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def too_long(dialogue: Dialogue, card_id: str) -> Dialogue:
    card = dialogue.card(card_id)
    point = card.points[0]
    points = tuple(dataclasses.replace(point, lead=f"Point {n}") for n in range(80))
    changed = dataclasses.replace(card, points=points)
    return dataclasses.replace(
        dialogue, cards=tuple(changed if c.id == card_id else c for c in dialogue.cards)
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding a good earlier export (other day) and the user's own files."""
    out = tmp_path / "out"
    export_pdfs(DIALOGUE, out, generated=date(2023, 1, 1))
    stem = DIALOGUE.path.stem
    (out / f".{stem}-ai-a4.pdf.1a2b3c4d.part").write_bytes(b"the user's own file")
    (out / ".notes.part").write_bytes(b"also the user's")
    return out


def test_a_card_too_long_leaves_every_earlier_file_byte_identical(folder: Path) -> None:
    before = snapshot(folder)
    with pytest.raises(CardTooLong, match="'ai'"):
        export_pdfs(too_long(DIALOGUE, "ai"), folder, generated=DAY)
    assert snapshot(folder) == before


def test_a_rename_that_fails_midway_puts_the_replaced_files_back(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on Windows when a viewer holds the third file open."""
    before = snapshot(folder)
    renames: list[str] = []
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        renames.append(Path(dst).name)
        if len(renames) == 3:
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    third = folder / f"{DIALOGUE.path.stem}-{DIALOGUE.cards[2].id}-a4.pdf"
    with pytest.raises(ExportError) as caught:
        export_pdfs(DIALOGUE, folder, generated=DAY)
    assert str(caught.value) == f"cannot write {third}: Permission denied"
    assert len(renames) > 3  # two replaced, the third failed, then the two were restored
    assert snapshot(folder) == before


def test_a_new_file_is_removed_again_when_the_batch_fails(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(CardTooLong):
        export_pdfs(too_long(DIALOGUE, "ai"), out, generated=DAY)
    assert list(out.iterdir()) == []


def test_a_successful_export_replaces_the_targets_and_keeps_the_users_files(
    folder: Path,
) -> None:
    before = snapshot(folder)
    written = export_pdfs(DIALOGUE, folder, generated=DAY)
    after = snapshot(folder)
    assert sorted(after) == sorted(before)  # no temporary file left, none of the user's gone
    for path in written:
        assert after[path.name] != before[path.name]
        assert "Generated 1 May 2024" in PdfReader(path).pages[0].extract_text()
    users = [name for name in before if name.endswith(".part")]
    assert {name: after[name] for name in users} == {name: before[name] for name in users}


def test_an_export_killed_between_renames_leaves_only_whole_files(
    folder: Path, tmp_path: Path
) -> None:
    """The child dies at its fourth rename: three targets are new, the rest as before."""
    before = snapshot(folder)
    reference = tmp_path / "reference"
    new = {p.name: p.read_bytes() for p in export_pdfs(DIALOGUE, reference, generated=DAY)}
    script = textwrap.dedent(
        f"""\
        import os
        from datetime import date
        from briefing.loader import load_dialogue
        from briefing.paths import bundled_dialogue
        from briefing.pdf import export_pdfs
        real_replace, calls = os.replace, []
        def replace(src, dst):
            calls.append(dst)
            if len(calls) == 4:
                os._exit(9)
            real_replace(src, dst)
        os.replace = replace
        export_pdfs(load_dialogue(bundled_dialogue()), {str(folder)!r}, generated=date(2024, 5, 1))
        """
    )
    died = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert died.returncode == 9, died.stderr
    after = snapshot(folder)
    replaced = [name for name in new if after[name] == new[name]]
    assert replaced == list(new)[:3]
    assert all(after[name] == before[name] for name in list(new)[3:])
    # The staged files of the killed run stay, hidden; the user's files are untouched.
    assert {name: after[name] for name in before if name.endswith(".part")} == {
        name: before[name] for name in before if name.endswith(".part")
    }
