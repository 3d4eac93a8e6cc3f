"""The supervisor's dossier reports page: numbers per group, province report, exports."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers import PASSWORD
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import insert
from test_dossier_support import (
    AN,
    CHUNG_THUC,
    HON_NHAN,
    KHAI_SINH,
    Counter,
    accept,
    build_counter,
    intake,
)

from counter_app.domain.intake import CHANNEL_ONLINE
from counter_app.domain.roles import Role
from counter_app.domain.text import fold
from counter_app.ui import texts
from counter_app.ui.main_window import MainWindow
from counter_app.ui.reports.page import DossierReportsPage
from counter_app.ui.workers import InlinePool
from db.models import Ticket

SHOTS = Path("/tmp/reports-shots")


@pytest.fixture
def counter(office, clock) -> Counter:
    """Three dossiers received, one refused, one asked to supplement (November 2026)."""
    return build_counter(office.ctx, office.clerk, clock)


@pytest.fixture
def page(counter, office, qtbot) -> DossierReportsPage:
    view = DossierReportsPage(office.ctx, office.supervisor, pool=InlinePool())
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


SUMMARY_FIELD = [
    # nhóm, tiếp nhận, chuyển qua, GQ trước/đúng/quá hạn, đang GQ trong/quá hạn, trả, rút,
    # dừng, từ chối: three received in November, one refused. The month is not over: on the
    # clock's day (16/11) only the dossier due on 11/11 is late, the two due later are not.
    ["Hộ tịch", "3", "0", "0", "0", "0", "2", "1", "0", "0", "0", "1"],
    ["Tổng cộng", "3", "0", "0", "0", "0", "2", "1", "0", "0", "0", "1"],
]


def test_supervisor_sees_this_months_dossiers_by_field(page: DossierReportsPage) -> None:
    assert page.controls.quick.currentText() == "Tháng này"
    assert page.controls.group.currentText() == "Lĩnh vực"
    assert page.summary_model.headerData(0, Qt.Orientation.Horizontal) == "Lĩnh vực"
    assert cells(page.summary_model) == SUMMARY_FIELD
    assert page.headline.text().startswith("Tiếp nhận 3 hồ sơ")
    assert page.province_model.columnCount() == 13
    assert cells(page.province_model) == [
        ["1", "Hộ tịch", "3", "0", "3", "0", "0", "0", "0", "0", "3", "2", "1"],
        ["", "Tổng cộng", "3", "0", "3", "0", "0", "0", "0", "0", "3", "2", "1"],
    ]
    assert not page.busy.isVisible()


def test_group_by_and_period_change_the_rows(page: DossierReportsPage) -> None:
    choose(page.controls.group, "procedure")
    assert page.summary_model.headerData(0, Qt.Orientation.Horizontal) == "Thủ tục hành chính"
    assert [row[:2] for row in cells(page.summary_model)] == [
        ["Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "1"],
        ["Thủ tục đăng ký khai sinh", "2"],
        ["Tổng cộng", "3"],
    ]
    choose(page.controls.group, "clerk")
    by_clerk = cells(page.summary_model)
    assert [row[1] for row in by_clerk] == ["3", "3"]  # one clerk received all three
    assert by_clerk[-1][0] == "Tổng cộng"
    choose(page.controls.quick, "last_month")
    assert page.controls.period() == (date(2026, 10, 1), date(2026, 10, 31))
    assert cells(page.summary_model) == []
    assert page.headline.text() == texts.DREPORT_EMPTY
    page.controls.set_period(date(2026, 11, 30), date(2026, 11, 1))
    assert page.controls.quick.currentData() == "custom"
    assert page.problem.isVisible()


def text_of(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def numbers_in(xlsx: Path) -> list[list[object]]:
    sheet = load_workbook(xlsx).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("province", [False, True])
def test_exports_write_pdf_and_xlsx(
    page: DossierReportsPage, monkeypatch, tmp_path: Path, messages, province: bool
) -> None:
    chosen: list[Path] = []

    def save_as(_parent, _title, suggested, _filter):
        assert suggested.endswith(".pdf") or suggested.endswith(".xlsx")
        chosen.append(tmp_path / Path(suggested).name.replace(".pdf", "").replace(".xlsx", ""))
        return str(chosen[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    buttons = (
        (page.province_pdf_button, page.province_xlsx_button)
        if province
        else (page.pdf_button, page.xlsx_button)
    )
    buttons[0].click()
    buttons[1].click()
    pdf, xlsx = (
        path.with_name(path.name + s) for path, s in zip(chosen, (".pdf", ".xlsx"), strict=True)
    )
    title = "KẾT QUẢ GIẢI QUYẾT THỦ TỤC" if province else "TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ"
    assert title in " ".join(text_of(pdf.read_bytes()).split())
    rows = numbers_in(xlsx)
    hotich = next(r for r in rows if "Hộ tịch" in r)
    assert [v for v in hotich if isinstance(v, int)][:4] == (
        [1, 3, 0, 3] if province else [3, 0, 0, 0]
    )
    assert messages.texts()[-1] == texts.DREPORT_EXPORTED.format(path=xlsx)
    bar = page.province_exports if province else page.exports
    assert all(b.isEnabled() for b in bar.buttons) and not page.busy.isVisible()
    assert bar.bar.value() == 100 and bar.bar.isHidden()


def test_export_to_a_folder_that_does_not_exist_says_so(
    page: DossierReportsPage, monkeypatch, tmp_path: Path, messages
) -> None:
    missing = tmp_path / "khong-co" / "bao-cao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(missing), ""))
    page.pdf_button.click()
    assert "Không ghi được tệp bao-cao.pdf" in messages.texts()[-1]
    assert page.pdf_button.isEnabled()


def test_clerk_has_no_reports_page_and_the_page_fits_1366(office, counter, qtbot) -> None:
    clerk = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(clerk)
    titles = [clerk.navigation.item(i).text() for i in range(clerk.navigation.count())]
    assert texts.PAGE_DOSSIER_REPORTS not in titles
    window = MainWindow(office.ctx, office.supervisor)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page(texts.PAGE_DOSSIER_REPORTS)
    assert isinstance(page, DossierReportsPage)
    qtbot.waitUntil(lambda: page.summary_model.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10000)
    assert window.width() <= 1366
    assert window.minimumSizeHint().width() <= 1366
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "summary.png"))
    for index, (name, title) in enumerate(
        (("chart", texts.DREPORT_TAB_CHART), ("province", texts.DREPORT_TAB_PROVINCE)), start=1
    ):
        page.tabs.setCurrentIndex(index)
        assert page.tabs.tabText(index) == title
        window.grab().save(str(SHOTS / f"{name}.png"))


# --- filters, chart and the province heading over a wider history -------------------------


@pytest.fixture
def wider(counter: Counter, office) -> Counter:
    """The counter's history, plus a second clerk (Nguyễn Văn Đức) at counter 3.

    At 10:30 on 16/11: the overdue birth registration got its result (late); Đức received a
    certified copy at counter 3 (result the same morning: on time) and an online birth
    registration (in progress, not due yet).
    """
    ctx, clock = office.ctx, counter.clock
    ctx.accounts.create_user(office.admin, "canbo2", "Nguyễn Văn Đức", Role.CLERK, PASSWORD)
    duc = ctx.accounts.sign_in("canbo2", PASSWORD)
    copy = accept(ctx, duc, CHUNG_THUC, AN)
    ctx.intake.accept(duc, intake(ctx, KHAI_SINH, AN, channel=CHANNEL_ONLINE))
    area = ctx.queue.ensure_default_areas(office.admin)[0]
    with ctx.db.write() as session:
        session.execute(
            insert(Ticket),
            [
                dict(
                    day=clock.at.date(),
                    prefix=area.prefix,
                    number=1,
                    label=f"{area.prefix}001",
                    area_id=area.id,
                    issued_at=clock.at,
                    counter=3,
                    dossier_id=copy.id,
                    status="done",
                )
            ],
        )
    clock.at = datetime(2026, 11, 16, 10, 30)
    ctx.lifecycle.record_result(counter.clerk, counter.overdue.id)
    ctx.lifecycle.record_result(duc, copy.id)
    return counter


@pytest.fixture
def wide_page(wider, office, qtbot) -> DossierReportsPage:
    view = DossierReportsPage(office.ctx, office.supervisor, pool=InlinePool())
    qtbot.addWidget(view)
    view.resize(1176, 640)
    view.show()
    view.refresh()
    return view


def offered(box) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


WIDE_FIELD = [
    ["Chứng thực", "1", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0"],
    ["Hộ tịch", "4", "0", "0", "0", "1", "3", "0", "0", "0", "0", "1"],
    ["Tổng cộng", "5", "0", "0", "1", "1", "3", "0", "0", "0", "0", "1"],
]


def test_filters_offer_the_office_lists(wide_page: DossierReportsPage) -> None:
    c = wide_page.controls
    assert cells(wide_page.summary_model) == WIDE_FIELD
    procedures = offered(c.procedure)
    assert procedures[0] == "Tất cả" and len(procedures) == 1 + 54  # the whole catalogue
    assert {
        "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
        "Thủ tục đăng ký khai sinh",
    } <= set(procedures)
    assert procedures[1:] == sorted(procedures[1:], key=fold)
    assert c.procedure.itemData(procedures.index("Thủ tục đăng ký khai sinh")) == KHAI_SINH
    assert {"Chứng thực", "Hộ tịch"} <= set(offered(c.field))
    assert "Quầy 3" in offered(c.counter)
    assert {"Lê Thị Hồng", "Nguyễn Văn Đức"} <= set(offered(c.clerk))
    assert offered(c.channel) == [
        "Tất cả",
        "Trực tiếp tại quầy",
        "Trực tuyến",
        "Qua bưu chính công ích",
    ]
    # The long procedure names are cut in the box but whole in the tooltip.
    assert c.procedure.itemData(1, Qt.ItemDataRole.ToolTipRole) == c.procedure.itemText(1)


def test_choosing_a_filter_narrows_the_table(wide_page: DossierReportsPage) -> None:
    c = wide_page.controls
    choose(c.clerk, c.clerk.itemData(c.clerk.findText("Nguyễn Văn Đức")))
    assert cells(wide_page.summary_model) == [
        ["Chứng thực", "1", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0"],
        ["Hộ tịch", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0"],
        ["Tổng cộng", "2", "0", "0", "1", "0", "1", "0", "0", "0", "0", "0"],
    ]
    assert wide_page.headline.text().startswith("Tiếp nhận 2 hồ sơ")
    choose(c.channel, CHANNEL_ONLINE)  # Đức's online birth registration only
    assert cells(wide_page.summary_model)[-1][:7] == ["Tổng cộng", "1", "0", "0", "0", "0", "1"]
    choose(c.clerk, None)
    choose(c.channel, None)
    choose(c.counter, 3)
    assert [row[:5] for row in cells(wide_page.summary_model)] == [
        ["Chứng thực", "1", "0", "0", "1"],
        ["Tổng cộng", "1", "0", "0", "1"],
    ]
    choose(c.counter, None)
    choose(c.procedure, HON_NHAN)
    choose(c.group, "procedure")
    assert [row[:2] for row in cells(wide_page.summary_model)] == [
        ["Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "1"],
        ["Tổng cộng", "1"],
    ]
    choose(c.field, "Chứng thực")  # no marriage-status dossier is a certification
    assert cells(wide_page.summary_model) == []
    assert wide_page.headline.text() == texts.DREPORT_EMPTY_FILTERED
    assert (
        wide_page.chart.series is None
        and wide_page.chart.currentWidget() is wide_page.chart.message
    )
    # The province report stays office-wide whatever the filters.
    assert [row[:3] for row in cells(wide_page.province_model)] == [
        ["1", "Chứng thực", "1"],
        ["2", "Hộ tịch", "4"],
        ["", "Tổng cộng", "5"],
    ]


def test_a_filtered_export_counts_only_the_filter(
    wide_page: DossierReportsPage, monkeypatch, tmp_path: Path, messages
) -> None:
    target = tmp_path / "loc.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    choose(wide_page.controls.counter, 3)
    wide_page.xlsx_button.click()
    rows = numbers_in(target)
    assert any("Quầy: 3" in str(v) for row in rows for v in row)
    total = next(r for r in rows if "Tổng cộng" in r)
    assert [v for v in total if isinstance(v, int)][:4] == [1, 0, 0, 1]
    assert not any("Hộ tịch" in r for r in rows)


def test_the_chart_stacks_timeliness_per_group(wide_page: DossierReportsPage, qtbot) -> None:
    chart = wide_page.chart
    assert chart.currentWidget() is chart.plot
    assert chart.labels == ["Chứng thực", "Hộ tịch"]  # the table's order, top to bottom
    assert chart.values() == {
        "Đã giải quyết trước hạn": [0, 0],
        "Đã giải quyết đúng hạn": [1, 0],
        "Đã giải quyết quá hạn": [0, 1],
        "Đang giải quyết trong hạn": [0, 3],
        "Đang giải quyết quá hạn": [0, 0],
    }
    markers = [m.label() for m in chart.chart.legend().markers()]
    assert markers == [legend for _, legend in texts.DREPORT_CHART_PARTS]
    assert chart.chart.legend().isVisible()
    assert "lĩnh vực" in chart.chart.title()
    SHOTS.mkdir(parents=True, exist_ok=True)
    wide_page.tabs.setCurrentIndex(1)
    qtbot.wait(50)  # the chart's scene repaints on the event loop
    wide_page.grab().save(str(SHOTS / "chart-fields.png"))
    choose(wide_page.controls.group, "procedure")
    qtbot.wait(50)
    wide_page.grab().save(str(SHOTS / "chart-procedures.png"))
    long_name = next(label for label in chart.labels if label.startswith("Chứng thực bản sao"))
    shown = chart.chart.axes(Qt.Orientation.Vertical)[0].categories()
    assert long_name not in shown  # cut to fit beside the bars…
    assert any(s.endswith("…") and long_name.startswith(s[:-1]) for s in shown)
    choose(wide_page.controls.quick, "last_month")
    assert chart.series is None and chart.message.text() == texts.DREPORT_CHART_EMPTY
    assert chart.currentWidget() is chart.message and chart.message.isVisible()
    wide_page.grab().save(str(SHOTS / "chart-empty.png"))


def test_the_province_heading_has_two_levels(wide_page: DossierReportsPage) -> None:
    header = wide_page.province_table.horizontalHeader()
    model = wide_page.province_model
    subs = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert subs[:3] == ["STT", "Lĩnh vực", "Tổng số"]
    assert [title for title, *_ in header.groups] == [
        "Số hồ sơ nhận giải quyết",
        "Số hồ sơ đã giải quyết",
        "Số hồ sơ đang giải quyết",
    ]
    assert [header.group_of(i) is None for i in range(13)] == [True, True] + [False] * 11
    assert header.group_of(5)[0] == "Số hồ sơ nhận giải quyết"
    assert header.group_of(12)[0] == "Số hồ sơ đang giải quyết"
    wide_page.tabs.setCurrentIndex(2)
    assert header.height() >= header.top_height() * 2
    # Drawn: inside a group the upper row is one cell (no column rule), the lower row is not.
    image = header.grab().toImage()

    def ruled(x: int, y: int) -> bool:
        return image.pixelColor(QPoint(x, y)) != image.pixelColor(QPoint(x - 3, y))

    inside = header.sectionViewportPosition(3) - 1  # the rule between columns 2 and 3
    lower, upper = header.height() - 4, 3
    assert ruled(inside, lower) and not ruled(inside, upper)
    for column in (2, 6, 10):  # where a group starts, its rule crosses both rows
        assert ruled(header.sectionViewportPosition(column) - 1, upper)
