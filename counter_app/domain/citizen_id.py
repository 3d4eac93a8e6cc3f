"""Vietnamese personal identification numbers and the QR code printed on chip ID cards."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.text import fold, normalize

# Birth-registration province codes of the 63 provinces before the July 2025 merger (the codes
# stay in every number already issued).
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

MALE = "Nam"
FEMALE = "Nữ"

_DIGITS = re.compile(r"[0-9]+")
_GENDERS = {"nam": MALE, "nu": FEMALE}


class InvalidCardQR(ValueError):
    """The text read from an ID card QR code is not in the expected format."""


@dataclass(frozen=True, slots=True)
class CardQR:
    """The fields encoded in the QR code of a chip ID card."""

    id_number: str
    old_id_number: str | None
    full_name: str
    birth_date: date
    gender: str
    address: str
    issue_date: date | None


@dataclass(frozen=True, slots=True)
class IdNumberInfo:
    """What the first six digits of a 12-digit personal number say."""

    province_code: str
    province_name: str | None
    gender: str
    century: int  # counted the Vietnamese way: 20 for births 1900–1999, 21 for 2000–2099
    birth_year: int


def canonical_gender(text: str) -> str | None:
    """Return "Nam" or "Nữ" for any spelling of them (case, accents), else None."""
    return _GENDERS.get(fold(text))


def _is_digits(text: str, *lengths: int) -> bool:
    return _DIGITS.fullmatch(text) is not None and len(text) in lengths


def _parse_date(text: str, what: str) -> date:
    if not _is_digits(text, 8):
        raise InvalidCardQR(f"{what} “{text}” không hợp lệ: cần 8 chữ số dạng ngày tháng năm.")
    try:
        return date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        raise InvalidCardQR(f"{what} “{text}” không phải là một ngày có thật.") from None


def parse_card_qr(text: str) -> CardQR:
    """Parse the QR text of a chip ID card; raise InvalidCardQR when it is malformed."""
    fields = [normalize(field) for field in normalize(text).split("|")]
    if len(fields) < 6:
        raise InvalidCardQR(
            f"Mã QR trên thẻ căn cước không hợp lệ: cần ít nhất 6 trường ngăn cách bởi dấu “|”, "
            f"đọc được {len(fields)}."
        )
    id_number, old_id, full_name, birth_text, gender_text, address = fields[:6]
    if not _is_digits(id_number, 12):
        raise InvalidCardQR(f"Số định danh cá nhân “{id_number}” không hợp lệ: cần đúng 12 chữ số.")
    # Old 9-digit CMND numbers are expected; people who held an earlier 12-digit card may show it.
    if old_id and not _is_digits(old_id, 9, 12):
        raise InvalidCardQR(f"Số CMND cũ “{old_id}” không hợp lệ: cần 9 hoặc 12 chữ số.")
    if not full_name:
        raise InvalidCardQR("Mã QR trên thẻ căn cước không có họ và tên.")
    birth_date = _parse_date(birth_text, "Ngày sinh")
    gender = canonical_gender(gender_text)
    if gender is None:
        raise InvalidCardQR(f"Giới tính “{gender_text}” không hợp lệ: cần “Nam” hoặc “Nữ”.")
    issue_text = fields[6] if len(fields) > 6 else ""
    issue_date = _parse_date(issue_text, "Ngày cấp") if issue_text else None
    if issue_date is not None and issue_date < birth_date:
        raise InvalidCardQR("Ngày cấp thẻ trên mã QR sớm hơn ngày sinh.")
    return CardQR(
        id_number=id_number,
        old_id_number=old_id or None,
        full_name=full_name,
        birth_date=birth_date,
        gender=gender,
        address=address,
        issue_date=issue_date,
    )


def describe_id_number(number: str) -> IdNumberInfo | None:
    """Decode province, gender and birth year of a 12-digit number; None if it cannot be read."""
    number = number.strip()
    if not _is_digits(number, 12):
        return None
    code = int(number[3])
    century = 1900 + (code // 2) * 100
    return IdNumberInfo(
        province_code=number[:3],
        province_name=PROVINCE_CODES.get(number[:3]),
        gender=MALE if code % 2 == 0 else FEMALE,
        century=century // 100 + 1,
        birth_year=century + int(number[4:6]),
    )


def id_number_problems(
    number: str, birth_date: date | None = None, gender: str | None = None
) -> list[str]:
    """List what is wrong with a 12-digit personal number or 9-digit CMND; empty when consistent."""
    number = number.strip()
    if not number:
        return ["Chưa nhập số giấy tờ tùy thân."]
    if _DIGITS.fullmatch(number) is None:
        return [f"Số giấy tờ “{number}” chỉ được gồm các chữ số."]
    if len(number) == 9:
        return []  # a legacy CMND encodes neither birth year nor gender
    if len(number) != 12:
        return [
            f"Số định danh cá nhân phải có 12 chữ số (CMND cũ: 9 chữ số), "
            f"số đã nhập có {len(number)} chữ số."
        ]
    info = describe_id_number(number)
    assert info is not None
    problems: list[str] = []
    if info.province_name is None:
        problems.append(
            f"Ba chữ số đầu “{info.province_code}” không phải mã tỉnh, thành phố nơi đăng ký "
            f"khai sinh."
        )
    if birth_date is not None and birth_date.year != info.birth_year:
        problems.append(
            f"Chữ số thứ 4 đến thứ 6 của số định danh ứng với năm sinh {info.birth_year}, "
            f"không khớp với năm sinh {birth_date.year}."
        )
    if gender is not None:
        given = canonical_gender(gender)
        if given is None:
            problems.append(f"Giới tính “{gender}” không rõ: cần “Nam” hoặc “Nữ”.")
        elif given != info.gender:
            problems.append(
                f"Chữ số thứ 4 của số định danh ứng với giới tính {info.gender}, "
                f"không khớp với giới tính {given}."
            )
    return problems
