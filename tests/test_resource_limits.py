"""The resource cases of issue 9, made in a temp folder: each is answered with a bounded,
clear message. (Their time and memory are measured in benchmarks, not asserted here.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.loader import MAX_SOURCE_BYTES, load_dialogue
from tests.conftest import MINIMAL, SOURCE_TEXT

pytestmark = pytest.mark.slow


def big_source(folder: Path) -> Path:
    """SOURCE_TEXT, then filler paragraphs up to just under the 4 MiB limit for one file."""
    filler = "Filler paragraph of the long source text.\n\n"
    count = (MAX_SOURCE_BYTES - len(SOURCE_TEXT.encode()) - 1) // len(filler)
    path = folder / "art.txt"
    path.write_text(SOURCE_TEXT + "\n" + filler * count, encoding="utf-8")
    assert MAX_SOURCE_BYTES - len(filler) < path.stat().st_size <= MAX_SOURCE_BYTES
    return path


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["validate", str(path)])
    err = capsys.readouterr().err.replace(f"{path.parent}/", "")
    return status, err.splitlines()


def test_one_4_mib_source_listed_16_times_is_read_once(tmp_path: Path) -> None:
    big_source(tmp_path)
    copies = "".join(
        f"  - id: copy{n}\n    title: Copy\n    publisher: P\n    file: art.txt\n"
        for n in range(16)
    )
    path = tmp_path / "d.yaml"
    path.write_text(MINIMAL.replace("sources:\n", "sources:\n" + copies, 1), encoding="utf-8")
    assert path.stat().st_size < 3000
    dialogue = load_dialogue(path)
    assert len(dialogue.sources) == 17
    assert len({id(source.text) for source in dialogue.sources}) == 1


def test_20000_missing_quotes_in_a_4_mib_source_stop_with_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big_source(tmp_path)
    missing = "".join(
        f"    - source: art\n      quote: missing quote number {n}\n" for n in range(20_000)
    )
    text = MINIMAL.replace("  evidence:\n", "  evidence:\n" + missing, 1)
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    status, lines = validate(path, capsys)
    assert status == 1
    assert len(lines) == 101  # the stop, 99 quotes not found, the count of the rest
    stop = re.fullmatch(
        r"d\.yaml: quotes from line (\d+) on were not checked: checking stops after searching "
        r"1,024 MiB of source text; cite fewer quotes or shorter sources",
        lines[0],
    )
    assert stop, lines[0]
    assert 100 < int(stop.group(1)) < 40_000
    assert lines[1] == "d.yaml:8:14: dialogue.evidence[0].quote: not found in source 'art'"
    assert all(line.endswith(": not found in source 'art'") for line in lines[1:100])
    more = re.fullmatch(r"\.\.\. and (\d+) more problems", lines[100])
    assert more and int(more.group(1)) > 100


def test_8_mib_of_tiny_list_items_is_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.yaml"
    items = "  - a\n" * ((8 * 1024 * 1024 - 100) // 6)
    path.write_text(f"format: briefing/1\nsectors:\n{items}", encoding="utf-8")
    assert path.stat().st_size > 8_000_000
    assert validate(path, capsys) == (
        1,
        ["d.yaml: too many values (over 200,000); is this the right dialogue file?"],
    )


def test_sources_over_16_mib_together_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = big_source(tmp_path).read_bytes()
    others = ""
    for n in range(4):
        (tmp_path / f"big{n}.txt").write_bytes(big)
        others += f"  - id: big{n}\n    title: Big\n    publisher: P\n    file: big{n}.txt\n"
    path = tmp_path / "d.yaml"
    path.write_text(MINIMAL.replace("sources:\n", "sources:\n" + others, 1), encoding="utf-8")
    status, lines = validate(path, capsys)
    assert status == 1
    assert lines == [
        "d.yaml:29:11: sources[4].file: art.txt: the source texts together are over 16 MiB; "
        "cite fewer or shorter ones"
    ]
