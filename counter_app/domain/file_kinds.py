"""Kinds of digitised files (số hóa) by their content, and file names safe to store and show.

Accepted: PDF, JPEG and PNG, what the provincial one-stop system takes and every counter PC can
show and print. TIFF, GIF, WebP and HEIC are recognised only to tell the clerk what the file is
and what to do; a multi-page scan should be saved as PDF.
"""

from __future__ import annotations

import unicodedata

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
GIF = "image/gif"
WEBP = "image/webp"
HEIC = "image/heic"

#: Media types the store accepts.
ALLOWED_MEDIA_TYPES = frozenset({PDF, JPEG, PNG})

#: How many leading bytes `sniff` needs to see.
SNIFF_BYTES = 1024

#: Longest stored file name, in UTF-8 bytes (the limit of common file systems).
MAX_NAME_BYTES = 255

_EXTENSIONS = {
    PDF: ".pdf",
    JPEG: ".jpg",
    PNG: ".png",
    TIFF: ".tif",
    GIF: ".gif",
    WEBP: ".webp",
    HEIC: ".heic",
}
_LABELS = {
    PDF: "PDF",
    JPEG: "ảnh JPG",
    PNG: "ảnh PNG",
    TIFF: "ảnh TIFF",
    GIF: "ảnh GIF",
    WEBP: "ảnh WebP",
    HEIC: "ảnh HEIC (điện thoại iPhone)",
}
_ALIASES = {".jpeg": JPEG, ".jpe": JPEG, ".jfif": JPEG, ".tiff": TIFF, ".heif": HEIC}
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"})
_WINDOWS_FORBIDDEN = frozenset('<>:"/\\|?*')
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)
_MAX_EXTENSION_CHARS = 10


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file announce, or None when unrecognised."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    # Readers (and the PDF spec's implementation notes) allow junk before the header.
    if b"%PDF-" in head[:SNIFF_BYTES]:
        return PDF
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return HEIC
    return None


def extension_for(media_type: str) -> str:
    """The usual file extension (with its dot) of a recognised media type."""
    try:
        return _EXTENSIONS[media_type]
    except KeyError:
        raise ValueError(f"Unknown media type: {media_type!r}") from None


def label_for(media_type: str) -> str:
    """A short Vietnamese name of a recognised media type, for messages."""
    return _LABELS.get(media_type, media_type)


def media_type_for_name(name: str) -> str | None:
    """The media type a file name's extension suggests (a hint only: content decides)."""
    dot = name.rfind(".")
    if dot < 0:
        return None
    ext = name[dot:].lower()
    for media_type, known in _EXTENSIONS.items():
        if ext == known:
            return media_type
    return _ALIASES.get(ext)


def safe_filename(name: str, fallback: str = "tep-dinh-kem") -> str:
    """A file name safe to store and show: last path part, NFC, no control or reserved
    characters, at most 255 UTF-8 bytes, Vietnamese letters kept; `fallback` if nothing is left."""
    name = unicodedata.normalize("NFC", name)
    # Both separators: a Windows path can arrive as text on any system (drag-and-drop, import).
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    kept: list[str] = []
    for ch in name:
        category = unicodedata.category(ch)
        if ch in "\t\n\r\v\f" or category.startswith("Z"):
            kept.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue  # Cf includes the right-to-left override used to disguise extensions
        elif ch in _WINDOWS_FORBIDDEN:
            kept.append("_")
        else:
            kept.append(ch)
    # Windows drops trailing dots and spaces; a leading dot hides the file elsewhere.
    # NFC again: a dropped character may have stood between a letter and its accent.
    cleaned = unicodedata.normalize("NFC", " ".join("".join(kept).split())).strip(". ")
    if not cleaned:
        cleaned = fallback
    if cleaned.split(".", 1)[0].rstrip().upper() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned  # "CON.pdf" cannot be saved on Windows
    return _fit(*_split_extension(cleaned))


def with_extension(name: str, media_type: str) -> str:
    """The name with the extension of media_type, replacing a known-kind extension that
    contradicts the content (a PNG named .jpg) and adding one when there is none."""
    wanted = extension_for(media_type)
    name = unicodedata.normalize("NFC", name)
    if media_type_for_name(name) == media_type:
        return name
    stem, ext = _split_extension(name)
    if ext and media_type_for_name(ext) is None:
        stem = stem + ext  # "Biên bản 12.2024" keeps its ".2024"
    return _fit(stem or "tep-dinh-kem", wanted)


def _split_extension(name: str) -> tuple[str, str]:
    dot = name.rfind(".")
    if dot <= 0 or len(name) - dot > _MAX_EXTENSION_CHARS + 1 or " " in name[dot:]:
        return name, ""
    return name[:dot], name[dot:]


def _fit(stem: str, ext: str) -> str:
    budget = MAX_NAME_BYTES - len(ext.encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) > budget:
        # Cut on a character boundary, then drop a dangling combining mark (NFD input leftovers).
        stem = encoded[:budget].decode("utf-8", errors="ignore")
        while stem and unicodedata.combining(stem[-1]):
            stem = stem[:-1]
        stem = stem.rstrip(". ")
    return stem + ext
