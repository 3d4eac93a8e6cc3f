"""Sync facts in the words the clerk reads."""

from __future__ import annotations

from datetime import datetime, timedelta

from counter_app.services.sync_status import SyncOverview
from counter_app.ui import texts


def age_text(age: timedelta) -> str:
    """E.g. "12 phút", "3 giờ", "2 ngày"."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 120:
        return texts.SYNC_AGE_MINUTES.format(n=minutes)
    if minutes < 48 * 60:
        return texts.SYNC_AGE_HOURS.format(n=minutes // 60)
    return texts.SYNC_AGE_DAYS.format(n=minutes // (24 * 60))


def status_line(overview: SyncOverview, now: datetime) -> tuple[str, bool]:
    """The status bar's one line, and whether it is a warning."""
    if not overview.configured:
        return texts.SYNC_NOT_CONFIGURED, False
    if overview.token_refused:
        return texts.SYNC_STATUS_TOKEN, True
    if overview.pending and overview.oldest_pending_at is not None:
        line = texts.SYNC_STATUS_PENDING.format(
            count=overview.pending, age=age_text(now - overview.oldest_pending_at)
        )
        failing = bool(overview.last_error) and (
            overview.last_success is None or (overview.last_error_at or now) > overview.last_success
        )
        if failing:
            line += " — " + texts.SYNC_STATUS_ERROR.format(message=overview.last_error)
        warn = failing
    else:
        line, warn = texts.SYNC_STATUS_OK, False
    if overview.skew_warning and overview.skew is not None:
        minutes = round(abs(overview.skew.total_seconds()) / 60)
        line += " · " + texts.SYNC_STATUS_SKEW.format(minutes=minutes)
        warn = True
    return line, warn or overview.set_aside > 0
