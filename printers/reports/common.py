"""Pieces every supervisor report shares: the A4 sheet, its heading, ruled tables (PDF, XLSX)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from printers.fonts import register_fonts
from printers.forms.layout import Sheet, esc, grid_style, heading, para, styles_for

SHEET = Sheet("A4-report", A4, (15 * mm, 12 * mm, 14 * mm, 16 * mm), 9.0, 9.0, 13.0, 0.45)
HEAD_BG = "#f0f0f0"
TOTAL_BG = "#e8eef5"
_THIN = Side(style="thin", color="9AA5B1")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E8EEF5")
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD_ALIGN = Alignment(wrap_text=True, horizontal="center", vertical="center")


def period_text(start: date, end: date) -> str:
    """ "Từ ngày 01/11/2026 đến ngày 30/11/2026"."""
    return f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def pdf_header(
    office: str, title: str, when: str, notes: str, printed_at: datetime
) -> list[Flowable]:
    """Office and print date on one line, then the title, the period and the notes centred."""
    st = styles_for(SHEET)
    top = Table(
        [
            [
                para(f"<b>{esc(office.upper())}</b>", st.line),
                para(f"Ngày in: {printed_at:%d/%m/%Y %H:%M}", st.cell),
            ]
        ],
        colWidths=[SHEET.width * 0.72, SHEET.width * 0.28],
    )
    top.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    story: list[Flowable] = [top, para(esc(title), st.title), para(esc(when), st.centre)]
    if notes:
        story.append(para(esc(notes), st.centre))
    return [*story, Spacer(1, 8)]


def pdf_section(text: str) -> Flowable:
    """A bold section line."""
    return para(f"<b>{esc(text)}</b>", styles_for(SHEET).line)


def pdf_grid(
    heads: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], total_row: bool
) -> Table:
    """A ruled table, headings shaded, numbers right-aligned, the last row bold when a total."""
    cell = styles_for(SHEET).cell
    body: list[list[Any]] = [[heading(h, SHEET) for h in heads]]
    body += [[para(esc(r[0]), cell), *r[1:]] for r in rows]
    if total_row and rows:
        body[-1][0] = para(f"<b>{esc(rows[-1][0])}</b>", cell)
    table = Table(body, colWidths=list(widths), repeatRows=1)
    style = [
        *grid_style(1, SHEET),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
    ]
    if total_row:
        _regular, bold = register_fonts()
        style += [
            ("FONTNAME", (0, -1), (-1, -1), bold),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
        ]
    table.setStyle(TableStyle(style))
    return table


def nfc(value: object) -> object:
    """Strings in NFC (Excel shows NFD accents apart); anything else unchanged."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def xlsx_title(sheet: Worksheet, lines: Sequence[str]) -> int:
    """Heading lines (the first two bold); returns the row where the table starts."""
    for row, text in enumerate(lines, start=1):
        cell = sheet.cell(row, 1, nfc(text))
        cell.font = Font(bold=row <= 2, size=13 if row == 2 else 11)
    return len(lines) + 2


def xlsx_table(
    sheet: Worksheet,
    top: int,
    heads: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float] = (),
    formats: dict[int, str] | None = None,
    total_row: bool = False,
) -> int:
    """A ruled table with bold wrapped headings; returns the row after it."""
    for col, head in enumerate(heads, start=1):
        cell = sheet.cell(top, col, nfc(head))
        cell.font, cell.fill, cell.alignment, cell.border = (
            Font(bold=True),
            _HEAD_FILL,
            _HEAD_ALIGN,
            _BOX,
        )
    for r, values in enumerate(rows, start=top + 1):
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(r, col, nfc(value))
            cell.border = _BOX
            if isinstance(value, str):
                cell.alignment = _WRAP
            if formats and col in formats:
                cell.number_format = formats[col]
            if total_row and r == top + len(rows):
                cell.font = Font(bold=True)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.row_dimensions[top].height = 32
    sheet.freeze_panes = sheet.cell(top + 1, 1)
    return top + 1 + len(rows)


def workbook_bytes(book: Workbook, title: str) -> bytes:
    """The workbook's file bytes, titled and signed by the app."""
    book.properties.title = unicodedata.normalize("NFC", title)
    book.properties.creator = "Một Cửa Counter"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
