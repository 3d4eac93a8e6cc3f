"""The queue admin page: service areas, the board notice, the kiosk exit PIN; who sees what."""

from __future__ import annotations

import pytest
from helpers import type_text

from counter_app.services.kiosk_lock import KioskLock
from counter_app.ui.calling.area_dialog import AreaDialog
from counter_app.ui.clerk.queue_admin_page import QueueAdminPage
from counter_app.ui.main_window import MainWindow


def make_page(office, qtbot, principal) -> QueueAdminPage:
    page = QueueAdminPage(office.ctx, principal)
    qtbot.addWidget(page)
    page.resize(1000, 560)
    page.show()
    page.refresh()
    return page


@pytest.fixture
def page(office, qtbot) -> QueueAdminPage:
    return make_page(office, qtbot, office.admin)


def test_no_areas_offers_the_defaults(page: QueueAdminPage, office) -> None:
    assert page.model.rowCount() == 0
    assert page.empty_note.isVisible() and page.defaults_button.isVisible()
    page.defaults_button.click()
    rows = page.model.rows()
    assert [a.prefix for a in rows] == ["A", "B", "C", "D", "E", "F"]
    assert page.model.data(page.model.index(0, 2)) == "1, 2, 3"
    assert page.model.data(page.model.index(0, 3)) == "1"
    assert page.model.data(page.model.index(0, 4)) == "Có"
    assert not page.empty_note.isVisible() and not page.defaults_button.isVisible()


def _dialog(page: QueueAdminPage, qtbot, area=None) -> AreaDialog:
    dialog = page.area_dialog(area)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_add_an_area(page: QueueAdminPage, office, qtbot) -> None:
    office.ctx.queue.ensure_default_areas(office.admin)
    page.refresh()
    dialog = _dialog(page, qtbot)
    assert dialog.position.value() == 7  # after the last one (counted from 1 on screen)
    type_text(dialog.name, "Lao động, thương binh")
    type_text(dialog.prefix, "g")
    assert dialog.prefix.text() == "G"
    dialog.counters[1].setChecked(False)
    dialog.save_button.click()
    assert dialog.result() == AreaDialog.DialogCode.Accepted
    page.refresh()
    added = {a.prefix: a for a in page.model.rows()}["G"]
    assert (added.name, added.counters, added.position) == ("Lao động, thương binh", (2, 3), 6)


def test_duplicate_prefix_is_shown_inline(page: QueueAdminPage, office, qtbot) -> None:
    office.ctx.queue.ensure_default_areas(office.admin)
    page.refresh()
    dialog = _dialog(page, qtbot)
    type_text(dialog.name, "Tư pháp")
    type_text(dialog.prefix, "A")
    for box in dialog.counters.values():
        box.setChecked(False)
    dialog.save_button.click()
    assert dialog.problems.isVisible()
    assert dialog.problems.problems() == [
        "Khu vực dịch vụ cần ít nhất một quầy phục vụ.",
        "Ký hiệu A đã dùng cho khu vực khác.",
    ]
    assert dialog.result() != AreaDialog.DialogCode.Accepted


def test_edit_an_area(page: QueueAdminPage, office, qtbot) -> None:
    office.ctx.queue.ensure_default_areas(office.admin)
    page.refresh()
    page.select("F")
    area = page.selected()
    assert area is not None and page.edit_button.isEnabled()
    dialog = _dialog(page, qtbot, area)
    assert dialog.windowTitle() == "Sửa khu vực “Lĩnh vực khác”"
    dialog.active.setChecked(False)
    dialog.save_button.click()
    assert dialog.result() == AreaDialog.DialogCode.Accepted
    assert "F" not in {a.prefix for a in office.ctx.queue.areas()}


def test_set_the_notice(page: QueueAdminPage, office) -> None:
    type_text(page.notice.text, "Chiều thứ Sáu nghỉ họp từ 15 giờ.")
    assert page.notice.count.text() == "33/500 ký tự"
    page.notice.save_button.click()
    assert office.ctx.queue.board().notice == "Chiều thứ Sáu nghỉ họp từ 15 giờ."
    assert page.notice.saved.text() == "Đã lưu. Màn hình hiển thị cập nhật ngay."
    page.notice.text.setPlainText("x" * 501)
    page.notice.save_button.click()
    assert page.notice.problems.problems() == ["Thông báo quá dài (tối đa 500 ký tự)."]


def test_set_the_kiosk_pin_typed_twice(page: QueueAdminPage, office) -> None:
    pin = page.pin
    assert pin is not None
    assert "Chưa đặt mã PIN" in pin.state.text()
    type_text(pin.pin, "2468")
    type_text(pin.confirm, "2469")
    pin.save_button.click()
    assert pin.problems.problems() == ["Hai lần nhập mã PIN không khớp."]
    pin.pin.clear()
    pin.confirm.clear()
    type_text(pin.pin, "12")
    type_text(pin.confirm, "12")
    pin.save_button.click()
    assert pin.problems.problems() == ["Mã PIN thoát kiosk gồm 4 đến 8 chữ số."]
    pin.pin.clear()
    pin.confirm.clear()
    type_text(pin.pin, "2468")
    type_text(pin.confirm, "2468")
    pin.save_button.click()
    assert not pin.problems.isVisible()
    assert pin.saved.text() == "Đã đặt mã PIN thoát kiosk."
    assert "Đã có mã PIN" in pin.state.text()
    assert pin.pin.text() == "" and KioskLock(office.ctx.db).check("2468")


def test_pin_fields_take_digits_only(page: QueueAdminPage) -> None:
    assert page.pin is not None
    type_text(page.pin.pin, "12a4")
    assert page.pin.pin.text() == ""  # the validator refuses the whole commit


def test_supervisor_edits_the_notice_only(office, qtbot) -> None:
    office.ctx.queue.ensure_default_areas(office.admin)
    page = make_page(office, qtbot, office.supervisor)
    assert page.model.rowCount() == 6
    assert not page.add_button.isVisible() and not page.defaults_button.isVisible()
    assert page.pin is None
    type_text(page.notice.text, "Nghỉ lễ 2/9.")
    page.notice.save_button.click()
    assert office.ctx.queue.board().notice == "Nghỉ lễ 2/9."


def test_who_sees_the_page_and_the_panel(office, qtbot) -> None:
    kept = []
    for principal, sees_page in (
        (office.clerk, False),
        (office.supervisor, True),
        (office.admin, True),
    ):
        window = MainWindow(office.ctx, principal)
        kept.append(window)
        qtbot.addWidget(window)
        assert ("Xếp hàng, kiosk" in window.pages) is sees_page
        assert window.calling is not None  # every counter role has the calling panel
        window.close()
