"""Electronic identifier codes of agencies (mã định danh điện tử, QĐ 20/2020/QĐ-TTg)."""

from __future__ import annotations

import string

MAX_LENGTH = 35
MIN_GROUPS = 2
MAX_GROUPS = 6
MAX_GROUP_LENGTH = 5

_ALLOWED = frozenset(string.ascii_uppercase + string.digits + ".")


def normalize_agency_code(s: str) -> str:
    """Return the code as it should be stored: stripped and upper case."""
    return s.strip().upper()


def agency_code_problems(code: str) -> list[str]:
    """List what is wrong with an agency code such as "000.00.06.H56"; empty when valid."""
    if not code:
        return ["Chưa nhập mã định danh cơ quan."]
    problems: list[str] = []
    if len(code) > MAX_LENGTH:
        problems.append(
            f"Mã định danh cơ quan dài {len(code)} ký tự, vượt quá {MAX_LENGTH} ký tự cho phép."
        )
    if any(ch.isspace() for ch in code):
        problems.append("Mã định danh cơ quan không được chứa khoảng trắng.")
    if any(ch in string.ascii_lowercase for ch in code):
        problems.append("Mã định danh cơ quan phải viết chữ in hoa.")
    bad = sorted(
        {ch for ch in code if ch not in _ALLOWED}
        - set(string.ascii_lowercase)
        - set(string.whitespace)
    )
    if bad:
        shown = " ".join(f"“{ch}”" for ch in bad)
        problems.append(
            f"Mã định danh cơ quan có ký tự không hợp lệ: {shown} "
            f"(chỉ dùng chữ cái A–Z không dấu, chữ số và dấu chấm)."
        )
    groups = code.split(".")
    if not MIN_GROUPS <= len(groups) <= MAX_GROUPS:
        problems.append(
            f"Mã định danh cơ quan phải gồm từ {MIN_GROUPS} đến {MAX_GROUPS} nhóm ngăn cách bởi "
            f"dấu chấm, mã đã nhập có {len(groups)} nhóm."
        )
    if any(not group for group in groups):
        problems.append("Mã định danh cơ quan có nhóm trống (dấu chấm ở đầu, cuối hoặc liền nhau).")
    if any(len(group) > MAX_GROUP_LENGTH for group in groups):
        problems.append(f"Mỗi nhóm của mã định danh cơ quan có tối đa {MAX_GROUP_LENGTH} ký tự.")
    return problems


def is_valid_agency_code(code: str) -> bool:
    """Tell whether the code has no problem."""
    return not agency_code_problems(code)
