"""Queue rules: ticket labels, who is called next, waiting estimates, the spoken call."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

#: Priority groups (Decree 118 and common practice), in the order offered on the kiosk.
PRIORITY_KINDS: dict[str, str] = {
    "elderly": "Người cao tuổi",
    "disabled": "Người khuyết tật",
    "pregnant": "Phụ nữ mang thai",
    "small_child": "Người có con nhỏ",
    "veteran": "Người có công với cách mạng",
}

WAITING = "waiting"
CALLED = "called"
DONE = "done"
NO_SHOW = "no_show"

STATUS_LABELS: dict[str, str] = {
    WAITING: "Đang chờ",
    CALLED: "Đang phục vụ",
    DONE: "Đã phục vụ xong",
    NO_SHOW: "Vắng mặt",
}

DEFAULT_SERVICE_SECONDS = 300.0


def ticket_label(prefix: str, number: int) -> str:
    """The number as shown and spoken: prefix and at least three digits, e.g. A023."""
    if number < 1:
        raise ValueError("Số thứ tự phải từ 1 trở lên.")
    return f"{prefix}{number:03d}"


def prefix_problems(prefix: str) -> list[str]:
    """A service area's prefix must be one capital Latin letter (it is printed and spoken)."""
    if len(prefix) != 1 or not ("A" <= prefix <= "Z"):
        return ["Ký hiệu khu vực dịch vụ phải là một chữ cái in hoa không dấu (A–Z)."]
    return []


@dataclass(frozen=True)
class Waiting:
    """A waiting ticket as the caller sees it."""

    ticket_id: int
    area_id: int
    issued_at: datetime
    priority: str = ""  # one of PRIORITY_KINDS, or "" for none
    target_counter: int | None = None  # transferred to this counter specifically
    requeued_at: datetime | None = None  # transferred: keeps its number, waits from then


def call_order(ticket: Waiting, counter: int) -> tuple[int, datetime, int]:
    """Sort key: tickets sent to this counter, then priority groups, then first come."""
    if ticket.target_counter == counter:
        tier = 0
    elif ticket.priority:
        tier = 1
    else:
        tier = 2
    # A transferred citizen keeps their place: ordered by when they first took the number.
    return (tier, ticket.issued_at, ticket.ticket_id)


def pick_next(waiting: Sequence[Waiting], counter: int, areas: Sequence[int]) -> Waiting | None:
    """The ticket a counter serving `areas` calls next, or None when nobody waits for it."""
    eligible = [
        t
        for t in waiting
        if t.target_counter == counter or (t.target_counter is None and t.area_id in areas)
    ]
    return min(eligible, key=lambda t: call_order(t, counter), default=None)


def estimate_wait(
    ahead: int, recent_service_seconds: Sequence[float], open_counters: int
) -> timedelta:
    """Expected wait: people ahead × typical service time, shared by the counters open."""
    typical = (
        statistics.median(recent_service_seconds)
        if recent_service_seconds
        else DEFAULT_SERVICE_SECONDS
    )
    return timedelta(seconds=round(ahead * typical / max(1, open_counters)))


def describe_wait(wait: timedelta) -> str:
    """A wait in words for the kiosk screen and the ticket."""
    minutes = round(wait.total_seconds() / 60)
    if minutes < 1:
        return "Được phục vụ ngay"
    if minutes < 60:
        return f"Khoảng {minutes} phút"
    hours, rest = divmod(minutes, 60)
    return f"Khoảng {hours} giờ {rest} phút" if rest else f"Khoảng {hours} giờ"


def call_phrase(label: str, counter: int) -> str:
    """What the display board says for a call."""
    return f"Mời công dân có số thứ tự {label} đến quầy số {counter}"
