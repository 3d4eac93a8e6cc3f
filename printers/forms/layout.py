"""Shared layout of the counter forms: page sizes, styles, header block, date line, signatures."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from printers.fonts import pdf_text, register_fonts
from printers.forms.data import OfficeHeader
from printers.forms.flowables import Oblique, Rule
from printers.progress import Progress, pdf_callback

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"
SIGN_CAPTION = "(Ký và ghi rõ họ tên)"


@dataclass(frozen=True)
class Sheet:
    """A paper size with its margins, type sizes and the split of the two-column header."""

    name: str
    pagesize: tuple[float, float]
    margins: tuple[float, float, float, float]  # left, right, top, bottom
    body: float  # body text size; the others follow from it
    motto: float
    title: float
    left_share: float  # width of the agency column, as a share of the frame

    @property
    def width(self) -> float:
        """Width of the frame between the margins."""
        return self.pagesize[0] - self.margins[0] - self.margins[1]

    @property
    def small(self) -> float:
        """Size of tables, captions and notes."""
        return round(self.body * 0.88, 1)


SHEETS = {
    "A5": Sheet("A5", A5, (14 * mm, 10 * mm, 8 * mm, 8 * mm), 8.0, 8.0, 10.0, 0.45),
    "A4": Sheet("A4", A4, (25 * mm, 15 * mm, 15 * mm, 15 * mm), 11.0, 11.0, 13.0, 0.42),
    "A4L": Sheet("A4L", landscape(A4), (10 * mm, 10 * mm, 10 * mm, 12 * mm), 8.0, 9.0, 13.0, 0.4),
}


def sheet_for(paper: str) -> Sheet:
    """The Sheet of a paper name ("A5", "A4"); ValueError for any other."""
    try:
        return SHEETS[paper]
    except KeyError:
        raise ValueError(f"Khổ giấy “{paper}” không hỗ trợ; chọn A5 hoặc A4.") from None


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one sheet."""

    body: ParagraphStyle
    line: ParagraphStyle
    centre: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    title: ParagraphStyle
    agency: ParagraphStyle
    agency_bold: ParagraphStyle
    motto: ParagraphStyle
    slogan: ParagraphStyle


@cache
def styles_for(sheet: Sheet) -> Styles:
    """Build (once per sheet) the styles in the bundled Vietnamese font."""
    regular, bold = register_fonts()
    size, small = sheet.body, sheet.small

    def style(name: str, font: str = regular, fsize: float = size, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            f"{sheet.name}-{name}", fontName=font, fontSize=fsize, leading=fsize * 1.28, **kw
        )

    return Styles(
        body=style("body", alignment=TA_JUSTIFY, spaceBefore=size * 0.2),
        line=style("line", alignment=TA_LEFT, spaceBefore=size * 0.2),
        centre=style("centre", alignment=TA_CENTER),
        cell=style("cell", fsize=small, alignment=TA_LEFT),
        cell_centre=style("cell-centre", fsize=small, alignment=TA_CENTER),
        title=style("title", bold, sheet.title, alignment=TA_CENTER, spaceBefore=sheet.title * 0.6),
        agency=style("agency", fsize=sheet.motto, alignment=TA_CENTER),
        agency_bold=style("agency-bold", bold, sheet.motto, alignment=TA_CENTER),
        motto=style("motto", bold, sheet.motto, alignment=TA_CENTER),
        slogan=style("slogan", bold, sheet.motto + 0.5, alignment=TA_CENTER),
    )


def esc(text: object) -> str:
    """Text made safe for Paragraph markup, NFC-normalised."""
    return escape(pdf_text(str(text)))


def unbroken(text: str) -> str:
    """Text whose spaces do not break a line (phone numbers), NFC-normalised."""
    return pdf_text(text).replace(" ", "\u00a0")


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of markup (variable parts passed through esc()), NFC-normalised."""
    return Paragraph(pdf_text(markup), style)


def field(label: str, value: str, sheet: Sheet, bold: bool = False) -> Paragraph:
    """A "Label: value" line, left-aligned, wrapping when long."""
    shown = f"<b>{esc(value)}</b>" if bold else esc(value)
    # Left-aligned: justifying a line before a long unbreakable value (an e-mail) spreads it.
    return para(f"{esc(label)}: {shown}", styles_for(sheet).line)


def contact(phone: str, email: str, sheet: Sheet) -> Paragraph:
    """ "Số điện thoại: …    Email: …" on one line (the email only when there is one)."""
    text = f"Số điện thoại: {esc(unbroken(phone))}"
    if email:
        text += f"&nbsp;&nbsp;&nbsp;&nbsp;Email: {esc(email)}"
    return para(text, styles_for(sheet).line)


def reference_line(reference: str, sheet: Sheet) -> list[Flowable]:
    """ "Số: 12/PBS" centred under the agency block, or nothing."""
    if not reference:
        return []
    return [para(f"Số: {esc(reference)}", styles_for(sheet).centre)]


def date_line(place: str, day: date) -> str:
    """ "{Địa danh}, ngày dd tháng m năm yyyy"; months 1 and 2 get a leading zero (ND 30)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def time_phrase(moment: datetime) -> str:
    """ "HH giờ mm phút, ngày dd tháng MM năm yyyy", as the receipt fills its time lines."""
    return f"{moment:%H} giờ {moment:%M} phút, ngày {moment:%d} tháng {moment:%m} năm {moment:%Y}"


