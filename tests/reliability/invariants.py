"""What must hold after any number of power cuts: whole records, nothing half-written, no gaps.

"No gaps" for a sequence (sequences.py): a number is taken inside the transaction that uses
it, so a transaction cut before its commit gives the number back. The committed numbers of a
sequence in its period are therefore exactly 1..n, none twice, and the counter row says n:
no number was lost to a cut, and none is handed out twice after a restart.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.dossier_status import DossierStatus
from counter_app.domain.sync_payload import KIND_DOSSIER, KIND_RATING, content_hash, dossier_payload
from counter_app.sync.snapshots import dossier_snapshot
from db.engine import EXPECTED_SQLITE_PRAGMAS, Database
from db.models import (
    Attachment,
    AuditEntry,
    Dossier,
    FeeReceipt,
    Procedure,
    QueueEvent,
    SequenceCounter,
    ServiceRating,
    SyncOutbox,
    Ticket,
)


def assert_sqlite_settings(starts: list[dict], url: str) -> None:
    """Every run's connection had WAL, synchronous=FULL and foreign keys (SQLite only)."""
    assert starts
    for start in starts:
        assert start["sqlite"] == (EXPECTED_SQLITE_PRAGMAS if url.startswith("sqlite") else {})


def assert_database_sound(db: Database) -> None:
    """SQLite's own checks: the file is consistent, no row points at nothing, still WAL."""
    if not db.is_sqlite:
        return
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    assert db.sqlite_file is not None
    plain = sqlite3.connect(db.sqlite_file)  # without the app's settings: the file's own mode
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        plain.close()


def assert_gap_free(session: Session, name: str, period: str, numbers: list[int]) -> None:
    """The committed numbers are 1..n exactly and the sequence's counter stands at n."""
    assert sorted(numbers) == list(range(1, len(numbers) + 1)), (name, sorted(numbers))
    last = session.scalar(
        select(SequenceCounter.last_value).where(
            SequenceCounter.name == name, SequenceCounter.period == period
        )
    )
    assert (last or 0) == len(numbers), f"{name}: counter at {last}, {len(numbers)} committed"


def assert_committed_once(reported: list[int], stored: list[int], kills: int) -> None:
    """Each reported record is stored; a cut loses at most the report of its last commit."""
    assert len(set(reported)) == len(reported)
    assert set(reported) <= set(stored)
    assert len(stored) - len(reported) <= kills


def assert_dossiers_whole(db: Database, files_root: Path, reported: list[dict], kills: int):
    """Every dossier whole (papers, history, audit, receipt, scan, outbox), numbering gap-free."""
    with db.read() as session:
        dossiers = list(session.scalars(select(Dossier).order_by(Dossier.id)))
        assert_committed_once([r["id"] for r in reported], [d.id for d in dossiers], kills)
        by_id = {d.id: d for d in dossiers}
        for line in reported:
            dossier = by_id[line["id"]]
            assert dossier.code == line["code"]
            assert [a.sha256 for a in dossier.attachments] == [line["sha256"]]
        for dossier in dossiers:
            _assert_dossier_whole(session, dossier, files_root)
        agency = dossiers[0].code.rsplit("-", 2)[0] if dossiers else ""
        day = dossiers[0].received_at.date() if dossiers else None
        codes = [int(d.code.rsplit("-", 1)[1]) for d in dossiers]
        assert_gap_free(session, f"dossier:{agency}", day.isoformat(), codes)
        books = [d.book_number for d in dossiers]
        assert_gap_free(session, f"book:{agency}", str(day.year), books)
        receipts = list(session.scalars(select(FeeReceipt.number)))
        assert_gap_free(session, "fee_receipt", str(day.year), receipts)
        referenced = set(session.scalars(select(Attachment.sha256)))
    assert_store_clean(files_root, referenced)


