"""The first-run wizard: inline validation, province/commune search, creating the office."""

from __future__ import annotations

import pytest
from helpers import OFFICE, PASSWORD, replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from counter_app.app_context import AppContext
from counter_app.services import admin_units
from counter_app.services.office import AdminSetup
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.setup_wizard import SetupWizard

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def wizard(ctx: AppContext, qtbot, messages) -> SetupWizard:
    w = SetupWizard(ctx)
    qtbot.addWidget(w)
    w.show()
    w.next()  # past the welcome page
    assert w.currentPage() is w.office_page
    return w


def fill_office(w: SetupWizard, code: str = "000.00.06.H56") -> None:
    page = w.office_page
    type_text(page.name, "Trung tâm Phục vụ hành chính công xã Đồng Tâm")
    type_text(page.agency_code, code)
    type_text(page.province.lineEdit(), "ha noi")  # no accents
    page.province.choose_text(page.province.matches.stringList()[0])
    type_text(page.commune.lineEdit(), "Ba Đình")
    page.commune.choose_text("Phường Ba Đình")
    page.counters.setValue(3)
    type_text(page.address, "Số 5 đường Hùng Vương")


def fill_admin(w: SetupWizard, confirm: str = PASSWORD) -> None:
    page = w.admin_page
    type_text(page.username, "quantri")
    type_text(page.full_name, "Nguyễn Thị Ễnh")
    type_text(page.password, PASSWORD)
    type_text(page.confirm, confirm)


def test_happy_path_creates_the_office_then_the_admin_signs_in(
    wizard: SetupWizard, ctx: AppContext, qtbot
) -> None:
    assert not wizard.button(NEXT).isEnabled()  # nothing entered yet
    fill_office(wizard)
    assert wizard.button(NEXT).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    fill_admin(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page
    shown = [label.text() for label in wizard.summary_page.values]
    assert "Trung tâm Phục vụ hành chính công xã Đồng Tâm" in shown
    assert "Phường Ba Đình" in shown
    assert "quantri — Nguyễn Thị Ễnh" in shown
    wizard.button(FINISH).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    office = ctx.office.get()
    assert office is not None
    assert office.name == "Trung tâm Phục vụ hành chính công xã Đồng Tâm"
    assert office.agency_code == "000.00.06.H56"
    assert (office.province_code, office.commune_name) == ("01", "Phường Ba Đình")
    assert len(office.counters) == 3
    assert wizard.principal is not None and wizard.principal.username == "quantri"

    login = LoginDialog(ctx)
    qtbot.addWidget(login)
    assert login.heading.text() == office.name
    type_text(login.username, "quantri")
    type_text(login.password, PASSWORD)
    login.sign_in_button.click()
    assert login.result() == LoginDialog.DialogCode.Accepted
    assert login.principal is not None and login.principal.full_name == "Nguyễn Thị Ễnh"


def test_bad_agency_code_is_explained_inline_and_blocks_next(wizard: SetupWizard) -> None:
    fill_office(wizard, code="000..06.H56")
    page = wizard.office_page
    problems = page._checks[1][1]
    assert problems.isVisible()
    assert "nhóm trống" in problems.text()
    assert not wizard.button(NEXT).isEnabled()
    replace_text(page.agency_code, "000.00.06.h56")  # lower case is accepted, stored upper
    assert not problems.isVisible()
    assert wizard.button(NEXT).isEnabled()


def test_mismatched_passwords_block_next(wizard: SetupWizard) -> None:
    fill_office(wizard)
    wizard.next()
    fill_admin(wizard, confirm=PASSWORD + "x")
    page = wizard.admin_page
    assert "Hai lần nhập mật khẩu không khớp." in page._checks[3][1].text()
    assert not wizard.button(NEXT).isEnabled()
    replace_text(page.confirm, PASSWORD)
    assert page._checks[3][1].text() == ""
    assert wizard.button(NEXT).isEnabled()


def test_short_password_and_bad_username_are_listed(wizard: SetupWizard) -> None:
    fill_office(wizard)
    wizard.next()
    page = wizard.admin_page
    type_text(page.username, "Quản Trị")
    type_text(page.password, "abc")
    assert "chữ thường không dấu" in page._checks[0][1].text()
    assert "ít nhất 8 ký tự" in page._checks[2][1].text()
    assert not wizard.button(NEXT).isEnabled()


def test_commune_list_follows_the_province(wizard: SetupWizard) -> None:
    page = wizard.office_page
    assert not page.commune.isEnabled() or page.commune.count() == 0
    page.province.select_code("01")
    hanoi = {c.code for c in admin_units.communes("01")}
    codes = {page.commune.itemData(i) for i in range(page.commune.count())}
    assert codes == hanoi
    page.province.select_code(admin_units.provinces()[-1].code)
    codes = {page.commune.itemData(i) for i in range(page.commune.count())}
    assert codes.isdisjoint(hanoi)
    assert page.commune.selected_code() is None


def test_commune_search_ignores_accents(wizard: SetupWizard) -> None:
    page = wizard.office_page
    page.province.select_code("01")
    type_text(page.commune.lineEdit(), "ba dinh")
    assert "Phường Ba Đình" in page.commune.matches.stringList()
    assert len(admin_units.provinces()) == 34
    assert "Thành phố Hà Nội" in page.province.match_names("HA NOI")


def test_office_set_up_meanwhile_is_reported_on_the_summary(
    wizard: SetupWizard, ctx: AppContext
) -> None:
    fill_office(wizard)
    wizard.next()
    fill_admin(wizard)
    wizard.next()
    other = AdminSetup("khac", "Người Khác", PASSWORD)
    ctx.office.set_up(OFFICE, other, ctx.settings.security, "may-khac")
    wizard.button(FINISH).click()
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.result() != QWizard.DialogCode.Accepted
    assert "đã được thiết lập" in wizard.summary_page.problems.text()


def test_leaving_the_field_accepts_a_unique_unaccented_name(wizard: SetupWizard) -> None:
    page = wizard.office_page
    page.province.select_code("01")
    type_text(page.commune.lineEdit(), "phuong ba dinh")
    page.commune.lineEdit().editingFinished.emit()
    assert page.commune.selected_code() == "00004"
    assert page.commune.currentText() == "Phường Ba Đình"


def test_enter_goes_to_the_next_page(wizard: SetupWizard, qtbot) -> None:
    fill_office(wizard)
    qtbot.keyClick(wizard.office_page.address, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.admin_page
