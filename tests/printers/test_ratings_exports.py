"""The satisfaction report's PDF and workbook, read back."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from test_forms_pdftools import overflowing, overlapping, save, squeeze

from printers.reports import render_ratings_pdf, render_ratings_xlsx
from printers.reports.ratings_chart import MAX_BARS
from printers.reports.samples import rate_line, ratings_report


def pdf_text(data: bytes) -> str:
    """The text of every page, white space squeezed (cells wrap)."""
    return squeeze("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def test_pdf_has_title_period_groups_rates_reasons_and_comments(tmp_path: Path) -> None:
    report = ratings_report()
    report = dataclasses.replace(
        report, office_name=unicodedata.normalize("NFD", report.office_name)
    )
    data = render_ratings_pdf(report)
    text = pdf_text(data)
    for expected in (
        "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ PHONG THỔ",  # NFD in, NFC printed
        "Từ ngày 01/11/2026 đến ngày 30/11/2026",
        "Kênh: Màn hình tại quầy",
        "Lê Thị Hồng",
        "Nguyễn Văn Đức",
        "Phạm Thị Ỷ Lan",
        "89,2%",  # 83 of 93
        "80,0%",
        "94,1%",
        "85,6%",  # the total: 167 of 195
        "4,31",
        "Biểu đồ tỷ lệ hài lòng theo công chức",
        "Thời gian chờ đợi lâu",
        "58,3%",
        "Chờ gần một tiếng mới đến lượt.",
        "Nghị định số 118/2025/NĐ-CP",
        "Trang 1/1",
    ):
        assert expected in text, expected
    path = save(data, tmp_path)
    assert overlapping(path) == [] and overflowing(path) == []


def test_pdf_of_many_groups_runs_over_pages_and_says_the_chart_is_cut(tmp_path: Path) -> None:
    base = ratings_report()
    rows = tuple(rate_line(f"{d:02d}/11/2026", (d % 5, 3, 1, d % 3, 0)) for d in range(1, 46))
    report = dataclasses.replace(base, group_title="Ngày", rows=rows)
    data = render_ratings_pdf(report)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    text = pdf_text(data)
    assert f"Biểu đồ chỉ vẽ {MAX_BARS} nhóm đầu" in text
    assert "45/11/2026" in text  # every row is in the table
    path = save(data, tmp_path)
    assert overlapping(path) == [] and overflowing(path) == []


def test_pdf_without_ratings_says_so() -> None:
    base = ratings_report()
    empty = dataclasses.replace(
        base,
        rows=(),
        total=rate_line("Tổng cộng", (0, 0, 0, 0, 0)),
        reasons=(),
        dissatisfied=0,
        without_reason=0,
        comments=(),
        comments_note="",
    )
    text = pdf_text(render_ratings_pdf(empty))
    assert "Không có lượt đánh giá nào trong khoảng thời gian này." in text
    assert "Biểu đồ" not in text and "Không có ý kiến nào." in text


def test_workbook_holds_numbers_with_percent_formats() -> None:
    book = load_workbook(io.BytesIO(render_ratings_xlsx(ratings_report())))
    assert book.sheetnames == ["Tổng hợp", "Lý do chưa hài lòng", "Ý kiến"]
    summary = book["Tổng hợp"]
    assert summary["A2"].value == "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ SỰ HÀI LÒNG"
    rows = {r[0].value: r for r in summary.iter_rows(min_row=8) if r[0].value}
    hong = rows["Lê Thị Hồng"]
    assert [c.value for c in hong[1:8]] == [52, 31, 6, 3, 1, 93, 83]
    assert abs(hong[8].value - 83 / 93) < 1e-9 and hong[8].number_format == "0.0%"
    assert hong[9].number_format == "0.00"
    total = rows["Tổng cộng"]
    assert total[6].value == 195 and total[0].font.bold
    assert [c.value for c in summary[7]][:3] == ["Công chức", "Rất hài lòng", "Hài lòng"]
    assert summary.column_dimensions["A"].width >= 30
    reasons = book["Lý do chưa hài lòng"]
    found = [[c.value for c in r] for r in reasons.iter_rows(min_row=8, max_col=4)]
    assert found[0][:3] == [1, "Thời gian chờ đợi lâu", 7]
    assert reasons.cell(8, 4).number_format == "0.0%"
    comments = book["Ý kiến"]
    first = [c.value for c in comments[8]]
    assert first[0].date() == date(2026, 11, 27) and first[6] == "Chờ gần một tiếng mới đến lượt."
    assert comments.cell(8, 1).number_format == "dd/mm/yyyy"
