"""Sample data for every form, and `python -m printers.forms.samples OUTDIR` to print them all."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from printers.forms.data import (
    ApologyForm,
    BookEntry,
    ControlSheetForm,
    FeeLine,
    FeeReceiptForm,
    HandOff,
    OfficeHeader,
    Outcome,
    PaperLine,
    ReceiptForm,
    RefusalForm,
    SupplementForm,
    TrackingBookForm,
)

OFFICE = OfficeHeader(
    superior="UBND xã Tân Lập",
    office_name="Bộ phận Một cửa xã Tân Lập",
    place_name="Tân Lập",
    address="Thôn Trung Tâm, xã Tân Lập, tỉnh Phú Thọ",
    phone="0210 3851 234",
    website="https://dichvucong.phutho.gov.vn",
)
CODE = "000.00.06.H56-251103-0361"
RECEIVED = datetime(2025, 11, 3, 9, 15)
DUE = datetime(2025, 11, 5, 16, 0)
APPLICANT = "Nguyễn Thị Ỷ Lan"
ADDRESS = "Xóm Đồng Mười, thôn Phượng Hoàng, xã Tân Lập, tỉnh Phú Thọ"
PROCEDURE = (
    "Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"
)
PAPERS = (
    PaperLine("Tờ khai đăng ký khai sinh (theo mẫu)", originals=1),
    PaperLine("Giấy chứng sinh do cơ sở y tế cấp", originals=1),
    PaperLine("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", originals=1),
    PaperLine(
        "Văn bản ủy quyền có chứng thực (trường hợp ủy quyền thực hiện thủ tục đăng ký khai "
        "sinh cho người khác; người được ủy quyền là ông, bà, anh chị em ruột thì không cần "
        "chứng thực)",
        copies=1,
    ),
    PaperLine("Tờ khai tham gia bảo hiểm y tế (Mẫu TK1-TS)", originals=1),
)


def receipt() -> ReceiptForm:
    """A Mẫu 01 for a combined birth registration with a fee and a submitter."""
    return ReceiptForm(
        header=OFFICE,
        dossier_code=CODE,
        applicant_name=APPLICANT,
        submitter_name="Đỗ Hữu Ễ",
        address=ADDRESS,
        phone="0912 345 678",
        email="ylan.nguyen@example.vn",
        id_number="025190001234",
        procedure_name=PROCEDURE,
        papers=PAPERS,
        sets_count=1,
        processing_time="02 ngày làm việc",
        received_at=RECEIVED,
        due_at=DUE,
        delivery="Bộ phận Một cửa xã Tân Lập",
        fees=(FeeLine("Lệ phí đăng ký khai sinh", 8000),),
        book_volume=2025,
        book_entry=361,
        receiver_name="Hoàng Văn Đức",
    )


def short_receipt() -> ReceiptForm:
    """A typical Mẫu 01: three papers, no fee, applicant submits in person."""
    return ReceiptForm(
        header=OFFICE,
        dossier_code="000.00.06.H56-251103-0362",
        applicant_name="Lê Văn Lực",
        address="Thôn Đồng Xuân, xã Tân Lập, tỉnh Phú Thọ",
        phone="0987 654 321",
        procedure_name="Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        papers=(
            PaperLine("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", originals=1),
            PaperLine("Bản sao cần chứng thực", copies=3),
        ),
        processing_time="Trong ngày làm việc",
        received_at=datetime(2025, 11, 3, 9, 40),
        due_at=datetime(2025, 11, 3, 15, 0),
        delivery="Bộ phận Một cửa xã Tân Lập",
        fees=(FeeLine("Phí chứng thực bản sao (3 trang)", 6000),),
        book_volume=2025,
        book_entry=362,
        receiver_name="Hoàng Văn Đức",
    )


def supplement() -> SupplementForm:
    """A Mẫu 02 asking for one missing and one faulty paper."""
    return SupplementForm(
        header=OFFICE,
        reference="12/PBS",
        issued_at=datetime(2025, 11, 3, 10, 5),
        applicant_name=APPLICANT,
        address=ADDRESS,
        phone="0912 345 678",
        procedure_name=PROCEDURE,
        papers=(
            PAPERS[0],
            PaperLine(
                "Giấy chứng sinh do cơ sở y tế cấp",
                originals=1,
                ok=False,
                problem="chưa nộp; nộp bản chính hoặc văn bản của người làm chứng",
            ),
            PaperLine(
                "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
                originals=1,
                ok=False,
                problem="ghi thiếu ý kiến của chủ hộ; kê khai lại theo mẫu",
            ),
        ),
        reasons=("Hồ sơ chưa đủ thành phần theo quy định của thủ tục.",),
        guide_name="Hoàng Văn Đức",
    )


def refusal() -> RefusalForm:
    """A Mẫu 03 refusing a dossier outside the commune's competence."""
    return RefusalForm(
        header=OFFICE,
        reference="03/PTC",
        issued_at=datetime(2025, 11, 4, 14, 20),
        applicant_name="Trần Quốc Việt",
        address="Tổ 5, phường Nông Trang, tỉnh Phú Thọ",
        phone="0903 111 222",
        procedure_name="Cấp giấy phép xây dựng nhà ở riêng lẻ",
        reasons=(
            "Công trình thuộc khu vực đã có quy hoạch chi tiết được duyệt, không thuộc thẩm "
            "quyền cấp phép của Ủy ban nhân dân xã.",
            "Đề nghị Ông/Bà liên hệ Sở Xây dựng tỉnh Phú Thọ.",
        ),
        receiver_name="Hoàng Văn Đức",
    )


