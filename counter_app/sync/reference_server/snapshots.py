"""Operator snapshots: copy the data tables, and later put that copy back under a new epoch.

A restore plays "the province restored last week's backup": whatever arrived after the
snapshot is gone (dossiers, ops, ratings, attachments, upstream changes, remembered batch
replies), and the epoch changes so that offices know to reconcile. Office tokens and the
change counter are not part of a snapshot: sequence numbers are never given out twice.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, insert, select

from counter_app.sync.reference_server.models import SNAPSHOT_TABLES, Snapshot, StoredAttachment
from counter_app.sync.reference_server.store import Store, new_epoch, utc_now_iso


def take_snapshot(store: Store) -> int:
    """Copy every data row into a new snapshot; return its id."""
    with store.writing() as session:
        rows = {
            model.__tablename__: [
                {c.name: getattr(obj, c.key) for c in model.__table__.columns}
                for obj in session.scalars(select(model))
            ]
            for model in SNAPSHOT_TABLES
        }
        snap = Snapshot(taken_at=utc_now_iso(), rows_json=json.dumps(rows, ensure_ascii=False))
        session.add(snap)
        session.flush()
        return snap.id


def restore_snapshot(store: Store, snapshot_id: int) -> str:
    """Replace the data rows with a snapshot's, prune attachment files; return the new epoch."""
    with store.writing() as session:
        snap = session.get(Snapshot, snapshot_id)
        if snap is None:
            raise KeyError(snapshot_id)
        rows = json.loads(snap.rows_json)
        for model in SNAPSHOT_TABLES:
            session.execute(delete(model))
        for model in SNAPSHOT_TABLES:
            table_rows = rows.get(model.__tablename__, [])
            if table_rows:
                session.execute(insert(model), table_rows)
        epoch = new_epoch()
        store.set_epoch(session, epoch)
        attachments = rows.get(StoredAttachment.__tablename__, [])
        store.files.prune(
            complete=[a["sha256"] for a in attachments if a["complete"]],
            partial=[a["sha256"] for a in attachments if not a["complete"]],
        )
    return epoch
