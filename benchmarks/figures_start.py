"""Cold start of the whole process to the first card painted, and its peak memory.

Both processes leave with os._exit right after their first paint. The app is timed as
installed, with its bytecode compiled (the environment may set PYTHONDONTWRITEBYTECODE), and
as it starts on a dialogue it opened before: its cache holds the validated dialogue, put
there the way the app puts it (an app run in this mode leaves before writing one). The start
on a dialogue it has never seen (no cache entry) is reported too.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import Result, median, ratio_result

HERE = Path(__file__).resolve().parent


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one process run to its end."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({process.returncode}): {errors[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def compile_briefing() -> None:
    """Writes the `briefing` package's .pyc files, as installing it would."""
    import briefing

    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)


def start_figures(runs: int, enforce: bool) -> list[Result]:
    compile_briefing()
    with tempfile.TemporaryDirectory() as work:
        return _start_figures(Path(work), runs, enforce)


def _start_figures(work: Path, runs: int, enforce: bool) -> list[Result]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFING_EXIT_AFTER_FIRST_PAINT": "1",
        "BRIEFING_SETTINGS": str(work / "settings.ini"),
    }
    ours_argv = [sys.executable, "-m", "briefing"]
    bare_argv = [sys.executable, str(HERE / "bare_window.py")]
    _run(ours_argv, env), _run(bare_argv, env)  # warm the file cache
    ours: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    for _ in range(runs):
        ours.append(_run(ours_argv, env))
        bare.append(_run(bare_argv, env))
    start = ratio_result(
        "cold start to first card painted",
        median([t for t, _ in ours]),
        median([t for t, _ in bare]),
        1.3,
        "ms",
        enforce,
    )
    memory = ratio_result(
        "peak memory of that start",
        median([m for _, m in ours]),
        median([m for _, m in bare]),
        1.5,
        "MB",
        enforce,
    )
    return [start, memory]
