"""Starting a briefing without Qt: a new draft dialogue file, source texts stored next to
it, and text from files tidied into the paragraphs the loader reads."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.atomic import write_new
from briefing.authoring import (
    AuthoringError,
    Resolved,
    check_room,
    create_dialogue,
    free_source_id,
    safe_name,
    sources_size,
    store_source,
)
from briefing.loader import MAX_SOURCE_BYTES, MAX_TOTAL_SOURCE_BYTES, load_dialogue
from briefing.problems import DialogueError
from briefing.provenance import split_paragraphs
from briefing.source_text import (
    PdfLine,
    Undecodable,
    decode_text,
    html_shape,
    paragraphs_text,
    pdf_paragraphs,
    tidy_text,
)
from tests.test_core_boundaries import BLOCK_QT

SENTENCE = "South Korea and the United States agreed on Saturday to invest US$10 million."
TITLE = "U.S.\u2013ROK Next Generation Critical and Emerging Technologies Dialogue"
DRAFT_PROBLEMS = ("needs at least 1 item(s)", "is empty")


def new_dialogue(folder: Path, **changes: Any) -> Path:
    args: dict[str, Any] = {
        "folder": folder,
        "file_name": "round-two",
        "title": TITLE,
        "place": "Presidential office, Seoul",
        "date": "Saturday",
        "co_chairs": [
            ("Cho Tae-yong", "National Security Adviser, South Korea", "KR"),
            ("Jake Sullivan", "National Security Advisor, United States", "us"),
        ],
        "resolved": Resolved(
            "2023-12-09",
            "Korean reports date the dialogue Saturday 9 December 2023.",
            "Asia Economy (English edition)",
            "https://cm.asiae.co.kr/en/article/2023120914064038510",
        ),
    }
    return create_dialogue(**{**args, **changes})


def problems_of(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(DialogueError) as caught:
        load_dialogue(path)
    return [(p.path, p.message) for p in caught.value.problems]


def test_new_dialogue_is_a_draft_with_every_fact_given_and_a_sources_folder(
    tmp_path: Path,
) -> None:
    path = new_dialogue(tmp_path / "briefings")
    assert path == tmp_path / "briefings" / "round-two.yaml"
    assert (tmp_path / "briefings" / "sources").is_dir()
    text = path.read_text("utf-8")
    assert text.startswith(f"# {TITLE}\n#")
    data = yaml.safe_load(text)
    assert data == {
        "format": "briefing/1",
        "dialogue": {
            "title": TITLE,
            "place": "Presidential office, Seoul",
            "date": "Saturday",
            "resolved_date": {
                "date": "2023-12-09",
                "text": "Korean reports date the dialogue Saturday 9 December 2023.",
                "cites": [
                    {
                        "title": "Asia Economy (English edition)",
                        "url": "https://cm.asiae.co.kr/en/article/2023120914064038510",
                    }
                ],
            },
            "co_chairs": [
                {
                    "name": "Cho Tae-yong",
                    "role": "National Security Adviser, South Korea",
                    "country": "KR",
                    "evidence": [],
                },
                {
                    "name": "Jake Sullivan",
                    "role": "National Security Advisor, United States",
                    "country": "US",
                    "evidence": [],
                },
            ],
            "evidence": [],
        },
        "sources": [],
        "sectors": [
            {
                "id": "overview",
                "kind": "overview",
                "title": "Overview",
                "icon": "overview",
                "summary": "",
                "points": [],
            }
        ],
    }
    assert problems_of(path) == [
        ("dialogue.co_chairs[0].evidence", "needs at least 1 item(s)"),
        ("dialogue.co_chairs[1].evidence", "needs at least 1 item(s)"),
        ("dialogue.evidence", "needs at least 1 item(s)"),
        ("sources", "needs at least 1 item(s)"),
        ("sectors[0].summary", "is empty"),
        ("sectors[0].points", "needs at least 1 item(s)"),
    ]


def test_a_new_dialogue_with_a_stored_source_and_its_quotes_validates(tmp_path: Path) -> None:
    path = new_dialogue(tmp_path, co_chairs=[], resolved=None)
    text = f"Seoul agrees\n\n{SENTENCE}\n\nSource: Yonhap\n"
    file = store_source(tmp_path, "yonhap", text)
    data = yaml.safe_load(path.read_text("utf-8"))
    data["sources"].append({"id": "yonhap", "title": "T", "publisher": "P", "file": file})
    quote = {"source": "yonhap", "quote": SENTENCE}
    data["dialogue"]["evidence"].append(quote)
    data["sectors"][0]["summary"] = "They agreed to invest."
    data["sectors"][0]["points"].append({"text": "They agreed.", "evidence": [dict(quote)]})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    dialogue = load_dialogue(path)
    assert dialogue.sources[0].paragraphs == ("Seoul agrees", SENTENCE, "Source: Yonhap")
    assert dialogue.cards[0].points[0].evidence[0].paragraphs == (2,)


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "2023",
        "2023-12-09",
        "null",
        "~",
        ": x",
        "- a",
        "'quoted'",
        '"d"',
        "#hash",
        "&anchor",
        "*alias",
        "!!python/object:os.system",
        "<img src=x>",
        "a\nb",
        "한국어 제목",
    ],
)
def test_text_that_yaml_would_read_as_something_else_is_stored_as_that_text(
    tmp_path: Path, value: str
) -> None:
    path = new_dialogue(
        tmp_path,
        title=value,
        place=value,
        date=value,
        resolved=None,
        co_chairs=[(value, value, "KR")],
    )
    dialogue = yaml.safe_load(path.read_text("utf-8"))["dialogue"]
    assert dialogue["title"] == dialogue["place"] == dialogue["date"] == value
    assert dialogue["co_chairs"][0]["name"] == value
    assert all(message in DRAFT_PROBLEMS for _, message in problems_of(path))


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    existing = tmp_path / "round-two.yaml"
    existing.write_text("mine\n", "utf-8")
    with pytest.raises(AuthoringError, match=r"round-two\.yaml already exists"):
        new_dialogue(tmp_path)
    assert existing.read_text("utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["round-two.yaml", "sources"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "give the new file a name"),
        ("a/b", "cannot be a file name"),
        ("..\\up", "cannot be a file name"),
        (".hidden", "do not start it with a dot"),
        ("what?", "cannot be a file name"),
        ("CON", "reserved name on Windows"),
        ("x" * 130, "too long"),
    ],
)
def test_a_file_name_that_is_not_one_on_every_system_is_refused(
    tmp_path: Path, name: str, message: str
) -> None:
    with pytest.raises(AuthoringError, match=message):
        new_dialogue(tmp_path, file_name=name)
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_a_folder_must_go_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file\n", "utf-8")
    with pytest.raises(AuthoringError, match=r"cannot make the folder .*taken: a file has that"):
        new_dialogue(tmp_path / "taken")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "sources").write_text("a file\n", "utf-8")
    with pytest.raises(AuthoringError, match=r"cannot make the folder .*sources: a file has"):
        new_dialogue(tmp_path / "d")
    with pytest.raises(AuthoringError, match=r"cannot make the folder .*sources: a file has"):
        store_source(tmp_path / "d", "s", "text\n")
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["sources"]


def test_file_names_get_a_yaml_ending_unless_they_have_one(tmp_path: Path) -> None:
    assert new_dialogue(tmp_path, file_name=" next round ").name == "next round.yaml"
    assert new_dialogue(tmp_path, file_name="Other.YML").name == "Other.YML"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "Title is empty"),
        ({"place": "Seoul\x1b[2J"}, r"Place contains a control character \(U\+001B\)"),
        ({"co_chairs": [("A", "B", "JP")]}, "co-chair 1: country must be KR or US"),
        ({"co_chairs": [("A", "", "KR")]}, "Co-chair 1's role is empty"),
        ({"resolved": Resolved("9 December", "t", "c")}, "is not a date; write it YYYY-MM-DD"),
        ({"resolved": Resolved("2023-02-30", "t", "c")}, "is not a date"),
        ({"resolved": Resolved("2023-12-08", "t", "c")}, "2023-12-08 is a Friday, but the date"),
        ({"resolved": Resolved("2023-12-09", "t", " ")}, "Citation title is empty"),
    ],
)
def test_unusable_facts_are_refused_with_what_is_wrong(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(AuthoringError, match=message):
        new_dialogue(tmp_path, **changes)
    assert not (tmp_path / "round-two.yaml").exists()


def test_a_resolved_date_needs_no_address(tmp_path: Path) -> None:
    path = new_dialogue(tmp_path, resolved=Resolved("2023-12-09", "Reports say so.", "SBS"))
    resolved = yaml.safe_load(path.read_text("utf-8"))["dialogue"]["resolved_date"]
    assert resolved["cites"] == [{"title": "SBS"}]


def test_stored_source_holds_the_text_exactly_under_a_new_safe_name(tmp_path: Path) -> None:
    text = f"Headline\n\n{SENTENCE}\n"
    first = store_source(tmp_path, "Yonhap: S. Korea, U.S. agree", text)
    second = store_source(tmp_path, "Yonhap: S. Korea, U.S. agree", "Other\n")
    assert first == "sources/yonhap-s-korea-u-s-agree.txt"
    assert second == "sources/yonhap-s-korea-u-s-agree-2.txt"
    assert (tmp_path / first).read_bytes() == text.encode("utf-8")
    assert (tmp_path / second).read_text("utf-8") == "Other\n"


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("../../etc/passwd", "sources/etc-passwd.txt"),
        ("조선일보", "sources/source.txt"),
        ("Café résumé", "sources/cafe-resume.txt"),
        ("nul", "sources/nul-file.txt"),
        ("word " * 40, "sources/" + "-".join(["word"] * 12) + ".txt"),
    ],
)
def test_a_source_name_becomes_a_plain_file_name_inside_sources(
    tmp_path: Path, name: str, stored: str
) -> None:
    assert store_source(tmp_path, name, "text\n") == stored
    assert [p.name for p in tmp_path.iterdir()] == ["sources"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (" \n\n ", "the source has no text"),
        ("a\x00b", "NUL characters"),
        ("half a pair \ud800", "cannot be stored as UTF-8"),
        ("x" * (MAX_SOURCE_BYTES + 1), "over 4 MiB"),
    ],
)
def test_text_that_cannot_be_a_source_is_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(AuthoringError, match=message):
        store_source(tmp_path, "s", text)
    assert not (tmp_path / "sources" / "s.txt").exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_sources_folder_leading_out_is_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "sources").symlink_to(outside)
    with pytest.raises(AuthoringError, match="leads out of the dialogue's folder"):
        store_source(tmp_path / "d", "s", "text\n")
    assert list(outside.iterdir()) == []


def test_source_ids_are_free_and_valid() -> None:
    data = {"sources": [{"id": "yonhap"}, {"id": "yonhap-2"}, {"id": "fact-sheet"}]}
    assert free_source_id(data, "yonhap") == "yonhap-3"
    assert free_source_id(data, "White House fact sheet") == "white-house-fact-sheet"
    assert free_source_id(data, "Fact sheet") == "fact-sheet-2"
    assert free_source_id(data, "연합뉴스") == "source"
    assert free_source_id({"sources": "not a list"}, "My_Id") == "My_Id"
    assert free_source_id(None, "") == "source"


def test_safe_name_falls_back_and_caps_length() -> None:
    assert safe_name("  ", "dialogue") == "dialogue"
    assert safe_name("x" * 100) == "x" * 60
    assert safe_name("COM1") == "com1-file"


def test_room_for_a_source_counts_the_sources_already_listed(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    big = tmp_path / "sources" / "big.txt"
    with big.open("wb") as out:
        out.truncate(MAX_TOTAL_SOURCE_BYTES - 10)
    data = {
        "sources": [
            {"file": "sources/big.txt"},
            {"file": "sources/big.txt"},
            {"file": "sources/gone.txt"},
        ]
    }
    assert sources_size(tmp_path, data) == MAX_TOTAL_SOURCE_BYTES - 10
    check_room(tmp_path, data, "x" * 10)
    with pytest.raises(AuthoringError, match="over 16 MiB together"):
        check_room(tmp_path, data, "x" * 11)


def test_write_new_refuses_a_taken_name_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_new(target, b"first")
    with pytest.raises(FileExistsError):
        write_new(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert os.stat(target).st_nlink == 1  # the loader refuses files with more than one link


# -- text from files ------------------------------------------------------------------------


def test_tidy_text_gives_the_paragraphs_the_loader_splits() -> None:
    raw = "\ufeffTitle  \r\n\r\n\r\n\r\nFirst line\rsecond\u00a0line\x0b\n \t \nThird\u2029Fourth\fFifth"
    tidy = tidy_text(raw)
    assert tidy == "Title\n\nFirst line\nsecond line\n\nThird\n\nFourth\n\nFifth\n"
    assert split_paragraphs(tidy) == (
        "Title",
        "First line\nsecond line",
        "Third",
        "Fourth",
        "Fifth",
    )
    assert tidy_text(" \r\n ") == ""
    assert paragraphs_text(["  a ", "\ufffc", "", "b\u2028c"]) == "a\n\nb\nc\n"


def test_decode_text_takes_utf8_and_marked_utf16_and_says_which_byte_is_wrong() -> None:
    assert decode_text("한국어".encode()) == "한국어"
    assert decode_text(b"\xef\xbb\xbfplain") == "plain"
    assert decode_text("wide".encode("utf-16")) == "wide"
    with pytest.raises(Undecodable, match=r"not UTF-8 text \(byte 0xe9 on line 2\)"):
        decode_text(b"one\ncaf\xe9")
    latin = b'<meta charset="iso-8859-1"><p>caf\xe9</p>'
    assert decode_text(latin, html=True) == '<meta charset="iso-8859-1"><p>café</p>'
    with pytest.raises(Undecodable, match="unknown encoding"):
        decode_text(b'<meta charset="klingon"><p>caf\xe9</p>', html=True)
    with pytest.raises(Undecodable, match="not UTF-8"):
        decode_text(latin)  # a text file says nothing of its encoding


def test_html_shape_counts_tags_and_nesting_but_not_elements_left_open() -> None:
    assert html_shape("<p>one<p>two<ul><li>a<li>b</ul><br><img src=x/>") == (8, 1)
    assert html_shape("<div>" * 300 + "</div>" * 300) == (600, 300)
    assert html_shape("</b></b><i>") == (3, 1)
    assert html_shape("a < b and c > d") == (0, 0)


def line(text: str, top: float, right: float = 500.0, left: float = 72.0) -> PdfLine:
    return PdfLine(text, left, top, right)


def test_pdf_lines_become_paragraphs_where_the_spacing_grows_or_a_sentence_ends_short() -> None:
    lines = [
        line("A headline", 80, 300),
        line("The first paragraph runs over two lines and keeps", 110),
        line("going here.", 122, 200),
        line("A second paragraph, after a short line that ends a", 134),
        line("sen-", 146, 110),  # not a sentence end: the paragraph goes on
        line("tence, and a hyphen-", 158),
        line("ated word.", 170, 300),
        line("Page 1", 400, 300),
    ]
    assert pdf_paragraphs(lines) == [
        "A headline",
        "The first paragraph runs over two lines and keeps going here.",
        "A second paragraph, after a short line that ends a sen-tence, and a hyphen-ated word.",
        "Page 1",
    ]
    columns = [line("Left column ends", 100), line("mid-sentence", 112), line("Right column", 100)]
    assert pdf_paragraphs(columns) == ["Left column ends mid-sentence", "Right column"]
    assert pdf_paragraphs([line(" ", 10)]) == []
    assert pdf_paragraphs([line("soft\u00ad", 10), line("hyphen", 22)]) == ["softhyphen"]


def test_authoring_and_source_text_import_no_qt() -> None:
    code = BLOCK_QT + (
        "import briefing.authoring, briefing.source_text\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_new_dialogue_opens_as_a_draft_and_edits_make_it_valid(tmp_path: Path) -> None:
    """From nothing to a file `briefing validate` passes, through the edit functions only:
    the new file opens (as a draft), a stored source is added, and its sentence cited."""
    from briefing.document import apply, open_document, save_document
    from briefing.edit import Change, add_source, new_point, set_field

    path = new_dialogue(tmp_path, resolved=None)
    doc = open_document(path)
    assert doc.is_draft and doc.dialogue is not None
    assert doc.dialogue.title == TITLE and [c.id for c in doc.dialogue.cards] == ["overview"]
    assert {p.message for p in doc.problems} <= set(DRAFT_PROBLEMS)
    file = store_source(tmp_path, "yonhap", f"Headline\n\n{SENTENCE}\n")
    source_id = free_source_id(doc.data, "yonhap")
    entry: dict[str, object] = {"id": source_id, "title": "T", "publisher": "P", "file": file}
    quote = [{"source": source_id, "quote": SENTENCE}]
    edits: list[Callable[[Any], Change]] = [
        lambda d: add_source(d, entry),
        lambda d: set_field(d, ("dialogue", "evidence"), quote),
        lambda d: set_field(d, ("dialogue", "co_chairs", 0, "evidence"), quote),
        lambda d: set_field(d, ("dialogue", "co_chairs", 1, "evidence"), quote),
        lambda d: set_field(d, ("sectors", 0, "summary"), "They agreed to invest."),
        lambda d: new_point(d, 0, source_id, SENTENCE),
        lambda d: set_field(d, ("sectors", 0, "points", 0, "text"), "They will invest."),
    ]
    for edit in edits:
        doc, _undo = apply(doc, edit(doc))
    assert doc.problems == ()
    save_document(doc)
    dialogue = load_dialogue(path)
    assert dialogue.sources[0].paragraphs == ("Headline", SENTENCE)
    assert dialogue.cards[0].points[0].evidence[0].paragraphs == (2,)
