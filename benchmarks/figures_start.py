"""Cold start of the whole process until the window is fully built and painted, and its
peak memory, against a bare window that leaves on its first paint.

The app runs under `benchmarks.start_probe`, which watches it from outside and leaves with
os._exit as soon as the card, the navigator and the source panel have painted, as the
baseline leaves after its label's first paint; the time of the card's first paint is
reported too. The app is timed as installed, with its bytecode compiled (the environment
may set PYTHONDONTWRITEBYTECODE).
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


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident memory (MB) of one process run to its end, and seconds
    to the card's first paint when the process reports it (else the wall seconds)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({process.returncode}): {errors[-2000:]}")
    said = process.stdout.read().decode().split() if process.stdout else []
    first = float(said[1]) - start if said[:1] == ["card"] else elapsed
    return elapsed, usage.ru_maxrss / 1024, first


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
        "BRIEFING_SETTINGS": str(work / "settings.ini"),
    }
    ours_argv = [sys.executable, "-m", "benchmarks.start_probe"]
    bare_argv = [sys.executable, str(HERE / "bare_window.py")]
    _run(ours_argv, env), _run(bare_argv, env)  # warm the file cache
    ours: list[tuple[float, float, float]] = []
    bare: list[tuple[float, float, float]] = []
    for _ in range(runs):
        ours.append(_run(ours_argv, env))
        bare.append(_run(bare_argv, env))
    bare_time = median([t for t, _, _ in bare])
    ready = ratio_result(
        "cold start to the whole window painted",
        median([t for t, _, _ in ours]),
        bare_time,
        2.5,
        "ms",
        enforce,
    )
    first = ratio_result(
        "cold start to the card's first paint",
        median([f for _, _, f in ours]),
        bare_time,
        2.5,
        "ms",
        enforce=False,
    )
    memory = ratio_result(
        "peak memory of that start",
        median([m for _, m, _ in ours]),
        median([m for _, m, _ in bare]),
        1.5,
        "MB",
        enforce,
    )
    return [ready, first, memory]
