"""The queue ticket drawn as a 1-bit image (Vietnamese text never goes through code pages)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache

from PIL import Image, ImageDraw, ImageFont

from counter_app.paths import resource_path
from printers.codes import qr_matrix

#: Printable width in dots: 80 mm paper (576) and 58 mm paper (384), at 203 dpi.
WIDTH_80MM = 576
WIDTH_58MM = 384


def width_for_paper(paper_mm: int) -> int:
    """Printable dots for a paper width setting: 80 mm gives 576, 58 mm gives 384."""
    if paper_mm not in (58, 80):
        raise ValueError(f"Khổ giấy vé {paper_mm} mm không được hỗ trợ (chỉ 58 hoặc 80 mm).")
    return WIDTH_58MM if paper_mm == 58 else WIDTH_80MM


AHEAD_TEXT = "Số người đang chờ trước bạn: {ahead}"
WAIT_TEXT = "Thời gian chờ dự kiến: {wait}"
ISSUED_TEXT = "Giờ lấy số: {time}"

#: Quiet zone around a drawn QR code, in modules (the paper around it is blank too).
QR_BORDER = 3

WHITE = 1
BLACK = 0


@dataclass(frozen=True)
class TicketSlip:
    """What a queue ticket shows; plain data, filled by the queue service."""

    office_name: str
    area_name: str
    label: str
    issued_at: datetime
    ahead: int
    wait_text: str
    qr_data: str
    priority_text: str = ""
    footer: str = "Vui lòng chờ gọi số. Xin cảm ơn!"


@dataclass(frozen=True)
class _Metrics:
    """Sizes in dots for one paper width."""

    width: int
    margin: int
    title: int
    body: int
    small: int
    gap: int

    @property
    def usable(self) -> int:
        """Dots between the side margins."""
        return self.width - 2 * self.margin


@cache
def _metrics(width: int) -> _Metrics:
    if width < 200:
        raise ValueError(f"Khổ giấy {width} điểm quá hẹp để in vé.")
    # Text shrinks more slowly than the paper: 58 mm tickets stay legible.
    scale = (width / WIDTH_80MM) ** 0.5
    return _Metrics(
        width=width,
        margin=max(4, width // 72),
        title=round(28 * scale),
        body=round(24 * scale),
        small=round(22 * scale),
        gap=round(10 * scale),
    )


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    # BASIC layout: precomposed (NFC) Vietnamese letters need no shaping, and it is faster.
    return ImageFont.truetype(
        str(resource_path("fonts", name)), size, layout_engine=ImageFont.Layout.BASIC
    )


@lru_cache(maxsize=4096)
def _rise(bold: bool, size: int, letter: str) -> int:
    """How many dots the letter's ink rises above the font's ascent line (0 for most)."""
    return max(0, -int(_font(bold, size).getbbox(letter)[1]))


def nfc(text: str) -> str:
    """NFC-normalise and strip text: decomposed accents would draw as separate marks."""
    return unicodedata.normalize("NFC", text).strip()


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to width dots; a word longer than a line is broken between letters."""
    lines: list[str] = []
    current = ""
    words: list[str] = []
    for word in text.split():  # a lone dash stays with the word before it, not starting a line
        if words and not any(ch.isalnum() for ch in word):
            words[-1] += " " + word
        else:
            words.append(word)
    for word in words:
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for letter in word:
            if current and font.getlength(current + letter) > width:
                lines.append(current)
                current = ""
            current += letter
    if current:
        lines.append(current)
    return lines


