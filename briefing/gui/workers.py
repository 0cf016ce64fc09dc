"""PDF work off the GUI thread: one job at a time (ReportLab is not thread-safe), results
delivered back on the GUI thread as signals.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int, str], None]


class _Relay(QObject):
    """Carries a job's outcome across threads (queued connections to the GUI thread)."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int, int, str)


class _Job(QRunnable):
    def __init__(self, number: int, work: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self.number = number
        self.cancelled = False
        self._work = work
        self._relay = relay
        self.setAutoDelete(False)

    def run(self) -> None:
        if self.cancelled:
            return
        try:
            result = self._work(self._report)
        except Exception as exc:  # reported to the GUI, which shows it
            self._relay.failed.emit(self.number, exc)
        else:
            self._relay.finished.emit(self.number, result)

    def _report(self, done: int, total: int, label: str) -> None:
        self._relay.progress.emit(self.number, done, total, label)


class PdfWorker(QObject):
    """Runs callables `work(progress)` in order on one background thread."""

    finished = Signal(int, object)  # job number, result
    failed = Signal(int, object)  # job number, exception
    progress = Signal(int, int, int, str)  # job number, done, total, label

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._relay.progress.connect(self.progress)
        self._numbers = itertools.count(1)
        self._jobs: dict[int, _Job] = {}

    def submit(self, work: Callable[[Progress], Any]) -> int:
        number = next(self._numbers)
        job = _Job(number, work, self._relay)
        self._jobs[number] = job
        self._pool.start(job)
        return number

    def cancel(self, number: int) -> None:
        """Drops a job that has not started; one already running finishes but is ignored."""
        job = self._jobs.pop(number, None)
        if job is not None:
            job.cancelled = True
            self._pool.tryTake(job)

    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, msecs: int = -1) -> bool:
        """Waits for running work (used when the window closes)."""
        return bool(self._pool.waitForDone(msecs))

    def _finished(self, number: int, result: object) -> None:
        if self._jobs.pop(number, None) is not None:
            self.finished.emit(number, result)

    def _failed(self, number: int, error: object) -> None:
        if self._jobs.pop(number, None) is not None:
            self.failed.emit(number, error)
