"""Apply a batch in one transaction and answer per item: accepted, duplicate or rejected.

What the batch touches is read up front in a handful of queries (ops by op_id, dossiers,
the (MaHoSo, seq) pairs already used, ratings, verified attachments), then each item is
decided in order against that picture, which later items of the same batch see updated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.sync_payload import (
    KIND_DOSSIER,
    KIND_RATING,
    KIND_STATUS,
    attachment_hashes,
    content_hash,
)
from counter_app.sync.reference_server.batch_json import RawItem
from counter_app.sync.reference_server.models import (
    AppliedOp,
    BatchReply,
    StoredAttachment,
    StoredDossier,
    StoredRating,
)
from counter_app.sync.reference_server.store import Store, utc_now_iso
from counter_app.sync.reference_server.validate import Item, Rejection, check_item

_CHUNK = 500  # values per IN (...) list


class IdempotencyKeyReused(Exception):
    """The Idempotency-Key was already used for a different body."""


def _chunks(values: Iterable[str]) -> list[list[str]]:
    listed = sorted(set(values))
    return [listed[i : i + _CHUNK] for i in range(0, len(listed), _CHUNK)]


def _rejected(op_id: object, r: Rejection) -> dict[str, Any]:
    return {
        "op_id": op_id if isinstance(op_id, str) else None,
        "status": "rejected",
        "code": r.code,
        "message": r.message,
        "retryable": r.retryable,
    }


class _Batch:
    """The state one batch is decided against."""

    def __init__(self, session: Session, office: str, items: list[Item]) -> None:
        self.session = session
        self.office = office
        self.now = utc_now_iso()
        op_ids = [i.op_id for i in items]
        codes = [i.code for i in items if i.code is not None and i.kind != KIND_RATING]
        keys = [str(i.data["MaDanhGia"]) for i in items if i.kind == KIND_RATING]
        shas = [s for i in items if i.kind == KIND_DOSSIER for s in attachment_hashes(i.data)]
        self.ops: dict[str, tuple[str, str]] = {}
        self.dossiers: dict[str, StoredDossier] = {}
        self.used_seqs: dict[tuple[str, int | None], str] = {}
        self.ratings: dict[str, str] = {}
        self.files: set[str] = set()
        for chunk in _chunks(op_ids):
            known = session.execute(
                select(AppliedOp.op_id, AppliedOp.item_hash, AppliedOp.office).where(
                    AppliedOp.op_id.in_(chunk)
                )
            )
            self.ops.update({op_id: (h, o) for op_id, h, o in known})
        for chunk in _chunks(codes):
            found = session.scalars(select(StoredDossier).where(StoredDossier.ma_ho_so.in_(chunk)))
            self.dossiers.update({d.ma_ho_so: d for d in found})
            pairs = session.execute(
                select(AppliedOp.ma_ho_so, AppliedOp.seq, AppliedOp.op_id).where(
                    AppliedOp.ma_ho_so.in_(chunk), AppliedOp.seq.is_not(None)
                )
            )
            self.used_seqs.update({(c, s): o for c, s, o in pairs if c is not None})
        for chunk in _chunks(keys):
            rows = session.execute(
                select(StoredRating.ma_danh_gia, StoredRating.content_hash).where(
                    StoredRating.ma_danh_gia.in_(chunk)
                )
            )
            self.ratings.update({key: digest for key, digest in rows})
        for chunk in _chunks(shas):
            self.files.update(
                session.scalars(
                    select(StoredAttachment.sha256).where(
                        StoredAttachment.sha256.in_(chunk), StoredAttachment.complete.is_(True)
                    )
                )
            )

    def decide(self, item: Item) -> dict[str, Any]:
        """Apply one item (or not) and return its result."""
        data_hash = content_hash(item.data)
        item_hash = hashlib.sha256(
            f"{item.kind}|{item.code}|{item.seq}|{data_hash}".encode()
        ).hexdigest()
        result: dict[str, Any] = {"op_id": item.op_id, "status": "accepted"}
        try:
            previous = self.ops.get(item.op_id)
            if previous == (item_hash, self.office):
                return {"op_id": item.op_id, "status": "duplicate"}
            if previous is not None:
                raise Rejection(
                    "op_id_conflict", f"Mã thao tác {item.op_id} đã được dùng cho nội dung khác."
                )
            if item.code is not None and (item.code, item.seq) in self.used_seqs:
                raise Rejection(
                    "seq_conflict",
                    f"Số thứ tự thao tác {item.seq} của hồ sơ “{item.code}” đã được dùng "
                    "cho một thao tác khác.",
                )
            if item.kind == KIND_DOSSIER:
                self._dossier(item, data_hash, result)
            elif item.kind == KIND_STATUS:
                self._status(item, result)
            elif self._rating(item, data_hash):
                result["status"] = "duplicate"
        except Rejection as r:
            return _rejected(item.op_id, r)
        self.session.add(
            AppliedOp(
                op_id=item.op_id,
                office=self.office,
                kind=item.kind,
                ma_ho_so=item.code,
                seq=item.seq,
                item_hash=item_hash,
                raw_data=item.raw_data,
                received_at=self.now,
            )
        )
        self.ops[item.op_id] = (item_hash, self.office)
        if item.seq is not None and item.code is not None:
            self.used_seqs[(item.code, item.seq)] = item.op_id
        return result

    def _dossier(self, item: Item, data_hash: str, result: dict[str, Any]) -> None:
        assert item.code is not None and item.seq is not None
        missing = [s for s in attachment_hashes(item.data) if s not in self.files]
        if missing:
            raise Rejection(
                "attachment_missing",
                f"Tệp đính kèm {missing[0][:12]}… chưa được tải lên đầy đủ: tải tệp lên rồi "
                "gửi lại thao tác này.",
                retryable=True,
            )
        status = int(item.data["TrangThaiHoSo"])
        stored = self.dossiers.get(item.code)
        if stored is None:
            stored = StoredDossier(
                ma_ho_so=item.code,
                office=self.office,
                raw_json=item.raw_data,
                content_hash=data_hash,
                snapshot_seq=item.seq,
                last_seq=item.seq,
                status=status,
                updated_at=self.now,
            )
            self.session.add(stored)
            self.dossiers[item.code] = stored
            return
        if item.seq > stored.snapshot_seq:
            stored.raw_json, stored.content_hash = item.raw_data, data_hash
            stored.snapshot_seq = item.seq
        self._advance(stored, item.seq, status, result)

    def _status(self, item: Item, result: dict[str, Any]) -> None:
        assert item.code is not None and item.seq is not None
        stored = self.dossiers.get(item.code)
        if stored is None:
            raise Rejection(
                "unknown_dossier",
                f"Hệ thống tỉnh chưa có hồ sơ “{item.code}”: gửi hồ sơ trước, rồi gửi lại "
                "thay đổi trạng thái này.",
                retryable=True,
            )
        self._advance(stored, item.seq, int(item.data["TrangThaiHoSo"]), result)

    def _advance(
        self, stored: StoredDossier, seq: int, status: int, result: dict[str, Any]
    ) -> None:
        if seq > stored.last_seq:
            stored.last_seq, stored.status = seq, status
            stored.updated_at = self.now
        else:
            result["superseded"] = True

    def _rating(self, item: Item, data_hash: str) -> bool:
        """Store a new rating; True when the same rating was already there."""
        key = str(item.data["MaDanhGia"])
        known = self.ratings.get(key)
        if known == data_hash:
            return True
        if known is not None:
            raise Rejection(
                "rating_conflict",
                f"Đánh giá “{key}” đã được ghi nhận với nội dung khác; đánh giá không sửa được.",
            )
        self.session.add(
            StoredRating(
                ma_danh_gia=key,
                office=self.office,
                ma_ho_so=item.code,
                raw_json=item.raw_data,
                content_hash=data_hash,
                received_at=self.now,
            )
        )
        self.ratings[key] = data_hash
        return False


def apply_items(session: Session, office: str, raw_items: list[RawItem]) -> list[dict[str, Any]]:
    """Decide every item in order, inside the caller's transaction; results in the same order."""
    checked: list[Item | tuple[object, Rejection]] = []
    for raw in raw_items:
        try:
            checked.append(check_item(raw, office))
        except Rejection as r:
            checked.append((raw.envelope.get("op_id") if raw.is_object else None, r))
    batch = _Batch(session, office, [c for c in checked if isinstance(c, Item)])
    return [_result(batch, c) for c in checked]


def _result(batch: _Batch, entry: Item | tuple[object, Rejection]) -> dict[str, Any]:
    if isinstance(entry, Item):
        return batch.decide(entry)
    return _rejected(*entry)


def run_batch(
    store: Store, office: str, key: str | None, body: bytes, raw_items: list[RawItem]
) -> tuple[str, bool]:
    """Apply a batch (or replay the answer given to its Idempotency-Key): (reply JSON, replayed)."""
    body_sha = hashlib.sha256(body).hexdigest()
    with store.writing() as session:
        if key is not None:
            known = session.get(BatchReply, (office, key))
            if known is not None:
                if known.body_sha256 != body_sha:
                    raise IdempotencyKeyReused(key)
                return known.reply_json, True
        results = apply_items(session, office, raw_items)
        counts = {s: 0 for s in ("accepted", "duplicate", "rejected")}
        for r in results:
            counts[r["status"]] += 1
        reply = json.dumps(
            {"results": results, **counts}, ensure_ascii=False, separators=(",", ":")
        )
        if key is not None:
            session.add(
                BatchReply(
                    office=office,
                    idempotency_key=key,
                    body_sha256=body_sha,
                    reply_json=reply,
                    created_at=utc_now_iso(),
                )
            )
    return reply, False
