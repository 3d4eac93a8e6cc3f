"""Early, on time or late: how a step or a dossier stands against its deadline."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class Timeliness(StrEnum):
    """Where a moment falls against a deadline (the Mẫu 06 column)."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def label(self) -> str:
        """Vietnamese wording printed on the control sheet."""
        return {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}[self.value]


def timeliness(done_at: datetime, due_at: datetime) -> Timeliness:
    """Late after the deadline; on time on the deadline's day; early before that day."""
    if done_at > due_at:
        return Timeliness.LATE
    if done_at.date() == due_at.date():
        return Timeliness.ON_TIME
    return Timeliness.EARLY
