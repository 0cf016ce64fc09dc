"""Loading: the bundled dialogue verifies, and every kind of error names file:line:col."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from briefing.citations import paragraph_label
from briefing.loader import load_dialogue
from briefing.model import Actor, CardKind, CommitmentKind
from briefing.problems import DialogueError
from tests.conftest import MINIMAL, WriteDialogue


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DialogueError) as caught:
        load_dialogue(path)
    return [str(p) for p in caught.value.problems]


def test_bundled_dialogue_loads_with_every_quote_located(bundled: Path) -> None:
    dialogue = load_dialogue(bundled)
    assert dialogue.cards[0].kind is CardKind.OVERVIEW
    assert [c.id for c in dialogue.cards] == [
        "overview",
        "semiconductors",
        "joint-research",
        "bio-pharma",
        "batteries-energy",
        "ai",
        "ict-standards",
        "technology-security",
    ]
    for card in dialogue.cards:
        assert card.points, card.id
        for point in card.points:
            assert point.evidence, (card.id, point.text)
        for evidence in card.evidence:
            assert evidence.paragraphs, (card.id, evidence.quote)
    assert [p.name_ko for p in dialogue.co_chairs] == ["조태용", "제이크 설리번"]


def test_bundled_paragraph_numbers_follow_the_article(bundled: Path) -> None:
    dialogue = load_dialogue(bundled)
    bio = dialogue.card("bio-pharma")
    numbers = [n for e in bio.evidence for n in e.paragraphs]
    assert paragraph_label(numbers) == "paragraphs 5-6"
    assert dialogue.source("yonhap").headline is not None


def test_bundled_commitment_is_structured(bundled: Path) -> None:
    bio = load_dialogue(bundled).card("bio-pharma")
    money, meeting = bio.commitments
    assert money.amount is not None
    assert (money.amount.value, money.amount.currency, money.amount.qualifier) == (
        10_000_000,
        "USD",
        "at least",
    )
    assert (meeting.actors, meeting.kind, meeting.timeframe) == (
        Actor.BOTH,
        CommitmentKind.AGREED,
        "next year",
    )


def test_notes_cite_their_sources(bundled: Path) -> None:
    dialogue = load_dialogue(bundled)
    notes = [n for c in dialogue.cards for n in c.notes]
    assert dialogue.resolved_date is not None
    assert dialogue.resolved_date.day == date(2023, 12, 9)
    date_note = dialogue.resolved_date.note
    assert "Saturday 9 December 2023" in date_note.text and "8 December" in date_note.text
    assert not any("whitehouse.gov" in (c.url or "") for c in date_note.cites)
    for note in [*notes, date_note]:  # each cites a public address, not the project's notes
        assert note.cites and all((c.url or "").startswith("https://") for c in note.cites)
        assert not any("stg." in (c.url or "") for c in note.cites)
    assert any("REAIM 2024" in n.text for n in notes)
    assert any("AI Seoul Summit" in n.text for n in notes)
    assert any("quantum" in n.text for n in notes)
    assert all(n.cites for n in notes)


def test_minimal_dialogue_loads(write_dialogue: WriteDialogue) -> None:
    dialogue = load_dialogue(write_dialogue())
    assert dialogue.quote_count == 3
    assert dialogue.card("research").points[0].evidence[0].paragraphs == (2,)


# Each case: a change to MINIMAL and the exact problems it must give.
CASES = {
    "quote not in source": (
        ("quote: agreed on Saturday to work", "quote: agreed on Sunday to work"),
        ["d.yaml:25:20: sectors[0].points[0].evidence[0].quote: not found in source 'art'"],
    ),
    "unknown source": (
        (
            "- source: art\n            quote: agreed on Saturday to",
            "- source: web\n            quote: agreed on Saturday to",
        ),
        [
            "d.yaml:24:21: sectors[0].points[0].evidence[0].source: unknown source 'web' (known: 'art')"
        ],
    ),
    "unknown key": (
        ("    kind: overview", "    kind: overview\n    colour: red"),
        [
            "d.yaml:18:5: sectors[0].colour: unknown key; expected one of: id, kind, title, icon, "
            "summary, points, notes, quote"
        ],
    ),
    "missing key": (
        ("    summary: Money for joint research.\n", ""),
        ["d.yaml:26:5: sectors[1].summary: missing (required)"],
    ),
    "duplicate key": (
        ("  place: Seoul", "  place: Seoul\n  place: Busan"),
        ["d.yaml:5:3: dialogue.place: duplicate key (first at line 4)"],
    ),
    "duplicate card id": (
        ("  - id: research", "  - id: overview"),
        ["d.yaml:26:9: sectors[1].id: duplicate card id 'overview'"],
    ),
    "wrong type": (
        ("    summary: Money for joint research.", "    summary: [Money]"),
        ["d.yaml:28:14: sectors[1].summary: expected text, got a list"],
    ),
    "number where text is wanted": (
        ("  date: Saturday", "  date: 2023"),
        ["d.yaml:5:9: dialogue.date: expected text, got a number; put it in quotes"],
    ),
    "bad choice": (
        ("actors: both", "actors: everyone"),
        [
            "d.yaml:35:19: sectors[1].points[0].commitment.actors: 'everyone' is not one of: 'KR', 'US', 'both'"
        ],
    ),
    "timeframe not in evidence": (
        ("timeframe: next year", "timeframe: this year"),
        [
            "d.yaml:38:22: sectors[1].points[0].commitment.timeframe: 'this year' is not in the point's evidence"
        ],
    ),
    "empty text": (
        ("    title: Research", '    title: ""'),
        ["d.yaml:27:12: sectors[1].title: is empty"],
    ),
    "control character": (
        ("    title: Research", '    title: "Re\\u0007search"'),
        ["d.yaml:27:12: sectors[1].title: contains a control character (U+0007)"],
    ),
    "unsafe tag": (
        ("  title: Test dialogue", "  title: !!python/object/apply:os.system [echo hi]"),
        [
            "d.yaml:3:10: dialogue.title: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"
        ],
    ),
    "wrong format version": (
        ("format: briefing/1", "format: briefing/2"),
        ["d.yaml:1:9: format: 'briefing/2' is not one of: 'briefing/1'"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_error_kinds_name_their_position(case: str, write_dialogue: WriteDialogue) -> None:
    (old, new), expected = CASES[case]
    assert old in MINIMAL
    path = write_dialogue(MINIMAL.replace(old, new, 1))
    found = [p.removeprefix(str(path.parent) + os.sep) for p in problems_of(path)]
    assert found == expected


def test_alias_is_refused_where_it_is_used(write_dialogue: WriteDialogue) -> None:
    text = MINIMAL.replace(
        "    points:\n      - lead: Chips", "    points: &pts\n      - lead: Chips"
    ).replace(
        "    summary: Money for joint research.\n    points:\n",
        "    summary: Money for joint research.\n    points: *pts\n    notes:\n",
    )
    path = write_dialogue(text)
    found = problems_of(path)
    assert found[0] == (
        f"{path}:29:5: sectors[1].points: aliases (*name) are not supported; "
        "this repeats the value at line 20"
    )


def test_billion_laughs_is_refused_quickly(write_dialogue: WriteDialogue) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = write_dialogue("\n".join(lines) + "\n")
    found = problems_of(path)
    assert found[0].endswith("a0: unknown key; expected one of: format, dialogue, sources, sectors")
    assert any("missing (required)" in p for p in found)


def test_syntax_error_gives_line_and_column(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace("  place: Seoul", "  place: [Seoul", 1))
    (only,) = problems_of(path)
    # libyaml notices the unclosed list at the next key, "date:" on line 5.
    assert only == (
        f"{path}:5:7: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence)"
    )


def test_all_problems_reported_in_one_pass(write_dialogue: WriteDialogue) -> None:
    text = MINIMAL.replace("    kind: overview", "    kind: overvew").replace(
        "quote: agreed on Saturday to work", "quote: agreed on Sunday to work"
    )
    found = problems_of(write_dialogue(text))
    assert len(found) == 2
    assert "sectors[0].kind" in found[0] and "sectors[0].points[0].evidence[0].quote" in found[1]


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("../art.txt", "'../art.txt' leads out of the dialogue file's folder"),
        ("/etc/passwd", "'/etc/passwd' is an absolute path; give it relative to the file"),
        ("missing.txt", "missing.txt: no such file"),
        ("sub", "sub: is a folder, not a source text"),
        ("bin.txt", "bin.txt: contains NUL bytes: not a text file"),
        ("latin1.txt", "latin1.txt: not UTF-8 text (byte 0xe9 cannot be decoded)"),
        ("huge.txt", "huge.txt: too large (over 4 MiB); is this the right source text?"),
        ("link.txt", "'link.txt' is a link leading out of the dialogue's folder"),
    ],
)
def test_bad_source_files(file: str, message: str, write_dialogue: WriteDialogue) -> None:
    path = write_dialogue(MINIMAL.replace("file: art.txt", f"file: {file}"))
    folder = path.parent
    (folder / "sub").mkdir()
    (folder / "bin.txt").write_bytes(b"text\x00more")
    (folder / "latin1.txt").write_bytes("café".encode("latin-1"))
    (folder / "huge.txt").write_bytes(b"a" * (4 * 1024 * 1024 + 1))
    outside = folder.parent / f"{folder.name}-outside.txt"
    outside.write_text("outside")
    (folder / "link.txt").symlink_to(outside)
    found = problems_of(path)
    assert found == [f"{path}:13:11: sources[0].file: {message}"]


def test_missing_file_and_folder_and_empty(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: no such file"]
    assert problems_of(tmp_path) == [f"{tmp_path}: is a folder, not a dialogue file"]
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    assert problems_of(empty) == [f"{empty}:1:1: the file is empty"]


def test_oversized_dialogue_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (8 * 1024 * 1024) + b"\n")
    assert problems_of(big) == [f"{big}: too large (over 8 MiB); is this the right dialogue file?"]


def test_bom_and_crlf_are_accepted(write_dialogue: WriteDialogue) -> None:
    path = write_dialogue()
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert load_dialogue(path).title == "Test dialogue"
