"""Mẫu 06 (phiếu kiểm soát) and Mẫu 07 (sổ theo dõi hồ sơ), printed and read back."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from pathlib import Path

from test_forms_pdftools import (
    overflowing,
    overlapping,
    page_count,
    pages_of,
    reading_order_of,
    save,
    squeeze,
    words_of,
)

from printers.forms import render_control_sheet, render_tracking_book
from printers.forms.data import HandOff, Outcome
from printers.forms.samples import control_sheet, tracking_book

BOOK_HEADINGS = (
    "TT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Ngày, tháng, năm",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Trả kết quả",
    "Phương thức nhận kết quả",
    "Ký nhận",
    "Ghi chú",
)


def test_control_sheet_lists_every_hand_over(tmp_path: Path) -> None:
    form = control_sheet()
    form = dataclasses.replace(
        form, applicant_name=unicodedata.normalize("NFD", form.applicant_name)
    )
    path = save(render_control_sheet(form), tmp_path)
    text = reading_order_of(path)
    for expected in (
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Kèm theo hồ sơ của: Nguyễn Thị Ỷ Lan",
        "Mã hồ sơ: 000.00.06.H56-251103-0361",
        "Ngày nhận: 09 giờ 15 phút, ngày 03 tháng 11 năm 2025",
        "Ngày, giờ hẹn trả kết quả: 16 giờ 00 phút, ngày 05 tháng 11 năm 2025",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã Tân Lập",
        "Cơ quan phối hợp giải quyết hồ sơ: Công an xã Tân Lập; Bảo hiểm xã hội khu vực",
        "TÊN CƠ QUAN",
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)",
        "GHI CHÚ",
        "1. Giao: Bộ phận Một cửa",
        "2. Nhận: Công chức Tư pháp - Hộ tịch",
        "10 giờ 00 phút, ngày 03 tháng 11 năm 2025",
        "16 giờ 45 phút, ngày 05 tháng 11 năm 2025",
        "Chậm 45 phút do chờ cấp thẻ bảo hiểm y tế",
    ):
        assert expected in text, expected
    for outcome in Outcome:
        assert outcome.value in text
    assert text.count("Người giao") == 4 and text.count("Người nhận") == 4
    assert overlapping(path) == [] and overflowing(path) == []


def test_control_sheet_with_many_steps_repeats_its_heading(tmp_path: Path) -> None:
    base = control_sheet()
    steps = tuple(
        dataclasses.replace(base.hand_offs[i % 4], note=f"Bước số {i + 1}", outcome=None)
        for i in range(14)
    )
    path = save(render_control_sheet(dataclasses.replace(base, hand_offs=steps)), tmp_path)
    assert page_count(path) >= 2
    for page in pages_of(path):
        assert "THỜI GIAN GIAO, NHẬN HỒ SƠ" in page
    text = reading_order_of(path)
    assert all(f"Bước số {i}" in text for i in range(1, 15))
    assert overflowing(path) == []


def test_hand_off_without_outcome_leaves_the_cell_empty(tmp_path: Path) -> None:
    step = HandOff("Bộ phận Một cửa", "Công chức Địa chính", control_sheet().received_at)
    form = dataclasses.replace(control_sheet(), hand_offs=(step,), cooperating_units="")
    text = reading_order_of(save(render_control_sheet(form, paper="A5"), tmp_path))
    # Only the column heading "(Trước hạn/đúng hạn/quá hạn)" names an outcome.
    assert text.count("Trước hạn") == 1
    assert "Đúng hạn" not in text and "Quá hạn" not in text
    assert "Cơ quan phối hợp" not in text


def test_tracking_book_of_300_dossiers(tmp_path: Path) -> None:
    form = tracking_book(300)
    path = save(render_tracking_book(form), tmp_path)
    pages = pages_of(path)
    assert len(pages) == page_count(path) >= 5
    sizes, _words = words_of(path)
    assert all(w > h for w, h in sizes)  # landscape
    for number, page in enumerate(pages, start=1):
        flat = squeeze(page)
        assert f"Trang {number}/{len(pages)}" in flat
        for heading in ("Mã hồ sơ", "Tên TTHC", "Ngày, tháng, năm", "(1)", "(12)", "(13)"):
            assert heading in flat, (number, heading)
    first = reading_order_of(path, 1)
    assert "SỔ THEO DÕI HỒ SƠ" in first and "Quyển số: 2025" in first
    assert "(Từ ngày 01/11/2025 đến ngày 30/11/2025)" in first
    for heading in BOOK_HEADINGS:
        assert heading in first, heading
    # Every entry is there once, in order, on one line with its whole code.
    rows = [re.match(r"\s*(\d+)\s+(\S+)", line) for page in pages for line in page.splitlines()]
    found = [(int(m.group(1)), m.group(2)) for m in rows if m and "-" in m.group(2)]
    assert found == [(e.entry_no, e.dossier_code) for e in form.entries]
    text = reading_order_of(path)
    assert "Nguyễn Thị Ỷ Lan" in text and "Đỗ Hữu Ễ" in text
    assert overflowing(path) == []


def test_tracking_book_first_page_has_no_overlaps(tmp_path: Path) -> None:
    path = save(render_tracking_book(tracking_book(8)), tmp_path)
    assert page_count(path) == 1
    assert overlapping(path) == []
    assert "Trang 1/1" in squeeze(pages_of(path)[0])


def test_empty_tracking_book_prints_its_headings(tmp_path: Path) -> None:
    form = dataclasses.replace(tracking_book(0), entries=())
    text = reading_order_of(save(render_tracking_book(form), tmp_path))
    assert "Cơ quan chủ trì giải quyết" in text and "Trang 1/1" in text
