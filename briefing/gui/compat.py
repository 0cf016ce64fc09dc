"""A work-around for a reference-counting defect in the installed Qt bindings.

PySide6 6.12.0 on Python 3.11 returns singletons without a new reference: None from methods
that return nothing (setText, setVisible, ...) and True from `Signal.emit()`. Each call
lowers that object's reference count by one, and after a few thousand calls Python aborts
with "deallocating None" (or True). Python 3.12 and later make these objects immortal, which
hides the defect. Here, when a probe shows the leak, their counts are raised far out of
reach, which is what Python 3.12 does; nothing else changes.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40
_SINGLETONS: tuple[object, ...] = (None, True, False, Ellipsis, NotImplemented)
_SMALL_INTS = range(-5, 257)  # CPython's cached ints, also immortal from 3.12


def singletons_leak() -> bool:
    """True when a Qt call that returns nothing lowers None's reference count."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def protect_singletons() -> bool:
    """Applies the work-around when it is needed; returns whether it was."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not singletons_leak():
        return False
    import ctypes  # only where the defect shows

    for value in (*_SINGLETONS, *_SMALL_INTS):
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt, first field of PyObject
        count.value += _HEADROOM
    return True
