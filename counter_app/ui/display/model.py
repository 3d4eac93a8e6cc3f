"""What the board shows, kept up to date from snapshots and queue events (no Qt, no database)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from counter_app.services.office import CounterInfo
from counter_app.services.queue_models import AreaInfo, BoardState, QueueEventInfo

CALL_KINDS = ("call", "recall")
#: Events after which a ticket no longer stands at its counter.
LEAVE_KINDS = ("done", "skip", "transfer")
#: Events that change how many wait per area (reconciled by a fresh snapshot).
WAITING_KINDS = ("issue", "call", "transfer")
#: How many applied events are kept to replay over a snapshot that was read before them.
REPLAY_SIZE = 200


@dataclass(frozen=True)
class Snapshot:
    """Everything read at once: the board's state, the open counters, the service areas."""

    office_name: str
    board: BoardState
    counters: tuple[CounterInfo, ...]
    areas: tuple[AreaInfo, ...]


@dataclass(frozen=True)
class RecentCall:
    """A line of the last calls list."""

    label: str
    counter: int


@dataclass
class BoardModel:
    """Counters serving, last calls, waiting counts and notice; events update it at once."""

    recent_limit: int = 6
    counters: list[int] = field(default_factory=list)
    counter_names: dict[int, str] = field(default_factory=dict)
    serving: dict[int, str] = field(default_factory=dict)
    recent: list[RecentCall] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    waiting: dict[str, int] = field(default_factory=dict)
    notice: str = ""
    #: The newest event the last snapshot includes.
    snapshot_id: int = 0
    _applied: deque[QueueEventInfo] = field(default_factory=lambda: deque(maxlen=REPLAY_SIZE))

    def load(self, snapshot: Snapshot) -> None:
        """Take a full snapshot, then replay events already applied that it did not include."""
        board = snapshot.board
        self.counters = [c.number for c in snapshot.counters if c.active]
        self.counter_names = {c.number: c.name for c in snapshot.counters}
        self.areas = [a.name for a in snapshot.areas if a.active]
        self.serving = {now.counter: now.label for now in board.serving}
        self.recent = []
        for event in board.recent_calls:  # newest first
            if event.counter is not None and all(r.label != event.label for r in self.recent):
                self.recent.append(RecentCall(event.label, event.counter))
        del self.recent[self.recent_limit :]
        self.waiting = dict(board.waiting_by_area)
        self.notice = board.notice
        self.snapshot_id = board.last_event_id
        for event in self._applied:
            if event.id > self.snapshot_id:
                self._apply_one(event)

    def apply(self, events: Iterable[QueueEventInfo]) -> list[QueueEventInfo]:
        """Apply new events in order; returns the calls and recalls among them, oldest first.

        An event the last snapshot already includes (it was read after the event, before the
        watcher delivered it) changes nothing, but its call is still news to announce.
        """
        calls = []
        for event in events:
            self._applied.append(event)
            if event.id > self.snapshot_id:
                self._apply_one(event)
            if event.kind in CALL_KINDS and event.counter is not None:
                calls.append(event)
        return calls

    def _apply_one(self, event: QueueEventInfo) -> None:
        counter = event.counter
        if event.kind in CALL_KINDS and counter is not None:
            for other, label in list(self.serving.items()):
                if label == event.label and other != counter:
                    del self.serving[other]  # a ticket stands at one counter only
            self.serving[counter] = event.label
            self.recent = [r for r in self.recent if r.label != event.label]
            call = RecentCall(event.label, counter)
            self.recent.insert(0, call)
            del self.recent[self.recent_limit :]
        elif event.kind in LEAVE_KINDS and counter is not None:
            if self.serving.get(counter) == event.label:
                del self.serving[counter]
        elif event.kind == "issue":
            area = str(event.details.get("area") or "")
            if area:
                self.waiting[area] = self.waiting.get(area, 0) + 1
        elif event.kind == "notice":
            self.notice = str(event.details.get("notice") or "")

    def tiles(self) -> list[int]:
        """The counters to show: the open ones, and any other that is serving someone."""
        return sorted(set(self.counters) | set(self.serving))

    def waiting_rows(self) -> list[tuple[str, int]]:
        """(area, count) in kiosk order, then any other area that has people waiting."""
        names = list(self.areas) + sorted(n for n in self.waiting if n not in self.areas)
        return [(name, self.waiting.get(name, 0)) for name in names]


def needs_waiting_refresh(events: Iterable[QueueEventInfo]) -> bool:
    """True when the events change waiting counts that only a snapshot can tell exactly."""
    return any(e.kind in WAITING_KINDS for e in events)
