"""Named points where the process kills itself like a power cut: for the crash tests only.

A test sets MOTCUA_CRASH_AT to a point's name; the process SIGKILLs itself on reaching it, so
nothing (no `finally`, no rollback, no buffered write) runs after. Unset, as in use, a point
costs one environment look-up.
"""

from __future__ import annotations

import os
import signal

#: Environment variable naming the point where the process dies (crash tests only).
CRASH_ENV = "MOTCUA_CRASH_AT"


def crash_point(name: str) -> None:
    """Die here, like a power cut, when the crash tests ask for it."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
