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

_PHONE = re.compile(r"^(\+84|0)\d{8,10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")


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
    return ("+" if phone.startswith("+") else "") + re.sub(r"\D", "", phone)


def clean_applicant(applicant: ApplicantInput) -> ApplicantInput:
    """The applicant with every text normalised (NFC, spaces) and codes stripped of spaces."""
    gender = (canonical_gender(applicant.gender) or "") if applicant.gender else ""
    return replace(
        applicant,
        full_name=normalize(applicant.full_name),
        id_number=re.sub(r"\s", "", applicant.id_number),
        old_id_number=re.sub(r"\s", "", applicant.old_id_number),
        gender=gender,
        address=normalize(applicant.address),
        phone=clean_phone(applicant.phone),
        email=normalize(applicant.email).lower(),
        tax_code=re.sub(r"\s", "", applicant.tax_code),
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
    elif len(a.full_name) > 200:
        problems.append("Tên quá dài (tối đa 200 ký tự).")
    if applicant.gender and not a.gender:
        problems.append("Giới tính phải là Nam hoặc Nữ.")
    if a.birth_date is not None and not date(1900, 1, 1) <= a.birth_date <= today:
        problems.append("Ngày sinh không hợp lệ (sau ngày hôm nay hoặc trước năm 1900).")
    if a.kind == CITIZEN and a.id_number:
        problems += id_number_problems(a.id_number, a.birth_date, a.gender or None)
    if a.kind == ORGANISATION:
        if not a.tax_code:
            problems.append("Cần nhập mã số thuế / mã số doanh nghiệp của tổ chức.")
        elif not _TAX_CODE.match(a.tax_code):
            problems.append("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số của chi nhánh.")
        if not a.representative:
            problems.append("Cần nhập người đại diện của tổ chức.")
    if a.phone and not _PHONE.match(a.phone):
        problems.append("Số điện thoại không hợp lệ (ví dụ: 0912345678).")
    if a.email and not _EMAIL.match(a.email):
        problems.append("Địa chỉ email không hợp lệ.")
    if len(a.address) > 300:
        problems.append("Địa chỉ quá dài (tối đa 300 ký tự).")
    return problems


def intake_problems(intake: IntakeInput, today: date) -> list[str]:
    """Faults common to every intake decision (applicant, delivery, counts)."""
    problems = applicant_problems(intake.applicant, today)
    if not 1 <= intake.sets_count <= 99:
        problems.append("Số lượng hồ sơ phải từ 1 đến 99 bộ.")
    if intake.delivery == BY_POST and not normalize(intake.postal_address):
        problems.append("Nhận kết quả qua bưu chính: cần nhập địa chỉ nhận.")
    if intake.fee_amount < 0:
        problems.append("Lệ phí không được âm.")
    if intake.channel not in (CHANNEL_COUNTER, CHANNEL_ONLINE, CHANNEL_POST):
        problems.append("Kênh nộp hồ sơ không hợp lệ.")
    return problems
