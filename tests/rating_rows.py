"""Ratings written straight into the table, for report tests that need many of them."""

from __future__ import annotations

import itertools
from datetime import datetime

from counter_app.domain.rating import level_of
from db.engine import Database
from db.models import ServiceRating

_serial = itertools.count(1)


def rating(
    level: str,
    at: datetime,
    *,
    counter: int | None = 1,
    clerk: tuple[int | None, str] = (None, ""),
    area: tuple[int | None, str] = (None, ""),
    procedure: tuple[str, str] = ("", ""),
    scale: str = "five",
    reasons: tuple[str, ...] = (),
    comment: str = "",
    channel: str = "counter",
) -> ServiceRating:
    """One rating row as RatingService.submit would store it."""
    n = next(_serial)
    lv = level_of(level)
    return ServiceRating(
        event_key=f"ticket:{n}",
        client_key=f"test-{n}",
        counter=counter,
        clerk_id=clerk[0],
        clerk_name=clerk[1],
        area_id=area[0],
        area_name=area[1],
        procedure_code=procedure[0],
        procedure_name=procedure[1],
        scale=scale,
        level=lv.code,
        score=lv.score,
        satisfied=lv.satisfied,
        reasons=list(reasons),
        comment=comment,
        served_at=at,
        rated_at=at,
        saved_at=at,
        channel=channel,
        station="DANHGIA-1",
    )


def add_ratings(db: Database, rows: list[ServiceRating]) -> None:
    """Store the rows in one transaction."""
    with db.write() as session:
        session.add_all(rows)
