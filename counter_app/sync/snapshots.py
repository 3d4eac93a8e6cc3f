"""Reading a dossier or a rating from the database into the sync payload's plain dataclasses."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.sync_payload import (
    AttachmentRef,
    DossierSnapshot,
    FeeLine,
    HistoryStep,
    PaperEntry,
    RatingRecord,
)
from db.models import (
    Attachment,
    Dossier,
    DossierEvent,
    DossierPaper,
    FeeReceipt,
    Office,
    ServiceRating,
)


def dossier_snapshot(session: Session, dossier: Dossier) -> DossierSnapshot:
    """The whole dossier as it stands in this transaction (it must have its code)."""
    assert dossier.code is not None
    files = session.scalars(
        select(Attachment).where(Attachment.dossier_id == dossier.id).order_by(Attachment.id)
    ).all()
    by_paper: dict[int | None, list[AttachmentRef]] = {}
    for f in files:
        ref = AttachmentRef(f.sha256, f.filename, f.size_bytes, f.media_type)
        by_paper.setdefault(f.paper_position, []).append(ref)
    papers = session.scalars(
        select(DossierPaper)
        .where(DossierPaper.dossier_id == dossier.id)
        .order_by(DossierPaper.position)
    ).all()
    known = {p.position for p in papers}
    others = [ref for pos, refs in by_paper.items() if pos not in known for ref in refs]
    fees = session.scalars(
        select(FeeReceipt).where(FeeReceipt.dossier_id == dossier.id).order_by(FeeReceipt.id)
    ).all()
    events = session.scalars(
        select(DossierEvent).where(DossierEvent.dossier_id == dossier.id).order_by(DossierEvent.id)
    ).all()
    office = session.scalar(select(Office).limit(1))
    return DossierSnapshot(
        code=dossier.code,
        status=dossier.status,
        procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure_name,
        field=dossier.field,
        received_at=dossier.received_at,
        applicant_name=dossier.applicant_name,
        channel=dossier.channel,
        applicant_kind=dossier.applicant_kind,
        applicant_id_number=dossier.applicant_id_number,
        applicant_address=dossier.applicant_address,
        applicant_phone=dossier.applicant_phone,
        applicant_email=dossier.applicant_email,
        submitter_name=dossier.submitter_name,
        summary=dossier.summary,
        sets_count=dossier.sets_count,
        due_at=dossier.due_at,
        returned_at=dossier.returned_at,
        delivery=dossier.delivery,
        handling_unit=dossier.handling_unit,
        receiving_office=office.agency_code if office else "",
        papers=tuple(
            PaperEntry(
                p.name, p.originals, p.copies, p.received, tuple(by_paper.get(p.position, ()))
            )
            for p in papers
        ),
        fees=tuple(FeeLine(f.fee_name, f.amount, method=f.method) for f in fees),
        history=tuple(
            HistoryStep(e.at, e.to_status, e.actor_name, e.actor_title, e.unit, e.note)
            for e in events
        ),
        other_attachments=tuple(others),
    )


def rating_record(session: Session, rating: ServiceRating) -> RatingRecord:
    """A rating as the province receives it: no ticket, no citizen, the dossier's code only."""
    office = session.scalar(select(Office).limit(1))
    code = ""
    if rating.dossier_id is not None:
        code = session.scalar(select(Dossier.code).where(Dossier.id == rating.dossier_id)) or ""
    return RatingRecord(
        office_code=office.agency_code if office else "",
        event_key=rating.event_key,
        level=rating.level,
        score=rating.score,
        at=rating.rated_at,
        counter=rating.counter,
        clerk=rating.clerk_name,
        dossier_code=code,
        reasons=tuple(rating.reasons),
        comment=rating.comment,
    )
