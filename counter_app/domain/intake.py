"""What the clerk fills in at intake, and the checks it must pass before anything is saved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from counter_app.domain.citizen_id import canonical_gender, id_number_problems
from counter_app.domain.text import normalize

CITIZEN = 1
ORGANISATION = 2

AT_COUNTER = 0
BY_POST = 1

CHANNEL_COUNTER = 1
CHANNEL_ONLINE = 2
CHANNEL_POST = 3

# ASCII digits only: \d also matches other scripts' digits ("٣", "０"), which int() or a
# provincial system may read differently.
_PHONE = re.compile(r"(\+84|0)[0-9]{8,10}")
_PHONE_TYPED = re.compile(r"\+?[0-9 .()-]*")  # what a typed number may hold besides digits
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TAX_CODE = re.compile(r"[0-9]{10}(-[0-9]{3})?")
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}")

# Column sizes of db.models.dossier, checked here so SQLite refuses what PostgreSQL would.
MAX_NAME, MAX_ADDRESS, MAX_EMAIL, MAX_SUMMARY, MAX_FEE_METHOD = 200, 300, 120, 500, 30
MAX_FEE = 2_000_000_000  # an SQL INTEGER


@dataclass(frozen=True)
class ApplicantInput:
    """The applicant as typed or scanned: a citizen, or a business/organisation."""

    full_name: str
    kind: int = CITIZEN
    id_number: str = ""
    old_id_number: str = ""
    birth_date: date | None = None
    gender: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    tax_code: str = ""
    representative: str = ""


@dataclass(frozen=True)
class PaperCheck:
    """One paper of the checklist: ticked as received, or what is missing or wrong with it."""

    position: int  # 1-based, in the order of the procedure's papers
    received: bool
    problem: str = ""


@dataclass(frozen=True)
class AttachmentFile:
    """A digitised file chosen at intake, stored with the dossier when it is saved."""

    path: Path
    paper_position: int | None = None  # the paper it digitises, when known


@dataclass(frozen=True)
class IntakeInput:
    """Everything the intake screen submits."""

    applicant: ApplicantInput
    procedure_code: str
    papers: tuple[PaperCheck, ...] = ()
    submitter_name: str = ""  # người nộp, when not the applicant
    sets_count: int = 1
    delivery: int = AT_COUNTER
    postal_address: str = ""
    summary: str = ""  # trích yếu
    channel: int = CHANNEL_COUNTER
    fee_amount: int = 0  # đồng, collected at intake
    fee_method: str = "Tiền mặt"
    reasons: str = ""  # Mẫu 02 / Mẫu 03: why
    attachments: tuple[AttachmentFile, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def clean_phone(phone: str) -> str:
    """Digits of a phone number with its leading + kept (spaces, dots, dashes dropped)."""
    phone = normalize(phone)
    return ("+" if phone.startswith("+") else "") + re.sub(r"[^0-9]", "", phone)


def _code(text: str) -> str:
    """A number or code as stored: normalised, with no space or invisible character left."""
    return "".join(normalize(text).split())


def clean_applicant(applicant: ApplicantInput) -> ApplicantInput:
    """The applicant with every text normalised (NFC, spaces) and codes stripped of spaces."""
    gender = (canonical_gender(applicant.gender) or "") if applicant.gender else ""
    return replace(
        applicant,
        full_name=normalize(applicant.full_name),
        id_number=_code(applicant.id_number),
        old_id_number=_code(applicant.old_id_number),
        gender=gender,
        address=normalize(applicant.address),
        phone=clean_phone(applicant.phone),
        email=normalize(applicant.email).lower(),
        tax_code=_code(applicant.tax_code),
        representative=normalize(applicant.representative),
    )


def applicant_problems(applicant: ApplicantInput, today: date) -> list[str]:
    """Every fault of the applicant's details, as messages to show beside the fields."""
    a = clean_applicant(applicant)
    problems: list[str] = []
    if a.kind not in (CITIZEN, ORGANISATION):
        problems.append("Loại người nộp không hợp lệ.")
    if not a.full_name:
        problems.append(
            "Cần nhập họ và tên người nộp." if a.kind == CITIZEN else "Cần nhập tên tổ chức."
        )
    elif len(a.full_name) > MAX_NAME:
        problems.append(f"Tên quá dài (tối đa {MAX_NAME} ký tự).")
    if applicant.gender and not a.gender:
        problems.append("Giới tính phải là Nam hoặc Nữ.")
    if a.birth_date is not None and not date(1900, 1, 1) <= a.birth_date <= today:
        problems.append("Ngày sinh không hợp lệ (sau ngày hôm nay hoặc trước năm 1900).")
    if a.id_number:  # an organisation's is its representative's
        citizen = a.kind == CITIZEN
        problems += id_number_problems(
            a.id_number, a.birth_date if citizen else None, (a.gender or None) if citizen else None
        )
    if a.old_id_number and not _OLD_ID.fullmatch(a.old_id_number):
        problems.append("Số CMND cũ phải gồm 9 chữ số (hoặc 12 chữ số).")
    if a.kind == ORGANISATION and not a.tax_code:
        problems.append("Cần nhập mã số thuế / mã số doanh nghiệp của tổ chức.")
    elif a.tax_code and not _TAX_CODE.fullmatch(a.tax_code):
        problems.append("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số của chi nhánh.")
    if a.kind == ORGANISATION and not a.representative:
        problems.append("Cần nhập người đại diện của tổ chức.")
    elif len(a.representative) > MAX_NAME:
        problems.append(f"Tên người đại diện quá dài (tối đa {MAX_NAME} ký tự).")
    typed_phone = normalize(applicant.phone)
    if a.phone and not (_PHONE.fullmatch(a.phone) and _PHONE_TYPED.fullmatch(typed_phone)):
        problems.append("Số điện thoại không hợp lệ (ví dụ: 0912345678).")
    elif typed_phone and not a.phone:
        problems.append("Số điện thoại chỉ được gồm các chữ số (ví dụ: 0912345678).")
    if len(a.email) > MAX_EMAIL:
        problems.append(f"Địa chỉ email quá dài (tối đa {MAX_EMAIL} ký tự).")
    elif a.email and not _EMAIL.fullmatch(a.email):
        problems.append("Địa chỉ email không hợp lệ.")
    if len(a.address) > MAX_ADDRESS:
        problems.append(f"Địa chỉ quá dài (tối đa {MAX_ADDRESS} ký tự).")
    return problems


