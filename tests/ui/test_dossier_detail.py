"""The dossier detail: header, papers, history, files, forms, and the actions offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from sqlalchemy.exc import OperationalError
from test_dossier_support import AN, KHAI_SINH, Counter, build_counter, intake

from counter_app.ui import texts
from counter_app.ui.dossiers.actions import ACTIONS
from counter_app.ui.dossiers.detail_dialog import HISTORY_TAB, DossierDetailDialog
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog


@pytest.fixture
def counter(office, clock) -> Counter:
    return build_counter(office.ctx, office.clerk, clock)


@pytest.fixture
def open_detail(counter, qtbot):
    kept: list[DossierDetailDialog] = []

    def make(detail) -> DossierDetailDialog:
        dialog = DossierDetailDialog(counter.ctx, counter.clerk, counter.get(detail))
        kept.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def enabled(dialog: DossierDetailDialog) -> set[str]:
    return {key for key, button in dialog.action_buttons.items() if button.isEnabled()}


def test_header_shows_the_dossier(open_detail, counter) -> None:
    dialog = open_detail(counter.due_soon)
    value = dialog.header.value
    assert value(texts.DETAIL_CODE) == counter.due_soon.code
    assert value(texts.DETAIL_STATUS) == "Được tiếp nhận"
    assert value(texts.DETAIL_APPLICANT) == "Đỗ Thị Ngọc Ánh · 001195004321"
    assert "0987654321" in value(texts.DETAIL_CONTACT)
    assert value(texts.DETAIL_PROCEDURE).startswith("1.001193 — ")
    assert value(texts.DETAIL_RECEIVED) == "16/11/2026 09:30 · Lê Thị Hồng"
    assert value(texts.DETAIL_DUE) == "17/11/2026 09:30"
    assert value(texts.DETAIL_DELIVERY) == "Tại Bộ phận Một cửa"
    assert value(texts.DETAIL_BOOK) == "Năm 2026, số thứ tự 2"
    assert value(texts.DETAIL_UNIT) == "UBND Phường Ba Đình"
    assert dialog.windowTitle() == f"Hồ sơ {counter.due_soon.code}"


def test_papers_and_history_tables(open_detail, counter) -> None:
    dialog = open_detail(counter.supplement)
    papers = dialog.papers_model
    assert papers.rowCount() == len(counter.supplement.papers)
    assert papers.data(papers.index(0, 3)) == texts.DOSSIER_PAPER_NOT_RECEIVED
    assert papers.data(papers.index(0, 4)) == "Chưa có giấy chứng sinh"
    assert dialog.tabs.currentIndex() == HISTORY_TAB
    history = dialog.history.model_
    assert history.rowCount() == 1
    line = [history.data(history.index(0, c)) for c in range(9)]
    assert line[1] == "Hướng dẫn bổ sung, hoàn thiện hồ sơ"
    assert line[2] == "Yêu cầu bổ sung giấy tờ"
    assert line[3:5] == ["Lê Thị Hồng", "Phạm Văn Minh"]
    assert line[7] == "Lê Thị Hồng"
    assert dialog.header.value(texts.DETAIL_CODE) == texts.DOSSIER_NO_CODE


def test_history_shows_from_to_status_and_unit(open_detail, counter) -> None:
    counter.ctx.lifecycle.transfer(counter.clerk, counter.later.id, "UBND Phường Ba Đình", "Gấp")
    dialog = open_detail(counter.later)
    history = dialog.history.model_
    assert history.rowCount() == 2
    line = [history.data(history.index(1, c)) for c in range(9)]
    assert line[0] == "16/11/2026 09:50"
    assert line[1] == "Chuyển hồ sơ đến đơn vị xử lý"
    assert line[2] == "Được tiếp nhận → Đang xử lý"
    assert line[4:7] == ["UBND Phường Ba Đình", "UBND Phường Ba Đình", "Gấp"]
    assert line[8] == "19/11/2026 09:35"
    assert dialog.tabs.tabText(HISTORY_TAB) == "Quá trình xử lý (2)"


def test_actions_follow_the_allowed_transitions(open_detail, counter) -> None:
    received = open_detail(counter.due_soon)
    assert enabled(received) == {
        "transfer",
        "request_supplement",
        "record_result",
        "withdraw",
        "stop",
        "apology",
    }
    assert enabled(open_detail(counter.refused)) == set()
    refused = open_detail(counter.refused)
    tip = refused.action_buttons["transfer"].toolTip()
    assert tip == "Không thực hiện được ở trạng thái “Không được tiếp nhận”."
    # Asked to supplement at intake: no code, so it is received anew on the intake screen.
    assert enabled(open_detail(counter.supplement)) == {"withdraw", "stop"}
    assert len(ACTIONS) == len(received.action_buttons) == 8


def test_a_dossier_that_will_be_late_gets_the_apology_offered(open_detail, counter) -> None:
    dialog = open_detail(counter.due_soon)
    apology = dialog.action_buttons["apology"]
    assert dialog.needs_apology and apology.property("primary") is True
    assert dialog.notice.isVisible() and "Phiếu xin lỗi" in dialog.notice.text()
    calm = open_detail(counter.later)
    assert not calm.needs_apology and not calm.action_buttons["apology"].property("primary")
    assert not calm.notice.isVisible()


def test_forms_list_and_reprint_of_mau_01_opens_the_preview(open_detail, counter) -> None:
    dialog = open_detail(counter.due_soon)
    labels = [dialog.forms.item(i).text() for i in range(dialog.forms.count())]
    assert labels[0].startswith("Mẫu 01") and any(x.startswith("Mẫu 06") for x in labels)
    assert dialog.select_form("Mẫu 01")
    preview = dialog.print_form()
    assert isinstance(preview, PdfPreviewDialog) and preview.isVisible()
    assert preview.document.pageCount() >= 1
    assert preview.windowTitle().startswith("Mẫu 01") and counter.due_soon.code in preview.title
    preview.close()
    refused = open_detail(counter.refused)
    assert [refused.forms.item(i).text()[:6] for i in range(refused.forms.count())] == ["Mẫu 03"]


def test_a_failing_form_shows_a_message(open_detail, counter, messages, monkeypatch) -> None:
    def broken(*_a):
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(counter.ctx.forms, "render", broken)
    dialog = open_detail(counter.later)
    assert dialog.print_form() is None
    assert len(messages.shown) == 1


def test_fees_collected_at_intake_are_listed(open_detail, counter) -> None:
    paid = counter.ctx.intake.accept(
        counter.clerk, intake(counter.ctx, KHAI_SINH, AN, fee_amount=8000)
    )
    dialog = open_detail(paid)
    fees = dialog.fees_model
    assert fees.rowCount() == 1
    assert fees.data(fees.index(0, 0)) == "1/2026"
    assert fees.data(fees.index(0, 2)) == "8.000 ₫"
    assert fees.data(fees.index(0, 3)) == "Tiền mặt"
    assert dialog.tabs.tabText(3) == "Phí, lệ phí (1)"


def test_attachments_open_with_the_system_viewer(open_detail, counter, tmp_path, monkeypatch):
    picture = tmp_path / "giay-chung-sinh.png"
    image = QImage(40, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(picture))
    counter.ctx.attachments.attach(counter.clerk, counter.later.id, picture, 1)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = open_detail(counter.later)
    assert dialog.files_model.rowCount() == 1
    assert dialog.files_model.data(dialog.files_model.index(0, 0)) == "giay-chung-sinh.png"
    dialog.files.selectRow(0)
    dialog.open_attachment()
    assert len(opened) == 1 and Path(opened[0].toLocalFile()).read_bytes() == picture.read_bytes()


def test_no_attachment_selected_says_so(open_detail, counter, messages) -> None:
    dialog = open_detail(counter.later)
    assert not dialog.open_file_button.isEnabled()
    dialog.open_attachment()
    assert messages.texts() == [texts.DOSSIER_FILE_PICK_FIRST]


def test_period_prints_preview_the_tracking_book_and_control_sheets(counter, qtbot) -> None:
    page = DossiersPage(counter.ctx, counter.clerk)
    qtbot.addWidget(page)
    page.refresh()
    dialog = page.open_period_prints()
    book = dialog.print_tracking_book()
    assert isinstance(book, PdfPreviewDialog) and book.document.pageCount() >= 1
    assert book.windowTitle() == "Sổ theo dõi hồ sơ 01/11/2026 – 16/11/2026"
    book.close()
    sheets = dialog.print_control_sheets()
    assert isinstance(sheets, PdfPreviewDialog) and sheets.document.pageCount() >= 3
    sheets.close()
    dialog.date_from.setDate(dialog.date_to.date().addDays(1))
    assert dialog.print_tracking_book() is None
    assert dialog.problem.text() == texts.PERIOD_BAD_RANGE
    dialog.date_from.setDate(dialog.date_to.date())
    dialog.date_from.setDate(dialog.date_from.date().addDays(-1))
    dialog.date_to.setDate(dialog.date_from.date())  # 15/11: a Sunday, nothing received
    assert dialog.print_control_sheets() is None
    assert "Không có hồ sơ nào" in dialog.problem.text()


def test_list_page_detail_is_window_modal_and_closes_cleanly(counter, qtbot) -> None:
    page = DossiersPage(counter.ctx, counter.clerk)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    first = page.open_dossier(counter.later.id)
    assert first is not None and first.windowModality() == Qt.WindowModality.WindowModal
    second = page.open_dossier(counter.due_soon.id)
    assert second is page.detail_dialog and not first.isVisible()
