"""ESC/POS bytes of a ticket, read back with the decoder: image only, QR code, cut, size."""

from __future__ import annotations

import os
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from escpos.printer import Dummy
from PIL import Image, ImageChops, ImageDraw

from printers.thermal.decode import decode
from printers.thermal.escpos_bytes import (
    native_qr_module,
    raster_command,
    supports_native_qr,
    ticket_bytes,
)
from printers.thermal.samples import sample_slip
from printers.thermal.slip import render_slip_image, render_ticket_image

VIETNAMESE = sample_slip(priority="Người khuyết tật")


@pytest.fixture
def png_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("THERMAL_PREVIEW_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def assert_image_only(data: bytes) -> None:
    """No character ever goes to the printer: no text bytes, no code page or font commands."""
    ticket = decode(data)
    assert bytes(ticket.text) == b""
    assert ticket.character_commands == []
    assert ticket.unknown == []
    assert b"\x1bt" not in data.split(b"\x1dv0")[0]  # before the first raster: plain ESC @
    assert data.startswith(b"\x1b@")


@pytest.mark.parametrize("width", [576, 384])
def test_native_qr_ticket(width: int, png_dir: Path) -> None:
    data = ticket_bytes(VIETNAMESE, width_dots=width)
    decode(data).preview().save(png_dir / f"ticket-native-{width}.png")
    assert_image_only(data)
    ticket = decode(data)
    assert set(ticket.raster_widths) == {width}
    assert ticket.qr_payloads == [VIETNAMESE.qr_data]
    assert ticket.qr_codes[0].error_level == "M"
    assert ticket.qr_codes[0].module == native_qr_module(VIETNAMESE.qr_data, width)
    assert ticket.cut
    assert ticket.commands[0] == "ESC @" and ticket.commands[-1] == "GS V"
    # The raster is exactly the rendered text part, so the decoded image shows the ticket.
    raster = ticket.raster
    assert raster is not None
    expected = render_slip_image(VIETNAMESE, width)
    assert raster.size == expected.size
    assert ImageChops.difference(raster.convert("L"), expected.convert("L")).getbbox() is None


def test_the_number_region_has_ink() -> None:
    raster = decode(ticket_bytes(sample_slip())).raster
    assert raster is not None
    # The number sits in the upper half, centred: its middle rows are heavily inked.
    middle = raster.crop((100, 150, 476, 230))
    assert middle.histogram()[0] > middle.width * middle.height // 4


def test_size_of_a_whole_ticket() -> None:
    assert len(ticket_bytes(sample_slip())) <= 31_000
    assert len(ticket_bytes(VIETNAMESE)) <= 33_000  # one more line, white on black
    assert len(ticket_bytes(sample_slip(), width_dots=384)) <= 16_000


def test_drawn_qr_when_the_printer_has_none(png_dir: Path) -> None:
    for data in (
        ticket_bytes(VIETNAMESE, native_qr=False),
        ticket_bytes(VIETNAMESE, profile="POS-5890", width_dots=384),
    ):
        assert_image_only(data)
        ticket = decode(data)
        assert ticket.qr_codes == [] and "GS ( k" not in ticket.commands
        raster = ticket.raster
        assert raster is not None
        expected = render_ticket_image(VIETNAMESE, raster.width)
        assert ImageChops.difference(raster.convert("L"), expected.convert("L")).getbbox() is None
    assert not supports_native_qr("POS-5890") and supports_native_qr("TM-T20II")
    # POS-5890 has no cutter in its profile: escpos only feeds; the TM-T20II cuts.
    assert not decode(ticket_bytes(VIETNAMESE, "POS-5890", 384)).cut
    assert decode(ticket_bytes(VIETNAMESE, native_qr=False)).cut


@pytest.mark.zbar
def test_drawn_qr_code_scans(png_dir: Path) -> None:
    png = png_dir / "ticket-drawn-qr.png"
    raster = decode(ticket_bytes(VIETNAMESE, native_qr=False)).raster
    assert raster is not None
    raster.save(png)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == VIETNAMESE.qr_data


@pytest.mark.zbar
def test_native_qr_preview_scans(png_dir: Path) -> None:
    png = png_dir / "ticket-native-preview.png"
    decode(ticket_bytes(VIETNAMESE)).preview().save(png)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == VIETNAMESE.qr_data


def test_decomposed_text_gives_the_same_bytes() -> None:
    nfd = replace(
        VIETNAMESE,
        office_name=unicodedata.normalize("NFD", VIETNAMESE.office_name),
        area_name=unicodedata.normalize("NFD", VIETNAMESE.area_name),
        priority_text=unicodedata.normalize("NFD", VIETNAMESE.priority_text),
    )
    assert ticket_bytes(nfd) == ticket_bytes(VIETNAMESE)


def test_vietnamese_qr_payload_goes_as_utf8() -> None:
    slip = replace(sample_slip(), qr_data="Hồ sơ Tư pháp – Hộ tịch A023")
    assert decode(ticket_bytes(slip)).qr_payloads == ["Hồ sơ Tư pháp – Hộ tịch A023"]


def test_no_qr_code_when_there_is_no_data() -> None:
    ticket = decode(ticket_bytes(replace(sample_slip(), qr_data="")))
    assert ticket.qr_codes == [] and ticket.cut


def test_profiles_are_checked() -> None:
    with pytest.raises(ValueError, match="512 điểm"):
        ticket_bytes(sample_slip(), profile="TM-T88V")  # 80 mm at 180 dpi: 512 dots
    with pytest.raises(ValueError, match="không tự in được mã QR"):
        ticket_bytes(sample_slip(), profile="POS-5890", width_dots=384, native_qr=True)
    with pytest.raises(ValueError, match="Không có cấu hình"):
        ticket_bytes(sample_slip(), profile="No Such Printer")


def test_profile_of_unknown_width_prints_no_warning(capsys: pytest.CaptureFixture[str]) -> None:
    data = ticket_bytes(sample_slip(), profile="default")
    assert capsys.readouterr().out == ""
    assert decode(data).raster_widths == [576]


def test_raster_command_matches_python_escpos() -> None:
    tall = Image.new("1", (576, 2000), 1)
    ImageDraw.Draw(tall).ellipse((10, 10, 560, 1990), outline=0, width=7)
    for image in (render_slip_image(VIETNAMESE), render_ticket_image(VIETNAMESE, 384), tall):
        printer = Dummy(profile="TM-T20II")
        printer.image(image, impl="bitImageRaster")
        assert raster_command(image) == printer.output
    assert decode(raster_command(tall)).raster_blocks[0].height == 960
