"""The dossier list: accent-free search, filters, tints, paging, scanning, the apology banner."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import replace_text, type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from sqlalchemy.exc import OperationalError
from test_dossier_support import HON_NHAN, Counter, build_counter

from counter_app.domain.dossier_status import DossierStatus as S
from counter_app.domain.roles import Role
from counter_app.ui import texts
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.dossiers.list_model import (
    URGENCY_ROLE,
)
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.main_window import PAGES


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


def names(page: DossiersPage) -> list[str]:
    return [row.applicant_name for row in page.model.rows()]


def search(page: DossiersPage, text: str) -> list[str]:
    replace_text(page.search, text)
    page.run_search()
    return names(page)


ALL = ["Phạm Văn Minh", "Trần Thị Hoa", "Lò Văn Páo", "Đỗ Thị Ngọc Ánh", "Nguyễn Văn An"]


def test_lists_every_dossier_newest_first_with_a_count(page: DossiersPage) -> None:
    assert names(page) == ALL
    assert page.count.text() == "5 hồ sơ"
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(6)]
    assert headers == ["Mã hồ sơ", "Người nộp", "Thủ tục", "Ngày nhận", "Hẹn trả", "Trạng thái"]
    refused = page.model.index(1, 0)
    assert page.model.data(refused) == texts.DOSSIER_NO_CODE
    assert page.model.data(page.model.index(1, 5)) == "Không được tiếp nhận"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ngoc anh", ["Đỗ Thị Ngọc Ánh"]),
        ("NGỌC ÁNH", ["Đỗ Thị Ngọc Ánh"]),
        ("lo van pao", ["Lò Văn Páo"]),
        ("0987654321", ["Đỗ Thị Ngọc Ánh"]),
        ("012088000111", ["Lò Văn Páo"]),
        ("261110-0001", ["Nguyễn Văn An"]),
        ("khong co ai", []),
    ],
)
def test_search_ignores_accents_and_finds_phone_id_and_code(page, query, expected) -> None:
    assert search(page, query) == expected


def test_search_runs_as_you_type_after_a_pause(page: DossiersPage, qtbot) -> None:
    replace_text(page.search, "nguyen van")
    assert names(page) == ALL  # not yet: debounced
    qtbot.waitUntil(lambda: names(page) == ["Nguyễn Văn An"], timeout=5000)
    assert page.count.text() == "1 hồ sơ"
    replace_text(page.search, "khong co ai")
    page.run_search()
    assert page.count.text() == texts.DOSSIER_EMPTY


def test_status_filter_in_progress_and_single_status(page: DossiersPage) -> None:
    page.filters.status.setCurrentIndex(page.filters.status.findText("Đang giải quyết"))
    assert names(page) == ["Phạm Văn Minh", "Lò Văn Páo", "Đỗ Thị Ngọc Ánh", "Nguyễn Văn An"]
    page.filters.set_statuses((S.KHONG_DUOC_TIEP_NHAN,))
    assert names(page) == ["Trần Thị Hoa"]
    page.filters.set_statuses(
        (S.CONG_DAN_RUT_HO_SO, S.DUNG_XU_LY, S.DA_TRA_KET_QUA, S.KHONG_DUOC_TIEP_NHAN)
    )
    assert page.filters.status.currentText() == "Đã kết thúc"
    page.filters.clear()
    assert names(page) == ALL


def test_procedure_date_overdue_and_due_soon_filters(page: DossiersPage, counter) -> None:
    page.filters.procedure.select_code(HON_NHAN)
    assert names(page) == ["Lò Văn Páo"]
    page.filters.clear()
    page.filters.date_from.setDate(QDate(2026, 11, 16))
    page.filters.dated.setChecked(True)
    assert "Nguyễn Văn An" not in names(page) and len(names(page)) == 4
    assert page.filters.current().received_from == date(2026, 11, 16)
    page.filters.clear()
    page.filters.overdue.setChecked(True)
    assert names(page) == ["Nguyễn Văn An"]
    page.filters.overdue.setChecked(False)
    page.filters.due_soon.setChecked(True)
    assert names(page) == ["Đỗ Thị Ngọc Ánh"]
    replace_text(page.search, "lo van")  # search and filters combine
    page.run_search()
    assert names(page) == []


def test_choosing_the_same_procedure_again_after_clearing_filters_again(page) -> None:
    page.filters.procedure.select_code(HON_NHAN)
    assert names(page) == ["Lò Văn Páo"]
    page.refresh()  # the procedures are offered anew, the choice is kept
    assert page.filters.procedure.selected_code() == HON_NHAN and names(page) == ["Lò Văn Páo"]
    page.filters.clear_button.click()
    assert names(page) == ALL
    page.filters.procedure.select_code(HON_NHAN)
    assert names(page) == ["Lò Văn Páo"]


def test_the_date_range_stays_the_right_way_round(page) -> None:
    page.filters.dated.setChecked(True)
    page.filters.date_from.setDate(QDate(2026, 11, 20))
    assert page.filters.date_to.date() == QDate(2026, 11, 20)
    page.filters.date_to.setDate(QDate(2026, 11, 10))
    assert page.filters.date_from.date() == QDate(2026, 11, 10)
    assert names(page) == ["Nguyễn Văn An"]


def test_overdue_rows_are_red_and_due_tomorrow_rows_amber(page: DossiersPage) -> None:
    model = page.model
    by_name = {model.row(i).applicant_name: i for i in range(model.rowCount())}
    urgency = {n: model.data(model.index(i, 0), URGENCY_ROLE) for n, i in by_name.items()}
    assert urgency == {
        "Nguyễn Văn An": "overdue",
        "Đỗ Thị Ngọc Ánh": "due_soon",
        "Lò Văn Páo": "",
        "Trần Thị Hoa": "",
        "Phạm Văn Minh": "",
    }
    red = model.data(model.index(by_name["Nguyễn Văn An"], 2), Qt.ItemDataRole.BackgroundRole)
    amber = model.data(model.index(by_name["Đỗ Thị Ngọc Ánh"], 5), Qt.ItemDataRole.BackgroundRole)
    plain = model.data(model.index(by_name["Lò Văn Páo"], 0), Qt.ItemDataRole.BackgroundRole)
    assert red == fmt.TINTS["overdue"] and amber == fmt.TINTS["due_soon"] and plain is None
    tip = model.data(model.index(by_name["Nguyễn Văn An"], 4), Qt.ItemDataRole.ToolTipRole)
    assert texts.DOSSIER_OVERDUE_TIP in tip


def test_banner_counts_dossiers_needing_an_apology_and_filters_them(page, counter, qtbot) -> None:
    assert page.banner.isVisible()
    assert page.banner.text().startswith("⚠ 2 hồ sơ sắp quá hạn cần lập phiếu xin lỗi")
    qtbot.mouseClick(page.banner, Qt.MouseButton.LeftButton)
    assert sorted(names(page)) == ["Nguyễn Văn An", "Đỗ Thị Ngọc Ánh"]
    assert page.count.text() == "Đang xem 2 hồ sơ cần lập phiếu xin lỗi"
    page.filters.clear()  # any filter leaves the apology list
    assert names(page) == ALL


def test_banner_hidden_when_nothing_is_late(office, clock, qtbot) -> None:
    office.ctx.catalog.load_shipped(office.admin)
    p = DossiersPage(office.ctx, office.clerk)
    qtbot.addWidget(p)
    p.show()
    p.refresh()
    assert not p.banner.isVisible()
    assert p.count.text() == texts.DOSSIER_EMPTY


def test_scanning_a_receipt_opens_its_dossier_at_once(page: DossiersPage, counter) -> None:
    code = counter.due_soon.code
    type_text(page.scan, code)
    QTest.keyClick(page.scan, Qt.Key.Key_Return)
    dialog = page.detail_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.detail.id == counter.due_soon.id
    assert dialog.header.value(texts.DETAIL_CODE) == code
    assert page.scan.text() == "" and not page.scan_problem.isVisible()


def test_scanning_a_receipt_url_works_too(page: DossiersPage, counter) -> None:
    dialog = page.open_scanned(f"https://dichvucong.vn/tra-cuu?ma={counter.later.code}\r\n")
    assert dialog is not None and dialog.detail.id == counter.later.id


def test_a_garbage_scan_shows_an_inline_message(page: DossiersPage, messages) -> None:
    type_text(page.scan, "001090012345|123|Nguyễn Văn An")
    QTest.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.detail_dialog is None
    assert page.scan_problem.isVisible()
    assert "không phải mã hồ sơ" in page.scan_problem.text()
    assert page.scan.selectedText() == page.scan.text()  # the next scan replaces it
    page.open_scanned("000.00.06.H56-261116-9999")
    assert "Không tìm thấy hồ sơ mã" in page.scan_problem.text()
    assert messages.shown == []  # inline, no pop-up


def test_a_code_scanned_into_the_search_box_opens_the_dossier(page, counter) -> None:
    type_text(page.search, counter.overdue.code)
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert page.detail_dialog is not None
    assert page.detail_dialog.detail.id == counter.overdue.id
    assert names(page) == ["Nguyễn Văn An"]


def test_double_click_and_open_button_open_the_selected_dossier(page, counter, messages) -> None:
    page.table.clearSelection()
    page.open_selected()
    assert messages.texts() == [texts.DOSSIER_PICK_FIRST]
    page.table.selectRow(2)
    page.open_selected()
    assert page.detail_dialog is not None
    assert page.detail_dialog.detail.id == counter.later.id


def test_database_errors_become_a_message_not_a_crash(page, counter, messages, monkeypatch):
    def broken(*_a, **_k):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(counter.ctx.dossiers, "count", broken)
    page.run_search()
    assert page.model.rowCount() == 0
    assert len(messages.shown) == 1 and messages.shown[0][0] == texts.ERROR_TITLE
    monkeypatch.setattr(counter.ctx.dossiers, "resolve_scan", broken)
    page.open_scanned(counter.later.code or "")
    assert page.scan_problem.isVisible()


def test_page_is_offered_to_people_roles_never_to_devices() -> None:
    spec = next(s for s in PAGES if s.title == texts.PAGE_DOSSIERS)
    assert spec.roles == {Role.ADMIN, Role.SUPERVISOR, Role.CLERK}
    assert Role.DEVICE not in spec.roles
