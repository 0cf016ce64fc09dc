"""A work-around for a reference-counting defect in PySide6 6.12 on Python 3.11.

PySide6 6.12.0 on Python 3.11 returns singletons without a new reference: None from methods
that return nothing (setText, setVisible, ...) and True from `Signal.emit()`. Each call
lowers that object's reference count by one, and after a few thousand calls Python aborts
with "deallocating None" (or True). Python 3.12 and later make these objects immortal, which
hides the defect. Where the installed versions are affected, their counts are raised far
out of reach, which is what Python 3.12 does; nothing else changes. The reproduction, ready
to send upstream, is in docs/pyside6-refcount-defect.md; `tests/gui/test_compat.py` fails
once a release without the defect is installed, so that the gate can be narrowed.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

FIRST_AFFECTED = (6, 12)
"""The first PySide6 release with the defect; no fixed release is known yet."""
_HEADROOM = 1 << 40
_SINGLETONS: tuple[object, ...] = (None, True, False, Ellipsis, NotImplemented)
_SMALL_INTS = range(-5, 257)  # CPython's cached ints, also immortal from 3.12
_applied = False


def affected() -> bool:
    """Whether the installed Python and PySide6 are versions known to have the defect."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import PySide6

    return tuple(PySide6.__version_info__[:2]) >= FIRST_AFFECTED


def singletons_leak() -> bool:
    """Measures the defect: True when a Qt call that returns nothing lowers None's count."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def protect_singletons() -> bool:
    """Applies the work-around once, where the versions are affected; returns whether it is
    in force."""
    global _applied
    if _applied or not affected():
        return _applied
    import ctypes

    for value in (*_SINGLETONS, *_SMALL_INTS):
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt, first field of PyObject
        count.value += _HEADROOM
    _applied = True
    import PySide6

    log.info(
        "PySide6 %s on Python %d.%d: None and True are kept alive for it "
        "(work-around for a reference-counting defect)",
        PySide6.__version__,
        *sys.version_info[:2],
    )
    return True
