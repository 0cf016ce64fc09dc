"""Saving keeps what the person wrote: an edit changes the lines of the field edited and no
others; comments, key order, quoting, folded text and blank lines stay."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.document import (
    Document,
    SaveError,
    apply,
    document_text,
    open_document,
    save_document,
)
from briefing.edit import (
    Change,
    add_source,
    delete,
    move,
    new_card,
    new_point,
    set_card_quote,
    set_field,
)
from briefing.loader import load_dialogue
from tests.conftest import MINIMAL, WriteDialogue


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.fixture
def copy(bundled: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "dialogue"
    shutil.copytree(bundled.parent, folder)
    return folder / bundled.name


def test_editing_one_field_of_the_bundled_file_changes_only_its_lines(copy: Path) -> None:
    before = copy.read_text(encoding="utf-8")
    doc = open_document(copy)
    path = ("sectors", 1, "points", 0, "text")
    edited, _ = apply(doc, set_field(doc, path, "Chip research will be joint."))
    save_document(edited)
    after = copy.read_text(encoding="utf-8")
    old_text = doc.data["sectors"][1]["points"][0]["text"]
    changed = changed_lines(before, after)
    removed = [line for line in changed if line.startswith("-")]
    assert [line for line in changed if line.startswith("+")] == [
        "+          Chip research will be joint."
    ]
    assert " ".join(line[1:].strip() for line in removed) == old_text  # its folded lines only
    assert "# The inaugural U.S.-ROK" in after  # the comments at the top stay
    assert load_dialogue(copy).cards[1].points[0].text == "Chip research will be joint."


def test_a_plain_field_edit_is_a_one_line_diff(copy: Path) -> None:
    before = copy.read_text(encoding="utf-8")
    doc = open_document(copy)
    edited, _ = apply(doc, set_field(doc, ("dialogue", "place"), "Yongsan, Seoul"))
    assert changed_lines(before, document_text(edited)) == [
        "-  place: Presidential office, Seoul",
        "+  place: Yongsan, Seoul",
    ]


def test_a_quoted_value_stays_quoted(copy: Path) -> None:
    before = copy.read_text(encoding="utf-8")
    doc = open_document(copy)
    edited, _ = apply(doc, set_field(doc, ("dialogue", "resolved_date", "date"), "2023-12-08"))
    assert changed_lines(before, document_text(edited)) == [
        '-    date: "2023-12-09"',
        '+    date: "2023-12-08"',
    ]


def test_edits_and_their_undoing_give_back_the_file_byte_for_byte(copy: Path) -> None:
    before = copy.read_text(encoding="utf-8")
    doc = open_document(copy)
    undos = []
    edits: list[Callable[[Document], Change]] = [
        lambda d: move(d, ("sectors", 7), 2),
        lambda d: delete(d, ("sectors", 3, "points", 1)),
        lambda d: set_field(d, ("sectors", 0, "icon"), None),
        lambda d: new_card(d, 8, "Space"),
        lambda d: set_field(d, ("dialogue", "title"), "Another title"),
    ]
    for make in edits:
        doc, undo = apply(doc, make(doc))
        undos.append(undo)
    assert document_text(doc) != before
    for undo in reversed(undos):
        doc, _ = apply(doc, undo)
    assert document_text(doc) == before


def test_new_items_keep_the_blank_lines_between_sections(copy: Path) -> None:
    before = copy.read_text(encoding="utf-8")
    doc = open_document(copy)
    entry: dict[str, object] = {
        "id": "fact-sheet",
        "title": "Fact sheet",
        "publisher": "The White House",
        "file": "sources/fact-sheet.txt",
    }
    edited, _ = apply(doc, add_source(doc, entry))
    edited, _ = apply(edited, new_card(edited, 8, "Space"))
    text = document_text(edited)
    assert "    file: sources/fact-sheet.txt\n\nsectors:\n" in text
    assert text.endswith("\n\n  - id: space\n    title: Space\n")
    assert set(changed_lines(before, text)) == {
        "+  - id: fact-sheet",
        "+    title: Fact sheet",
        "+    publisher: The White House",
        "+    file: sources/fact-sheet.txt",
        "+",
        "+  - id: space",
        "+    title: Space",
    }


def test_a_new_card_in_the_middle_is_set_off_by_a_blank_line(copy: Path) -> None:
    doc = open_document(copy)
    edited, _ = apply(doc, new_card(doc, 1, "Space"))
    text = document_text(edited)
    assert "\n\n  - id: space\n    title: Space\n\n  - id: semiconductors\n" in text


def test_saving_is_atomic_and_the_saved_file_reopens_equal(copy: Path) -> None:
    doc = open_document(copy)
    edited, _ = apply(doc, new_card(doc, 2, "Space"))
    saved = save_document(edited, copy.with_name("other.yaml"))
    assert saved.path == copy.with_name("other.yaml")
    assert not saved.is_modified
    assert open_document(saved.path).data == edited.data
    assert [p.name for p in copy.parent.iterdir() if p.name.startswith(".")] == []
    # the problems of the saved document point into the saved text
    line = saved.path.read_text(encoding="utf-8").splitlines().index("  - id: space") + 1
    assert {(p.path, p.line) for p in saved.problems} == {
        ("sectors[2].summary", line),
        ("sectors[2].points", line),
    }


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_that_cannot_be_written_gives_a_save_error(
    write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    path = write_dialogue(MINIMAL)
    doc = open_document(path)
    edited, _ = apply(doc, set_field(doc, ("dialogue", "place"), "Busan"))
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="could not save"):
            save_document(edited)
    finally:
        tmp_path.chmod(0o700)
    assert path.read_text(encoding="utf-8") == MINIMAL


def test_a_save_into_a_missing_folder_gives_a_save_error(
    write_dialogue: WriteDialogue, tmp_path: Path
) -> None:
    doc = open_document(write_dialogue(MINIMAL))
    with pytest.raises(SaveError, match="could not save"):
        save_document(doc, tmp_path / "missing" / "d.yaml")


def test_ruamel_is_imported_when_saving_only(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL)
    code = textwrap.dedent(
        f"""\
        import sys
        from briefing.document import apply, open_document, save_document
        from briefing.edit import set_field
        doc = open_document({str(path)!r})
        doc, undo = apply(doc, set_field(doc, ("dialogue", "place"), "Busan"))
        assert not [m for m in sys.modules if m.startswith("ruamel")]
        save_document(doc)
        assert "ruamel.yaml" in sys.modules
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)
    assert "place: Busan\n" in path.read_text(encoding="utf-8")


