"""The ESC/POS reader on hand-made and python-escpos streams."""

from __future__ import annotations

from escpos.printer import Dummy
from PIL import Image, ImageDraw

from printers.thermal.decode import decode


def test_text_through_escpos_is_caught() -> None:
    # What the ticket must never do: python-escpos picks code pages for Vietnamese by itself.
    printer = Dummy(profile="TM-T20II")
    printer.text("Nguyễn Văn Ấn\n")
    ticket = decode(printer.output)
    assert bytes(ticket.text)
    assert "ESC t" in ticket.character_commands


def test_hand_made_stream() -> None:
    raster = b"\x1dv0\x00\x01\x00\x02\x00" + b"\x80\x01"  # 8 × 2 dots
    qr = b"".join(
        b"\x1d(k" + len(body).to_bytes(2, "little") + body
        for body in (b"1A2\x00", b"1C\x05", b"1E2", b"1P0abc", b"1Q0")
    )
    stream = b"\x1b@" + raster + b"\n\x1ba\x01" + qr + b"\x1bJ\x10\x1dVA\x03Hi"
    ticket = decode(stream)
    assert ticket.commands == ["ESC @", "GS v 0", "LF", "ESC a", *["GS ( k"] * 5, "ESC J", "GS V"]
    assert ticket.qr_payloads == ["abc"]
    assert (ticket.qr_codes[0].module, ticket.qr_codes[0].error_level) == (5, "Q")
    assert ticket.cut
    assert bytes(ticket.text) == b"Hi"
    image = ticket.raster
    assert image is not None and image.size == (8, 2)
    assert image.getpixel((0, 0)) == 0 and image.getpixel((1, 0)) == 255
    assert image.getpixel((7, 1)) == 0
    preview = ticket.preview()
    assert preview.height == 2 + 30 + (21 * 5) + 16  # raster, line feed, QR, ESC J


def test_column_and_graphics_images() -> None:
    picture = Image.new("1", (16, 24), 1)
    ImageDraw.Draw(picture).rectangle((2, 3, 9, 20), fill=0)
    for impl in ("bitImageColumn", "graphics", "bitImageRaster"):
        printer = Dummy(profile="TM-T20II")
        printer.image(picture, impl=impl)
        ticket = decode(printer.output)
        assert ticket.unknown == [] and bytes(ticket.text) == b"", impl
        raster = ticket.raster
        assert raster is not None
        assert raster.crop((0, 0, 16, 24)).tobytes() == picture.tobytes(), impl


def test_unknown_commands_and_controls_are_reported() -> None:
    ticket = decode(b"\x1b\x7f\x01\x02")
    assert ticket.unknown and ticket.commands == []
