"""`briefing export` and `export_pdfs`: which files, their names, messages and exit codes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.loader import load_dialogue
from briefing.paths import bundled_dialogue
from briefing.pdf import ExportError, export_pdfs
from tests.conftest import MINIMAL, WriteDialogue

DAY = date(2024, 5, 1)
STEM = "us-rok-ncet-dialogue"
CARD_IDS = [card.id for card in load_dialogue(bundled_dialogue()).cards]


def test_export_with_no_selection_writes_every_card_and_the_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"  # created on demand
    assert main(["export", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    expected = [out / f"{STEM}-{card_id}-a4.pdf" for card_id in CARD_IDS]
    expected.append(out / f"{STEM}-book-a4.pdf")
    assert captured.out.splitlines() == [str(p) for p in expected]
    assert sorted(out.iterdir()) == sorted(expected)  # and no temporary files
    assert f"[1/{len(expected)}] {STEM}-overview-a4.pdf" in captured.err
    for pdf in expected[:-1]:
        assert len(PdfReader(pdf).pages) == 1
    assert len(PdfReader(expected[-1]).pages) == len(CARD_IDS) + 2


def test_export_selection_letter_size_and_marking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["export", str(bundled_dialogue()), "--out", str(tmp_path), "--page-size", "letter"]
    argv += ["--sector", "ai", "--overview", "--marking", "FOR TRAINING"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    written = [Path(line) for line in captured.out.splitlines()]
    assert [p.name for p in written] == [f"{STEM}-overview-letter.pdf", f"{STEM}-ai-letter.pdf"]
    assert captured.err == ""  # no progress for two files
    page = PdfReader(written[1]).pages[0]
    assert float(page.mediabox.height) == 792
    assert page.extract_text().count("FOR TRAINING") == 2


def test_export_book_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--out", str(tmp_path), "--book"]) == 0
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / f"{STEM}-book-a4.pdf")]


def test_unknown_sector_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--out", str(tmp_path), "--sector", "space"]) == 1
    err = capsys.readouterr().err
    assert "no sector with id 'space'" in err
    assert "semiconductors" in err  # the ids that do exist
    assert not any(tmp_path.iterdir())


def test_invalid_dialogue_prints_its_problems(
    write_dialogue: WriteDialogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dialogue(MINIMAL.replace("quote: agreed on Saturday\n", "quote: not there\n"))
    out = tmp_path / "out"
    assert main(["export", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err and err[0].startswith(f"{path}:")
    assert "not there" in err[0] or "not found" in err[0]
    assert not out.exists()


def test_folder_that_cannot_be_created_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    assert main(["export", "--out", str(blocker / "out"), "--overview"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"briefing export: cannot create the folder {blocker / 'out'}: ")
    assert main(["export", "--out", str(blocker), "--overview"]) == 1
    assert "it is a file, not a folder" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="POSIX links")
def test_a_broken_link_as_the_folder_is_named_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    assert main(["export", "--out", str(link), "--overview"]) == 1
    assert capsys.readouterr().err == (
        f"briefing export: cannot write into {link}: {link} is a broken link "
        "(it points to something that does not exist)\n"
    )
    assert main(["export", "--out", str(link / "pdfs"), "--overview"]) == 1
    assert f"{link} is a broken link" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path.chmod(0o555)
    try:
        assert main(["export", "--out", str(tmp_path), "--overview"]) == 1
    finally:
        tmp_path.chmod(0o755)
    err = capsys.readouterr().err
    assert f"cannot write {tmp_path / (STEM + '-overview-a4.pdf')}: Permission denied" in err


def test_a_target_that_cannot_be_replaced_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    dialogue = load_dialogue(bundled_dialogue())
    (tmp_path / f"{STEM}-book-a4.pdf").mkdir()  # the last file cannot be written
    progress: list[tuple[int, int, str]] = []
    with pytest.raises(ExportError, match=f"cannot write {tmp_path}/{STEM}-book-a4.pdf"):
        export_pdfs(
            dialogue,
            tmp_path,
            generated=DAY,
            progress=lambda d, t, p: progress.append((d, t, p.name)),
        )
    assert progress[0] == (1, len(CARD_IDS) + 1, f"{STEM}-overview-a4.pdf")
    assert len(progress) == len(CARD_IDS) + 1  # every file rendered before any is written
    assert [p.name for p in tmp_path.iterdir()] == [f"{STEM}-book-a4.pdf"]  # the folder


def test_export_pdfs_selection_and_errors(tmp_path: Path) -> None:
    dialogue = load_dialogue(bundled_dialogue())
    written = export_pdfs(dialogue, tmp_path, "letter", card_ids=["ai"], book=False, generated=DAY)
    assert written == [tmp_path / f"{STEM}-ai-letter.pdf"]
    again = export_pdfs(dialogue, tmp_path, "letter", card_ids=["ai"], book=False, generated=DAY)
    assert again == written
    assert written[0].read_bytes() == again[0].read_bytes()
    assert PdfReader(io.BytesIO(written[0].read_bytes())).pages
    with pytest.raises(ValueError, match="no card with id 'nope'"):
        export_pdfs(dialogue, tmp_path, card_ids=["nope"])
    with pytest.raises(ValueError, match="page size"):
        export_pdfs(dialogue, tmp_path, "a3")  # type: ignore[arg-type]


def test_reportlab_is_imported_only_by_export(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from briefing.cli import main\n"
        f"assert main(['validate', {str(bundled_dialogue())!r}]) == 0\n"
        "assert 'reportlab' not in sys.modules\n"
        f"assert main(['export', '--out', {str(tmp_path)!r}, '--sector', 'x']) == 1\n"
        "assert 'reportlab' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)


def test_cli_export_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", "--out", str(blocker), "--book"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("briefing export: ")


def test_overview_of_a_dialogue_without_one_is_an_error(
    write_dialogue: WriteDialogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_dialogue(MINIMAL.replace("kind: overview", "kind: sector"))
    assert main(["export", str(path), "--out", str(tmp_path / "out"), "--overview"]) == 1
    assert "has no overview card" in capsys.readouterr().err


def test_a_card_id_cannot_lead_out_of_the_folder(tmp_path: Path) -> None:
    import dataclasses

    dialogue = load_dialogue(bundled_dialogue())
    evil = dataclasses.replace(dialogue.cards[1], id="../evil")
    dialogue = dataclasses.replace(dialogue, cards=(dialogue.cards[0], evil))
    with pytest.raises(ValueError, match="cannot name another folder"):
        export_pdfs(dialogue, tmp_path / "out", card_ids=["../evil"], book=False)
    assert not (tmp_path / "evil-a4.pdf").exists()


def test_the_pdf_package_needs_no_qt() -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None  # any Qt import now fails\n"
        "from briefing.loader import load_dialogue\n"
        "from briefing.paths import bundled_dialogue\n"
        "from briefing.pdf import render_card\n"
        "assert render_card(load_dialogue(bundled_dialogue()), 'ai').startswith(b'%PDF')\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6.')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)
