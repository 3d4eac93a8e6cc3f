"""ESC/POS bytes of a queue ticket: the text as a raster image, the QR code, feed and cut."""

from __future__ import annotations

from typing import Any

from escpos.capabilities import get_profile
from escpos.constants import QR_ECLEVEL_M, TXT_STYLE
from escpos.printer import Dummy
from PIL import Image

from printers.thermal.slip import (
    WIDTH_80MM,
    TicketSlip,
    qr_module_dots,
    render_slip_image,
    render_ticket_image,
)

DEFAULT_PROFILE = "TM-T20II"

#: Rows per GS v 0 command, as python-escpos splits them (printers' buffers are limited).
RASTER_ROWS = 960

_INVERT = bytes(255 - b for b in range(256))

#: Byte-mode capacity of QR versions 1–10 at error level M: the version, hence the module count.
_QR_CAPACITY_M = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213)


def _printer(name: str, width_dots: int) -> Any:
    """A Dummy printer with the profile; one of unknown width gets the ticket's width."""
    try:
        printer = Dummy(profile=name)
    except KeyError:
        raise ValueError(f"Không có cấu hình máy in “{name}” trong python-escpos.") from None
    profile = printer.profile
    media = profile.profile_data.get("media", {})
    pixels = media.get("width", {}).get("pixels")
    if not isinstance(pixels, int):
        profile.profile_data = {
            **profile.profile_data,
            "media": {**media, "width": {**media.get("width", {}), "pixels": width_dots}},
        }
    elif width_dots > pixels:
        raise ValueError(f"Máy in {name} chỉ in được {pixels} điểm, vé rộng {width_dots} điểm.")
    return printer


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 commands printing a mode "1" image (0 = ink), RASTER_ROWS rows each.

    The same bytes as python-escpos's image(impl="bitImageRaster"), which spends 4 ms a ticket
    converting an image that is already 1-bit (RGBA, alpha paste, grey, invert).
    """
    if image.mode != "1":
        raise ValueError("raster_command needs a mode 1 image")
    width_bytes = (image.width + 7) // 8
    out = []
    for top in range(0, image.height, RASTER_ROWS):
        part = image.crop((0, top, image.width, min(top + RASTER_ROWS, image.height)))
        header = (
            b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + part.height.to_bytes(2, "little")
        )
        out.append(header + part.tobytes().translate(_INVERT))
    return b"".join(out)


def supports_native_qr(profile: str = DEFAULT_PROFILE) -> bool:
    """Whether the printer model draws QR codes itself (GS ( k), per its escpos profile."""
    return bool(get_profile(profile).supports("qrCode"))


def native_qr_module(data: str, width_dots: int) -> int:
    """Module size in dots for a native QR code of data, about 40 % of the paper width."""
    length = len(data.encode("utf-8"))
    version = next((v for v, cap in enumerate(_QR_CAPACITY_M, 1) if length <= cap), 12)
    return qr_module_dots(17 + 4 * version, width_dots)


def ticket_bytes(
    slip: TicketSlip,
    profile: str = DEFAULT_PROFILE,
    width_dots: int = WIDTH_80MM,
    native_qr: bool | None = None,
) -> bytes:
    """The ESC/POS job of one ticket: initialise, text as raster (GS v 0), QR code, feed, cut.

    The QR code is native (GS ( k) when the profile supports it and native_qr is not False,
    otherwise drawn into the raster. native_qr=True on a profile without QR is a ValueError.
    Text never goes out as characters, so no code page is ever involved.
    """
    printer = _printer(profile, width_dots)
    native = printer.profile.supports("qrCode") and native_qr is not False
    if native_qr and not native:
        raise ValueError(f"Máy in {profile} không tự in được mã QR (GS ( k).")
    printer.hw("INIT")
    image = render_slip_image(slip, width_dots) if native else render_ticket_image(slip, width_dots)
    printer._raw(raster_command(image))
    if native and slip.qr_data:
        printer.print_and_feed(1)  # blank paper above the QR code (ln() would send ESC t)
        printer._raw(TXT_STYLE["align"]["center"])
        size = native_qr_module(slip.qr_data, width_dots)
        printer.qr(slip.qr_data, ec=QR_ECLEVEL_M, size=size, native=True)
        printer._raw(TXT_STYLE["align"]["left"])
    printer.cut()
    return bytes(printer.output)
