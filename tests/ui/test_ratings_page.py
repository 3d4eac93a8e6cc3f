"""The supervisor's satisfaction page: numbers, chart, reasons, exports; clerks never see it."""

from __future__ import annotations

import io
import pathlib
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from rating_rows import add_ratings, rating

from counter_app.domain.rating import DISSATISFIED, NEUTRAL, SATISFIED, VERY_SATISFIED
from counter_app.services import audit
from counter_app.ui import texts
from counter_app.ui.main_window import MainWindow
from counter_app.ui.ratings.page import RatingsPage
from counter_app.ui.widgets.periods import quick_period
from counter_app.ui.workers import InlinePool

WAIT = "Thời gian chờ đợi lâu"


@pytest.fixture
def rated(office):
    """Six ratings in November 2026 (the clock says Monday 16/11): two clerks, two counters."""
    areas = {a.prefix: a for a in office.ctx.queue.ensure_default_areas(office.admin)}
    hong = {
        "counter": 1,
        "clerk": (office.clerk.user_id, office.clerk.full_name),
        "area": (areas["A"].id, areas["A"].name),
    }
    boss = {
        "counter": 2,
        "clerk": (office.supervisor.user_id, office.supervisor.full_name),
        "area": (areas["B"].id, areas["B"].name),
    }
    add_ratings(
        office.ctx.db,
        [
            rating(VERY_SATISFIED, datetime(2026, 11, 16, 8), **hong),
            rating(SATISFIED, datetime(2026, 11, 16, 9), **hong),
            rating(DISSATISFIED, datetime(2026, 11, 10, 9), reasons=(WAIT,), comment="Lâu", **hong),
            rating(NEUTRAL, datetime(2026, 11, 3, 9), **boss),
            rating(SATISFIED, datetime(2026, 11, 4, 9), scale="three", channel="kiosk", **boss),
            rating(DISSATISFIED, datetime(2026, 11, 5, 9), scale="three", **boss),
            rating(VERY_SATISFIED, datetime(2026, 10, 30, 9), **boss),  # last month
        ],
    )
    return office


@pytest.fixture
def page(rated, qtbot) -> RatingsPage:
    view = RatingsPage(rated.ctx, rated.supervisor, pool=InlinePool())
    qtbot.addWidget(view)
    view.resize(1176, 640)
    view.show()
    view.refresh()
    return view


def cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def choose(box, data) -> None:
    box.setCurrentIndex(box.findData(data))


def test_supervisor_sees_rates_per_clerk_with_chart_and_reasons(page: RatingsPage) -> None:
    assert page.controls.quick.currentText() == "Tháng này"
    rows = cells(page.summary_model)
    assert rows == [
        ["Lê Thị Hồng", "1", "1", "0", "1", "0", "3", "2", "66,7%", "3,67"],
        ["Trần Thị Giám", "0", "1", "1", "1", "0", "3", "1", "33,3%", "3,00"],
        ["Tổng cộng", "1", "2", "1", "2", "0", "6", "3", "50,0%", "3,33"],
    ]
    assert page.summary_model.headerData(0, Qt.Orientation.Horizontal) == "Công chức"
    assert "6 lượt đánh giá" in page.headline.text() and "50,0%" in page.headline.text()
    assert [(b.label, b.total) for b in page.chart.bars] == [
        ("Lê Thị Hồng", 3),
        ("Trần Thị Giám", 3),
    ]
    assert page.chart.overall == pytest.approx(0.5)
    assert cells(page.reason_model) == [[WAIT, "1", "50,0%"]]
    assert "2 lượt chưa hài lòng" in page.reason_note.text()
    comments = cells(page.comment_model)
    assert ["10/11/2026", "1", "Lê Thị Hồng", "—", "Không hài lòng", WAIT, "Lâu"] in comments
    assert not any("ticket" in cell for row in comments for cell in row)


def test_grouping_filters_and_quick_periods_read_again(page: RatingsPage) -> None:
    choose(page.controls.group, "counter")
    assert [row[0] for row in cells(page.summary_model)] == ["Quầy 1", "Quầy 2", "Tổng cộng"]
    choose(page.controls.group, "week")
    assert cells(page.summary_model)[0][0] == "Tuần 45 (02/11 – 08/11/2026)"
    choose(page.controls.channel, "kiosk")
    assert cells(page.summary_model)[-1][6] == "1"
    assert page.comment_model.rowCount() == 0
    assert "giữ bí mật cho người đánh giá" in page.comment_note.text()
    choose(page.controls.channel, None)
    choose(page.controls.clerk, page.principal.user_id)
    assert cells(page.summary_model)[-1][6] == "3"
    choose(page.controls.clerk, None)
    choose(page.controls.quick, "today")
    assert page.controls.period().start == date(2026, 11, 16)
    assert cells(page.summary_model)[-1][6] == "2"
    page.controls.set_period(date(2026, 10, 1), date(2026, 10, 31))
    assert page.controls.quick.currentData() == "custom"
    assert cells(page.summary_model)[-1][6] == "1"
    page.controls.set_period(date(2026, 11, 2), date(2026, 10, 31))
    assert page.problem.isVisible() and "Ngày bắt đầu" in page.problem.text()


