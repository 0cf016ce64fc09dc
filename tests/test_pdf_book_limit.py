"""The book's appendix limits: a book at every limit is made, one character or paragraph over
is refused with a message naming the source, before anything is rendered or written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.loader import load_dialogue
from briefing.pdf import (
    MAX_APPENDIX_CHARACTERS,
    MAX_APPENDIX_PARAGRAPH_CHARACTERS,
    MAX_APPENDIX_PARAGRAPHS,
    BookTooLong,
    export_pdfs,
    render_book,
)
from briefing.provenance import split_paragraphs
from tests.conftest import MINIMAL, SOURCE_TEXT

LAST = "The closing paragraph of the long source."
FILLER = "Officials agreed to fund joint research on chips and batteries next year. "
BASE = [*split_paragraphs(SOURCE_TEXT), LAST]  # the headline, three paragraphs, LAST
ADVICE = "export the one-pagers instead, which do not include the source text"


def paragraph(size: int) -> str:
    """Filler text of exactly `size` characters, no space at either end."""
    text = (FILLER * (size // len(FILLER) + 1))[:size]
    return text[:-1] + "." if text.endswith(" ") else text


def fillers(characters: int, count: int, first: int = 0) -> list[str]:
    """`count` paragraphs of `characters` in all; the first of `first` characters if given."""
    sizes = [first] if first else []
    left, rest = characters - first, count - len(sizes)
    sizes += [left // rest + (1 if n < left % rest else 0) for n in range(rest)]
    return [paragraph(size) for size in sizes]


def write_source(folder: Path, filler: list[str], listed: int = 1) -> Path:
    """A dialogue (MINIMAL) whose source art.txt is SOURCE_TEXT, `filler` and LAST, listed
    `listed` times."""
    text = SOURCE_TEXT + "\n" + "\n\n".join([*filler, LAST]) + "\n"
    (folder / "art.txt").write_text(text, encoding="utf-8")
    extra = "".join(
        f"  - {{id: copy{n}, title: Copy {n}, publisher: Test News, file: art.txt}}\n"
        for n in range(1, listed)
    )
    path = folder / "d.yaml"
    path.write_text(MINIMAL.replace("sectors:\n", extra + "sectors:\n", 1), encoding="utf-8")
    return path


def at_the_limits(extra_character: bool = False) -> list[str]:
    """Filler that brings the source to exactly every limit (one character more if asked)."""
    characters = MAX_APPENDIX_CHARACTERS - sum(map(len, BASE)) + (1 if extra_character else 0)
    count = MAX_APPENDIX_PARAGRAPHS - len(BASE)
    return fillers(characters, count, first=MAX_APPENDIX_PARAGRAPH_CHARACTERS)


def refuse(folder: Path, filler: list[str], listed: int = 1) -> str:
    dialogue = load_dialogue(write_source(folder, filler, listed))
    with pytest.raises(BookTooLong) as info:
        render_book(dialogue)
    assert isinstance(info.value, ValueError)
    return str(info.value)


def test_a_book_at_every_limit_is_made_with_the_whole_source(tmp_path: Path) -> None:
    dialogue = load_dialogue(write_source(tmp_path, at_the_limits()))
    (source,) = dialogue.sources
    assert len(source.paragraphs) == MAX_APPENDIX_PARAGRAPHS
    assert sum(map(len, source.paragraphs)) == MAX_APPENDIX_CHARACTERS
    assert max(map(len, source.paragraphs)) == MAX_APPENDIX_PARAGRAPH_CHARACTERS
    reader = PdfReader(io.BytesIO(render_book(dialogue)))
    assert LAST in " ".join(reader.pages[-1].extract_text().split())


def test_one_character_over_is_refused(tmp_path: Path) -> None:
    assert refuse(tmp_path, at_the_limits(extra_character=True)) == (
        "d.yaml: the book is not made: its appendix would reproduce 200,001 characters of "
        "source text (source 'art', art.txt: 200,001 characters), over the limit of 200,000 "
        f"characters; {ADVICE}"
    )


def test_one_paragraph_over_is_refused(tmp_path: Path) -> None:
    filler = fillers(20_000, MAX_APPENDIX_PARAGRAPHS - len(BASE) + 1)
    assert refuse(tmp_path, filler) == (
        "d.yaml: the book is not made: its appendix would reproduce 1,501 paragraphs of "
        "source text (source 'art', art.txt: 1,501 paragraphs), over the limit of 1,500 "
        f"paragraphs; {ADVICE}"
    )


def test_a_paragraph_one_character_too_long_is_refused(tmp_path: Path) -> None:
    filler = [paragraph(MAX_APPENDIX_PARAGRAPH_CHARACTERS + 1)]
    assert refuse(tmp_path, filler) == (
        "d.yaml: the book is not made: its appendix would reproduce 4,001 characters in one "
        "paragraph of source 'art', art.txt (paragraph 4), over the limit of 4,000 "
        f"characters in one paragraph; {ADVICE}"
    )


def test_a_source_listed_often_counts_each_time_and_five_are_named(tmp_path: Path) -> None:
    filler = fillers(30_000 - sum(map(len, BASE)), 40)
    named = "; ".join(
        f"{source_id!r}, art.txt: 30,000 characters"
        for source_id in ("art", "copy1", "copy2", "copy3", "copy4")
    )
    assert refuse(tmp_path, filler, listed=7) == (
        "d.yaml: the book is not made: its appendix would reproduce 210,000 characters of "
        f"source text (sources {named}; and 2 more), over the limit of 200,000 characters; "
        f"{ADVICE}"
    )


def test_export_refuses_before_writing_any_one_pager(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_source(tmp_path, [paragraph(5_000)])
    out = tmp_path / "out"
    out.mkdir()
    old = out / "d-overview-a4.pdf"
    old.write_bytes(b"the previous export")
    assert main(["export", str(path), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "briefing export: d.yaml: the book is not made: its appendix would reproduce 5,000 "
        "characters in one paragraph of source 'art', art.txt (paragraph 4), over the limit "
        f"of 4,000 characters in one paragraph; {ADVICE}\n"
    )
    assert captured.out == ""
    assert list(out.iterdir()) == [old]
    assert old.read_bytes() == b"the previous export"


def test_the_one_pagers_of_a_long_source_export(tmp_path: Path) -> None:
    dialogue = load_dialogue(write_source(tmp_path, [paragraph(5_000)]))
    written = export_pdfs(dialogue, tmp_path / "out", book=False)
    assert [p.name for p in written] == ["d-overview-a4.pdf", "d-research-a4.pdf"]
    with pytest.raises(BookTooLong):
        export_pdfs(dialogue, tmp_path / "book", card_ids=[])
    assert not (tmp_path / "book").exists()
