"""Cold start of the whole process until the window is fully built and painted, and its
peak memory, against a bare window in the same run.

The app runs under `benchmarks.start_probe`, which builds it as `briefing` does, watches it
from outside and prints the moment the card, the navigator and the source panel had all
painted; the bare window prints the moment its label first painted. Each figure runs from
just before the process is spawned to that moment. The time of the card's first paint, and
the wall time to the process's end (which adds the kernel's teardown of the process, larger
for a larger one), are reported too. The app is timed as installed, with its bytecode
compiled (the environment may set PYTHONDONTWRITEBYTECODE).
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from benchmarks.measure import Result, median, ratio_result

HERE = Path(__file__).resolve().parent


class Start(NamedTuple):
    """One cold start, in seconds from just before the spawn, and its peak memory in MB."""

    painted: float
    """Until the whole window (for the bare window: its label) had painted."""
    first: float
    """Until the first paint of the app's card (for the bare window: as `painted`)."""
    ended: float
    """Until the process had ended."""
    memory: float


def _run(argv: list[str], env: dict[str, str]) -> Start:
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    said = process.stdout.read().decode().split() if process.stdout else []
    if process.returncode != 0 or said[:1] not in (["card"], ["painted"]):
        raise RuntimeError(f"{' '.join(argv)} failed ({process.returncode}): {errors[-2000:]}")
    times = [float(t) - start for t in said[1::2]]
    return Start(painted=times[-1], first=times[0], ended=ended, memory=usage.ru_maxrss / 1024)


def compile_briefing() -> None:
    """Writes the `briefing` package's .pyc files, as installing it would, and those of the
    probe's own helpers (which it imports before the window shows)."""
    import briefing

    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)
    compileall.compile_dir(HERE, quiet=1)


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
    ours_argv = [sys.executable, str(HERE / "start_probe.py")]  # a script, as the baseline
    bare_argv = [sys.executable, str(HERE / "bare_window.py")]
    _run(ours_argv, env), _run(bare_argv, env)  # warm the file cache
    ours: list[Start] = []
    bare: list[Start] = []
    for _ in range(runs):
        ours.append(_run(ours_argv, env))
        bare.append(_run(bare_argv, env))
    bare_time = median([b.painted for b in bare])
    ready = ratio_result(
        "cold start to the whole window painted",
        median([o.painted for o in ours]),
        bare_time,
        2.5,
        "ms",
        enforce,
    )
    first = ratio_result(
        "cold start to the card's first paint",
        median([o.first for o in ours]),
        bare_time,
        2.5,
        "ms",
        enforce=False,
    )
    ended = ratio_result(
        "cold start to the process's end (with its teardown)",
        median([o.ended for o in ours]),
        median([b.ended for b in bare]),
        2.5,
        "ms",
        enforce=False,
    )
    memory = ratio_result(
        "peak memory of that start",
        median([o.memory for o in ours]),
        median([b.memory for b in bare]),
        1.5,
        "MB",
        enforce,
    )
    return [ready, first, ended, memory]