def _assert_dossier_whole(session: Session, dossier: Dossier, files_root: Path) -> None:
    assert dossier.status == DossierStatus.DUOC_TIEP_NHAN and dossier.code
    procedure = session.scalars(select(Procedure).where(Procedure.code == dossier.procedure_code))
    assert [p.name for p in dossier.papers] == [p.name for p in procedure.one().papers]
    assert [e.action for e in dossier.events] == ["receive"]
    audit = select(func.count()).where(
        AuditEntry.action == "dossier.receive", AuditEntry.entity_id == str(dossier.id)
    )
    assert session.scalar(audit) == 1
    fees = session.scalar(select(func.count()).where(FeeReceipt.dossier_id == dossier.id))
    assert fees == (1 if dossier.fee_total > 0 else 0)
    assert len(dossier.attachments) == 1
    for attachment in dossier.attachments:
        path = files_root / attachment.sha256[:2] / attachment.sha256[2:4] / attachment.sha256
        assert hashlib.sha256(path.read_bytes()).hexdigest() == attachment.sha256
        assert path.stat().st_size == attachment.size_bytes
    # One operation waits for the province, carrying exactly the committed dossier.
    ops = list(session.scalars(select(SyncOutbox).where(SyncOutbox.dossier_id == dossier.id)))
    assert [(op.kind, op.seq, op.state, op.code) for op in ops] == [
        (KIND_DOSSIER, 1, "pending", dossier.code)
    ]
    now = content_hash(dossier_payload(dossier_snapshot(session, dossier)))
    assert ops[0].content_hash == now and dossier.attachments[0].sha256 in ops[0].payload


def store_files(files_root: Path) -> tuple[dict[str, Path], list[Path]]:
    """The store's files under a hash name, and its temporary files of unfinished writes."""
    named, temporary = {}, []
    for folder, _dirs, names in os.walk(files_root):
        for name in names:
            path = Path(folder) / name
            if name.startswith(".") and name.endswith(".part"):
                temporary.append(path)
            else:
                named[name] = path
    return named, temporary


def assert_store_clean(files_root: Path, referenced: set[str]) -> None:
    """Every file under a hash name is whole and named by a row: no orphan is left.

    A cut between storing a scan and the commit leaves its file unnamed; the intake redone
    after the restart stores the same content and names it (the store keeps one copy per
    content). A cut in the middle of a write can only leave a hidden ``.part`` file, never a
    half file under a hash name.
    """
    named, _temporary = store_files(files_root)
    assert set(named) == referenced
    for sha256, path in named.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256


def assert_tickets_whole(db: Database, reported: list[dict], kills: int) -> list[Ticket]:
    """Every ticket with its one "issue" event; numbers of the day gap-free; the tickets."""
    with db.read() as session:
        tickets = list(session.scalars(select(Ticket).order_by(Ticket.id)))
        assert_committed_once([r["id"] for r in reported], [t.id for t in tickets], kills)
        labels = {t.id: t.label for t in tickets}
        assert all(labels[r["id"]] == r["label"] for r in reported)
        issued = Counter(
            session.scalars(select(QueueEvent.ticket_id).where(QueueEvent.kind == "issue"))
        )
        assert issued == Counter(t.id for t in tickets)
        for prefix in {t.prefix for t in tickets}:
            mine = [t for t in tickets if t.prefix == prefix]
            day = mine[0].day.isoformat()
            assert_gap_free(session, f"ticket:{prefix}", day, [t.number for t in mine])
        return tickets


def assert_ratings_once(db: Database, kept: list[str]) -> None:
    """Every answer kept on the screen is in the database once, with its one outbox op."""
    with db.read() as session:
        rows = list(session.scalars(select(ServiceRating)))
        assert sorted(r.client_key for r in rows) == sorted(kept)
        assert len({r.event_key for r in rows}) == len(rows)
        ops = Counter(
            session.scalars(select(SyncOutbox.rating_id).where(SyncOutbox.kind == KIND_RATING))
        )
        assert ops == Counter(r.id for r in rows)


def count(db: Database, query) -> int:  # type: ignore[no-untyped-def]
    """A scalar count, for the checks between runs."""
    with db.read() as session:
        return int(session.scalar(query) or 0)
