"""The periodic report to the province: PDF text and layout, XLSX cells and merged headings."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from printers.forms.data import OfficeHeader
from printers.reports.dossier_report_data import ProvinceLine, ProvinceReportData
from printers.reports.province_report_pdf import render_province_pdf
from printers.reports.province_report_xlsx import TABLE_TOP, render_province_xlsx

LINES = (
    ProvinceLine("Chứng thực", 0, 2, 0, 0, 1, 0, 1, 0),
    ProvinceLine("Hộ tịch", 1, 4, 4, 2, 1, 2, 2, 0),
    ProvinceLine("Thành lập và hoạt động của hộ kinh doanh", 0, 1, 1, 0, 0, 0, 0, 2),
)
TOTAL = ProvinceLine("Tổng cộng", 1, 7, 5, 2, 2, 2, 3, 2)


def _data() -> ProvinceReportData:
    return ProvinceReportData(
        header=OfficeHeader(
            "UBND XÃ PHONG THỔ", "Trung tâm Phục vụ hành chính công xã Phong Thổ", "Phong Thổ"
        ),
        period_start=date(2026, 11, 1),
        period_end=date(2026, 11, 30),
        made_on=date(2026, 12, 10),
        lines=LINES,
        total=TOTAL,
        printed_at=datetime(2026, 12, 10, 9, 0),
    )


def test_pdf_has_header_title_period_totals_and_signatures() -> None:
    pdf = render_province_pdf(_data())
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in (
        "UBND XÃ PHONG THỔ",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ PHONG THỔ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026",
        "Số hồ sơ nhận giải quyết",
        "Từ kỳ trước chuyển qua",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Tổng cộng 13 1 7 5 6 2 2 2 5 3 2",
        "2 Hộ tịch 9 1 4 4 5 2 1 2 2 2 0",
    ):
        assert expected in text, expected
    shots = Path("/tmp/report-shots")
    if shutil.which("pdftoppm"):
        shots.mkdir(exist_ok=True)
        (shots / "province.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", str(shots / "province.pdf"), str(shots / "province")],
            check=True,
        )


def test_xlsx_numbers_in_the_right_cells() -> None:
    book = load_workbook(io.BytesIO(render_province_xlsx(_data())))
    sheet = book.active
    assert sheet is not None
    assert sheet["A1"].value == "UBND XÃ PHONG THỔ"
    assert sheet["F1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet["A4"].value == "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    assert sheet["A5"].value == "Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026"
    top = TABLE_TOP
    assert sheet.cell(top, 3).value == "Số hồ sơ nhận giải quyết"
    assert sheet.cell(top, 7).value == "Số hồ sơ đã giải quyết"
    assert sheet.cell(top, 11).value == "Số hồ sơ đang giải quyết"
    assert sheet.cell(top + 1, 4).value == "Trong kỳ"
    assert [sheet.cell(top + 2, c).value for c in (4, 5)] == ["Trực tuyến", "Trực tiếp, bưu chính"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {f"C{top}:F{top}", f"G{top}:J{top}", f"K{top}:M{top}", f"A{top}:A{top + 2}"} <= merged
    assert f"D{top + 1}:E{top + 1}" in merged
    first = top + 4
    rows = [[sheet.cell(r, c).value for c in range(1, 14)] for r in range(first, first + 4)]
    assert rows[1] == [2, "Hộ tịch", 9, 1, 4, 4, 5, 2, 1, 2, 2, 2, 0]
    assert rows[3] == [None, "Tổng cộng", 13, 1, 7, 5, 6, 2, 2, 2, 5, 3, 2]
    values = [c.value for row in sheet.iter_rows(min_row=first + 5) for c in row]
    assert "NGƯỜI LẬP BIỂU" in values and "(Ký, ghi rõ họ tên)" in values


@pytest.mark.parametrize("count", [0, 60])
def test_empty_and_long_reports_render(count: int) -> None:
    line = LINES[1]
    data = _data()
    data = ProvinceReportData(
        data.header, data.period_start, data.period_end, data.made_on,
        tuple(line for _ in range(count)), TOTAL, data.printed_at,
    )  # fmt: skip
    pages = PdfReader(io.BytesIO(render_province_pdf(data))).pages
    assert len(pages) == 1 if count == 0 else len(pages) >= 2
    assert render_province_xlsx(data)[:2] == b"PK"