def apology() -> ApologyForm:
    """An apology letter moving the appointment by two working days."""
    return ApologyForm(
        header=OfficeHeader(
            superior="UBND xã Tân Lập",
            office_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
            place_name="Tân Lập",
            phone="0210 3851 234",
        ),
        reference="05/PXL",
        issued_on=date(2025, 11, 4),
        applicant_name=APPLICANT,
        address=ADDRESS,
        phone="0912 345 678",
        dossier_code=CODE,
        field_name="Hộ tịch",
        received_on=RECEIVED.date(),
        old_due=DUE,
        new_due=datetime(2025, 11, 7, 16, 0),
        reason="Cần xác minh thông tin cư trú của người mẹ tại địa phương nơi cư trú trước đây.",
        signer_titles=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
        signer_name="Phạm Thị Hương",
        also_to=("UBND xã Tân Lập (để b/c)",),
    )


def control_sheet() -> ControlSheetForm:
    """A Mẫu 06 with four hand-overs, the last one late."""
    counter, civil, head = "Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", "Lãnh đạo UBND xã"
    clerk, officer, chief = "Hoàng Văn Đức", "Nguyễn Thị Mai", "Bùi Quang Huy"
    steps = (
        (counter, civil, (3, 10, 0), clerk, officer, Outcome.EARLY, "Chuyển hồ sơ", ""),
        (civil, head, (4, 15, 30), officer, chief, Outcome.ON_TIME, "Thẩm định, trình ký", ""),
        (head, civil, (5, 9, 0), chief, officer, Outcome.ON_TIME, "Ký duyệt", ""),
        (civil, counter, (5, 16, 45), officer, clerk, Outcome.LATE, "Trả kết quả",
         "Chậm 45 phút do chờ cấp thẻ bảo hiểm y tế"),
    )  # fmt: skip
    return ControlSheetForm(
        header=OFFICE,
        dossier_code=CODE,
        applicant_name=APPLICANT,
        procedure_name=PROCEDURE,
        received_at=RECEIVED,
        due_at=DUE,
        handling_unit="Ủy ban nhân dân xã Tân Lập",
        cooperating_units="Công an xã Tân Lập; Bảo hiểm xã hội khu vực",
        hand_offs=tuple(
            HandOff(giver, taker, datetime(2025, 11, *when), g_name, t_name, outcome, step, note)
            for giver, taker, when, g_name, t_name, outcome, step, note in steps
        ),
    )


def tracking_book(rows: int = 40) -> TrackingBookForm:
    """A Sổ theo dõi hồ sơ with rows entries spread over November 2025."""
    names = ("Nguyễn Thị Ỷ Lan", "Lê Văn Lực", "Đỗ Hữu Ễ", "Trần Quốc Việt", "Vũ Thị Ánh")
    procedures = (
        PROCEDURE,
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "Đăng ký kết hôn",
        "Cấp bản sao trích lục hộ tịch",
    )
    entries = []
    for i in range(rows):
        day, slot = divmod(i, 8)
        received = datetime(2025, 11, 3 + day % 25, 7, 30) + timedelta(minutes=50 * slot)
        entries.append(
            BookEntry(
                entry_no=301 + i,
                dossier_code=f"000.00.06.H56-{received:%y%m%d}-{i + 1:04d}",
                procedure_name=procedures[i % len(procedures)],
                sets_count=1 + i % 2,
                applicant_name=names[i % len(names)],
                address=ADDRESS if i % 3 == 0 else "Thôn Đồng Xuân, xã Tân Lập",
                phone=f"09{i:08d}",
                handling_unit="UBND xã Tân Lập",
                received_at=received,
                due_at=received + timedelta(days=2),
                returned_at=received + timedelta(days=2, hours=1) if i % 4 else None,
                delivery_method="Bưu chính" if i % 5 == 0 else "Trực tiếp",
                note="Quá hạn" if i % 7 == 0 else "",
            )
        )
    return TrackingBookForm(
        header=OFFICE,
        volume=2025,
        period_start=date(2025, 11, 1),
        period_end=date(2025, 11, 30),
        entries=tuple(entries),
        printed_on=date(2025, 12, 1),
    )


def fee_receipt() -> FeeReceiptForm:
    """A receipt for two fees paid in cash."""
    return FeeReceiptForm(
        header=OFFICE,
        number=15,
        series="TL-25P",
        issued_at=datetime(2025, 11, 3, 9, 20),
        payer_name=APPLICANT,
        payer_address=ADDRESS,
        dossier_code=CODE,
        fees=(
            FeeLine("Lệ phí đăng ký khai sinh", 8000),
            FeeLine("Phí cấp bản sao trích lục hộ tịch (2 bản)", 16000),
        ),
        method="Tiền mặt",
        collector_name="Hoàng Văn Đức",
    )


def write_all(outdir: Path) -> list[Path]:
    """Write one PDF of every form into outdir; return their paths."""
    from printers import forms

    outdir.mkdir(parents=True, exist_ok=True)
    made = {
        "mau01_receipt_a5.pdf": forms.render_receipt(receipt()),
        "mau01_receipt_short_a5.pdf": forms.render_receipt(short_receipt()),
        "mau01_receipt_a4.pdf": forms.render_receipt(receipt(), paper="A4"),
        "mau02_supplement.pdf": forms.render_supplement(supplement()),
        "mau03_refusal.pdf": forms.render_refusal(refusal()),
        "mau04_apology.pdf": forms.render_apology(apology()),
        "mau06_control_sheet.pdf": forms.render_control_sheet(control_sheet()),
        "mau07_tracking_book.pdf": forms.render_tracking_book(tracking_book()),
        "fee_receipt_a5.pdf": forms.render_fee_receipt(fee_receipt()),
    }
    paths = []
    for name, data in made.items():
        path = outdir / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command line: write the samples into the folder given."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m printers.forms.samples OUTDIR", file=sys.stderr)
        return 2
    for path in write_all(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
