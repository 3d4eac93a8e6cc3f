"""The supervisor's dossier reports page: numbers per group, province report, exports."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from test_dossier_support import Counter, build_counter

from counter_app.ui import texts
from counter_app.ui.main_window import MainWindow
from counter_app.ui.reports.page import DossierReportsPage
from counter_app.ui.workers import InlinePool

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
    assert all(b.isEnabled() for b in page.buttons) and not page.busy.isVisible()


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
    page.tabs.setCurrentIndex(1)
    window.grab().save(str(SHOTS / "province.png"))
