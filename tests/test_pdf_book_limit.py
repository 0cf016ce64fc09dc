"""The book's appendix limit: a book at the limit is made, one character over is refused
with a message naming the sources, before anything is rendered or written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.loader import load_dialogue
from briefing.pdf import MAX_APPENDIX_CHARACTERS, BookTooLong, export_pdfs, render_book
from briefing.provenance import split_paragraphs
from tests.conftest import MINIMAL, SOURCE_TEXT

LAST_PARAGRAPH = "The closing paragraph of the long source."
FILLER = "Officials agreed to fund joint research on chips and batteries next year. "


def long_source(characters: int) -> str:
    """SOURCE_TEXT and filler paragraphs: `characters` of paragraph text in all."""
    base = sum(len(p) for p in split_paragraphs(SOURCE_TEXT)) + len(LAST_PARAGRAPH)
    left = characters - base
    paragraphs = []
    while left > 0:
        size = min(1200, left)
        text = (FILLER * (size // len(FILLER) + 1))[:size]
        paragraphs.append(text[:-1] + "." if text.endswith(" ") else text)
        left -= size
    return SOURCE_TEXT + "\n" + "\n\n".join([*paragraphs, LAST_PARAGRAPH]) + "\n"


def write_long(folder: Path, characters: int, listed: int = 1) -> Path:
    """A dialogue whose source `art.txt` holds `characters`, listed `listed` times."""
    (folder / "art.txt").write_text(long_source(characters), encoding="utf-8")
    extra = "".join(
        f"  - {{id: copy{n}, title: Copy {n}, publisher: Test News, file: art.txt}}\n"
        for n in range(1, listed)
    )
    text = MINIMAL.replace("sectors:\n", extra + "sectors:\n", 1)
    path = folder / "d.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def refusal(characters: int, sources: str) -> str:
    return (
        f"d.yaml: the book is not made: its appendix would reproduce {characters:,} characters "
        f"of source text, over the limit of {MAX_APPENDIX_CHARACTERS:,} ({sources}); export "
        "the one-pagers instead, which do not include the source text"
    )


def test_a_book_at_the_limit_is_made_with_the_whole_source(tmp_path: Path) -> None:
    dialogue = load_dialogue(write_long(tmp_path, MAX_APPENDIX_CHARACTERS))
    reader = PdfReader(io.BytesIO(render_book(dialogue)))
    assert LAST_PARAGRAPH in " ".join(reader.pages[-1].extract_text().split())


def test_one_character_over_the_limit_is_refused(tmp_path: Path) -> None:
    dialogue = load_dialogue(write_long(tmp_path, MAX_APPENDIX_CHARACTERS + 1))
    with pytest.raises(BookTooLong) as info:
        render_book(dialogue)
    over = MAX_APPENDIX_CHARACTERS + 1
    assert str(info.value) == refusal(over, f"source 'art', art.txt: {over:,} characters")
    assert (info.value.characters, info.value.limit) == (over, MAX_APPENDIX_CHARACTERS)
    assert isinstance(info.value, ValueError)


def test_a_source_listed_often_counts_each_time_and_the_message_names_five(
    tmp_path: Path,
) -> None:
    dialogue = load_dialogue(write_long(tmp_path, 75_000, listed=7))
    with pytest.raises(BookTooLong) as info:
        render_book(dialogue)
    named = "; ".join(
        f"{source_id!r}, art.txt: 75,000 characters"
        for source_id in ("art", "copy1", "copy2", "copy3", "copy4")
    )
    assert str(info.value) == refusal(525_000, f"sources {named}; and 2 more")


def test_export_refuses_before_writing_any_one_pager(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_long(tmp_path, 600_000)
    out = tmp_path / "out"
    out.mkdir()
    old = out / "d-overview-a4.pdf"
    old.write_bytes(b"the previous export")
    assert main(["export", str(path), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    message = refusal(600_000, "source 'art', art.txt: 600,000 characters")
    assert captured.err == f"briefing export: {message}\n"
    assert captured.out == ""
    assert list(out.iterdir()) == [old]
    assert old.read_bytes() == b"the previous export"


def test_the_one_pagers_of_a_long_source_export(tmp_path: Path) -> None:
    dialogue = load_dialogue(write_long(tmp_path, 600_000))
    written = export_pdfs(dialogue, tmp_path / "out", book=False)
    assert [p.name for p in written] == ["d-overview-a4.pdf", "d-research-a4.pdf"]
    with pytest.raises(BookTooLong):
        export_pdfs(dialogue, tmp_path / "book", card_ids=[])
    assert not (tmp_path / "book").exists()
