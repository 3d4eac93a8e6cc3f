"""The power-cut tests reuse the sync tests' office helpers and checks (tests/sync)."""

from __future__ import annotations

import sys
from pathlib import Path

_SYNC_TESTS = str(Path(__file__).resolve().parents[1] / "sync")
if _SYNC_TESTS not in sys.path:
    sys.path.insert(0, _SYNC_TESTS)
