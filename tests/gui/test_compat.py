"""The PySide6 reference-count work-around is in force exactly where the defect is."""

from __future__ import annotations

import subprocess
import sys

from briefing.gui import compat

MEASURE = """
from briefing.gui import compat
print(compat.affected(), compat.singletons_leak())
"""


def test_the_version_gate_matches_the_measured_defect() -> None:
    # Measured in a fresh process, where the work-around has not been applied. When a fixed
    # PySide6 is installed, the gate still says "affected" while nothing leaks: this test then
    # fails, and FIRST_AFFECTED should become a range that ends before the fixed release.
    done = subprocess.run(
        [sys.executable, "-c", MEASURE], capture_output=True, text=True, check=True
    )
    gate, leaks = done.stdout.split()
    assert gate == leaks


def test_once_applied_thousands_of_calls_do_not_exhaust_none(qapp: object) -> None:
    from PySide6.QtCore import QObject

    compat.protect_singletons()
    probe = QObject()
    for _ in range(20000):
        probe.setObjectName("probe")  # aborts the interpreter without the work-around
    assert probe.objectName() == "probe"
