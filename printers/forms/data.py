"""What each printed form needs, as plain frozen dataclasses (the caller maps its records here).

Text is printed as given (NFC-normalised); the agency lines of the header are printed in capitals.
Money is a whole number of đồng. Times are naive local times (Asia/Ho_Chi_Minh).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

Paper = Literal["A4", "A5"]


class Outcome(StrEnum):
    """Result of one step against its deadline, as written in the control sheet."""

    EARLY = "Trước hạn"
    ON_TIME = "Đúng hạn"
    LATE = "Quá hạn"


@dataclass(frozen=True)
class OfficeHeader:
    """The issuing office: agency block (left of the header) and the place of the date line."""

    superior: str  # upper agency line, e.g. "UBND XÃ TÂN LẬP"
    office_name: str  # bold agency line and name in sentences, e.g. "Bộ phận Một cửa xã Tân Lập"
    place_name: str  # {Địa danh} of "Tân Lập, ngày 03 tháng 11 năm 2025"
    address: str = ""
    phone: str = ""
    website: str = ""  # where the procedures are published, for Mẫu 02's guidance sentence


@dataclass(frozen=True)
class PaperLine:
    """One paper of a dossier: how many originals and copies, and what is wrong with it."""

    name: str
    originals: int = 0  # số bản chính
    copies: int = 0  # số bản sao
    ok: bool = True  # received and in order; False: missing or to be corrected (Mẫu 02)
    problem: str = ""  # what to supply or correct, printed in Mẫu 02's reasons


@dataclass(frozen=True)
class FeeLine:
    """One fee or charge and its amount in đồng."""

    name: str
    amount: int


@dataclass(frozen=True)
class ReceiptForm:
    """Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    header: OfficeHeader
    dossier_code: str
    applicant_name: str  # "Tiếp nhận hồ sơ của"
    address: str
    procedure_name: str  # "Nội dung yêu cầu giải quyết"
    papers: tuple[PaperLine, ...]
    processing_time: str  # as the procedure states it, e.g. "03 ngày làm việc"
    received_at: datetime
    due_at: datetime
    delivery: str  # "Đăng ký nhận kết quả tại": the counter, or a postal address
    receiver_name: str  # the clerk who received the dossier
    book_volume: int  # Quyển số of the Sổ theo dõi hồ sơ (the year)
    book_entry: int  # Số thứ tự in that book
    submitter_name: str = ""  # "Người nộp", printed when not the applicant
    phone: str = ""
    email: str = ""
    id_number: str = ""  # căn cước or passport number
    sets_count: int = 1  # "Số lượng hồ sơ: 01 (bộ)"
    fees: tuple[FeeLine, ...] = ()
    copy_labels: tuple[str, ...] = ("Liên 1: Lưu", "Liên 2: Giao khách hàng")  # one page each

    @property
    def fees_total(self) -> int:
        """Sum of the fees in đồng."""
        return sum(fee.amount for fee in self.fees)


@dataclass(frozen=True)
class SupplementForm:
    """Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    header: OfficeHeader
    reference: str  # "Số: 12/PBS"
    issued_at: datetime
    applicant_name: str
    address: str
    procedure_name: str
    papers: tuple[PaperLine, ...]  # lines with ok=False or a problem are printed
    guide_name: str  # the clerk named in the guidance sentence, who signs
    reasons: tuple[str, ...] = ()  # reasons not tied to one paper
    phone: str = ""
    email: str = ""
    dossier_code: str = ""  # when the dossier already has one (supplement during processing)


@dataclass(frozen=True)
class RefusalForm:
    """Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    header: OfficeHeader
    issued_at: datetime
    applicant_name: str
    address: str
    procedure_name: str
    reasons: tuple[str, ...]
    receiver_name: str  # the clerk who refuses and signs
    reference: str = ""  # "Số: …" when the office numbers its refusals
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class ApologyForm:
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả (sent before a late dossier's deadline)."""

    header: OfficeHeader
    reference: str  # "Số: 05/PXL"
    issued_on: date
    applicant_name: str
    address: str
    dossier_code: str
    field_name: str  # lĩnh vực of the procedure, e.g. "Hộ tịch"
    received_on: date
    old_due: datetime
    new_due: datetime
    reason: str
    signer_titles: tuple[str, ...]  # e.g. ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    signer_name: str
    phone: str = ""
    also_to: tuple[str, ...] = ()  # "Nơi nhận" besides "Như trên" and "Lưu: VT"


@dataclass(frozen=True)
class HandOff:
    """One hand-over of the dossier between two units, a row pair of the control sheet."""

    giver_unit: str
    receiver_unit: str
    at: datetime
    giver_name: str = ""
    receiver_name: str = ""
    outcome: Outcome | None = None  # None while the step is under way
    step: str = ""  # what the step is, e.g. "Thẩm định hồ sơ"; printed in the note column
    note: str = ""


@dataclass(frozen=True)
class ControlSheetForm:
    """Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ."""

    header: OfficeHeader
    dossier_code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    handling_unit: str  # "Cơ quan (bộ phận) giải quyết hồ sơ"
    hand_offs: tuple[HandOff, ...]
    cooperating_units: str = ""  # "Cơ quan phối hợp giải quyết hồ sơ"


@dataclass(frozen=True)
class BookEntry:
    """One dossier in the tracking book."""

    entry_no: int  # Số thứ tự in the book (from 1 each year)
    dossier_code: str
    procedure_name: str
    sets_count: int
    applicant_name: str
    address: str
    phone: str
    handling_unit: str  # cơ quan chủ trì giải quyết
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None = None  # None until the result is handed over
    delivery_method: str = ""  # phương thức nhận kết quả, e.g. "Trực tiếp", "Bưu chính"
    note: str = ""


@dataclass(frozen=True)
class TrackingBookForm:
    """Mẫu 07: Sổ theo dõi hồ sơ for a period (one volume a year)."""

    header: OfficeHeader
    volume: int  # Quyển số (the year)
    period_start: date
    period_end: date
    entries: tuple[BookEntry, ...]
    printed_on: date


@dataclass(frozen=True)
class FeeReceiptForm:
    """Biên lai thu phí, lệ phí."""

    header: OfficeHeader
    number: int  # from 1 each year
    issued_at: datetime
    payer_name: str
    fees: tuple[FeeLine, ...]
    method: str  # hình thức thanh toán, e.g. "Tiền mặt", "Chuyển khoản"
    collector_name: str
    payer_address: str = ""
    dossier_code: str = ""
    series: str = ""  # ký hiệu of the receipt book, printed when given

    @property
    def total(self) -> int:
        """Sum of the fees in đồng."""
        return sum(fee.amount for fee in self.fees)
