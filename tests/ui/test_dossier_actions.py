"""Every lifecycle action through its dialog: status, history line, list refresh, refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import type_text
from PySide6.QtCore import QDate
from test_dossier_support import AN, CHUNG_THUC, Counter, accept, build_counter

from counter_app.domain.dossier_status import DossierStatus as S
from counter_app.ui import texts
from counter_app.ui.dossiers.action_dialogs import ActionDialog, NoteDialog, ReturnDialog
from counter_app.ui.dossiers.apology_dialog import ApologyDialog
from counter_app.ui.dossiers.detail_dialog import DossierDetailDialog
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.dossiers.transfer_dialog import TransferDialog


@pytest.fixture
def counter(office, clock) -> Counter:
    return build_counter(office.ctx, office.clerk, clock)


@pytest.fixture
def page(counter, qtbot) -> DossiersPage:
    p = DossiersPage(counter.ctx, counter.clerk)
    qtbot.addWidget(p)
    p.show()
    p.refresh()
    return p


def open_detail(page: DossiersPage, detail) -> DossierDetailDialog:
    dialog = page.open_dossier(detail.id)
    assert dialog is not None
    return dialog


def start(dialog: DossierDetailDialog, key: str) -> ActionDialog:
    dialog.action_buttons[key].click()
    action = dialog.action_dialog
    assert action is not None and action.isVisible()
    return action


def listed_status(page: DossiersPage, dossier_id: int) -> S:
    return page.model.row(page.model.row_of(dossier_id)).status


def last_step(dialog: DossierDetailDialog) -> list[str]:
    model = dialog.history.model_
    return [model.data(model.index(model.rowCount() - 1, c)) for c in range(9)]


def test_transfer_to_the_own_commune_starts_processing(page, counter) -> None:
    detail = open_detail(page, counter.due_soon)
    action = start(detail, "transfer")
    assert isinstance(action, TransferDialog) and not action.boundary_free
    assert action.unit.currentText() == "UBND Phường Ba Đình"
    assert action.unit.count() == 1  # other communes only for boundary-free procedures
    type_text(action.note, "Chuyển công chức tư pháp")
    action.ok_button.click()
    assert not action.isVisible()
    assert detail.detail.status is S.DANG_XU_LY
    assert last_step(detail)[1:7] == [
        "Chuyển hồ sơ đến đơn vị xử lý",
        "Được tiếp nhận → Đang xử lý",
        "Lê Thị Hồng",
        "UBND Phường Ba Đình",
        "UBND Phường Ba Đình",
        "Chuyển công chức tư pháp",
    ]
    assert detail.header.value(texts.DETAIL_STATUS) == "Đang xử lý"
    assert listed_status(page, counter.due_soon.id) is S.DANG_XU_LY  # the list followed


def test_transfer_to_another_commune_is_refused_for_a_bounded_procedure(page, counter) -> None:
    detail = open_detail(page, counter.due_soon)
    action = start(detail, "transfer")
    assert action.problem.isHidden()
    action.unit.setEditText("")
    type_text(action.unit.lineEdit(), "UBND Phường Hoàn Kiếm")
    action.ok_button.click()
    assert action.isVisible()  # stays open with the message under the fields
    assert "không phụ thuộc địa giới hành chính" in action.problem.text()
    assert counter.get(counter.due_soon).status is S.DUOC_TIEP_NHAN
    assert detail.history.model_.rowCount() == 1
    action.unit.setEditText("")
    action.ok_button.click()
    assert action.problem.problems() == [texts.TRANSFER_NEED_UNIT]


def test_boundary_free_procedure_offers_the_other_communes(page, counter) -> None:
    other = accept(counter.ctx, counter.clerk, CHUNG_THUC, AN)
    page.reload()
    detail = open_detail(page, other)
    action = start(detail, "transfer")
    assert isinstance(action, TransferDialog) and action.boundary_free
    assert action.unit.count() > 100
    action.unit.choose_text("UBND Phường Hoàn Kiếm")
    action.ok_button.click()
    assert not action.isVisible()
    assert detail.detail.status is S.DANG_XU_LY
    assert detail.detail.handling_unit == "UBND Phường Hoàn Kiếm"


def test_supplement_requested_then_received(page, counter) -> None:
    detail = open_detail(page, counter.later)
    action = start(detail, "request_supplement")
    assert isinstance(action, NoteDialog)
    action.ok_button.click()
    assert action.problem.problems() == [texts.DOSSIER_NEED_REASON] and action.isVisible()
    type_text(action.text, "Thiếu bản sao giấy chứng nhận kết hôn")
    action.ok_button.click()
    assert detail.detail.status is S.YEU_CAU_BO_SUNG
    assert last_step(detail)[6] == "Yêu cầu bổ sung: Thiếu bản sao giấy chứng nhận kết hôn"
    assert listed_status(page, counter.later.id) is S.YEU_CAU_BO_SUNG
    assert detail.header.value(texts.DETAIL_NOTE) == "Thiếu bản sao giấy chứng nhận kết hôn"
    assert detail.action_buttons["receive_supplement"].isEnabled()
    assert not detail.action_buttons["transfer"].isEnabled()
    counter.clock.advance(days=1)
    start(detail, "receive_supplement").ok_button.click()  # the note is optional
    assert detail.detail.status is S.DANG_XU_LY
    assert last_step(detail)[1] == "Nhận hồ sơ bổ sung"
    assert detail.history.model_.rowCount() == 3
    assert detail.header.value(texts.DETAIL_NOTE) == texts.NONE  # only in the history now


def test_result_then_return_at_the_counter(page, counter) -> None:
    detail = open_detail(page, counter.later)
    start(detail, "record_result").ok_button.click()
    assert detail.detail.status is S.DA_XU_LY_XONG
    assert enabled_keys(detail) == {"return", "transfer"}
    action = start(detail, "return")
    assert isinstance(action, ReturnDialog) and action.at_counter.isChecked()
    assert action.receiver.text() == "Lò Văn Páo" and not action.tracking.isEnabled()
    action.receiver.clear()
    action.ok_button.click()
    assert action.problem.problems() == [texts.RETURN_NEED_RECEIVER]
    type_text(action.receiver, "Lò Thị Mai")
    action.ok_button.click()
    assert detail.detail.status is S.DA_TRA_KET_QUA
    assert last_step(detail)[6] == "Trả kết quả tại Bộ phận Một cửa, Lò Thị Mai ký nhận"
    assert enabled_keys(detail) == set()
    assert listed_status(page, counter.later.id) is S.DA_TRA_KET_QUA


def test_return_by_post_needs_the_tracking_number(page, counter) -> None:
    counter.ctx.lifecycle.record_result(counter.clerk, counter.later.id)
    detail = open_detail(page, counter.later)
    action = start(detail, "return")
    action.by_post.setChecked(True)
    assert action.tracking.isEnabled() and not action.receiver.isEnabled()
    action.ok_button.click()
    assert action.problem.problems() == [texts.RETURN_NEED_TRACKING]
    type_text(action.tracking, "EB123456789VN")
    action.ok_button.click()
    assert detail.detail.status is S.DA_TRA_KET_QUA
    assert detail.detail.return_tracking == "EB123456789VN"
    assert "EB123456789VN" in last_step(detail)[6]


def test_withdraw_with_an_optional_reason(page, counter) -> None:
    detail = open_detail(page, counter.due_soon)
    action = start(detail, "withdraw")
    type_text(action.text, "Công dân đổi ý")
    action.ok_button.click()
    assert detail.detail.status is S.CONG_DAN_RUT_HO_SO
    assert last_step(detail)[1:3] == [
        "Công dân rút hồ sơ",
        "Được tiếp nhận → Công dân yêu cầu rút hồ sơ",
    ]
    assert enabled_keys(detail) == set()


def test_stop_needs_a_reason(page, counter) -> None:
    detail = open_detail(page, counter.overdue)
    action = start(detail, "stop")
    action.ok_button.click()
    assert action.isVisible() and action.problem.problems() == [texts.DOSSIER_NEED_REASON]
    type_text(action.text, "Hồ sơ giả mạo giấy tờ")
    action.ok_button.click()
    assert detail.detail.status is S.DUNG_XU_LY
    assert last_step(detail)[6] == "Dừng xử lý: Hồ sơ giả mạo giấy tờ"
    assert listed_status(page, counter.overdue.id) is S.DUNG_XU_LY


def test_cancel_changes_nothing(page, counter) -> None:
    detail = open_detail(page, counter.due_soon)
    action = start(detail, "stop")
    type_text(action.text, "Không dùng")
    action.reject()
    assert counter.get(counter.due_soon).status is S.DUOC_TIEP_NHAN
    assert detail.history.model_.rowCount() == 1


def enabled_keys(dialog: DossierDetailDialog) -> set[str]:
    return {key for key, button in dialog.action_buttons.items() if button.isEnabled()}


def test_apology_moves_the_due_date_once(page, counter) -> None:
    detail = open_detail(page, counter.due_soon)
    assert page.banner.text().startswith("⚠ 2 ")
    action = start(detail, "apology")
    assert isinstance(action, ApologyDialog)
    assert action.new_date.date() == QDate(2026, 11, 18)  # next working day after 17/11
    assert action.new_date.minimumDate() == QDate(2026, 11, 18)
    action.new_date.setDate(QDate(2026, 11, 21))  # a Saturday
    assert not action.ok_button.isEnabled()
    assert action.problem.problems() == ["Ngày 21/11/2026 là ngày nghỉ: hãy chọn ngày làm việc."]
    action.new_date.setDate(QDate(2026, 11, 23))
    assert action.ok_button.isEnabled() and action.problem.isHidden()
    action.ok_button.click()
    assert action.problem.problems() == [texts.DOSSIER_NEED_REASON]
    type_text(action.reason, "Chờ xác minh thông tin khai sinh")
    action.ok_button.click()
    assert not action.isVisible()
    after = detail.detail
    assert after.row.due_at == datetime(2026, 11, 23, 9, 30) and after.row.apology_used
    assert detail.header.value(texts.DETAIL_DUE) == (
        "23/11/2026 09:30 (hẹn lần đầu: 17/11/2026 09:30)"
    )
    step = last_step(detail)
    assert step[1] == "Xin lỗi và hẹn lại ngày trả kết quả"
    assert step[2] == "Được tiếp nhận" and step[8] == "23/11/2026 09:30"
    button = detail.action_buttons["apology"]
    assert not button.isEnabled() and button.toolTip() == texts.ACTION_APOLOGY_USED
    assert not button.property("primary")
    assert detail.start_action("apology") is None  # not even programmatically
    assert page.banner.text().startswith("⚠ 1 ")  # the list page followed
    labels = [detail.forms.item(i).text() for i in range(detail.forms.count())]
    assert "Phiếu xin lỗi và hẹn lại ngày trả kết quả" in labels


def test_apology_refused_by_the_service_stays_in_the_dialog(page, counter) -> None:
    detail = open_detail(page, counter.due_soon)
    action = start(detail, "apology")
    type_text(action.reason, "Chậm")
    counter.ctx.lifecycle.apologise(
        counter.clerk, counter.due_soon.id, datetime(2026, 11, 20, 9, 30), "Lần đầu"
    )
    action.ok_button.click()
    assert action.isVisible()
    assert "không được hẹn lại nữa" in action.problem.text()


def test_apology_dialog_greys_days_off_in_its_calendar(page, counter) -> None:
    action = start(open_detail(page, counter.due_soon), "apology")
    calendar = action.new_date.calendarWidget()
    saturday = calendar.dateTextFormat(QDate(2026, 11, 21))
    monday = calendar.dateTextFormat(QDate(2026, 11, 23))
    assert saturday.background().color().name() == "#eceff2"
    assert monday.background().color().name() != "#eceff2"
    assert action.new_due().date() == date(2026, 11, 18)


def test_an_overdue_dossier_cannot_be_given_a_date_in_the_past(page, counter) -> None:
    detail = open_detail(page, counter.overdue)
    assert detail.action_buttons["apology"].property("primary") is True
    action = start(detail, "apology")
    assert action.new_date.minimumDate() == QDate(2026, 11, 17)  # due 11/11, today 16/11
    assert action.new_date.date() == QDate(2026, 11, 17)
    type_text(action.reason, "Chờ ý kiến cơ quan cấp trên")
    action.ok_button.click()
    assert detail.detail.row.due_at == datetime(2026, 11, 17, 9, 0)
    assert not detail.detail.row.overdue