def intake_problems(intake: IntakeInput, today: date) -> list[str]:
    """Faults common to every intake decision (applicant, delivery, counts)."""
    problems = applicant_problems(intake.applicant, today)
    if not 1 <= intake.sets_count <= 99:
        problems.append("Số lượng hồ sơ phải từ 1 đến 99 bộ.")
    if intake.delivery not in (AT_COUNTER, BY_POST):
        problems.append("Hình thức nhận kết quả không hợp lệ.")
    if intake.delivery == BY_POST and not normalize(intake.postal_address):
        problems.append("Nhận kết quả qua bưu chính: cần nhập địa chỉ nhận.")
    if len(normalize(intake.postal_address)) > MAX_ADDRESS:
        problems.append(f"Địa chỉ nhận kết quả quá dài (tối đa {MAX_ADDRESS} ký tự).")
    if len(normalize(intake.submitter_name)) > MAX_NAME:
        problems.append(f"Tên người nộp quá dài (tối đa {MAX_NAME} ký tự).")
    if len(normalize(intake.summary)) > MAX_SUMMARY:
        problems.append(f"Trích yếu quá dài (tối đa {MAX_SUMMARY} ký tự).")
    if intake.fee_amount < 0:
        problems.append("Lệ phí không được âm.")
    elif intake.fee_amount > MAX_FEE:
        problems.append(f"Lệ phí {intake.fee_amount} đồng lớn bất thường.")
    if len(normalize(intake.fee_method)) > MAX_FEE_METHOD:
        problems.append(f"Hình thức thu phí quá dài (tối đa {MAX_FEE_METHOD} ký tự).")
    if intake.channel not in (CHANNEL_COUNTER, CHANNEL_ONLINE, CHANNEL_POST):
        problems.append("Kênh nộp hồ sơ không hợp lệ.")
    return problems
