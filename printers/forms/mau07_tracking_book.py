"""Mẫu 07: Sổ theo dõi hồ sơ, one row per dossier on A4 landscape, headings on every page."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from printers.fonts import register_fonts
from printers.forms.data import BookEntry, TrackingBookForm
from printers.forms.flowables import NumberedCanvas
from printers.forms.layout import (
    Sheet,
    build_pdf,
    esc,
    grid_style,
    header_block,
    heading,
    oblique,
    para,
    sheet_for,
    short_date,
    styles_for,
)

TITLE = "SỔ THEO DÕI HỒ SƠ"
# (heading, width in mm); None marks the three columns under "Ngày, tháng, năm".
COLUMNS: tuple[tuple[str | None, float], ...] = (
    ("TT", 9),
    ("Mã hồ sơ", 40),
    ("Tên TTHC", 38),
    ("Số lượng (bộ)", 12),
    ("Tên cá nhân, tổ chức", 27),
    ("Địa chỉ, số điện thoại", 33),
    ("Cơ quan chủ trì giải quyết", 24),
    (None, 17),
    (None, 17),
    (None, 17),
    ("Phương thức nhận kết quả", 17),
    ("Ký nhận", 12),
    ("Ghi chú", 13),
)
DATE_HEADINGS = ("Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả")
FIRST_DATE = 7


def _when(moment: Any) -> str:
    return "" if moment is None else f"{moment:%d/%m/%Y}\n{moment:%H:%M}"


def _code(code: str, width: float, sheet: Sheet) -> str:
    """The code on one line when it fits, else broken before its date part.

    The hyphen starts the second line: a hyphen ending a line is taken by text extraction (and
    copy and paste) for a hyphenation and dropped, which would corrupt the code.
    """
    regular, _bold = register_fonts()
    if stringWidth(code, regular, sheet.small) <= width:
        return esc(code)
    agency, sep, rest = code.partition("-")
    return f"{esc(agency)}<br/>{sep}{esc(rest)}"


def _row(entry: BookEntry, sheet: Sheet, code_w: float) -> list[Any]:
    cell = styles_for(sheet).cell
    code = _code(entry.dossier_code, code_w, sheet)
    reach = ", ".join(x for x in (entry.address, entry.phone) if x)
    return [
        str(entry.entry_no),
        para(code, cell),
        para(esc(entry.procedure_name), cell),
        f"{entry.sets_count:02d}",
        para(esc(entry.applicant_name), cell),
        para(esc(reach), cell),
        para(esc(entry.handling_unit), cell),
        _when(entry.received_at),
        _when(entry.due_at),
        _when(entry.returned_at),
        para(esc(entry.delivery_method), cell),
        "",
        para(esc(entry.note), cell),
    ]


def book_table(form: TrackingBookForm, sheet: Sheet) -> Table:
    """The book's table: two heading rows and a row of column numbers, repeated on every page."""
    top = [heading(h, sheet) if h else "" for h, _w in COLUMNS]
    top[FIRST_DATE] = heading("Ngày, tháng, năm", sheet)
    second: list[Any] = [""] * len(COLUMNS)
    for i, text in enumerate(DATE_HEADINGS):
        second[FIRST_DATE + i] = heading(text, sheet)
    numbers = [f"({i})" for i in range(1, len(COLUMNS) + 1)]
    rows: list[list[Any]] = [top, second, numbers]
    scale = sheet.width / sum(w for _h, w in COLUMNS)
    widths = [w * scale for _h, w in COLUMNS]
    code_w = widths[1] - 2 * sheet.small * 0.45  # less the cell padding of grid_style
    rows += [_row(entry, sheet, code_w) for entry in form.entries]
    commands: list[tuple[Any, ...]] = [
        *grid_style(3, sheet),
        ("FONTNAME", (0, 2), (-1, 2), register_fonts()[0]),
        ("SPAN", (FIRST_DATE, 0), (FIRST_DATE + 2, 0)),
        ("ALIGN", (0, 3), (0, -1), "CENTER"),
        ("ALIGN", (3, 3), (3, -1), "CENTER"),
        ("ALIGN", (FIRST_DATE, 3), (FIRST_DATE + 2, -1), "CENTER"),
    ]
    commands += [("SPAN", (c, 0), (c, 1)) for c, (h, _w) in enumerate(COLUMNS) if h is not None]
    table = Table(rows, colWidths=widths, repeatRows=3)
    table.setStyle(TableStyle(commands))
    return table


def render_tracking_book(form: TrackingBookForm) -> bytes:
    """Mẫu 07 for a period as PDF bytes: A4 landscape, page numbers "Trang x/y"."""
    sheet = sheet_for("A4L")
    period = f"(Từ ngày {short_date(form.period_start)} đến ngày {short_date(form.period_end)})"
    story: list[Flowable] = [
        header_block(form.header, sheet, form.printed_on),
        para(f"<b>{esc(TITLE)}</b>", styles_for(sheet).title),
        para(f"Quyển số: {form.volume}", styles_for(sheet).centre),
        oblique(period, sheet),
        Spacer(1, sheet.body * 0.6),
        book_table(form, sheet),
    ]
    return build_pdf(story, sheet, f"{TITLE} {form.volume}", canvasmaker=NumberedCanvas)
