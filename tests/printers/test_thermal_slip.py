"""The queue ticket drawn as a 1-bit image: sizes, Vietnamese text, the big number.

Set THERMAL_PREVIEW_DIR=/tmp/thermal to keep the PNGs and look at them.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from printers.thermal.samples import sample_slip
from printers.thermal.slip import (
    WIDTH_58MM,
    WIDTH_80MM,
    _font,
    balanced_wrap,
    render_qr_band,
    render_slip_image,
    render_ticket_image,
    width_for_paper,
    wrap,
)


@pytest.fixture
def png_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("THERMAL_PREVIEW_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def ink_rows(image: Image.Image) -> list[int]:
    """Rows that have at least one black dot."""
    width = image.width
    return [y for y in range(image.height) if image.crop((0, y, width, y + 1)).getextrema()[0] == 0]


def number_box(image: Image.Image) -> tuple[int, int]:
    """First and last row of the tallest run of consecutive inked rows (the big number)."""
    rows = ink_rows(image)
    best, start = (0, 0), rows[0]
    for previous, row in zip(rows, [*rows[1:], -1], strict=True):
        if row != previous + 1:
            if previous - start > best[1] - best[0]:
                best = (start, previous)
            start = row
    return best


@pytest.mark.parametrize("width", [WIDTH_80MM, WIDTH_58MM])
def test_image_is_one_bit_at_the_paper_width(width: int, png_dir: Path) -> None:
    image = render_slip_image(sample_slip(), width)
    image.save(png_dir / f"slip-{width}.png")
    assert image.mode == "1"
    assert image.width == width
    assert 300 < image.height < 520
    # Nothing touches the side edges: no clipped letters.
    left, _, right, _ = ImageChops.invert(image.convert("L")).getbbox() or (0, 0, 0, 0)
    assert left > 0 and right < width


@pytest.mark.parametrize("width", [WIDTH_80MM, WIDTH_58MM])
def test_the_number_is_big_and_inked(width: int) -> None:
    image = render_slip_image(sample_slip(), width)
    top, bottom = number_box(image)
    assert bottom - top > width // 5  # as large as fits: about a quarter of the width tall
    band = image.crop((0, top, width, bottom + 1))
    black = band.histogram()[0]
    assert black > band.width * band.height // 5
    left, _, right, _ = ImageChops.invert(band.convert("L")).getbbox() or (0, 0, 0, 0)
    assert right - left > width * 3 // 4  # and wide


def test_decomposed_input_draws_the_same_as_composed(png_dir: Path) -> None:
    composed = sample_slip(priority="Người có công với cách mạng")
    decomposed = replace(
        composed,
        office_name=unicodedata.normalize("NFD", composed.office_name),
        area_name=unicodedata.normalize("NFD", composed.area_name),
        wait_text=unicodedata.normalize("NFD", composed.wait_text),
        priority_text=unicodedata.normalize("NFD", composed.priority_text),
        footer=unicodedata.normalize("NFD", composed.footer),
    )
    assert decomposed.office_name != composed.office_name
    a, b = render_slip_image(composed), render_slip_image(decomposed)
    b.save(png_dir / "slip-nfd.png")
    assert a.size == b.size
    assert ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None


def test_every_vietnamese_letter_has_a_glyph() -> None:
    letters = "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    font = _font(False, 24)

    def drawn(text: str) -> bytes:
        image = Image.new("L", (40, 40), 0)
        ImageDraw.Draw(image).text((4, 4), text, font=font, fill=255)
        return image.tobytes()

    missing = drawn("\uffff")  # the .notdef box
    for letter in letters + letters.upper():
        assert drawn(letter) != missing, letter


def test_priority_line_is_printed_white_on_black(png_dir: Path) -> None:
    plain = render_slip_image(sample_slip())
    priority = render_slip_image(sample_slip(priority="Phụ nữ mang thai"))
    priority.save(png_dir / "slip-priority.png")
    assert priority.height > plain.height
    # The black bar behind the priority text: rows black at both edges, one text line tall.
    edges = [
        y
        for y in range(priority.height)
        if priority.getpixel((1, y)) == priority.getpixel((574, y)) == 0
    ]
    assert 25 <= len(edges) <= 40


def test_long_names_wrap_inside_the_width(png_dir: Path) -> None:
    slip = replace(
        sample_slip(),
        office_name="Ủy ban nhân dân xã Quỳnh Nghĩa — Bộ phận Tiếp nhận và Trả kết quả giải "
        "quyết thủ tục hành chính",
        area_name="Đất đai – Xây dựng – Tài nguyên và Môi trường – Nông nghiệp",
        label="B1234",
    )
    for width in (WIDTH_80MM, WIDTH_58MM):
        image = render_slip_image(slip, width)
        image.save(png_dir / f"slip-long-{width}.png")
        left, _, right, _ = ImageChops.invert(image.convert("L")).getbbox() or (0, 0, 0, 0)
        assert left > 0 and right < width


def test_wrap_breaks_words_only_when_they_are_longer_than_a_line() -> None:
    font = _font(True, 28)
    assert wrap("UBND xã Tân Lập", font, 576) == ["UBND xã Tân Lập"]
    lines = wrap("Nghĩa " * 30, font, 300)
    assert all(font.getlength(line) <= 300 for line in lines)
    assert all(line.strip() for line in lines)
    assert wrap("x" * 200, font, 100)[0] == "x" * len(wrap("x" * 200, font, 100)[0])
    assert balanced_wrap("UBND xã Tân Lập — Bộ phận Một cửa", font, 400) == [
        "UBND xã Tân Lập —",
        "Bộ phận Một cửa",
    ]


def test_drawn_qr_code_is_centred_with_whole_modules() -> None:
    band = render_qr_band(sample_slip().qr_data, WIDTH_80MM)
    left, top, right, bottom = ImageChops.invert(band.convert("L")).getbbox() or (0, 0, 0, 0)
    assert abs((left + right) / 2 - WIDTH_80MM / 2) <= 4
    assert right - left == bottom - top
    ticket = render_ticket_image(sample_slip())
    assert ticket.height > render_slip_image(sample_slip()).height + band.height


def test_paper_widths() -> None:
    assert width_for_paper(80) == 576 and width_for_paper(58) == 384
    with pytest.raises(ValueError, match="58 hoặc 80"):
        width_for_paper(110)
