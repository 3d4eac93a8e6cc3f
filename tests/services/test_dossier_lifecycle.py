"""Every lifecycle action: status, history line (Mẫu 06 fields), rules, and refusals."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from dossier_fixtures import complete_intake, make_counter

from counter_app.domain.dossier_status import DossierStatus as S
from counter_app.domain.roles import Role
from counter_app.services.dossier_lifecycle import ReturnInput
from counter_app.services.errors import NotFound, PermissionDenied, ValidationError
from counter_app.services.principal import Principal

CHUNG_THUC = "2.000815"  # boundary-free (chứng thực bản sao)


@pytest.fixture
def counter(migrated_db):
    return make_counter(migrated_db)


@pytest.fixture
def received(counter):
    return counter.intake.accept(counter.clerk, complete_intake(counter))


def test_transfer_to_own_commune_starts_processing(counter, received):
    detail = counter.lifecycle.transfer(counter.clerk, received.id, "UBND Phường Ba Đình")
    assert detail.status is S.DANG_XU_LY
    assert detail.handling_unit == "UBND Phường Ba Đình"
    step = detail.events[-1]
    assert (step.action, step.from_status, step.to_status) == (
        "transfer",
        S.DUOC_TIEP_NHAN,
        S.DANG_XU_LY,
    )
    assert step.giver == "Lê Thị Hồng" and step.receiver == "UBND Phường Ba Đình"


def test_transfer_to_another_commune_only_for_boundary_free(counter, received):
    with pytest.raises(ValidationError, match="không phụ thuộc địa giới"):
        counter.lifecycle.transfer(counter.clerk, received.id, "UBND Phường Hoàn Kiếm")
    assert counter.queries.get(received.id).status is S.DUOC_TIEP_NHAN
    other = counter.intake.accept(counter.clerk, complete_intake(counter, code=CHUNG_THUC))
    moved = counter.lifecycle.transfer(counter.clerk, other.id, "UBND Phường Hoàn Kiếm")
    assert moved.status is S.DANG_XU_LY and moved.handling_unit == "UBND Phường Hoàn Kiếm"


def test_supplement_stops_and_restarts_the_clock(counter, received):
    counter.lifecycle.transfer(counter.clerk, received.id, "UBND Phường Ba Đình")
    counter.clock.advance(hours=2)
    asked = counter.lifecycle.request_supplement(
        counter.clerk, received.id, "Thiếu giấy chứng sinh"
    )
    assert asked.status is S.YEU_CAU_BO_SUNG and asked.decision_note == "Thiếu giấy chứng sinh"
    assert not asked.row.overdue  # the clock does not run while waiting for the citizen
    counter.clock.at = datetime(2026, 11, 20, 9, 0)
    back = counter.lifecycle.receive_supplement(counter.clerk, received.id)
    assert back.status is S.DANG_XU_LY
    assert back.row.due_at == counter.calendar.due(
        datetime(2026, 11, 20, 9, 0), Decimal(back.processing_days)
    )
    assert [e.action for e in back.events] == [
        "receive",
        "transfer",
        "request_supplement",
        "receive_supplement",
    ]


def test_result_then_return_at_counter_and_by_post(counter, received):
    counter.lifecycle.transfer(counter.clerk, received.id, "UBND Phường Ba Đình")
    ready = counter.lifecycle.record_result(counter.clerk, received.id)
    assert ready.status is S.DA_XU_LY_XONG and ready.result_ready_at is not None
    done = counter.lifecycle.return_result(
        counter.clerk, received.id, ReturnInput(receiver_name="Nguyễn Văn An")
    )
    assert done.status is S.DA_TRA_KET_QUA and done.returned_at is not None
    assert "Nguyễn Văn An ký nhận" in done.events[-1].note
    other = counter.intake.accept(counter.clerk, complete_intake(counter))
    counter.lifecycle.record_result(counter.clerk, other.id)
    with pytest.raises(ValidationError, match="số hiệu bưu gửi"):
        counter.lifecycle.return_result(counter.clerk, other.id, ReturnInput(by_post=True))
    posted = counter.lifecycle.return_result(
        counter.clerk, other.id, ReturnInput(by_post=True, tracking_number="EV123456789VN")
    )
    assert posted.return_tracking == "EV123456789VN" and posted.delivery == 1


def test_withdraw_and_stop_are_terminal(counter, received):
    withdrawn = counter.lifecycle.withdraw(counter.clerk, received.id, "Công dân đổi ý")
    assert withdrawn.status is S.CONG_DAN_RUT_HO_SO
    with pytest.raises(ValidationError, match="Công dân yêu cầu rút hồ sơ"):
        counter.lifecycle.transfer(counter.clerk, received.id, "UBND Phường Ba Đình")
    other = counter.intake.accept(counter.clerk, complete_intake(counter))
    with pytest.raises(ValidationError, match="lý do"):
        counter.lifecycle.stop(counter.clerk, other.id, "  ")
    stopped = counter.lifecycle.stop(counter.clerk, other.id, "Hồ sơ giả mạo")
    assert stopped.status is S.DUNG_XU_LY


def test_apology_moves_the_due_date_once(counter, received):
    new_due = received.row.due_at + timedelta(days=2)
    while not counter.calendar.is_working_day(new_due.date()):
        new_due += timedelta(days=1)
    assert received.row.due_soon  # due tomorrow morning: the apology is offered
    assert counter.lifecycle.needing_apology() == [received.id]
    sorry = counter.lifecycle.apologise(counter.clerk, received.id, new_due, "Chờ xác minh")
    assert sorry.row.due_at == new_due and sorry.original_due_at == received.row.due_at
    assert sorry.row.apology_used and sorry.events[-1].action == "apology"
    with pytest.raises(ValidationError, match="một lần"):
        counter.lifecycle.apologise(
            counter.clerk, received.id, new_due + timedelta(days=7), "Lần nữa"
        )
    assert received.id not in counter.lifecycle.needing_apology()


def test_apology_date_must_be_a_later_working_day(counter, received):
    with pytest.raises(ValidationError) as caught:
        counter.lifecycle.apologise(counter.clerk, received.id, received.row.due_at, "")
    text = str(caught.value)
    assert "phải sau" in text and "lý do" in text
    saturday = datetime(2026, 11, 28, 9, 0)
    with pytest.raises(ValidationError, match="ngày làm việc"):
        counter.lifecycle.apologise(counter.clerk, received.id, saturday, "Chờ xác minh")


def test_overdue_and_due_soon_flags_follow_the_clock(counter, received):
    assert not received.row.overdue
    counter.clock.at = received.row.due_at - timedelta(hours=1)
    assert counter.queries.get(received.id).row.due_soon
    assert received.id in counter.lifecycle.needing_apology()
    counter.clock.at = received.row.due_at + timedelta(minutes=1)
    late = counter.queries.get(received.id).row
    assert late.overdue and not late.due_soon


def test_actions_on_missing_dossiers_and_by_devices_are_refused(counter, received):
    with pytest.raises(NotFound):
        counter.lifecycle.withdraw(counter.clerk, 999_999)
    device = Principal(None, "kiosk", "Kiosk", Role.DEVICE, "K")
    with pytest.raises(PermissionDenied):
        counter.lifecycle.withdraw(device, received.id)


def test_supplement_only_on_received_dossiers(counter):
    from counter_app.domain.intake import PaperCheck

    pending = counter.intake.request_supplement(
        counter.clerk, complete_intake(counter, papers=(PaperCheck(1, False, "thiếu"),))
    )
    with pytest.raises(ValidationError, match="chưa được tiếp nhận"):
        counter.lifecycle.receive_supplement(counter.clerk, pending.id)