def balanced_wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap, preferring a break after a dash; a one-word last line is avoided."""
    lines = wrap(text, font, width)
    if len(lines) == 2:  # "UBND xã … — Bộ phận …": break at the dash when both halves fit
        for dash in (" — ", " – ", " - "):
            head, _, tail = text.partition(dash)
            head += dash.rstrip()
            if tail and max(font.getlength(head), font.getlength(tail)) <= width:
                return [head, tail]
    if len(lines) < 2 or " " in lines[-1]:
        return lines
    low, high = width // 2, width  # the narrowest width that still needs no more lines
    while low < high:
        middle = (low + high) // 2
        if len(wrap(text, font, middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return wrap(text, font, high)


@lru_cache(maxsize=256)
def _text_band(
    text: str, bold: bool, size: int, width: int, inverted: bool = False, shrink: bool = False
) -> Image.Image:
    """Centred, wrapped lines of text as a band of the ticket's width (cached: most repeat).

    With shrink, a line a little too long is set up to 15 % smaller rather than wrapped.
    """
    m = _metrics(width)
    text = nfc(text)
    room = m.usable - (2 * m.margin if inverted else 0)
    font_size = size
    length = _font(bold, size).getlength(text)
    if shrink and room < length <= room / 0.85:
        font_size = int(size * room / length)
    font = _font(bold, font_size)
    ascent, descent = font.getmetrics()
    lines = [text] if length <= room else balanced_wrap(text, font, room)
    # Capitals with stacked accents (Ẫ, Ủ) rise above the ascent: a line gets the room its
    # letters need, so lines without them stay tight (every row costs 72 bytes).
    tops = [1 + max(_rise(bold, font_size, ch) for ch in line) for line in lines]
    background, ink = (BLACK, WHITE) if inverted else (WHITE, BLACK)
    band = Image.new("1", (width, sum(tops) + len(lines) * (ascent + descent)), background)
    draw = ImageDraw.Draw(band)
    y = 0
    for top, line in zip(tops, lines, strict=True):
        draw.text(((width - font.getlength(line)) / 2, y + top), line, font=font, fill=ink)
        y += top + ascent + descent
    return band


@lru_cache(maxsize=64)
def _number_size(shape: str, width: int) -> int:
    """The largest bold size whose glyphs fit the width and about a third of it in height."""
    m = _metrics(width)
    probe = 200
    left, top, right, bottom = _font(True, probe).getbbox(shape)
    size = int(min(probe * m.usable / (right - left), probe * (width // 3) / (bottom - top)))
    while size > 8 and _font(True, size).getlength(shape) > m.usable:
        size -= 1
    return size


def _number_band(label: str, width: int) -> Image.Image:
    # Digits of DejaVu have one width: the size depends only on the label's shape.
    shape = "".join("0" if c.isdigit() else c for c in label)
    font = _font(True, _number_size(shape, width))
    left, top, right, bottom = (int(v) for v in font.getbbox(label))
    pad = max(3, width // 96)
    band = Image.new("1", (width, bottom - top + 2 * pad), WHITE)
    x = (width - (right - left)) // 2 - left
    ImageDraw.Draw(band).text((x, pad - top), label, font=font, fill=BLACK)
    return band


@lru_cache(maxsize=8)
def _rule(width: int) -> Image.Image:
    m = _metrics(width)
    band = Image.new("1", (width, 2), WHITE)
    ImageDraw.Draw(band).rectangle((m.margin, 0, width - m.margin - 1, 1), fill=BLACK)
    return band


def _wait_line(wait_text: str) -> str:
    wait = nfc(wait_text)
    if wait.startswith("Khoảng"):
        return WAIT_TEXT.format(wait=wait[0].lower() + wait[1:])
    return wait


def stack(bands: list[Image.Image | int], width: int) -> Image.Image:
    """Bands one under the other; an int is that many blank rows."""
    height = sum(b if isinstance(b, int) else b.height for b in bands)
    page = Image.new("1", (width, height), WHITE)
    y = 0
    for band in bands:
        if isinstance(band, int):
            y += band
        else:
            page.paste(band, (0, y))
            y += band.height
    return page


def render_slip_image(slip: TicketSlip, width_dots: int = WIDTH_80MM) -> Image.Image:
    """The ticket's text as a mode "1" image width_dots wide (0 = ink); the QR code is not in it."""
    m = _metrics(width_dots)
    w = width_dots
    issued = ISSUED_TEXT.format(time=slip.issued_at.strftime("%H:%M %d/%m/%Y"))
    bands: list[Image.Image | int] = [
        _text_band(slip.office_name, True, m.title, w),
        m.gap // 2,
        _rule(w),
        m.gap // 2,
        _text_band(slip.area_name, False, m.title, w, shrink=True),
        _number_band(nfc(slip.label), w),
    ]
    if slip.priority_text.strip():
        bands += [_text_band(slip.priority_text, True, m.body, w, True, True), m.gap // 2]
    bands += [
        _text_band(AHEAD_TEXT.format(ahead=slip.ahead), False, m.body, w, shrink=True),
        _text_band(_wait_line(slip.wait_text), False, m.body, w, shrink=True),
        _text_band(issued, False, m.body, w, shrink=True),
        m.gap // 2,
        _rule(w),
        m.gap // 2,
        _text_band(slip.footer, False, m.small, w),
    ]
    return stack(bands, w)


def qr_module_dots(modules: int, width_dots: int) -> int:
    """Dots per QR module so that the code is about 40 % of the paper width (3 to 8 dots)."""
    return max(3, min(8, width_dots * 2 // 5 // modules))


def render_qr_band(data: str, width_dots: int = WIDTH_80MM) -> Image.Image:
    """The QR code (error level M) of data drawn centred, for printers without native QR."""
    matrix = qr_matrix(data, border=QR_BORDER)
    scale = qr_module_dots(len(matrix) - 2 * QR_BORDER, width_dots)
    size = len(matrix) * scale
    code = Image.new("1", (len(matrix), len(matrix)), WHITE)
    code.putdata([BLACK if dark else WHITE for row in matrix for dark in row])
    band = Image.new("1", (width_dots, size), WHITE)
    band.paste(code.resize((size, size), Image.Resampling.NEAREST), ((width_dots - size) // 2, 0))
    return band


def render_ticket_image(slip: TicketSlip, width_dots: int = WIDTH_80MM) -> Image.Image:
    """The whole ticket as one image: the text, then the QR code drawn under it."""
    bands: list[Image.Image | int] = [render_slip_image(slip, width_dots)]
    if slip.qr_data:
        bands += [_metrics(width_dots).gap, render_qr_band(slip.qr_data, width_dots)]
    return stack(bands, width_dots)
