"""A guard for a PySide6 defect seen with 6.12.0 on Python 3.11: Qt methods that return nothing
give back None without taking a reference to it (and some paths do the same with True/False).

Each such call (`widget.update()`, `painter.setPen(…)`, `label.setText(…)`) takes one reference
away from None. A window that redraws all day (clock, blinking tile, scrolling notice: about 400
calls a second) brings None's count to zero within minutes and the process aborts with "Fatal
Python error: none_dealloc". Python 3.12 made None immortal (PEP 683), so there it is harmless;
on older versions, when the defect is measured, None gets a count it cannot run out of — what
3.12 does. The real fix is a PySide6 build without the defect, or Python ≥ 3.12.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

PROBE_CALLS = 200
#: References added to None: at 10,000 lost a second, about 35 years.
BALLAST = 1 << 43


def lost_none_references(calls: int = PROBE_CALLS) -> int:
    """How many references to None `calls` calls of a void Qt method lose (0 when sound)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return max(0, before - sys.getrefcount(None))


def protect_none() -> bool:
    """Make None, True and False unable to run out of references; True if it did.

    The None defect is measured; True and False lose references too, in paths that are hard
    to probe (signals and event filters returning bools), so they get the same reserve
    whenever None needed it.
    """
    if sys.getrefcount(None) > BALLAST:
        return True  # done before in this process
    if sys.version_info >= (3, 12):
        return False  # None, True and False are immortal
    if hasattr(sys, "gettotalrefcount"):
        return False  # a debug build lays objects out differently; leave it alone
    lost = lost_none_references()
    if lost < PROBE_CALLS // 2:
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += BALLAST + lost
    for singleton in (True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += BALLAST
    log.info(  # for the admin's log file; nothing a clerk can act on
        "PySide6 loses a reference to None on each call of a method returning nothing "
        "(%d of %d calls); None, True and False were given a reserve so long-running windows "
        "cannot abort. Use Python >= 3.12 or a PySide6 build without this defect.",
        lost,
        PROBE_CALLS,
    )
    return True