def short_date(day: date | datetime | None) -> str:
    """dd/mm/yyyy, or nothing for None."""
    return "" if day is None else f"{day:%d/%m/%Y}"


def oblique(
    text: str, sheet: Sheet, size: float = 0, bold: bool = False, align: int = TA_CENTER
) -> Oblique:
    """Italic-looking text (see Oblique) in the sheet's body size unless told."""
    regular, bold_font = register_fonts()
    return Oblique(text, bold_font if bold else regular, size or sheet.body, align)


def header_block(
    header: OfficeHeader, sheet: Sheet, when: date | None, under_agency: Sequence[Flowable] = ()
) -> Table:
    """The two-column header: agency block (left), national motto and date line (right)."""
    st = styles_for(sheet)
    _regular, bold = register_fonts()
    left_w = sheet.width * sheet.left_share
    right_w = sheet.width - left_w
    office = pdf_text(header.office_name).upper()
    office_w = min(stringWidth(office, bold, sheet.motto), left_w)
    left: list[Flowable] = [
        para(esc(pdf_text(header.superior).upper()), st.agency),
        para(esc(office), st.agency_bold),
        Rule(office_w * 0.4),
        *under_agency,
    ]
    right: list[Flowable] = [
        para(MOTTO, st.motto),
        para(SLOGAN, st.slogan),
        Rule(stringWidth(SLOGAN, bold, st.slogan.fontSize)),
    ]
    if when is not None:
        right += [Spacer(1, sheet.body * 0.3), oblique(date_line(header.place_name, when), sheet)]
    table = Table([[left, right]], colWidths=[left_w, right_w])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *no_padding()]))
    return table


def no_padding() -> list[tuple[Any, ...]]:
    """Table style commands that remove cell padding."""
    return [
        (side, (0, 0), (-1, -1), 0)
        for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    ]


def title_block(title: str, sheet: Sheet, subtitle: str = "") -> list[Flowable]:
    """The bold centred title and an optional italic line under it."""
    blocks: list[Flowable] = [para(esc(title), styles_for(sheet).title)]
    if subtitle:
        blocks += [Spacer(1, sheet.body * 0.2), oblique(subtitle, sheet)]
    blocks.append(Spacer(1, sheet.body * 0.5))
    return blocks


@dataclass(frozen=True)
class Signature:
    """One signature column: title lines in bold, a caption, room to sign, a printed name."""

    titles: tuple[str, ...]
    name: str = ""
    caption: str = SIGN_CAPTION


def signature_row(sheet: Sheet, columns: Sequence[Signature | None], width: float = 0) -> Table:
    """Signature columns side by side over width (the frame's by default); None leaves a gap."""
    st = styles_for(sheet)
    cells: list[list[Flowable]] = []
    for sig in columns:
        if sig is None:
            cells.append([])
            continue
        cell: list[Flowable] = [para(esc(t), st.motto) for t in sig.titles]
        if sig.caption:
            cell.append(oblique(sig.caption, sheet, sheet.small))
        cell.append(Spacer(1, sheet.body * 3.8))
        if sig.name:
            cell.append(para(f"<b>{esc(sig.name)}</b>", st.centre))
        cells.append(cell)
    column = (width or sheet.width) / len(columns)
    table = Table([cells], colWidths=[column] * len(columns))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *no_padding()]))
    return table


def grid_style(header_rows: int, sheet: Sheet) -> list[tuple[Any, ...]]:
    """Table style commands of a ruled table whose first rows are bold column headings."""
    regular, bold = register_fonts()
    pad = sheet.small * 0.3
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), bold),
        ("FONTSIZE", (0, 0), (-1, -1), sheet.small),
        ("LEADING", (0, 0), (-1, -1), sheet.small * 1.28),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 1.4),
    ]


def heading(text: str, sheet: Sheet) -> Paragraph:
    """A bold centred column heading for a ruled table."""
    return para(f"<b>{esc(text)}</b>", styles_for(sheet).cell_centre)


def build_pdf(
    story: list[Flowable],
    sheet: Sheet,
    title: str,
    canvasmaker: Any = None,
    progress: Progress | None = None,
) -> bytes:
    """Lay the story out on the sheet and return the PDF file's bytes, telling progress."""
    out = io.BytesIO()
    left, right, top, bottom = sheet.margins
    doc = BaseDocTemplate(
        out,
        pagesize=sheet.pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=pdf_text(title),
        creator="Một Cửa Counter",
    )
    # No frame padding: tables are sized to the full width between the margins.
    frame = Frame(left, bottom, doc.width, doc.height, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.setProgressCallBack(pdf_callback(progress))
    if canvasmaker is None:
        doc.build(story)
    else:
        doc.build(story, canvasmaker=canvasmaker)
    return out.getvalue()
