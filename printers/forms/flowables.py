"""Small reportlab pieces the forms share: oblique text, centred rules, page numbers."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from printers.fonts import pdf_text, register_fonts

#: Horizontal shear of the oblique text, about 11°, the slant of DejaVu Sans Oblique.
SLANT = 0.2


class Oblique(Flowable):  # type: ignore[misc]
    """Plain text in a slanted (oblique) face, wrapped to the available width.

    The bundled DejaVu Sans has no italic, so the upright face is sheared line by line; a
    Paragraph cannot do that, and shearing a whole Paragraph would slant its left edge too.
    """

    def __init__(
        self, text: str, font: str, size: float, align: int = TA_CENTER, leading: float = 0
    ) -> None:
        super().__init__()
        self.text = pdf_text(text)
        self.font = font
        self.size = size
        self.align = align
        self.leading = leading or size * 1.3
        self._lines: list[str] = []
        self._avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Split the text into lines that fit, leaving room for the slant of the last glyph."""
        self._avail = availWidth
        room = max(availWidth - self.size * SLANT, self.size)
        self._lines = simpleSplit(self.text, self.font, self.size, room) or [""]
        self.width = availWidth
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        """Draw each line sheared about its own baseline."""
        canv = self.canv
        for i, line in enumerate(self._lines):
            width = stringWidth(line, self.font, self.size)
            x = {TA_LEFT: 0.0, TA_RIGHT: self._avail - width}.get(
                self.align, (self._avail - width) / 2
            )
            baseline = self.height - i * self.leading - self.size
            canv.saveState()
            canv.translate(x, baseline)
            canv.transform(1, 0, SLANT, 1, 0, 0)
            canv.setFont(self.font, self.size)
            canv.drawString(0, 0, line)
            canv.restoreState()


class Rule(Flowable):  # type: ignore[misc]
    """A solid horizontal line of a given length, centred in the available width."""

    def __init__(
        self, length: float, thickness: float = 0.6, above: float = 3.5, below: float = 2.0
    ) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.above = above
        self.below = below
        self._avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Take the full width and a little height around the line."""
        self._avail = availWidth
        self.width = availWidth
        self.height = self.above + self.thickness + self.below
        return self.width, self.height

    def draw(self) -> None:
        """Stroke the line in the middle of the box."""
        length = min(self.length, self._avail)
        x = (self._avail - length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.below, x + length, self.below)


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that writes "Trang x/y" at the bottom of every page once the count is known."""

    font_size = 8.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page until the total is known."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Number every kept page, then write the file."""
        regular, _bold = register_fonts()
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width, _height = self._pagesize
            self.setFont(regular, self.font_size)
            self.drawCentredString(width / 2, 14, f"Trang {number}/{total}")
            super().showPage()
        super().save()


class IfRoom(Flowable):  # type: ignore[misc]
    """Flowables drawn only when they fit in the space left on the page, else dropped.

    For optional small print (the receipt's notes) that must not push a copy onto a second page.
    """

    def __init__(self, content: list[Flowable]) -> None:
        super().__init__()
        self.content = content
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Measure the content; take no room at all when it does not fit."""
        self._sizes = [f.wrapOn(self.canv, availWidth, availHeight) for f in self.content]
        needed = sum(h for _w, h in self._sizes)
        self.width = availWidth
        self.height = needed if needed <= availHeight else 0.0
        return self.width, self.height

    def draw(self) -> None:
        """Draw the content top down, if it fitted."""
        if not self.height:
            return
        y = self.height
        for flowable, (_w, h) in zip(self.content, self._sizes, strict=True):
            y -= h
            flowable.drawOn(self.canv, 0, y)
