"""Rating at the kiosk afterwards: scan the receipt's QR code, rate that dossier once."""

# ruff: noqa: F811 - the shared fixtures are imported from test_kiosk_support

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from rating_support import return_result, saved
from test_kiosk_support import areas, device, make_kiosk  # noqa: F401

from counter_app.domain.rating import AT_KIOSK, DISSATISFIED, SATISFIED
from counter_app.services.rating import AlreadyRated
from counter_app.ui import texts
from counter_app.ui.kiosk.window import KioskWindow


def scan(window: KioskWindow, code: str) -> None:
    """What a USB scanner does: the code's characters as keys, then Enter."""
    page = window.rating.scan_page
    QTest.keyClicks(page, code)
    QTest.keyClick(page, Qt.Key.Key_Return)


def open_scan(window: KioskWindow) -> None:
    window.start_page.rating_button.click()
    assert window.stack.currentWidget() is window.rating.scan_page


def test_the_start_screen_offers_rating(make_kiosk) -> None:
    window = make_kiosk()
    button = window.start_page.rating_button
    assert button.isVisibleTo(window.start_page)
    assert button.title.text() == texts.RATING_KIOSK_BUTTON
    open_scan(window)
    page = window.rating.scan_page
    assert page.instruction.text() == texts.RATING_SCAN_INSTRUCTION
    assert page.code.text() == ""


def test_a_kiosk_opened_by_staff_does_not_offer_rating(office, areas, qtbot) -> None:
    window = KioskWindow(office.ctx, office.supervisor)
    qtbot.addWidget(window)
    try:
        assert not window.start_page.rating_button.isVisibleTo(window.start_page)
        window.rating.open()
        assert window.stack.currentWidget() is window.start_page
    finally:
        window.unlocked = True


def test_scan_rate_then_a_second_scan_is_refused(make_kiosk, office) -> None:
    window = make_kiosk()
    dossier = return_result(office.ctx, office.clerk, counter=None)
    open_scan(window)
    scan(window, dossier.row.code)
    panel = window.rating.panel
    assert window.stack.currentWidget() is panel
    assert panel.ask_page.subject.text().startswith(f"Hồ sơ {dossier.row.code}")
    assert panel.ask_page.clerk.text() == "Cán bộ phục vụ: Lê Thị Hồng"
    next(b for b in panel.ask_page.buttons if b.level.code == SATISFIED).click()
    assert panel.currentWidget() is panel.thanks_page
    [row] = saved(office.ctx)
    assert (row.event_key, row.level, row.channel) == (f"dossier:{dossier.id}", SATISFIED, AT_KIOSK)
    assert row.station == window.principal.station
    panel.thanks_timer.timeout.emit()
    assert window.stack.currentWidget() is window.start_page
    open_scan(window)
    scan(window, dossier.row.code)
    page = window.rating.scan_page
    assert window.stack.currentWidget() is page
    assert page.message.text() == str(AlreadyRated())
    assert page.code.text() == "" and page.find.isEnabled()
    assert len(saved(office.ctx)) == 1


def test_a_code_typed_by_touch_and_a_dissatisfied_answer(make_kiosk, office) -> None:
    window = make_kiosk()
    dossier = return_result(office.ctx, office.clerk, counter=None)
    open_scan(window)
    page = window.rating.scan_page
    for character in dossier.row.code:
        page.keyboard.keys[character.lower()].click()
    assert page.code.text() == dossier.row.code
    page.find.click()
    panel = window.rating.panel
    next(b for b in panel.ask_page.buttons if b.level.code == DISSATISFIED).click()
    panel.reason_page.reasons[0].click()
    panel.reason_page.send.click()
    [row] = saved(office.ctx)
    assert (row.level, row.reasons, row.channel) == (
        DISSATISFIED,
        [office.ctx.settings.rating.reasons[0]],
        AT_KIOSK,
    )


def test_what_is_not_a_receipt_is_explained(make_kiosk) -> None:
    window = make_kiosk()
    open_scan(window)
    scan(window, "https://example.org/khong-phai-ma")
    page = window.rating.scan_page
    assert "không phải mã hồ sơ" in page.message.text()
    scan(window, "000.00.06.H56-261116-9999")  # the right shape, no such dossier
    assert page.message.text().startswith("Không tìm thấy")
    page.find.click()
    assert page.message.text() == texts.RATING_SCAN_EMPTY


def test_a_ticket_qr_code_is_not_a_receipt(make_kiosk, office) -> None:
    window = make_kiosk()
    open_scan(window)
    scan(window, "MOTCUA-VE:1:A001")  # a ticket's QR code, not a receipt's
    assert "không phải mã hồ sơ" in window.rating.scan_page.message.text()
    assert saved(office.ctx) == []


def test_idle_from_the_scan_page_goes_back_to_the_start(make_kiosk, qtbot) -> None:
    window = make_kiosk()
    open_scan(window)
    QTest.keyClicks(window.rating.scan_page, "000.00")
    window.idle.setInterval(60)
    window.idle.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page, timeout=2000)
    open_scan(window)
    assert window.rating.scan_page.code.text() == ""


def test_the_back_button_goes_back(make_kiosk) -> None:
    window = make_kiosk()
    open_scan(window)
    window.rating.scan_page.back.click()
    assert window.stack.currentWidget() is window.start_page


def test_nobody_answering_at_the_kiosk_goes_back_and_saves_nothing(make_kiosk, office, qtbot):
    window = make_kiosk()
    dossier = return_result(office.ctx, office.clerk, counter=None)
    open_scan(window)
    window.rating.panel.ask_timer.setInterval(60)
    scan(window, dossier.row.code)
    assert window.stack.currentWidget() is window.rating.panel
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page, timeout=2000)
    assert saved(office.ctx) == []


def test_the_kiosk_still_has_no_field_a_keyboard_can_type_into(make_kiosk) -> None:
    window = make_kiosk()
    assert window.findChildren(QLineEdit) == []
    comment = window.rating.panel.reason_page.comment
    assert comment.isReadOnly()  # only the on-screen keys write the comment
    assert comment.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
