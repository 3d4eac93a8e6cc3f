"""What the calling panel shows, read in one go off the GUI thread (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.domain.queue import WAITING
from counter_app.services.queue import QueueService
from counter_app.services.queue_models import AreaInfo, QueueEventInfo, TicketInfo
from counter_app.ui import texts

#: How many of the next waiting numbers the panel lists.
NEXT_SHOWN = 5


@dataclass(frozen=True)
class CounterSnapshot:
    """The counter's current ticket, the areas it serves, and who waits for it."""

    counter: int
    current: TicketInfo | None
    areas: tuple[AreaInfo, ...]
    waiting: tuple[TicketInfo, ...]

    @property
    def next_up(self) -> tuple[TicketInfo, ...]:
        """The first few waiting, in calling order."""
        return self.waiting[:NEXT_SHOWN]


def counter_snapshot(queue: QueueService, counter: int) -> CounterSnapshot:
    """Read the counter's state: current ticket, served areas, its waiting line in order."""
    areas = tuple(a for a in queue.areas() if counter in a.counters)
    waiting = tuple(queue.waiting_for(counter))
    return CounterSnapshot(counter, queue.current(counter), areas, waiting)


def print_failure_text(event: QueueEventInfo) -> str:
    """The alert for a kiosk that could not print a ticket."""
    error = str(event.details.get("error") or "").strip().rstrip(".") or texts.CALLING_PRINT_UNKNOWN
    return texts.CALLING_PRINT_FAILED.format(
        station=event.station or "?", error=error, label=event.label or "?"
    )


def scanned_text(ticket: TicketInfo) -> str:
    """A scanned ticket's state: number, area, status, and the counter once called."""
    text = texts.CALLING_SCANNED.format(
        label=ticket.label, area=ticket.area_name, status=ticket.status_label
    )
    if ticket.counter and ticket.status != WAITING:
        text += texts.CALLING_SCANNED_COUNTER.format(counter=ticket.counter)
    return text


def since_text(current: TicketInfo, now: datetime) -> str:
    """When the ticket served was called, for how long, how often; whether a dossier is linked."""
    called = current.called_at or current.issued_at
    minutes = max(0, int((now - called).total_seconds() // 60))
    text = texts.CALLING_SINCE.format(time=f"{called:%H:%M}", minutes=minutes)
    if current.call_count > 1:
        text += texts.CALLING_CALL_COUNT.format(count=current.call_count)
    if current.dossier_id is not None:
        text += f" · {texts.CALLING_DOSSIER_LINKED}"
    return text
