"""The time source: naive local Vietnam time (Asia/Ho_Chi_Minh has no daylight saving)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

Clock = Callable[[], datetime]


def vietnam_now() -> datetime:
    """Current local time in Vietnam, without tzinfo, to the second."""
    return datetime.now(VN_TZ).replace(tzinfo=None, microsecond=0)


class FrozenClock:
    """A clock for tests and demos that returns a set time until moved."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        """Move the clock forward by a timedelta's keyword arguments."""
        from datetime import timedelta

        self.at += timedelta(**delta)
