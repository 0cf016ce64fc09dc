"""Every file of the hostile corpus gets its stated answer, and never a traceback or a hang.

The CLI runs in-process (as `briefing.cli.main`, which is what the `briefing` command calls),
so that an unexpected exception fails the test with its traceback; one test runs the real
command in a process for a sample. How fast each is answered is a budget, measured in
benchmarks/, not asserted here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from briefing.cli import main
from tests.hostile.generated import add_generated

HOSTILE = Path(__file__).parent / "hostile"
ANSWERS: dict[str, dict[str, object]] = yaml.safe_load(
    (HOSTILE / "answers.yaml").read_text(encoding="utf-8")
)
VALID = sorted(name for name, answer in ANSWERS.items() if answer["exit"] == 0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "hostile"
    shutil.copytree(
        HOSTILE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__", "answers.yaml")
    )
    add_generated(folder)
    return folder


Run = subprocess.CompletedProcess[str]


@pytest.fixture
def briefing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """`briefing ARGS` in `cwd`, in-process: its exit status and what it printed."""

    def run(*args: str, cwd: Path) -> Run:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        status = main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["briefing", *args], status, out, err)

    return run


@pytest.mark.parametrize("name", ["markup-everywhere.yaml", "alias-bomb.yaml", "missing.yaml"])
def test_the_command_in_a_process_gives_the_same_answer(name: str, corpus: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", name],
        cwd=corpus,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    answer = ANSWERS[name]
    assert "Traceback" not in result.stderr
    assert result.returncode == answer["exit"]
    printed = result.stdout if answer["exit"] == 0 else result.stderr
    assert printed.splitlines() == answer["output"]


def test_corpus_is_complete(corpus: Path) -> None:
    on_disk = {p.name for p in corpus.glob("*.yaml")}
    assert on_disk | {"missing.yaml"} == set(ANSWERS)
    assert len(ANSWERS) >= 90


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_validate_gives_the_stated_answer(
    name: str, corpus: Path, briefing: Callable[..., Run]
) -> None:
    result = briefing("validate", name, cwd=corpus)
    answer = ANSWERS[name]
    printed = result.stdout if answer["exit"] == 0 else result.stderr
    assert "Traceback" not in result.stderr
    assert result.returncode == answer["exit"]
    assert printed.splitlines() == answer["output"]


@pytest.mark.parametrize("name", sorted(n for n in ANSWERS if ANSWERS[n]["exit"] != 0))
def test_export_of_an_invalid_file_writes_nothing(
    name: str, corpus: Path, tmp_path: Path, briefing: Callable[..., Run]
) -> None:
    out = tmp_path / "out"
    result = briefing("export", name, "--out", str(out), "--overview", cwd=corpus)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == ANSWERS[name]["output"][0]  # type: ignore[index]
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("name", [n for n in VALID if n != "ten-thousand-sectors.yaml"])
def test_export_of_a_valid_hostile_file_is_literal_or_clean(
    name: str, corpus: Path, tmp_path: Path, briefing: Callable[..., Run]
) -> None:
    out = tmp_path / "out"
    result = briefing("export", name, "--out", str(out), cwd=corpus)
    assert "Traceback" not in result.stderr
    written = sorted(out.glob("*.pdf")) if out.exists() else []
    if result.returncode != 0:
        assert written == [], "a failed export must leave nothing behind"
        return
    assert written
    assert sorted(Path(line).name for line in result.stdout.splitlines()) == [
        p.name for p in written
    ]
    for pdf in written:
        assert PdfReader(pdf).pages
    if name == "markup-everywhere.yaml":
        overview = next(p for p in written if "overview" in p.name)
        text = " ".join(PdfReader(overview).pages[0].extract_text().split())
        assert '<img src="x"><b>bold</b>' in text
        assert "R&D, S&P 500, 0.1 < a < 0.9 and <b>not bold</b>" in text
        assert "<font size=40>Chips</font>" in text


def test_characters_the_fonts_lack_refuse_the_export_with_the_card_and_field(
    corpus: Path, tmp_path: Path, briefing: Callable[..., Run]
) -> None:
    out = tmp_path / "out"
    result = briefing("export", "pdf-uncovered-arabic.yaml", "--out", str(out), cwd=corpus)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "briefing export: pdf-uncovered-arabic.yaml: card 'overview': sectors[0].summary: the "
        "PDF fonts have no glyph for U+0645 '\u0645', U+0639 '\u0639', U+0627 '\u0627'; they "
        "would print as blanks, so no PDF is made: replace or transliterate them"
    ]
    assert not out.exists() or not any(out.iterdir())


def test_a_long_lead_in_is_printed_whole(
    corpus: Path, tmp_path: Path, briefing: Callable[..., Run]
) -> None:
    out = tmp_path / "out"
    result = briefing(
        "export", "pdf-long-lead-in.yaml", "--out", str(out), "--overview", cwd=corpus
    )
    assert result.returncode == 0, result.stderr
    (pdf,) = out.glob("*.pdf")
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert (
        "A lead-in that runs on and on about semiconductors, supply chains, export controls and joint research programmes agreed."
        in text
    )
