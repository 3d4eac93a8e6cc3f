"""A small ESC/POS reader: what a ticket job would print, for tests and the file printer preview."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from printers.codes import qr_matrix

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10

#: Line height of a feed (LF, ESC d) in the preview, in dots: the usual default 1/6 inch.
LINE_DOTS = 30

#: Commands that only matter when characters are printed (code pages, fonts, text styles).
CHARACTER_COMMANDS = frozenset(
    {"ESC t", "ESC R", "ESC !", "ESC E", "ESC G", "ESC M", "ESC -", "ESC %", "ESC &", "ESC SP"}
    | {"FS &", "FS .", "FS C", "FS !", "FS -", "FS ( A", "FS ( C", "GS !", "GS B", "GS k"}
)

# ESC and GS commands of fixed length after the command letter (parameter byte counts).
_ESC_PARAMS = {b"@": 0, b"2": 0, b"<": 0, b"a": 1, b"E": 1, b"G": 1, b"M": 1, b"-": 1, b"!": 1}
_ESC_PARAMS |= {b"t": 1, b"R": 1, b"J": 1, b"d": 1, b"e": 1, b"3": 1, b"V": 1, b"{": 1, b"U": 1}
_ESC_PARAMS |= {b"c": 2, b"p": 3, b"$": 2, b"\\": 2, b"%": 1, b"r": 1, b" ": 1, b"=": 1}
_GS_PARAMS = {b"!": 1, b"B": 1, b"H": 1, b"f": 1, b"h": 1, b"w": 1, b"b": 1, b"a": 1, b"r": 1}
_GS_PARAMS |= {b"I": 1, b"/": 1, b"L": 2, b"W": 2, b"P": 2, b"$": 2, b"\\": 2, b":": 0}
_FS_PARAMS = {b"&": 0, b".": 0, b"C": 1, b"!": 1, b"-": 1, b"p": 2, b"S": 2, b"W": 1}
_INVERT = bytes(255 - b for b in range(256))


@dataclass(frozen=True)
class NativeQr:
    """A QR code the printer draws itself (GS ( k): its data and settings."""

    data: bytes
    module: int
    error_level: str

    @property
    def text(self) -> str:
        """The payload as text (UTF-8)."""
        return self.data.decode("utf-8", errors="replace")


@dataclass
class Decoded:
    """What an ESC/POS byte stream would print."""

    commands: list[str] = field(default_factory=list)
    raster_blocks: list[Image.Image] = field(default_factory=list)
    qr_codes: list[NativeQr] = field(default_factory=list)
    text: bytearray = field(default_factory=bytearray)
    unknown: list[str] = field(default_factory=list)
    cut: bool = False
    _paper: list[Image.Image | int] = field(default_factory=list, repr=False)

    @property
    def qr_payloads(self) -> list[str]:
        """The native QR codes' contents, in order."""
        return [qr.text for qr in self.qr_codes]

    @property
    def character_commands(self) -> list[str]:
        """Code-page, font and text-style commands that were sent (none for an image ticket)."""
        return [c for c in self.commands if c in CHARACTER_COMMANDS]

    @property
    def raster_widths(self) -> list[int]:
        """Widths in dots of the raster blocks."""
        return [block.width for block in self.raster_blocks]

    @property
    def raster(self) -> Image.Image | None:
        """The raster blocks stacked, as a mode "1" image (0 = printed dot)."""
        return _stack(list(self.raster_blocks)) if self.raster_blocks else None

    def preview(self) -> Image.Image:
        """The paper as it would come out: rasters, native QR codes and feeds (not text)."""
        return _stack(self._paper) if self._paper else Image.new("1", (1, 1), 1)


def _stack(bands: list[Image.Image | int]) -> Image.Image:
    width = max((b.width for b in bands if not isinstance(b, int)), default=8)
    height = sum(b if isinstance(b, int) else b.height for b in bands)
    page = Image.new("1", (width, height), 1)
    y = 0
    for band in bands:
        if not isinstance(band, int):
            page.paste(band, (0, y))
        y += band if isinstance(band, int) else band.height
    return page


def _bits_image(width_bytes: int, height: int, data: bytes) -> Image.Image:
    """A raster image from ESC/POS bits (1 = printed) as a PIL mode "1" image (1 = white)."""
    return Image.frombytes("1", (width_bytes * 8, height), data.translate(_INVERT))


def _columns_image(columns: int, rows: int, data: bytes) -> Image.Image:
    """An ESC * stripe (column format, top bit first) as a PIL image."""
    per_column = rows // 8
    band = Image.new("1", (columns, rows), 1)
    pixels = band.load()
    assert pixels is not None
    for x in range(columns):
        for k in range(per_column):
            byte = data[x * per_column + k]
            for bit in range(8):
                if byte & (0x80 >> bit):
                    pixels[x, k * 8 + bit] = 0
    return band


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.out = Decoded()
        self.align = 0
        self.qr_module = 3
        self.qr_level = "L"
        self.qr_store = b""
        self.graphics: Image.Image | None = None
        self.column_stripe = False

    def block(self, image: Image.Image) -> None:
        """A printed image: into the raster and onto the paper."""
        self.out.raster_blocks.append(image)
        self.out._paper.append(image)

    def gs_paren(self, letter: bytes, body: bytes) -> None:
        """GS ( k (2D codes) and GS ( L (graphics) functions."""
        out = self.out
        if letter == b"k" and body[:1] == b"1":  # QR code
            fn = body[1:2]
            if fn == b"C":
                self.qr_module = body[2]
            elif fn == b"E":
                self.qr_level = "LMQH"[body[2] - 48] if 48 <= body[2] <= 51 else "?"
            elif fn == b"P":
                self.qr_store = body[3:]
            elif fn == b"Q":
                out.qr_codes.append(NativeQr(self.qr_store, self.qr_module, self.qr_level))
                self._paper_qr(out.qr_codes[-1])
        elif letter == b"L" and body[1:2] in (b"p", b"q") and len(body) >= 10:
            x = body[6] | body[7] << 8
            y = body[8] | body[9] << 8
            self.graphics = _bits_image((x + 7) // 8, y, body[10:])
        elif letter == b"L" and body[1:2] in (b"2", b"\x02") and self.graphics is not None:
            self.block(self.graphics)
            self.graphics = None

    def _paper_qr(self, qr: NativeQr) -> None:
        matrix = qr_matrix(qr.text, border=0)
        size = len(matrix) * qr.module
        width = max([size, *(b.width for b in self.out.raster_blocks)])
        code = Image.new("1", (len(matrix), len(matrix)), 1)
        code.putdata([0 if dark else 1 for row in matrix for dark in row])
        band = Image.new("1", (width, size), 1)
        x = {0: 0, 1: (width - size) // 2, 2: width - size}.get(self.align, 0)
        band.paste(code.resize((size, size), Image.Resampling.NEAREST), (max(0, x), 0))
        self.out._paper.append(band)

    def read(self) -> Decoded:
        """Walk the stream command by command."""
        data, out, i = self.data, self.out, 0
        while i < len(data):
            b = data[i]
            c = data[i + 1 : i + 2]
            if b == ESC and c == b"*":
                m, cols = data[i + 2], data[i + 3] | data[i + 4] << 8
                rows = 24 if m in (32, 33) else 8
                size = cols * rows // 8
                self.block(_columns_image(cols, rows, data[i + 5 : i + 5 + size]))
                self.column_stripe = True
                out.commands.append("ESC *")
                i += 5 + size
            elif b == ESC and c in _ESC_PARAMS:
                n = _ESC_PARAMS[c]
                name = "ESC SP" if c == b" " else f"ESC {c.decode()}"
                out.commands.append(name)
                arg = data[i + 2] if n else 0
                if c == b"a":
                    self.align = arg % 48 if arg >= 48 else arg
                elif c == b"J":
                    out._paper.append(arg)
                elif c == b"d":
                    out._paper.append(arg * LINE_DOTS)
                i += 2 + n
            elif b == GS and c == b"v" and data[i + 2 : i + 3] in (b"0", b"\x00"):
                xb, y = data[i + 4] | data[i + 5] << 8, data[i + 6] | data[i + 7] << 8
                self.block(_bits_image(xb, y, data[i + 8 : i + 8 + xb * y]))
                out.commands.append("GS v 0")
                i += 8 + xb * y
            elif b in (GS, FS) and c == b"(":
                letter = data[i + 2 : i + 3]
                length = data[i + 3] | data[i + 4] << 8
                body = data[i + 5 : i + 5 + length]
                prefix = "GS" if b == GS else "FS"
                out.commands.append(f"{prefix} ( {letter.decode(errors='replace')}")
                if b == GS:
                    self.gs_paren(letter, body)
                i += 5 + length
            elif b == GS and c == b"V":
                m = data[i + 2]
                out.commands.append("GS V")
                out.cut = True
                i += 4 if m >= 65 else 3
            elif b == GS and c == b"k":
                m = data[i + 2]
                end = data.index(0, i + 3) + 1 if m <= 6 else i + 4 + data[i + 3]
                out.commands.append("GS k")
                i = end
            elif b == GS and c in _GS_PARAMS:
                out.commands.append(f"GS {c.decode()}")
                i += 2 + _GS_PARAMS[c]
            elif b == FS and c in _FS_PARAMS:
                out.commands.append(f"FS {c.decode()}")
                i += 2 + _FS_PARAMS[c]
            elif b == DLE and c in (b"\x04", b"\x05"):
                out.commands.append("DLE EOT" if c == b"\x04" else "DLE ENQ")
                i += 3
            elif b in (ESC, GS, FS, DLE):
                out.unknown.append(f"{b:02X} {c.hex().upper()} at {i}")
                i += 2
            elif b == 0x0A:
                out.commands.append("LF")
                if not self.column_stripe:  # an ESC * stripe is advanced past by its LF
                    out._paper.append(LINE_DOTS)
                self.column_stripe = False
                i += 1
            elif b in (0x09, 0x0D, 0x0C, 0x00):
                i += 1
            elif b < 0x20:
                out.unknown.append(f"{b:02X} at {i}")
                i += 1
            else:
                out.text.append(b)
                i += 1
        return out


def decode(data: bytes) -> Decoded:
    """Parse an ESC/POS byte stream: rasters, native QR codes, cut, and any text bytes."""
    return _Reader(data).read()
