"""Mẫu 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả, printed and read back."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest
from test_forms_pdftools import (
    decoded_codes,
    needs_zbar,
    overflowing,
    overlapping,
    page_count,
    pages_of,
    reading_order_of,
    save,
    words_of,
)

from printers.forms import render_receipt
from printers.forms.data import FeeLine, PaperLine, ReceiptForm
from printers.forms.samples import receipt, short_receipt

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
NAME = "Nguyễn Thị Ỷ Lan"


def nfd(text: str) -> str:
    """The same text with accents as separate combining marks, as some keyboards send it."""
    return unicodedata.normalize("NFD", text)


def decomposed(form: ReceiptForm) -> ReceiptForm:
    """The form with its people, address and papers in NFD."""
    return dataclasses.replace(
        form,
        applicant_name=nfd(form.applicant_name),
        submitter_name=nfd(form.submitter_name),
        address=nfd(form.address),
        papers=tuple(dataclasses.replace(p, name=nfd(p.name)) for p in form.papers),
    )


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    return save(render_receipt(decomposed(receipt())), tmp_path)


def test_two_copies_each_on_its_own_page(printed: Path) -> None:
    assert page_count(printed) == 2
    first, second = pages_of(printed)
    assert "(Liên 1: Lưu)" in first and "Liên 2" not in first
    assert "(Liên 2: Giao khách hàng)" in second and "Liên 1" not in second


@pytest.mark.parametrize("page", [1, 2])
def test_every_copy_carries_the_whole_receipt(printed: Path, page: int) -> None:
    text = reading_order_of(printed, page)
    form = receipt()
    for expected in (
        "UBND XÃ TÂN LẬP",
        "BỘ PHẬN MỘT CỬA XÃ TÂN LẬP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tân Lập, ngày 03 tháng 11 năm 2025",
        TITLE,
        "Mã hồ sơ: 000.00.06.H56-251103-0361",
        "Bộ phận tiếp nhận và trả kết quả: Bộ phận Một cửa xã Tân Lập",
        f"Tiếp nhận hồ sơ của: {NAME}",
        "Người nộp: Đỗ Hữu Ễ",
        f"Địa chỉ: {form.address}",
        "Số điện thoại: 0912 345 678",
        "Email: ylan.nguyen@example.vn",
        "Số căn cước/Hộ chiếu: 025190001234",
        f"Nội dung yêu cầu giải quyết: {form.procedure_name}",
        "1. Thành phần hồ sơ, yêu cầu và số lượng mỗi loại giấy tờ gồm:",
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định là: 02 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 03 tháng 11 năm 2025",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 05 tháng 11 năm 2025",
        "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa xã Tân Lập",
        "7. Phí, lệ phí (nếu có): Lệ phí đăng ký khai sinh: 8.000 đồng (Tám nghìn đồng)",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2025, Số thứ tự: 361",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Hoàng Văn Đức",
    ):
        assert expected in text, expected
    assert text.count("(Ký và ghi rõ họ tên)") == 2
    for paper in form.papers:
        assert paper.name in text


def test_decomposed_input_prints_composed_letters(printed: Path) -> None:
    raw = "".join(pages_of(printed))
    assert NAME in raw  # as typed on an NFC keyboard, straight from pdftotext
    assert not any(unicodedata.combining(ch) for ch in raw)


def test_a5_by_default_a4_on_request(printed: Path, tmp_path: Path) -> None:
    sizes, _words = words_of(printed)
    assert [(round(w), round(h)) for w, h in sizes] == [(420, 595)] * 2
    a4 = save(render_receipt(receipt(), paper="A4"), tmp_path, "a4.pdf")
    sizes, _words = words_of(a4)
    assert [(round(w), round(h)) for w, h in sizes] == [(595, 842)] * 2
    with pytest.raises(ValueError):
        render_receipt(receipt(), paper="Letter")  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", ["A5", "A4"])
def test_nothing_overlaps_or_overflows(tmp_path: Path, paper: str) -> None:
    for form in (receipt(), short_receipt()):
        path = save(render_receipt(form, paper=paper), tmp_path)  # type: ignore[arg-type]
        assert overlapping(path) == []
        assert overflowing(path) == []


def test_a_typical_receipt_keeps_its_notes_on_one_page_per_copy(tmp_path: Path) -> None:
    path = save(render_receipt(short_receipt()), tmp_path)
    assert page_count(path) == 2
    for text in pages_of(path):
        assert "Ghi chú:" in text
        assert "được lập thành 2 liên" in " ".join(text.split())


@needs_zbar
@pytest.mark.parametrize("paper", ["A5", "A4"])
def test_qr_and_barcode_scan_at_200_dpi(tmp_path: Path, paper: str) -> None:
    form = receipt()
    path = save(render_receipt(form, paper=paper), tmp_path)  # type: ignore[arg-type]
    for page in (1, 2):
        assert decoded_codes(path, tmp_path, page) == {
            f"QR-Code:{form.dossier_code}",
            f"CODE-128:{form.dossier_code}",
        }


def test_long_names_and_long_paper_lists_wrap_inside_the_page(tmp_path: Path) -> None:
    long_name = "Công ty Trách nhiệm hữu hạn Một thành viên Dịch vụ Nông nghiệp " * 3
    papers = tuple(
        PaperLine(f"Giấy tờ số {i}: bản kê khai chi tiết thông tin " + "rất dài " * 12, 1, 2)
        for i in range(1, 41)
    )
    form = dataclasses.replace(
        receipt(),
        applicant_name=long_name.strip(),
        address="Số nhà 123, ngõ 45, đường Nguyễn Thị Minh Khai, " * 4,
        email="mot.dia.chi.thu.dien.tu.rat.rat.dai.khong.co.dau.cach@congty-nong-nghiep.com.vn",
        papers=papers,
    )
    path = save(render_receipt(form), tmp_path)
    assert overflowing(path) == []
    assert overlapping(path) == []
    pages = pages_of(path)
    second = next(i for i, text in enumerate(pages) if "(Liên 2: Giao khách hàng)" in text)
    assert second >= 2  # the first copy ran over two pages at least; the second starts afresh
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[second]
    text = reading_order_of(path)
    for paper in papers:
        assert text.count(paper.name.strip()) == 2


def test_optional_lines_are_left_out(tmp_path: Path) -> None:
    form = dataclasses.replace(
        short_receipt(), submitter_name="Lê Văn Lực", email="", id_number="", fees=()
    )
    text = reading_order_of(save(render_receipt(form), tmp_path), 1)
    assert "Người nộp" not in text
    assert "Email" not in text
    assert "Số căn cước" not in text
    assert "7. Phí, lệ phí (nếu có): Không" in text


def test_several_fees_print_their_total_in_words(tmp_path: Path) -> None:
    fees = (FeeLine("Lệ phí đăng ký kết hôn", 0), FeeLine("Phí trích lục", 1_050_000))
    form = dataclasses.replace(short_receipt(), fees=fees)
    text = reading_order_of(save(render_receipt(form), tmp_path), 1)
    assert (
        "Lệ phí đăng ký kết hôn: 0 đồng; Phí trích lục: 1.050.000 đồng. Tổng cộng: "
        "1.050.000 đồng (Một triệu không trăm năm mươi nghìn đồng)"
    ) in text


def test_copy_labels_can_be_changed(tmp_path: Path) -> None:
    form = dataclasses.replace(short_receipt(), copy_labels=("Liên 1: Lưu",))
    path = save(render_receipt(form), tmp_path)
    assert page_count(path) == 1
