"""Digitised files (số hóa) of dossiers: attached, listed and removed, all audited.

The files themselves are checked and kept by `attachment_store.AttachmentStore`; this module
records which dossier (and which of its papers) each file belongs to.
"""

from __future__ import annotations

import errno
import logging
import os
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.roles import Role
from counter_app.services import audit
from counter_app.services.attachment_store import AttachmentStore, FileFacts
from counter_app.services.attachment_store import format_size as format_size  # re-export (ui)
from counter_app.services.errors import NotFound, ValidationError
from counter_app.services.principal import Principal, require_role
from counter_app.sync.outbox import mark_dossier
from db.engine import Database
from db.models import Attachment, Dossier, DossierPaper, SyncOutbox

log = logging.getLogger(__name__)

#: Roles that may attach and remove files (people at the counter, not devices).
ATTACH_ROLES = (Role.CLERK, Role.SUPERVISOR, Role.ADMIN)

NO_DOSSIER = "Không tìm thấy hồ sơ số {id}."
NO_ATTACHMENT = "Không tìm thấy tệp đính kèm số {id}."
NO_PAPER = "Hồ sơ không có thành phần hồ sơ số {position}."
DUPLICATE = "Tệp “{name}” đã được đính kèm vào hồ sơ này (cùng nội dung với “{existing}”)."


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment of a dossier, detached from the database."""

    id: int
    dossier_id: int
    paper_position: int | None
    sha256: str
    filename: str
    media_type: str
    size_bytes: int
    pages: int
    added_at: datetime
    added_by: str


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(**{f.name: getattr(row, f.name) for f in fields(AttachmentInfo)})


def _is_referenced(session: Session, sha256: str) -> bool:
    query = select(Attachment.id).where(Attachment.sha256 == sha256).limit(1)
    if session.scalar(query) is not None:
        return True
    # An operation not yet sent may still cite the file: the province must get it first.
    waiting = select(SyncOutbox.id).where(
        SyncOutbox.state == "pending", SyncOutbox.payload.contains(sha256)
    )
    return session.scalar(waiting.limit(1)) is not None


class AttachmentService:
    """Attaching digitised files to dossiers, listing and removing them, all audited.

    The file is stored before the row is written and is not taken back if the database write
    fails: storage is by content, so a file no row names is harmless and is reused when the
    same content is attached again. Removing an attachment deletes the file once no row of any
    dossier names it, so a wrongly attached paper (someone else's ID card) does not linger.
    """

    def __init__(self, db: Database, store: AttachmentStore, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.store = store
        self.clock = clock

    def attach(
        self,
        principal: Principal,
        dossier_id: int,
        path: str | os.PathLike[str],
        paper_position: int | None = None,
    ) -> AttachmentInfo:
        """Check and store a file, then record it on the dossier (row and audit line together)."""
        require_role(principal, *ATTACH_ROLES)
        facts = self.store.store(path)
        with self.db.write() as session:
            return self.add(session, principal, dossier_id, facts, paper_position)

    def add(
        self,
        session: Session,
        principal: Principal,
        dossier_id: int,
        facts: FileFacts,
        paper_position: int | None = None,
    ) -> AttachmentInfo:
        """Record a file already stored (`store.store`) inside the caller's transaction (intake)."""
        require_role(principal, *ATTACH_ROLES)
        self._check_target(session, dossier_id, paper_position, facts)
        now = self.clock()
        row = Attachment(
            dossier_id=dossier_id,
            paper_position=paper_position,
            added_at=now,
            added_by=principal.username,
            **asdict(facts),
        )
        session.add(row)
        session.flush()
        mark_dossier(session, dossier_id, now)
        details = {"attachment_id": row.id, "paper_position": paper_position, **asdict(facts)}
        audit.record(session, principal, now, "dossier.attach", "dossier", dossier_id, **details)
        return _info(row)

    def list_for(self, dossier_id: int) -> list[AttachmentInfo]:
        """The dossier's attachments in the order they were added."""
        with self.db.read() as session:
            if session.get(Dossier, dossier_id) is None:
                raise NotFound(NO_DOSSIER.format(id=dossier_id))
            query = select(Attachment).where(Attachment.dossier_id == dossier_id)
            return [_info(row) for row in session.scalars(query.order_by(Attachment.id))]

    def remove(self, principal: Principal, attachment_id: int) -> None:
        """Take an attachment off its dossier; its file goes too unless another row names it."""
        require_role(principal, *ATTACH_ROLES)
        with self.db.write() as session:
            row = session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(NO_ATTACHMENT.format(id=attachment_id))
            info = _info(row)
            session.delete(row)
            session.flush()
            now = self.clock()
            mark_dossier(session, info.dossier_id, now)
            orphan = not _is_referenced(session, info.sha256)
            details = {"attachment_id": info.id, "sha256": info.sha256, "file_deleted": orphan}
            details["filename"] = info.filename
            audit.record(
                session, principal, now, "dossier.detach", "dossier", info.dossier_id, **details
            )
        if not orphan:
            return
        with self.db.read() as session:
            if _is_referenced(session, info.sha256):
                return  # attached again (here or at another station) since our commit
        try:
            self.store.delete(info.sha256)
        except OSError as exc:
            code = errno.errorcode.get(exc.errno or 0, "?")
            log.error("attachment file not deleted sha256=%s: %s", info.sha256, code)

    @staticmethod
    def _check_target(
        session: Session, dossier_id: int, position: int | None, facts: FileFacts
    ) -> None:
        if session.get(Dossier, dossier_id) is None:
            raise NotFound(NO_DOSSIER.format(id=dossier_id))
        if position is not None:
            paper = select(DossierPaper.id).where(
                DossierPaper.dossier_id == dossier_id, DossierPaper.position == position
            )
            if session.scalar(paper) is None:
                raise ValidationError(NO_PAPER.format(position=position))
        # One scan may serve two papers (a PDF of both), but the same paper needs it only once.
        same_paper = (
            Attachment.paper_position.is_(None)
            if position is None
            else Attachment.paper_position == position
        )
        query = select(Attachment.filename).where(
            Attachment.dossier_id == dossier_id, Attachment.sha256 == facts.sha256, same_paper
        )
        existing = session.scalar(query.limit(1))
        if existing is not None:
            raise ValidationError(DUPLICATE.format(name=facts.filename, existing=existing))
