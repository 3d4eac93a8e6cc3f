"""The applicant part of intake: card scans into any field, inline checks, organisations,
returning applicants."""

from __future__ import annotations

import pytest
from helpers import replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_intake_helpers import QR, QR_WOMAN, make_page, pick_procedure, scan

from counter_app.domain.intake import ORGANISATION, ApplicantInput, IntakeInput, PaperCheck
from counter_app.ui.intake.dates import parse_birth_date
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.intake.scan import scan_start


@pytest.fixture
def intake(office, qtbot) -> IntakePage:
    """The intake page signed in as the clerk."""
    return make_page(office, qtbot)


def test_scan_into_the_wrong_field_gives_it_its_text_back(intake: IntakePage, messages) -> None:
    a = intake.applicant
    a.phone.setFocus()
    type_text(a.phone, "0987 654 321")
    scan(a.phone, QR)
    assert a.phone.text() == "0987 654 321"
    assert a.id_number.text() == "001090012345"
    assert a.full_name.text() == "Nguyễn Văn An"
    assert a.gender.currentText() == "Nam"
    assert messages.shown == []


def test_scan_over_a_selected_field_keeps_its_text(intake: IntakePage) -> None:
    a = intake.applicant
    a.address.setText("Thôn Cũ")
    a.address.setFocus()
    a.address.selectAll()  # what Tab does on entering a field: the first key replaces it all
    scan(a.address, QR_WOMAN)
    # The card's address replaces the old one; nothing of the scan is left in the field.
    assert a.address.text() == "Bản Mường, xã Tam Đường, tỉnh Lai Châu"
    assert a.full_name.text() == "Lò Thị Ỷ" and a.gender.currentText() == "Nữ"
    assert a.old_id_number == "123456789"
    assert a.problems.problems() == []


def test_scan_into_the_procedure_search_fills_the_applicant(intake: IntakePage) -> None:
    search = intake.procedure.search
    search.setFocus()
    type_text(search, "khai")
    scan(search, QR)
    assert search.text() == "khai"
    assert intake.applicant.full_name.text() == "Nguyễn Văn An"
    assert intake.procedure.detail is None  # the scan's Enter did not pick a procedure


def test_garbage_scan_shows_a_message_inline(intake: IntakePage, messages) -> None:
    a = intake.applicant
    scan(a.id_number, "http://example.vn/abc|xyz")
    assert a.id_number.text() == ""
    problems = a.problems.problems()
    assert problems and problems[0].startswith("Không đọc được mã vừa quét")
    assert a.problems.isVisible()
    assert a.full_name.text() == ""
    assert messages.shown == []
    scan(a.id_number, "001090012345||Nguyễn Văn An|31021990|Nam|Hà Nội")  # 31/02: no such day
    assert "không phải là một ngày có thật" in a.problems.problems()[0]
    type_text(a.id_number, "0")  # typing again clears the scan message
    assert not any("mã vừa quét" in p for p in a.problems.problems())


def test_garbage_after_typed_text_keeps_the_typed_text() -> None:
    from counter_app.ui.intake.scan import _Typed

    slow = [_Typed(ch, i * 1.0, "") for i, ch in enumerate("09")]
    fast = [_Typed(ch, 10 + i * 0.01, "") for i, ch in enumerate("ab|cd")]
    assert scan_start(slow + fast) == 2
    valid = [_Typed(ch, 0.0, "") for ch in "12" + QR]
    assert scan_start(valid) == 2  # the longest tail that is a real card QR


def test_inconsistent_id_number_is_shown_inline(intake: IntakePage, messages) -> None:
    a = intake.applicant
    type_text(a.id_number, "001190012345")  # 4th digit 1: a woman born in the 1900s
    type_text(a.birth_date, "02051991")
    a.gender.setCurrentText("Nam")
    a.birth_date.editingFinished.emit()
    assert a.birth_date.text() == "02/05/1991"
    problems = " ".join(a.problems.problems())
    assert "không khớp với năm sinh 1991" in problems
    assert "không khớp với giới tính Nam" in problems
    assert a.id_number.property("invalid") is True
    replace_text(a.id_number, "00109001234")
    a.id_number.editingFinished.emit()
    assert any("12 chữ số" in p for p in a.problems.problems())
    replace_text(a.id_number, "001091012345")
    a.id_number.editingFinished.emit()
    assert a.problems.problems() == [] and a.id_number.property("invalid") is False
    assert messages.shown == []


def test_unreadable_birth_date_stops_the_decision(intake: IntakePage) -> None:
    a = intake.applicant
    type_text(a.full_name, "Nguyễn Văn An")
    type_text(a.birth_date, "32/13/1990")
    a.birth_date.editingFinished.emit()
    assert any("không đọc được" in p for p in a.problems.problems())
    intake.decide("accept")
    listed = intake.problems.problems()
    assert any("Ngày sinh" in p for p in listed) and any("thủ tục" in p for p in listed)
    assert intake.decided is None


def test_birth_date_formats() -> None:
    assert parse_birth_date("2/5/1990").isoformat() == "1990-05-02"
    assert parse_birth_date("02.05.1990").isoformat() == "1990-05-02"
    assert parse_birth_date("02051990").isoformat() == "1990-05-02"
    assert parse_birth_date(" ") is None