def test_windows_line_ends_stay(write_dialogue: WriteDialogue) -> None:
    text = MINIMAL.replace("\n", "\r\n")
    path = write_dialogue(text)
    doc = open_document(path)
    edited, _ = apply(doc, set_field(doc, ("dialogue", "place"), "Busan"))
    save_document(edited)
    assert path.read_bytes() == text.replace("place: Seoul", "place: Busan").encode()


def test_a_file_ruamel_cannot_read_is_still_saved(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace("date: Saturday", "date: !!int five"))
    doc = open_document(path)
    assert [p.message for p in doc.problems] == ["expected text, got a number; put it in quotes"]
    edited, _ = apply(doc, set_field(doc, ("dialogue", "date"), "Saturday"))
    assert edited.problems == ()
    save_document(edited)
    assert load_dialogue(path).date == "Saturday"


def test_rewriting_only_what_changed_gives_the_text_of_a_whole_rewrite(copy: Path) -> None:
    from briefing import yaml_save

    doc = open_document(copy)
    edits: list[Callable[[Document], Change]] = [
        lambda d: set_field(d, ("sectors", 2, "points", 0, "text"), "Retyped."),
        lambda d: new_card(d, 3, "Space"),
        lambda d: new_point(d, 3, "yonhap", "next-generation technologies"),
        lambda d: delete(d, ("sectors", 5)),
        lambda d: move(d, ("sectors", 1), 4),
        lambda d: set_field(d, ("sectors", 7, "summary"), "The last card, edited."),
        lambda d: set_card_quote(d, 2, "yonhap", "agreed Saturday", "Cho"),
        lambda d: set_field(d, ("sectors", 6, "icon"), None),
        lambda d: set_field(d, ("dialogue", "title"), "Retitled"),
        lambda d: add_source(d, {"id": "more", "title": "More", "publisher": "P", "file": "m.txt"}),
        lambda d: delete(d, ("dialogue", "co_chairs", 0)),
        lambda d: set_field(d, ("sources", 0, "headline"), False),
        lambda d: new_card(d, len(d.data["sectors"]), "At the end"),
        lambda d: move(d, ("sectors", len(d.data["sectors"]) - 1), 2),
        lambda d: move(d, ("sectors", 0), len(d.data["sectors"]) - 1),
        lambda d: delete(d, ("sectors", len(d.data["sectors"]) - 1)),
    ]
    saved = doc._saved
    for make in edits:
        doc, _ = apply(doc, make(doc))
        spliced = document_text(doc)
        yaml = yaml_save._yaml(saved.layout)
        assert spliced == yaml_save._whole(yaml, saved.text, saved.data, doc.data)
        assert yaml_save._spliced(yaml, saved.text, saved.data, doc.data, saved.marks)
        assert spliced != saved.text


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "~",
        "1e3",
        "2023-12-09",
        "a: b",
        "#c",
        " lead",
        "trail ",
        "tab\there",
        "NUL\x00",
        "NEL\x85",
        "line\u2028sep",
        "\r",
        "",
        "é" * 120,
    ],
)
def test_any_text_typed_reads_back_as_that_text(copy: Path, text: str) -> None:
    doc = open_document(copy)
    for path in [
        ("sectors", 2, "summary"),
        ("sectors", 2, "points", 0, "lead"),
        ("dialogue", "date"),
    ]:
        doc, _ = apply(doc, set_field(doc, path, text))
    save_document(doc)
    again = open_document(copy)
    assert again.data == doc.data
    assert again.data["sectors"][2]["summary"] == text
