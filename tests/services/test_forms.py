"""Every form of a dossier rendered from what was saved, and read back as text."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from datetime import date, timedelta

import pytest
from dossier_fixtures import citizen, complete_intake, make_counter
from pypdf import PdfReader

from counter_app.domain.intake import BY_POST, PaperCheck
from counter_app.services.dossier_lifecycle import ReturnInput
from counter_app.services.errors import ValidationError
from counter_app.services.forms import FormKind, FormService
from counter_app.services.office import OfficeService


def pdf_text(data: bytes, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    out = subprocess.run(args, input=data, capture_output=True, check=True).stdout.decode()
    return unicodedata.normalize("NFC", " ".join(out.split()))


def pdf_text_page(data: bytes, index: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", str(index + 1), "-l", str(index + 1), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return unicodedata.normalize("NFC", " ".join(out.split()))


@pytest.fixture
def counter(migrated_db):
    return make_counter(migrated_db)


@pytest.fixture
def forms(counter):
    return FormService(
        counter.db, OfficeService(counter.db, counter.clock), counter.queries, "A5", counter.clock
    )


def test_receipt_has_code_name_due_time_papers_and_two_copies(counter, forms):
    name = unicodedata.normalize("NFD", "Đỗ Thị Ngọc Ánh")
    detail = counter.intake.accept(
        counter.clerk,
        complete_intake(
            counter,
            applicant=citizen(full_name=name, gender="Nữ", id_number="001190012345"),
            fee_amount=8000,
        ),
    )
    assert forms.forms_for(detail) == [
        FormKind.RECEIPT,
        FormKind.FEE_RECEIPT,
        FormKind.CONTROL_SHEET,
    ]
    data = forms.render(detail.id, FormKind.RECEIPT)
    pages = [pdf_text_page(data, n) for n in range(len(PdfReader(io.BytesIO(data)).pages))]
    assert len(pages) % 2 == 0  # two copies of equal length (a long paper list takes 2 pages)
    half = len(pages) // 2
    assert "Liên 1" in pages[0] and "Liên 2" in pages[half]
    assert "1 ngày làm việc" in pages[0]
    text = pdf_text(data)
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert detail.code in text
    assert "Đỗ Thị Ngọc Ánh" in text
    due = detail.row.due_at
    assert f"{due:%H} giờ {due:%M} phút, ngày {due:%d} tháng {due:%m} năm {due:%Y}" in text
    assert "Liên 1" in text and "Liên 2" in text
    assert "Lê Thị Hồng" in text
    first_paper = counter.catalog.get("1.001193").papers[0].name
    assert " ".join(first_paper.split()[:6]) in text


def test_fee_receipt_shows_amount_in_words(counter, forms):
    detail = counter.intake.accept(counter.clerk, complete_intake(counter, fee_amount=8000))
    text = pdf_text(forms.render(detail.id, FormKind.FEE_RECEIPT))
    assert "Tám nghìn đồng" in text and "8.000" in text


def test_supplement_and_refusal_forms(counter, forms):
    papers = (PaperCheck(1, False, "Chưa có tờ khai đăng ký khai sinh"),)
    pending = counter.intake.request_supplement(
        counter.clerk, complete_intake(counter, papers=papers)
    )
    assert forms.forms_for(pending) == [FormKind.SUPPLEMENT]
    text = pdf_text(forms.render(pending.id, FormKind.SUPPLEMENT))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "Chưa có tờ khai đăng ký khai sinh" in pdf_text(
        forms.render(pending.id, FormKind.SUPPLEMENT), layout=False
    )
    assert "Nguyễn Văn An" in text
    assert "Biên bản về việc trẻ bị bỏ rơi" not in text  # optional papers are not "missing"
    refused = counter.intake.refuse(
        counter.clerk, complete_intake(counter, reasons="Không thuộc thẩm quyền giải quyết")
    )
    text = pdf_text(forms.render(refused.id, FormKind.REFUSAL))
    assert "TỪ CHỐI TIẾP NHẬN" in text and "Không thuộc thẩm quyền giải quyết" in text
    with pytest.raises(ValidationError):
        forms.render(refused.id, FormKind.RECEIPT)


def test_apology_and_control_sheet_follow_the_history(counter, forms):
    detail = counter.intake.accept(
        counter.clerk,
        complete_intake(counter, delivery=BY_POST, postal_address="Bưu điện xã Phong Thổ"),
    )
    counter.lifecycle.transfer(counter.clerk, detail.id, "UBND Phường Ba Đình")
    new_due = detail.row.due_at + timedelta(days=3)
    while not counter.calendar.is_working_day(new_due.date()):
        new_due += timedelta(days=1)
    counter.lifecycle.apologise(counter.clerk, detail.id, new_due, "Chờ xác minh thông tin")
    counter.lifecycle.record_result(counter.clerk, detail.id)
    done = counter.lifecycle.return_result(
        counter.clerk, detail.id, ReturnInput(by_post=True, tracking_number="EV1VN")
    )
    assert FormKind.APOLOGY in forms.forms_for(done)
    apology = pdf_text(forms.render(done.id, FormKind.APOLOGY))
    assert "XIN LỖI" in apology and "Chờ xác minh thông tin" in apology
    sheet = pdf_text(forms.render(done.id, FormKind.CONTROL_SHEET))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in sheet
    assert done.code in sheet and "UBND Phường Ba Đình" in sheet
    assert "Trước hạn" in sheet or "Đúng hạn" in sheet
    receipt = pdf_text(forms.render(done.id, FormKind.RECEIPT))
    assert "Bưu điện xã Phong Thổ" in receipt


def test_tracking_book_and_control_sheets_for_a_period(counter, forms):
    first = counter.intake.accept(counter.clerk, complete_intake(counter))
    counter.clock.advance(days=1)
    second = counter.intake.accept(counter.clerk, complete_intake(counter, code="2.000815"))
    book = pdf_text(forms.tracking_book(date(2026, 11, 1), date(2026, 11, 30)), layout=False)
    assert "SỔ THEO DÕI HỒ SƠ" in book
    squeezed = book.replace(" ", "")  # narrow columns wrap the codes
    assert first.code in squeezed and second.code in squeezed
    sheets = forms.control_sheets(date(2026, 11, 16), date(2026, 11, 16))
    sheet_text = pdf_text(sheets, layout=False).replace(" ", "")
    assert first.code in sheet_text and second.code not in sheet_text
    with pytest.raises(ValidationError):
        forms.tracking_book(date(2026, 12, 1), date(2026, 11, 1))
