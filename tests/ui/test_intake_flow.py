"""The whole intake of a dossier: scan the card, pick the procedure, tick, accept, print."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from helpers import NOW, type_text
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_intake_helpers import (
    QR,
    make_page,
    pdf_text,
    pick_procedure,
    scan,
    spy_forms,
)

from counter_app.domain.dossier_status import DossierStatus
from counter_app.services.dossier_queries import DossierFilter
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog


@pytest.fixture
def intake(office, qtbot) -> IntakePage:
    """The intake page signed in as the clerk."""
    return make_page(office, qtbot)


def test_scan_pick_tick_accept_and_print(intake: IntakePage, messages, tmp_path) -> None:
    page, ctx = intake, intake.ctx
    assert QApplication.focusWidget() is page.applicant.id_number
    scan(page.applicant.id_number, QR)
    a = page.applicant
    assert a.id_number.text() == "001090012345"
    assert a.full_name.text() == "Nguyễn Văn An"
    assert a.birth_date.text() == "02/05/1990"
    assert a.gender.currentText() == "Nam"
    assert a.address.text() == "Bản Nậm Xe, xã Phong Thổ, tỉnh Lai Châu"
    assert "15/08/2021" in a.title()
    assert a.problems.problems() == []
    assert QApplication.focusWidget() is a.phone  # the card has no phone: ask for it next
    type_text(a.phone, "0912 345 678")
    QTest.keyClick(a.phone, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is a.email  # Enter moves on

    pick_procedure(page, "khai sinh")
    detail = page.procedure.detail
    assert detail is not None and "khai sinh" in detail.name.lower()
    assert "1 ngày làm việc" in page.procedure.facts.text()
    assert "Lệ phí: Miễn" in page.procedure.facts.text()
    assert page.decision.fee.value() == 0
    assert page.papers.table.rowCount() == len(detail.papers)
    assert QApplication.focusWidget() is page.papers.table

    # Tick every paper that must be handed in, with the space bar as a clerk would.
    table = page.papers.table
    assert table.currentRow() == 0
    for paper in detail.papers:
        if paper.required:
            QTest.keyClick(table, Qt.Key.Key_Space)
        QTest.keyClick(table, Qt.Key.Key_Down)
    assert "Đã nhận 2/2" in page.papers.tally.text()

    QTest.keyClick(page.papers.table, Qt.Key.Key_F9)
    assert page.decided is not None, page.problems.problems()
    saved = ctx.dossiers.get(page.decided.id)
    assert saved.status == DossierStatus.DUOC_TIEP_NHAN == 2
    assert saved.code == "000.00.06.H56-261116-0001"
    assert saved.row.received_at == NOW
    due = ctx.calendar.due(saved.row.received_at, Decimal(detail.processing_days))
    assert saved.row.due_at == due
    assert saved.row.applicant_name == "Nguyễn Văn An"
    assert saved.row.applicant_id_number == "001090012345"
    assert saved.row.applicant_phone == "0912345678"
    assert saved.book_number == 1
    received = {p.position: p.received for p in saved.papers}
    assert received == {i + 1: p.required for i, p in enumerate(detail.papers)}
    assert [r.id for r in ctx.dossiers.search(DossierFilter(query="nguyen van an"))] == [saved.id]

    result = page.result
    assert result.isVisible()
    assert saved.code in result.heading.text()
    assert f"{due:%H:%M} ngày {due:%d/%m/%Y}" in result.facts.text()
    assert "quyển 2026, số 1" in result.facts.text()
    assert not page.form.isEnabled()

    preview = page.preview
    assert isinstance(preview, PdfPreviewDialog) and preview.isVisible()
    assert preview.paper == ctx.settings.printing.paper_size
    assert preview.document.pageCount() >= 1
    assert saved.code in preview.windowTitle()
    assert saved.code in re.sub(r"\s+", "", pdf_text(preview.pdf_bytes, tmp_path)) or (
        saved.code in pdf_text(preview.pdf_bytes, tmp_path)
    )
    preview.close()
    assert messages.shown == []

    # F9 again does nothing: the dossier is decided, never saved twice.
    QTest.keyClick(page.result.next_dossier, Qt.Key.Key_F9)
    assert len(ctx.dossiers.search(DossierFilter())) == 1

    result.next_dossier.click()
    assert page.decided is None and not result.isVisible() and page.form.isEnabled()
    assert a.full_name.text() == a.id_number.text() == a.phone.text() == ""
    assert page.procedure.detail is None and page.papers.table.rowCount() == 0
    assert QApplication.focusWidget() is a.id_number


def test_a_second_dossier_gets_the_next_number(intake: IntakePage) -> None:
    page = intake
    codes = []
    for _ in range(2):
        scan(page.applicant.id_number, QR)
        pick_procedure(page, "ket hon")
        page.papers.tick_all_required()
        page.decision.buttons["accept"].click()
        assert page.decided is not None, page.problems.problems()
        codes.append(page.decided.code)
        page.preview.close()
        QTest.keyClick(page.result.next_dossier, Qt.Key.Key_Return)  # Enter: next citizen
        assert page.decided is None
    assert codes == ["000.00.06.H56-261116-0001", "000.00.06.H56-261116-0002"]


def test_scanning_the_next_card_starts_the_next_dossier(intake: IntakePage) -> None:
    page = intake
    scan(page.applicant.id_number, QR)
    pick_procedure(page, "khai sinh")
    page.papers.tick_all_required()
    page.decision.buttons["accept"].click()
    page.preview.close()
    assert QApplication.focusWidget() is page.result.next_dossier
    scan(page.result.next_dossier, QR.replace("Nguyễn Văn An", "Nguyễn Văn Bình"))
    assert page.decided is None
    assert page.applicant.full_name.text() == "Nguyễn Văn Bình"
    assert page.procedure.detail is None


def test_print_again_and_fee_receipt(intake: IntakePage, monkeypatch) -> None:
    page = intake
    rendered = spy_forms(page.ctx, monkeypatch)
    scan(page.applicant.id_number, QR)
    pick_procedure(page, "ket hon")
    page.papers.tick_all_required()
    page.decision.fee.setValue(20000)
    page.decision.buttons["accept"].click()
    assert page.decided is not None, page.problems.problems()
    assert page.decided.fees and page.decided.fees[0].amount == 20000
    assert "20.000 ₫" in page.result.facts.text()
    page.preview.close()
    assert page.result.print_fee.isVisibleTo(page)
    page.result.print_fee.click()
    assert page.preview.isVisible() and "Biên lai" in page.preview.windowTitle()
    page.preview.close()
    page.result.print_form.click()
    assert "Mẫu 01" in page.preview.windowTitle()
    page.preview.close()
    assert rendered == ["RECEIPT", "FEE_RECEIPT", "RECEIPT"]


def test_saving_on_a_real_worker_thread(office, qtbot) -> None:
    page = make_page(office, qtbot)
    page.pool = page.printer.pool = QThreadPool.globalInstance()
    scan(page.applicant.id_number, QR)
    pick_procedure(page, "khai sinh")
    page.papers.tick_all_required()
    QTest.keyClick(page.papers.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10000)
    assert page.decided is not None and page.decided.code
    assert not page.busy.isVisible()
    page.preview.close()


def test_tab_follows_the_work(intake: IntakePage) -> None:
    page = intake
    a = page.applicant
    a.address.setFocus()
    QTest.keyClick(a.address, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.procedure.search
    pick_procedure(page, "khai sinh")
    assert QApplication.focusWidget() is page.papers.table
    QTest.keyClick(page.papers.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.papers.sets
    page.decision.summary.setFocus()
    QTest.keyClick(page.decision.summary, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.decision.reasons
    QTest.keyClick(page.decision.reasons, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.decision.buttons["accept"]


def test_buttons_show_their_shortcuts(intake: IntakePage) -> None:
    buttons = intake.decision.buttons
    assert buttons["accept"].text() == "Tiếp nhận (F9)"
    assert "F9" in buttons["accept"].toolTip() and "Ctrl+Enter" in buttons["accept"].toolTip()
    assert "F10" in buttons["supplement"].toolTip() and "F11" in buttons["refuse"].toolTip()


def test_in_the_main_window_focus_returns_to_the_form(office, qtbot, messages) -> None:
    from counter_app.ui.main_window import MainWindow

    office.ctx.catalog.load_shipped(Principal.system(office.ctx.station))
    window = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    page = window.show_page(texts.PAGE_INTAKE)
    assert isinstance(page, IntakePage)
    assert QApplication.focusWidget() is page.applicant.id_number
    type_text(page.applicant.full_name, "Nguyễn Văn An")
    page.applicant.phone.setFocus()
    window.show_page(texts.PAGE_CATALOG)
    window.navigation.setFocus()
    window.show_page(texts.PAGE_INTAKE)
    assert QApplication.focusWidget() is page.applicant.phone  # where the clerk left off
    assert page.applicant.full_name.text() == "Nguyễn Văn An"  # nothing lost
