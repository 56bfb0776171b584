"""Work-arounds for defects of the Qt bindings, each detected at run time, never assumed.

PySide6 6.12.0 on Python 3.11: calls that return None (every void Qt method: setText, update,
processEvents…) and `SignalInstance.emit()` (which returns True) hand back None/True without
taking a reference, as if these singletons were immortal — which they are only from Python 3.12
on. Every such call leaves None or True with one reference fewer; after some thousands (a door
window makes that many in minutes) the count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc" or "bool_dealloc". PySide6 6.11 is not affected.

The fix does what Python 3.12 does: it makes None, True and False immortal, by giving them a
reference count no program can use up. It is applied only when a probe shows the leak and only
on a Python without immortal objects, so a fixed PySide6 or a newer Python is left alone.

Imported for its effect where a process starts using Qt, before the first call that could leak:
ui.app (the application and `checkin self-test`), the Qt tests' conftest, and the benches that
build window parts on their own.
"""

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 32
# What Python 3.12 gives its immortal objects, in spirit: more references than a process can drop.
_IMMORTAL = 1 << 60
_SINGLETONS = (None, True, False)


class _Probe(QObject):
    ping = Signal()


def references_lost() -> int:
    """How many references of None and True a few void calls and emits take away (0 when sound)."""
    probe = _Probe()
    before = sys.getrefcount(None) + sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")  # a void method: returns None
        probe.ping.emit()  # returns True
    return max(0, before - sys.getrefcount(None) - sys.getrefcount(True))


def _immortal(obj: object) -> bool:
    return sys.getrefcount(obj) >= _IMMORTAL // 2


def install() -> bool:
    """Make None, True and False immortal if this PySide6 leaks them; True if that is in place."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # immortal already (or no reference counts to speak of)
    if all(_immortal(obj) for obj in _SINGLETONS):
        return True
    if references_lost() < _PROBES:  # a sound PySide6 loses none; noise is never this regular
        return False
    for obj in _SINGLETONS:
        # ob_refcnt is the first field of every object in a CPython release build.
        ctypes.c_ssize_t.from_address(id(obj)).value += _IMMORTAL
    return True


INSTALLED = install()
