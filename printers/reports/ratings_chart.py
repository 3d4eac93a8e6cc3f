"""The bar chart of the satisfaction report: one horizontal bar per group, 0–100 %."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from counter_app.domain.rating import format_rate
from printers.fonts import pdf_text, register_fonts
from printers.reports.data import RateLine

#: More bars than this do not fit a page: the chart shows the first ones and says so.
MAX_BARS = 36
BAR = colors.HexColor("#1d5fa8")
LOW = colors.HexColor("#c0392b")  # groups below the overall rate
GRID = colors.HexColor("#b8c2cc")
ROW = 15.0
FONT_SIZE = 7.5


def fit(text: str, font: str, size: float, width: float) -> str:
    """Text cut with "…" so that it fits in width points."""
    text = pdf_text(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def rate_chart(rows: tuple[RateLine, ...], total: RateLine, width: float) -> Drawing:
    """Bars of the rate per group with their values; a dashed line marks the overall rate."""
    regular, bold = register_fonts()
    shown = rows[:MAX_BARS]
    label_w = width * 0.32
    value_w = stringWidth("100,0% (99999)", bold, FONT_SIZE) + 8
    plot_x, plot_w = label_w + 6, width - label_w - 6 - value_w
    height = ROW * len(shown) + 26
    drawing = Drawing(width, height)
    top = height - 14
    for tick in range(0, 101, 25):
        x = plot_x + plot_w * tick / 100
        drawing.add(Line(x, 10, x, top + 2, strokeColor=GRID, strokeWidth=0.4))
        label = String(x, 1, f"{tick}%", fontName=regular, fontSize=FONT_SIZE - 0.5)
        label.textAnchor = "middle"
        drawing.add(label)
    for i, row in enumerate(shown):
        y = top - ROW * (i + 1) + 3
        name = String(label_w, y + 2.5, fit(row.label, regular, FONT_SIZE, label_w))
        name.fontName, name.fontSize, name.textAnchor = regular, FONT_SIZE, "end"
        drawing.add(name)
        rate = row.rate or 0.0
        low = total.rate is not None and rate < total.rate
        drawing.add(
            Rect(plot_x, y, plot_w * rate, ROW - 5, fillColor=LOW if low else BAR, strokeWidth=0)
        )
        value = f"{format_rate(row.rate)} ({row.total})"
        drawing.add(String(plot_x + plot_w + 5, y + 2.5, value, fontName=bold, fontSize=FONT_SIZE))
    if total.rate is not None:
        x = plot_x + plot_w * total.rate
        drawing.add(Line(x, 10, x, top + 2, strokeColor=colors.black, strokeDashArray=[2, 2]))
        note = String(x, top + 5, pdf_text(f"Chung: {format_rate(total.rate)}"))
        note.fontName, note.fontSize, note.textAnchor = regular, FONT_SIZE, "middle"
        drawing.add(note)
    return drawing
