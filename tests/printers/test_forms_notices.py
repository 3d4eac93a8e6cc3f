"""Mẫu 02 (bổ sung), Mẫu 03 (từ chối) and the apology letter, printed and read back."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest
from test_forms_pdftools import overflowing, overlapping, page_count, reading_order_of, save

from printers.forms import render_apology, render_refusal, render_supplement
from printers.forms.data import OfficeHeader, PaperLine
from printers.forms.samples import apology, refusal, supplement


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_supplement_lists_every_missing_or_faulty_paper(tmp_path: Path) -> None:
    form = supplement()
    form = dataclasses.replace(form, applicant_name=nfd(form.applicant_name))
    path = save(render_supplement(form), tmp_path)
    assert page_count(path) == 1
    text = reading_order_of(path)
    for expected in (
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Số: 12/PBS",
        "Tân Lập, ngày 03 tháng 11 năm 2025",
        "Bộ phận Một cửa xã Tân Lập:",
        "Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: Nguyễn Thị Ỷ Lan",
        "Qua nghiên cứu hồ sơ, đề nghị Ông/Bà hoàn thiện hồ sơ gồm những nội dung sau:",
        "Thành phần hồ sơ",
        "Bản chính",
        "Lý do",
        "Giấy chứng sinh do cơ sở y tế cấp",
        "chưa nộp; nộp bản chính hoặc văn bản của người làm chứng",
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "ghi thiếu ý kiến của chủ hộ; kê khai lại theo mẫu",
        "Lý do: - Hồ sơ chưa đủ thành phần theo quy định của thủ tục.",
        "tại Website: https://dichvucong.phutho.gov.vn (phần thủ tục hành chính hoặc danh mục)",
        "hoặc liên hệ với công chức Hoàng Văn Đức, số điện thoại 0210 3851 234 để được "
        "hướng dẫn./.",
        "NGƯỜI HƯỚNG DẪN",
        "(Ký và ghi rõ họ tên)",
    ):
        assert expected in text, expected
    # The paper that is in order is not asked for again.
    assert "Tờ khai đăng ký khai sinh (theo mẫu)" not in text
    assert overlapping(path) == [] and overflowing(path) == []


def test_supplement_guidance_without_a_website(tmp_path: Path) -> None:
    header = OfficeHeader("UBND xã Tân Lập", "Bộ phận Một cửa xã Tân Lập", "Tân Lập", phone="")
    form = dataclasses.replace(
        supplement(), header=header, dossier_code="000.00.06.H56-251103-0361"
    )
    text = reading_order_of(save(render_supplement(form, paper="A5"), tmp_path))
    assert "Website" not in text
    assert "Ông/Bà có thể liên hệ với công chức Hoàng Văn Đức để được hướng dẫn./." in text
    assert "Mã hồ sơ: 000.00.06.H56-251103-0361" in text


def test_supplement_with_many_papers_spans_pages_with_the_heading_repeated(
    tmp_path: Path,
) -> None:
    papers = tuple(
        PaperLine(f"Giấy tờ thứ {i} cần bổ sung", copies=1, ok=False, problem="chưa nộp")
        for i in range(1, 61)
    )
    path = save(render_supplement(dataclasses.replace(supplement(), papers=papers)), tmp_path)
    pages = page_count(path)
    assert pages >= 2
    with_rows = [reading_order_of(path, p) for p in range(1, pages + 1)]
    with_rows = [text for text in with_rows if "Giấy tờ thứ" in text]
    assert len(with_rows) >= 2
    assert all("Thành phần hồ sơ" in text and "Bản chính" in text for text in with_rows)
    assert "NGƯỜI HƯỚNG DẪN" in reading_order_of(path, pages)
    text = reading_order_of(path)
    assert all(f"Giấy tờ thứ {i} cần bổ sung" in text for i in range(1, 61))
    assert overflowing(path) == []


def test_refusal_gives_its_reasons(tmp_path: Path) -> None:
    path = save(render_refusal(refusal()), tmp_path)
    text = reading_order_of(path)
    for expected in (
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Số: 03/PTC",
        "Tân Lập, ngày 04 tháng 11 năm 2025",
        "Tiếp nhận hồ sơ của: Trần Quốc Việt",
        "Nội dung yêu cầu giải quyết: Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Qua xem xét, Bộ phận Một cửa xã Tân Lập thông báo không tiếp nhận, giải quyết hồ sơ "
        "này với lý do cụ thể như sau:",
        "- Công trình thuộc khu vực đã có quy hoạch chi tiết được duyệt",
        "- Đề nghị Ông/Bà liên hệ Sở Xây dựng tỉnh Phú Thọ.",
        "Xin thông báo cho Ông/Bà được biết và thực hiện.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Hoàng Văn Đức",
    ):
        assert expected in text, expected
    assert overlapping(path) == [] and overflowing(path) == []


def test_refusal_needs_a_reason() -> None:
    with pytest.raises(ValueError):
        render_refusal(dataclasses.replace(refusal(), reasons=(" ",)))


def test_apology_gives_old_and_new_appointment(tmp_path: Path) -> None:
    form = apology()
    form = dataclasses.replace(form, applicant_name=nfd(form.applicant_name))
    path = save(render_apology(form), tmp_path)
    assert page_count(path) == 1
    text = reading_order_of(path)
    for expected in (
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "Số: 05/PXL",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN LẬP",
        "Tân Lập, ngày 04 tháng 11 năm 2025",
        "Kính gửi: Ông/Bà Nguyễn Thị Ỷ Lan",
        "Ngày 03/11/2025, Trung tâm Phục vụ hành chính công xã Tân Lập tiếp nhận hồ sơ thuộc "
        "lĩnh vực Hộ tịch của Ông/Bà Nguyễn Thị Ỷ Lan.",
        "Mã hồ sơ: 000.00.06.H56-251103-0361",
        "Ngày hẹn trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 05 tháng 11 năm 2025",
        "Lý do: Cần xác minh thông tin cư trú",
        "rất mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này.",
        "Thời gian hẹn trả kết quả lại: 16 giờ 00 phút, ngày 07 tháng 11 năm 2025",
        "Trân trọng./.",
        "Nơi nhận: - Như trên; - UBND xã Tân Lập (để b/c); - Lưu: VT.",
        "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC",
        "Phạm Thị Hương",
    ):
        assert expected in text, expected
    assert overlapping(path) == [] and overflowing(path) == []


def test_apology_must_move_the_date_later() -> None:
    form = apology()
    with pytest.raises(ValueError):
        render_apology(dataclasses.replace(form, new_due=form.old_due))
