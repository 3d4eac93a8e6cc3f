"""A received dossier's life: transfer, supplement, result, return, withdrawal, stop, apology.

Every action checks the status transition, writes a history line (a Mẫu 06 hand-off) and an
audit line, and commits as one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.clock import Clock, vietnam_now
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.dossier_status import DossierStatus, InvalidTransition, check_transition
from counter_app.domain.intake import BY_POST
from counter_app.domain.text import normalize
from counter_app.services import audit
from counter_app.services.dossier_events import add_event
from counter_app.services.dossier_queries import RUNNING, DossierDetail, DossierQueries
from counter_app.services.errors import NotFound, ValidationError
from counter_app.services.intake import STAFF
from counter_app.services.principal import Principal, require_role
from counter_app.services.queue_stream import add_event as add_queue_event
from db.engine import Database
from db.models import Dossier, Office, Procedure

S = DossierStatus


@dataclass(frozen=True)
class ReturnInput:
    """How the result went back to the citizen."""

    by_post: bool = False
    tracking_number: str = ""  # postal tracking number when by post
    receiver_name: str = ""  # who signed for it at the counter
    counter: int | None = None  # the counter returning it: its rating screen then asks


class LifecycleService:
    """Actions on a dossier after intake."""

    def __init__(self, db: Database, calendar: WorkCalendar, clock: Clock = vietnam_now) -> None:
        self.db = db
        self.calendar = calendar
        self.clock = clock
        self.queries = DossierQueries(db, clock, calendar)

    def _act(
        self,
        principal: Principal,
        dossier_id: int,
        target: DossierStatus,
        action: str,
        change: Callable[[Session, Dossier, datetime], dict[str, Any]],
    ) -> DossierDetail:
        require_role(principal, *STAFF)
        now = self.clock()
        with self.db.write() as session:
            dossier = session.get(Dossier, dossier_id, with_for_update=True)
            if dossier is None:
                raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
            source = DossierStatus(dossier.status)
            try:
                check_transition(source, target)
            except InvalidTransition as exc:
                raise ValidationError(str(exc)) from exc
            event_fields = change(session, dossier, now)
            dossier.status = int(target)
            add_event(
                session, dossier, principal, now, action, int(source), int(target), **event_fields
            )
            audit.record(
                session,
                principal,
                now,
                f"dossier.{action}",
                "dossier",
                dossier.id,
                code=dossier.code or "",
                to_status=int(target),
            )
        return self.queries.get(dossier_id)

    def transfer(
        self, principal: Principal, dossier_id: int, unit: str, note: str = ""
    ) -> DossierDetail:
        """Hand the dossier to the unit that handles it (another commune: boundary-free only)."""
        unit = normalize(unit)
        if not unit:
            raise ValidationError("Cần chọn đơn vị/người xử lý hồ sơ.")

        def change(session: Session, d: Dossier, now: datetime) -> dict[str, str]:
            office = session.scalar(select(Office).limit(1))
            own = office is None or office.commune_name.lower() in unit.lower()
            if not own:
                procedure = session.scalar(
                    select(Procedure).where(Procedure.code == d.procedure_code)
                )
                if procedure is None or not procedure.boundary_free:
                    raise ValidationError(
                        "Chỉ thủ tục tiếp nhận không phụ thuộc địa giới hành chính mới được "
                        "chuyển cho đơn vị của xã/phường khác."
                    )
            d.handling_unit = unit
            return {
                "giver": d.received_by_name,
                "receiver": unit,
                "unit": unit,
                "note": normalize(note) or "Chuyển hồ sơ đến đơn vị xử lý",
            }

        return self._act(principal, dossier_id, S.DANG_XU_LY, "transfer", change)

    def request_supplement(
        self, principal: Principal, dossier_id: int, reasons: str
    ) -> DossierDetail:
        """During processing, ask the citizen for more papers; the clock stops until they come."""
        reasons = normalize(reasons)
        if not reasons:
            raise ValidationError("Cần ghi rõ giấy tờ, nội dung cần bổ sung.")

        def change(session: Session, d: Dossier, now: datetime) -> dict[str, str]:
            d.decision_note = reasons
            return {
                "giver": d.handling_unit,
                "receiver": d.applicant_name,
                "note": "Yêu cầu bổ sung: " + reasons,
            }

        return self._act(principal, dossier_id, S.YEU_CAU_BO_SUNG, "request_supplement", change)

    def receive_supplement(
        self, principal: Principal, dossier_id: int, note: str = ""
    ) -> DossierDetail:
        """The citizen brought the missing papers: processing resumes, the clock restarts."""

        def change(session: Session, d: Dossier, now: datetime) -> dict[str, str]:
            if d.code is None:
                raise ValidationError(
                    "Hồ sơ này chưa được tiếp nhận: hãy lập hồ sơ mới khi công dân nộp đủ."
                )
            d.clock_started_at = now
            d.due_at = self.calendar.due(now, Decimal(d.processing_days))
            return {
                "giver": d.applicant_name,
                "receiver": principal.full_name,
                "note": normalize(note) or "Nhận hồ sơ bổ sung, tính lại thời hạn giải quyết",
            }

        return self._act(principal, dossier_id, S.DANG_XU_LY, "receive_supplement", change)

    def record_result(self, principal: Principal, dossier_id: int, note: str = "") -> DossierDetail:
        """The handling unit sent the result back to the counter: ready to return."""

        def change(session: Session, d: Dossier, now: datetime) -> dict[str, str]:
            d.result_ready_at = now
            return {
                "giver": d.handling_unit,
                "receiver": principal.full_name,
                "note": normalize(note) or "Đã có kết quả giải quyết",
            }

        return self._act(principal, dossier_id, S.DA_XU_LY_XONG, "result_ready", change)

    def return_result(
        self, principal: Principal, dossier_id: int, how: ReturnInput
    ) -> DossierDetail:
        """Give the result to the citizen: at the counter (they sign) or by post (tracking no.)."""
        tracking = normalize(how.tracking_number)
        if how.by_post and not tracking:
            raise ValidationError("Trả kết quả qua bưu chính: cần nhập số hiệu bưu gửi.")

        def change(session: Session, d: Dossier, now: datetime) -> dict[str, Any]:
            d.returned_at = now
            d.return_tracking = tracking
            if how.by_post:
                d.delivery = BY_POST
                where = f"Trả kết quả qua bưu chính, số hiệu bưu gửi {tracking}"
                receiver = d.postal_address or d.applicant_name
            else:
                receiver = normalize(how.receiver_name) or d.applicant_name
                where = f"Trả kết quả tại Bộ phận Một cửa, {receiver} ký nhận"
            fields: dict[str, Any] = {"giver": principal.full_name, "receiver": receiver}
            if how.counter and not how.by_post:
                fields["counter"] = how.counter
                # Wakes the rating screen facing the citizen at that counter.
                add_queue_event(
                    session, now, "returned", principal, None, how.counter, dossier_id=d.id
                )
            return {**fields, "note": where}

        return self._act(principal, dossier_id, S.DA_TRA_KET_QUA, "return", change)

    def withdraw(self, principal: Principal, dossier_id: int, reason: str = "") -> DossierDetail:
        """The citizen asked to withdraw the dossier."""

        def change(session: Session, d: Dossier, now: datetime) -> dict[str, str]:
            return {
                "giver": d.applicant_name,
                "receiver": principal.full_name,
                "note": "Công dân rút hồ sơ" + (f": {normalize(reason)}" if reason else ""),
            }

        return self._act(principal, dossier_id, S.CONG_DAN_RUT_HO_SO, "withdraw", change)

    def stop(self, principal: Principal, dossier_id: int, reason: str) -> DossierDetail:
        """Stop processing (Art. 21), with the reason given in the notice."""
        reason = normalize(reason)
        if not reason:
            raise ValidationError("Cần ghi rõ lý do dừng xử lý hồ sơ.")

        def change(session: Session, d: Dossier, now: datetime) -> dict[str, str]:
            d.decision_note = reason
            return {
                "giver": d.handling_unit or principal.full_name,
                "receiver": d.applicant_name,
                "note": "Dừng xử lý: " + reason,
            }

        return self._act(principal, dossier_id, S.DUNG_XU_LY, "stop", change)

    def apologise(
        self, principal: Principal, dossier_id: int, new_due: datetime, reason: str
    ) -> DossierDetail:
        """Apology letter with a new appointment: allowed once, before the deadline passes."""
        require_role(principal, *STAFF)
        reason = normalize(reason)
        now = self.clock()
        with self.db.write() as session:
            d = session.get(Dossier, dossier_id, with_for_update=True)
            if d is None:
                raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
            problems = []
            if DossierStatus(d.status) not in RUNNING:
                problems.append("Chỉ hồ sơ đang trong hạn giải quyết mới lập phiếu xin lỗi.")
            if d.apology_used:
                problems.append("Hồ sơ đã được hẹn lại ngày trả một lần; không được hẹn lại nữa.")
            if d.due_at is not None and new_due <= d.due_at:
                problems.append("Ngày hẹn mới phải sau ngày hẹn trả hiện tại.")
            if new_due <= now:
                problems.append("Ngày hẹn mới phải sau thời điểm hiện tại.")
            if not self.calendar.is_working_day(new_due.date()):
                problems.append("Ngày hẹn mới phải là ngày làm việc.")
            if not reason:
                problems.append("Cần ghi rõ lý do chậm trễ.")
            if problems:
                raise ValidationError(problems)
            old_due = d.due_at
            d.apology_used = True
            d.due_at = new_due
            add_event(
                session,
                d,
                principal,
                now,
                "apology",
                d.status,
                d.status,
                giver=principal.full_name,
                receiver=d.applicant_name,
                note="Phiếu xin lỗi và hẹn lại ngày trả kết quả: " + reason,
                due_at=new_due,
                old_due=old_due.isoformat() if old_due else "",
            )
            audit.record(
                session, principal, now, "dossier.apology", "dossier", d.id, code=d.code or ""
            )
        return self.queries.get(dossier_id)

    def needing_apology(self) -> list[int]:
        """Dossiers still running that will be late by the end of the next working day."""
        now = self.clock()
        limit = self.queries.soon_limit(now)
        with self.db.read() as session:
            return list(
                session.scalars(
                    select(Dossier.id)
                    .where(Dossier.status.in_([int(s) for s in RUNNING]))
                    .where(Dossier.apology_used.is_(False), Dossier.due_at <= limit)
                    .order_by(Dossier.due_at)
                )
            )
