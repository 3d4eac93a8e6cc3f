"""Tests of file kinds by magic bytes and of safe file names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain import file_kinds
from counter_app.domain.file_kinds import (
    ALLOWED_MEDIA_TYPES,
    MAX_NAME_BYTES,
    extension_for,
    label_for,
    media_type_for_name,
    safe_filename,
    sniff,
    with_extension,
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"\xff\xd8\xff\xe1\x00\x10Exif\x00", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        (b"\xef\xbb\xbf%PDF-1.4\n", "application/pdf"),  # junk before the header
        (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "image/tiff"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", None),  # an MP4 video
        (b"PK\x03\x04\x14\x00", None),  # .docx, .zip
        (b"Day la van ban, khong phai anh.", None),
        (b"\xff\xd8", None),  # too short to say
        (b"", None),
    ],
)
def test_sniff_reads_magic_bytes(head, expected):
    assert sniff(head) == expected


def test_pdf_header_after_the_first_kilobyte_is_not_a_pdf():
    assert sniff(b" " * file_kinds.SNIFF_BYTES + b"%PDF-1.4") is None


def test_allowed_media_types_are_pdf_jpeg_and_png_only():
    assert {"application/pdf", "image/jpeg", "image/png"} == ALLOWED_MEDIA_TYPES
    assert "image/tiff" not in ALLOWED_MEDIA_TYPES


@pytest.mark.parametrize(
    ("media_type", "ext"),
    [("application/pdf", ".pdf"), ("image/jpeg", ".jpg"), ("image/png", ".png")],
)
def test_extension_for(media_type, ext):
    assert extension_for(media_type) == ext


def test_extension_for_unknown_type_raises():
    with pytest.raises(ValueError):
        extension_for("text/plain")


def test_label_for_names_the_kind_in_vietnamese():
    assert label_for("image/tiff") == "ảnh TIFF"
    assert label_for("application/x-foo") == "application/x-foo"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("scan.PDF", "application/pdf"),
        ("anh.jpeg", "image/jpeg"),
        ("anh.JPG", "image/jpeg"),
        ("trang.tiff", "image/tiff"),
        ("giay-to", None),
        ("bao-cao.docx", None),
    ],
)
def test_media_type_for_name(name, expected):
    assert media_type_for_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Giấy khai sinh.pdf", "Giấy khai sinh.pdf"),
        ("../../etc/passwd", "passwd"),
        ("/home/canbo/Tài liệu/CCCD.jpg", "CCCD.jpg"),
        ("C:\\Users\\canbo\\Desktop\\Sổ hộ khẩu.png", "Sổ hộ khẩu.png"),
        ("..", "tep-dinh-kem"),
        ("", "tep-dinh-kem"),
        ("   ", "tep-dinh-kem"),
        (" .an.pdf. ", "an.pdf"),
        ("Đơn\tđề nghị\n(bản 2).pdf", "Đơn đề nghị (bản 2).pdf"),
        ("bad\x00name\x1f.pdf", "badname.pdf"),
        ("hoa-don\u202efdp.exe", "hoa-donfdp.exe"),  # right-to-left override removed
        ("a<b>c:d|e?f*.jpg", "a_b_c_d_e_f_.jpg"),
        ('"trích lục".pdf', "_trích lục_.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("com1.tar.gz", "_com1.tar.gz"),
        ("CONSOLE.pdf", "CONSOLE.pdf"),
        ("ĐỖ HỮU Ễ.PNG", "ĐỖ HỮU Ễ.PNG"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_safe_filename_turns_nfd_into_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hằng - Giấy khai sinh.pdf")
    assert nfd != unicodedata.normalize("NFC", nfd)
    assert safe_filename(nfd) == unicodedata.normalize("NFC", nfd)


def test_safe_filename_composes_across_a_dropped_invisible_character():
    assert safe_filename("Nguye\u200b\u0302\u0303n.pdf") == "Nguyễn.pdf"


def test_safe_filename_fallback_is_configurable():
    assert safe_filename("///", fallback="scan") == "scan"


def test_long_vietnamese_name_is_cut_to_255_bytes_keeping_the_extension():
    name = "Giấy chứng nhận quyền sử dụng đất " * 20 + ".pdf"
    safe = safe_filename(name)
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe.endswith(".pdf")
    assert safe.startswith("Giấy chứng nhận")
    assert not safe[:-4].endswith(" ")


def test_cut_never_splits_a_multibyte_letter():
    safe = safe_filename("ữ" * 200 + ".jpg")  # 3 bytes each
    assert safe == "ữ" * 83 + ".jpg"
    assert len(safe.encode("utf-8")) == 253


@pytest.mark.parametrize(
    ("name", "media_type", "expected"),
    [
        ("scan.jpg", "image/jpeg", "scan.jpg"),
        ("scan.JPEG", "image/jpeg", "scan.JPEG"),
        ("scan.jpg", "image/png", "scan.png"),  # a PNG named .jpg
        ("trang1.tif", "application/pdf", "trang1.pdf"),
        ("giay-to", "application/pdf", "giay-to.pdf"),
        ("Biên bản 12.2024", "application/pdf", "Biên bản 12.2024.pdf"),
        ("don.docx", "application/pdf", "don.docx.pdf"),
    ],
)
def test_with_extension(name, media_type, expected):
    assert with_extension(name, media_type) == expected


def test_with_extension_keeps_the_255_byte_limit():
    name = safe_filename("ả" * 200 + ".tif")
    fixed = with_extension(name, "application/pdf")
    assert fixed.endswith(".pdf")
    assert len(fixed.encode("utf-8")) <= MAX_NAME_BYTES


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"


@given(st.text(max_size=400) | st.text(alphabet=VIETNAMESE + " ./\\", max_size=400))
def test_safe_filename_properties(name):
    safe = safe_filename(name)
    assert safe
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert unicodedata.is_normalized("NFC", safe)
    assert "/" not in safe and "\\" not in safe
    assert safe not in (".", "..")
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in safe)
    assert safe == safe.strip(". ")
    assert safe_filename(safe) == safe


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper(), min_size=1, max_size=60))
def test_safe_filename_keeps_vietnamese_letters(word):
    word = unicodedata.normalize("NFC", word)
    assert safe_filename(word + ".pdf") == word + ".pdf"
