"""After the province lost data (its epoch changed): tell it what we hold, resend what it lacks.

Lost operations go again under their original op_ids; a dossier whose stored snapshot
differs gets a fresh snapshot under the next seq; lost files are uploaded again; the changes
feed is read again from the start (already applied changes are skipped by change_id).
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import delete, func, select, update

from counter_app.clock import Clock
from counter_app.sync import state
from counter_app.sync.outbox import force_snapshot
from counter_app.sync.provincial import ProvincialAdapter
from db.engine import Database
from db.models import SyncFile, SyncOutbox

log = logging.getLogger(__name__)

PAGE = 1000


def reconcile(db: Database, adapter: ProvincialAdapter, clock: Clock) -> None:
    """Compare with the province and queue again everything it lacks."""
    dossiers, ratings, files = _what_we_sent(db)
    lost_dossiers: list[tuple[str, int, str | None]] = []
    lost_ratings: list[str] = []
    lost_files: list[str] = []
    longest = max(len(dossiers), len(ratings), len(files), 1)
    for start in range(0, longest, PAGE):
        end = start + PAGE
        reply = adapter.reconcile(dossiers[start:end], ratings[start:end], files[start:end])
        lost_dossiers += [(d.code, d.have_seq, d.have_hash) for d in reply.dossiers]
        lost_ratings += list(reply.ratings)
        lost_files += [a.sha256 for a in reply.attachments]
    now = clock()
    with db.write() as session:
        for code, have_seq, have_hash in lost_dossiers:
            resent = session.execute(
                update(SyncOutbox)
                .where(
                    SyncOutbox.code == code,
                    SyncOutbox.seq > have_seq,
                    SyncOutbox.state == "done",
                )
                .values(state="pending", next_attempt_at=None)
            ).rowcount
            if resent:
                continue
            # The province may hold an operation whose answer never reached us (still
            # "sending" here): it goes again as a duplicate, no new snapshot is needed.
            held = session.scalar(
                select(SyncOutbox.id).where(
                    SyncOutbox.code == code,
                    SyncOutbox.seq == have_seq,
                    SyncOutbox.content_hash == have_hash,
                )
            )
            if held is not None:
                continue
            dossier_id = session.scalar(
                select(SyncOutbox.dossier_id).where(SyncOutbox.code == code).limit(1)
            )
            if dossier_id is not None:
                force_snapshot(session, dossier_id, now)
        for key in lost_ratings:
            session.execute(
                update(SyncOutbox)
                .where(SyncOutbox.kind == "rating", SyncOutbox.payload.contains(json.dumps(key)))
                .values(state="pending", next_attempt_at=None)
            )
        if lost_files:
            session.execute(delete(SyncFile).where(SyncFile.sha256.in_(lost_files)))
        state.put(session, state.CURSOR, "0")
    log.warning(
        "reconciled: %d dossiers, %d ratings, %d files to send again",
        len(lost_dossiers),
        len(lost_ratings),
        len(lost_files),
    )


def _what_we_sent(
    db: Database,
) -> tuple[list[tuple[str, int, str | None]], list[str], list[str]]:
    with db.read() as session:
        last = (
            select(SyncOutbox.code, func.max(SyncOutbox.seq).label("seq"))
            .where(SyncOutbox.state == "done", SyncOutbox.kind == "dossier")
            .group_by(SyncOutbox.code)
            .subquery()
        )
        rows = session.execute(
            select(SyncOutbox.code, SyncOutbox.seq, SyncOutbox.content_hash).join(
                last, (SyncOutbox.code == last.c.code) & (SyncOutbox.seq == last.c.seq)
            )
        ).all()
        dossiers = [(r.code, r.seq, r.content_hash) for r in rows]
        ratings = [
            json.loads(payload)["MaDanhGia"]
            for payload in session.scalars(
                select(SyncOutbox.payload).where(
                    SyncOutbox.kind == "rating", SyncOutbox.state == "done"
                )
            )
        ]
        files = list(session.scalars(select(SyncFile.sha256)))
    return dossiers, ratings, files