def test_filter_lists_offer_what_was_rated(page: RatingsPage) -> None:
    counters = [page.controls.counter.itemText(i) for i in range(page.controls.counter.count())]
    assert counters == ["Tất cả", "Quầy 1", "Quầy 2"]
    clerks = [page.controls.clerk.itemText(i) for i in range(page.controls.clerk.count())]
    assert clerks == ["Tất cả", "Lê Thị Hồng", "Trần Thị Giám"]


def test_clerks_never_get_the_page(rated, qtbot, messages) -> None:
    clerk_window = MainWindow(rated.ctx, rated.clerk)
    qtbot.addWidget(clerk_window)
    titles = [
        clerk_window.navigation.item(i).text() for i in range(clerk_window.navigation.count())
    ]
    assert texts.PAGE_RATINGS not in titles and texts.PAGE_RATINGS not in clerk_window.pages
    sneaked = RatingsPage(rated.ctx, rated.clerk, pool=InlinePool())
    qtbot.addWidget(sneaked)
    sneaked.refresh()
    assert sneaked.summary is None and sneaked.summary_model.rowCount() == 0
    assert any("công chức không xem đánh giá" in text for text in messages.texts())


def test_supervisor_window_shows_the_page_with_numbers(rated, qtbot) -> None:
    window = MainWindow(rated.ctx, rated.supervisor)
    qtbot.addWidget(window)
    window.show()
    shown = window.show_page(texts.PAGE_RATINGS)
    assert isinstance(shown, RatingsPage)
    qtbot.waitUntil(lambda: shown.summary is not None, timeout=10000)
    assert shown.summary_model.rowCount() == 3
    admin_window = MainWindow(rated.ctx, rated.admin)
    qtbot.addWidget(admin_window)
    assert texts.PAGE_RATINGS in admin_window.pages


def test_exports_write_the_files_and_say_where(page: RatingsPage, tmp_path: Path, messages) -> None:
    targets = {"xlsx": tmp_path / "hai-long.xlsx", "pdf": tmp_path / "hai-long.pdf"}
    page.exports.ask_save_path = lambda _name, kind: targets[kind]  # type: ignore[method-assign]
    page.xlsx_button.click()
    page.pdf_button.click()
    book = load_workbook(io.BytesIO(targets["xlsx"].read_bytes()))
    sheet = book["Tổng hợp"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Tổng cộng", 1, 2, 1, 2, 0, 6, 3, 0.5, pytest.approx(20 / 6)] in values
    text = "".join(p.extract_text() for p in PdfReader(targets["pdf"]).pages)
    assert "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG" in text and "66,7%" in text
    assert messages.texts()[-2:] == [
        f"Đã lưu báo cáo: {targets['xlsx']}",
        f"Đã lưu báo cáo: {targets['pdf']}",
    ]
    lines = audit.recent(page.ctx.db, action="rating.export")
    assert [line.entity_id for line in lines] == ["pdf", "xlsx"]
    assert lines[0].username == "giamsat" and lines[0].details["start"] == "2026-11-01"


def test_a_locked_file_gives_a_vietnamese_reason(
    page: RatingsPage, tmp_path: Path, messages, monkeypatch
) -> None:
    target = tmp_path / "dang-mo.xlsx"

    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    page.exports.ask_save_path = lambda _name, _kind: target  # type: ignore[method-assign]
    with monkeypatch.context() as patch:
        patch.setattr(pathlib.Path, "write_bytes", refuse)
        page.xlsx_button.click()
    assert messages.texts()[-1].startswith(
        "Không ghi được tệp dang-mo.xlsx: tệp đang mở trong Excel"
    )
    page.exports.ask_save_path = lambda _name, _kind: tmp_path  # type: ignore[method-assign]
    page.pdf_button.click()
    assert messages.texts()[-1] == (
        f"Không ghi được tệp {tmp_path.name}: đó là một thư mục, không phải tệp. "
        "Hãy chọn nơi lưu khác."
    )
    assert page.exports.status.text() == ""
    assert all(button.isEnabled() for button in page.exports.buttons)


def test_preview_shows_the_pdf(page: RatingsPage) -> None:
    page.preview_button.click()
    assert page.preview is not None and page.preview.document.pageCount() >= 1
    page.preview.close()


def test_quick_periods() -> None:
    today = date(2026, 11, 18)  # a Wednesday
    assert quick_period("today", today) == (today, today)
    assert quick_period("week", today) == (date(2026, 11, 16), date(2026, 11, 22))
    assert quick_period("month", today) == (date(2026, 11, 1), date(2026, 11, 30))
    assert quick_period("quarter", today) == (date(2026, 10, 1), date(2026, 12, 31))
    assert quick_period("quarter", date(2026, 2, 3)) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quick_period("year", today) == (date(2026, 1, 1), date(2026, 12, 31))
    assert quick_period("month", date(2026, 12, 5)) == (date(2026, 12, 1), date(2026, 12, 31))
