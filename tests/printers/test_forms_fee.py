"""The fee receipt (biên lai thu phí, lệ phí), printed and read back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from test_forms_pdftools import overflowing, overlapping, page_count, reading_order_of, save

from printers.forms import render_fee_receipt
from printers.forms.data import FeeLine
from printers.forms.samples import fee_receipt


def test_fee_receipt_shows_amounts_in_figures_and_words(tmp_path: Path) -> None:
    path = save(render_fee_receipt(fee_receipt()), tmp_path)
    assert page_count(path) == 1
    text = reading_order_of(path)
    for expected in (
        "BIÊN LAI THU PHÍ, LỆ PHÍ",
        "Ký hiệu: TL-25P",
        "Số: 0000015",
        "Tân Lập, ngày 03 tháng 11 năm 2025",
        "Tên đơn vị hoặc người nộp tiền: Nguyễn Thị Ỷ Lan",
        "Mã hồ sơ: 000.00.06.H56-251103-0361",
        "Tên loại phí, lệ phí",
        "Lệ phí đăng ký khai sinh",
        "8.000",
        "Phí cấp bản sao trích lục hộ tịch (2 bản)",
        "16.000",
        "Tổng cộng",
        "24.000",
        "Số tiền bằng số: 24.000 đồng",
        "Số tiền bằng chữ: Hai mươi tư nghìn đồng",
        "Hình thức thanh toán: Tiền mặt",
        "Thời gian thu: 09:20 ngày 03/11/2025",
        "NGƯỜI NỘP TIỀN",
        "NGƯỜI THU TIỀN",
        "Hoàng Văn Đức",
    ):
        assert expected in text, expected
    assert overlapping(path) == [] and overflowing(path) == []


def test_large_amount_in_words_wraps_on_a4(tmp_path: Path) -> None:
    form = dataclasses.replace(
        fee_receipt(), fees=(FeeLine("Lệ phí cấp giấy chứng nhận", 1_050_000),), series=""
    )
    path = save(render_fee_receipt(form, paper="A4"), tmp_path)
    text = reading_order_of(path)
    assert "Số tiền bằng chữ: Một triệu không trăm năm mươi nghìn đồng" in text
    assert "Ký hiệu" not in text
    assert overflowing(path) == []


@pytest.mark.parametrize("change", [{"number": 0}, {"fees": ()}])
def test_fee_receipt_refuses_bad_input(change: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        render_fee_receipt(dataclasses.replace(fee_receipt(), **change))  # type: ignore[arg-type]
