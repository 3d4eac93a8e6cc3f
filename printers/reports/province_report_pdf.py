"""The periodic report to the province as an A4 landscape PDF (one row per field, a total row).

The layout is the one provinces use for "Báo cáo tình hình, kết quả giải quyết thủ tục hành
chính": office header and national motto, title and period, a three-level heading, the
numbered columns, and the signature block of the maker and the head of the office.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from printers.fonts import register_fonts
from printers.forms.flowables import NumberedCanvas
from printers.forms.layout import (
    SHEETS,
    Signature,
    build_pdf,
    esc,
    grid_style,
    header_block,
    heading,
    para,
    signature_row,
    styles_for,
    title_block,
)
from printers.progress import Progress
from printers.reports.dossier_report_data import (
    IN_PERIOD_HEADS,
    PROVINCE_HEADS,
    ProvinceLine,
    ProvinceReportData,
    period_text,
)

SHEET = SHEETS["A4L"]
SIGN_CAPTION = "(Ký, ghi rõ họ tên)"
_HEAD_BG = "#f0f0f0"
_TOTAL_BG = "#e8eef5"
_NUMBERS = 11


def heading_rows(sheet_heading: Any) -> list[list[Any]]:
    """The three heading rows and the column-number row, as a grid with blanks under spans."""
    top: list[Any] = [sheet_heading("STT"), sheet_heading("Lĩnh vực")]
    middle: list[Any] = ["", ""]
    bottom: list[Any] = ["", ""]
    for title, subs in PROVINCE_HEADS:
        top += [sheet_heading(title)] + [""] * (len(subs) - 1)
        for sub in subs:
            if sub == "Trong kỳ":
                middle += [sheet_heading(sub), ""]
                bottom += [sheet_heading(h) for h in IN_PERIOD_HEADS]
            else:
                middle.append(sheet_heading(sub))
                bottom.append("")
        top += [""] * (1 if "Trong kỳ" in subs else 0)
    numbers = [f"({i})" for i in range(1, _NUMBERS + 3)]
    return [top, middle, bottom, numbers]


#: The merged heading cells as ((first column, first row), (last column, last row)).
SPANS: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = (
    ((0, 0), (0, 2)),
    ((1, 0), (1, 2)),
    ((2, 0), (5, 0)),
    ((6, 0), (9, 0)),
    ((10, 0), (12, 0)),
    ((2, 1), (2, 2)),
    ((3, 1), (4, 1)),
    *(((c, 1), (c, 2)) for c in range(5, 13)),
)


def _line(stt: str, line: ProvinceLine, style: Any) -> list[Any]:
    return [stt, para(esc(line.label), style), *(str(n) for n in line.cells())]


def province_table(data: ProvinceReportData) -> Table:
    """The ruled table: headings, one row per field with its STT, the total row."""
    st = styles_for(SHEET)
    rows: list[list[Any]] = heading_rows(lambda text: heading(text, SHEET))
    rows += [_line(str(i), line, st.cell) for i, line in enumerate(data.lines, start=1)]
    rows.append(["", para("<b>Tổng cộng</b>", st.cell), *(str(n) for n in data.total.cells())])
    number_w = 17.5 * mm
    widths = [10 * mm, SHEET.width - 10 * mm - number_w * _NUMBERS, *[number_w] * _NUMBERS]
    table = Table(rows, colWidths=widths, repeatRows=4)
    _regular, bold = register_fonts()
    table.setStyle(
        TableStyle(
            [
                *grid_style(4, SHEET),
                *(("SPAN", a, b) for a, b in SPANS),
                ("BACKGROUND", (0, 0), (-1, 3), _HEAD_BG),
                ("ALIGN", (0, 4), (0, -1), "CENTER"),
                ("ALIGN", (2, 4), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 4), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, -1), (-1, -1), bold),
                ("BACKGROUND", (0, -1), (-1, -1), _TOTAL_BG),
            ]
        )
    )
    return table


def render_province_pdf(data: ProvinceReportData, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes: A4 landscape, page numbers "Trang x/y"."""
    st = styles_for(SHEET)
    story: list[Flowable] = [
        header_block(data.header, SHEET, data.made_on),
        Spacer(1, 8),
        *title_block(data.title, SHEET),
        para(esc(f"Kỳ báo cáo: {period_text(data.period_start, data.period_end)}"), st.centre),
        Spacer(1, 8),
        province_table(data),
        Spacer(1, 4),
        para(
            esc(
                "Cột (3) = (4) + (5) + (6); cột (7) = (8) + (9) + (10); cột (11) = (12) + (13). "
                "Hồ sơ có phiếu xin lỗi, hẹn lại ngày trả được tính quá hạn."
            ),
            st.cell,
        ),
        Spacer(1, 10),
    ]
    signatures = signature_row(
        SHEET,
        [
            Signature(("NGƯỜI LẬP BIỂU",), caption=SIGN_CAPTION),
            None,
            Signature(("THỦ TRƯỞNG ĐƠN VỊ",), caption=SIGN_CAPTION),
        ],
    )
    story.append(KeepTogether([signatures]))
    return build_pdf(story, SHEET, data.title, canvasmaker=NumberedCanvas, progress=progress)
