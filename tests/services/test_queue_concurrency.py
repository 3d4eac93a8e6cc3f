"""Two kiosks and eight counters at once, as separate processes: no duplicate, no double call."""

from __future__ import annotations

import multiprocessing
from collections import Counter

from queue_fixtures import make_hall

from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.services.queue import QueueService
from db.engine import Database


def _kiosk(url: str, area_ids: list[int], count: int, name: str) -> list[str]:
    db = Database(url)
    queue = QueueService(db)
    kiosk = Principal(2, "kiosk", "Kiosk", Role.DEVICE, name)
    labels = [queue.issue(kiosk, area_ids[i % len(area_ids)]).label for i in range(count)]
    db.dispose()
    return labels


def _counter(url: str, counter: int, rounds: int) -> list[int]:
    db = Database(url)
    queue = QueueService(db)
    clerk = Principal(3, "canbo1", "Cán bộ", Role.CLERK, f"QUAY-{counter}")
    called = []
    for _ in range(rounds):
        ticket = queue.call_next(clerk, counter)
        if ticket is not None:
            called.append(ticket.id)
    db.dispose()
    return called


def test_kiosks_and_counters_in_parallel_processes(migrated_db):
    hall = make_hall(migrated_db, counters=8)  # the processes use the real clock: today
    url = migrated_db.url
    migrated_db.dispose()
    areas = [hall.areas["A"].id, hall.areas["B"].id]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(10) as pool:
        kiosks = [pool.apply_async(_kiosk, (url, areas, 40, f"KIOSK-{k}")) for k in (1, 2)]
        counters = [pool.apply_async(_counter, (url, c, 12)) for c in range(1, 9)]
        labels = [label for k in kiosks for label in k.get(timeout=120)]
        called = [t for c in counters for t in c.get(timeout=120)]
    assert len(labels) == 80 and len(set(labels)) == 80
    assert Counter(label[0] for label in labels) == {"A": 40, "B": 40}
    assert len(called) == len(set(called))  # no ticket called twice
    # Whatever was not called while the kiosks were still issuing is called now, once each.
    queue = QueueService(Database(url))
    clerk = Principal(3, "canbo1", "Cán bộ", Role.CLERK, "QUAY-1")
    while (ticket := queue.call_next(clerk, 1)) is not None:
        called.append(ticket.id)
    assert len(called) == len(set(called)) == 80