def test_organisation_applicant(intake: IntakePage, messages) -> None:
    page, a = intake, intake.applicant
    a.organisation.click()
    assert a.tax_code.isVisible() and a.representative.isVisible()
    assert not a.birth_date.isVisible() and not a.gender.isVisible()
    type_text(a.tax_code, "0101234567")
    type_text(a.full_name, "Hợp tác xã Chè Tam Đường")
    type_text(a.address, "Bản Mường, xã Tam Đường")
    scan(a.tax_code, QR)  # the representative's card, scanned into the tax code field
    assert a.tax_code.text() == "0101234567"
    assert a.representative.text() == "Nguyễn Văn An"
    assert a.full_name.text() == "Hợp tác xã Chè Tam Đường"
    assert a.address.text() == "Bản Mường, xã Tam Đường"
    pick_procedure(page, "khai sinh")
    page.papers.tick_all_required()
    page.decision.buttons["accept"].click()
    assert page.decided is not None, page.problems.problems()
    saved = page.ctx.dossiers.get(page.decided.id)
    assert saved.applicant_kind == ORGANISATION
    assert saved.row.applicant_name == "Hợp tác xã Chè Tam Đường"
    assert saved.row.applicant_id_number == "0101234567"
    assert saved.submitter_name == "Nguyễn Văn An"
    page.preview.close()


def test_organisation_needs_tax_code_and_representative(intake: IntakePage) -> None:
    page, a = intake, intake.applicant
    a.organisation.click()
    type_text(a.full_name, "Công ty TNHH Một Thành Viên")
    pick_procedure(page, "khai sinh")
    page.papers.tick_all_required()
    page.decide("accept")
    listed = " ".join(page.problems.problems())
    assert "mã số thuế" in listed and "người đại diện" in listed
    assert page.decided is None
    assert a.full_name.text() == "Công ty TNHH Một Thành Viên"  # nothing typed is lost


def _earlier_dossier(page: IntakePage) -> None:
    ctx = page.ctx
    detail = ctx.catalog.search("khai sinh")[0]
    papers = ctx.catalog.get(detail.code).papers
    checks = tuple(PaperCheck(i, True) for i in range(1, len(papers) + 1))
    applicant = ApplicantInput(
        full_name="Lò Thị Ỷ",
        id_number="012195001234",
        gender="Nữ",
        address="Bản Mường, xã Tam Đường",
        phone="0977111222",
    )
    ctx.intake.accept(page.principal, IntakeInput(applicant, detail.code, checks))


def test_returning_applicant_found_by_phone(intake: IntakePage, messages) -> None:
    page, a = intake, intake.applicant
    _earlier_dossier(page)
    a.phone.setFocus()
    type_text(a.phone, "0977 111 222")
    QTest.keyClick(a.phone, Qt.Key.Key_Return)  # Enter leaves the field: the look-up runs
    assert a.offer.isVisible()
    assert "Lò Thị Ỷ" in a.offer.matches.currentText()
    a.offer.use_match.click()
    assert a.full_name.text() == "Lò Thị Ỷ"
    assert a.id_number.text() == "012195001234"
    assert a.gender.currentText() == "Nữ"
    assert a.phone.text() == "0977 111 222"  # what was typed stays
    assert not a.offer.isVisible()
    assert messages.shown == []


def test_returning_applicant_offered_after_a_scan(intake: IntakePage) -> None:
    page, a = intake, intake.applicant
    _earlier_dossier(page)
    scan(a.id_number, QR_WOMAN)
    assert a.offer.isVisible()  # the card has no phone: the stored one is offered
    a.offer.use_match.click()
    assert a.phone.text() == "0977111222"
    assert a.address.text() == "Bản Mường, xã Tam Đường, tỉnh Lai Châu"  # the card wins


def test_enter_moves_through_the_applicant_fields(intake: IntakePage) -> None:
    a = intake.applicant
    order = [a.id_number, a.birth_date, a.full_name, a.gender, a.phone, a.email, a.address]
    order[0].setFocus()
    for current in order[:-1]:
        assert QApplication.focusWidget() is current
        QTest.keyClick(current, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is a.address
    QTest.keyClick(a.address, Qt.Key.Key_Escape)  # Esc loses nothing
    assert intake.isVisible()


def test_scan_into_a_button_or_choice_presses_nothing(intake: IntakePage) -> None:
    page = intake
    pick_procedure(page, "khai sinh")
    refuse = page.decision.buttons["refuse"]
    refuse.setFocus()
    scan(refuse, QR)  # its spaces would click the focused button
    assert page.decided is None and page.problems.problems() == []
    assert page.applicant.full_name.text() == "Nguyễn Văn An"
    method = page.decision.fee_method
    scan(method, QR_WOMAN.replace("Lò", "Trần"))  # letters would pick another fee method
    assert method.currentText() == "Tiền mặt"
    assert page.applicant.full_name.text() == "Trần Thị Ỷ"


def test_scanner_pressing_shift_for_capitals_still_scans(intake: IntakePage) -> None:
    """HID scanners press Shift around each capital letter, as a keyboard would."""
    a = intake.applicant
    field, plain = a.id_number, Qt.KeyboardModifier.NoModifier
    field.setFocus()
    for ch in QR:
        if ch.isupper():
            QTest.sendKeyEvent(QTest.KeyAction.Press, field, Qt.Key.Key_Shift, "", plain)
        QTest.sendKeyEvent(QTest.KeyAction.Click, field, Qt.Key.Key_unknown, ch, plain)
    QTest.keyClick(a.id_number, Qt.Key.Key_Return)
    assert a.full_name.text() == "Nguyễn Văn An" and a.id_number.text() == "001090012345"
