"""Hostile inputs: the slowest answer of `briefing validate` over the hostile corpus and the
big cases of issue 9 (made in a temp folder), and the book at its appendix limits.

Both are absolute budgets (2 s, issue 9) with no baseline to run beside them, so they are
measured in CPU time of this process: other work on a shared machine does not count.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import time
from pathlib import Path

from benchmarks.measure import Result, median, timings
from briefing.cli import validate
from briefing.loader import MAX_SOURCE_BYTES, load_dialogue
from tests.hostile.generated import add_generated

HOSTILE = Path(__file__).parent.parent / "tests" / "hostile"
BUDGET_S = 2.0
"""Any input within the documented limits is answered within 2 s (issue 9); so is a book."""
FILLER = "Filler paragraph of the long source text, with nothing to quote in it.\n\n"


def _answer(path: Path) -> int:
    """`briefing validate PATH` in-process, its output captured and dropped."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return validate([str(path)])


def _with_sources(base: str, listings: str) -> str:
    return base.replace("sectors:\n", listings + "sectors:\n", 1)


def _add_issue_cases(folder: Path) -> None:
    """The resource cases of issue 9 not in the corpus: a 4 MiB source listed 16 times, and
    20,000 quotes missing from it; 40,000 missing from a small source. (8 MiB of tiny list
    items is the corpus's generated too-many-values.yaml.)"""
    article = (folder / "sources" / "article.txt").read_text(encoding="utf-8")
    room = MAX_SOURCE_BYTES - len(article.encode()) - 2
    big = article + "\n\n" + FILLER * (room // len(FILLER))
    (folder / "sources" / "big-article.txt").write_text(big, encoding="utf-8")
    base = (folder / "valid-base.yaml").read_text(encoding="utf-8")
    on_big = base.replace("file: sources/article.txt", "file: sources/big-article.txt", 1)
    copies = "".join(
        f"  - {{id: copy{n}, title: Copy, publisher: P, file: sources/big-article.txt}}\n"
        for n in range(16)
    )
    (folder / "issue-4-mib-source-listed-16-times.yaml").write_text(
        _with_sources(on_big, copies), encoding="utf-8"
    )

    def missing(count: int) -> str:
        return "".join(
            f"    - source: art\n      quote: missing quote number {n}\n" for n in range(count)
        )

    (folder / "issue-20000-quotes-missing-from-4-mib.yaml").write_text(
        on_big.replace("  evidence:\n", "  evidence:\n" + missing(20_000), 1), encoding="utf-8"
    )
    (folder / "issue-40000-quotes-missing-from-small.yaml").write_text(
        base.replace("  evidence:\n", "  evidence:\n" + missing(40_000), 1), encoding="utf-8"
    )


def hostile_corpus(folder: Path) -> list[Path]:
    """The committed corpus, its generated files and the issue's cases, in `folder`; every
    file to answer (with a path that does not exist, as the corpus's answers have)."""
    shutil.copytree(
        HOSTILE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__", "answers.yaml")
    )
    add_generated(folder)
    _add_issue_cases(folder)
    return [*sorted(folder.glob("*.yaml")), folder / "no-such-file.yaml"]


def _median_answer(path: Path, runs: int) -> float:
    return median(timings(lambda: _answer(path), runs, warmup=0, clock=time.process_time))


def hostile_figure(work_dir: Path, runs: int, enforce: bool) -> Result:
    """The slowest file's median time, each file timed `runs` times after one warm-up of the
    whole path (imports, first use of the loader) on the valid base file."""
    files = hostile_corpus(work_dir / "hostile")
    _answer(work_dir / "hostile" / "valid-base.yaml")
    times = {path.name: _median_answer(path, runs) for path in files}
    slowest = max(times, key=lambda name: times[name])
    value = times[slowest]
    return Result(
        f"slowest of {len(files)} hostile inputs answered by validate ({slowest}), CPU",
        value * 1000,
        "ms",
        None,
        f"<= {BUDGET_S * 1000:.0f} ms per file",
        value <= BUDGET_S if enforce else None,
    )


def appendix_limit_figure(work_dir: Path, runs: int, enforce: bool) -> Result:
    """`render_book` of a dialogue whose appendix is at every limit at once: the most
    characters, in the most paragraphs, one of them as long as one may be (fonts are
    registered by the book figure run before it)."""
    from briefing.pdf import (
        MAX_APPENDIX_CHARACTERS,
        MAX_APPENDIX_PARAGRAPH_CHARACTERS,
        MAX_APPENDIX_PARAGRAPHS,
        render_book,
    )

    folder = work_dir / "appendix-limit"
    (folder / "sources").mkdir(parents=True)
    corpus_article = (HOSTILE / "sources" / "article.txt").read_text(encoding="utf-8")
    quoted = corpus_article.split("\n\n")[:3]  # the paragraphs quoted, not the emoji
    characters = MAX_APPENDIX_CHARACTERS - sum(map(len, quoted))
    count = MAX_APPENDIX_PARAGRAPHS - len(quoted)
    sizes = [MAX_APPENDIX_PARAGRAPH_CHARACTERS]
    left = characters - sizes[0]
    sizes += [left // (count - 1) + (n < left % (count - 1)) for n in range(count - 1)]
    line = FILLER.strip() + " "
    filler = [(line * (size // len(line) + 1))[: size - 1] + "." for size in sizes]
    text = "\n\n".join([*quoted, *filler]) + "\n"
    (folder / "sources" / "article.txt").write_text(text, encoding="utf-8")
    path = folder / "d.yaml"
    shutil.copyfile(HOSTILE / "valid-base.yaml", path)
    dialogue = load_dialogue(path)
    (source,) = dialogue.sources
    value = median(
        timings(lambda: render_book(dialogue, "a4"), runs, warmup=0, clock=time.process_time)
    )
    return Result(
        f"book at the appendix limits ({sum(map(len, source.paragraphs)):,} characters, "
        f"{len(source.paragraphs):,} paragraphs, longest "
        f"{max(map(len, source.paragraphs)):,}), CPU",
        value * 1000,
        "ms",
        None,
        f"<= {BUDGET_S * 1000:.0f} ms",
        value <= BUDGET_S if enforce else None,
    )
