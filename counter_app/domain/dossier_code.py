"""Dossier codes (mã hồ sơ): ``<agency code>-<YYMMDD>-<NNNN>``."""

from __future__ import annotations

import re
from datetime import date

from counter_app.domain.agency_code import agency_code_problems

MIN_SEQ_DIGITS = 4

_DAY = re.compile(r"[0-9]{6}")
# At least four digits, and no zero padding beyond four, so that a parsed code prints back equal.
_SEQ = re.compile(r"[0-9]{4}|[1-9][0-9]{4,}")


def make_code(agency_code: str, day: date, seq: int) -> str:
    """Build the dossier code of the seq-th dossier an agency received on a day."""
    problems = agency_code_problems(agency_code)
    if problems:
        raise ValueError(" ".join(problems))
    if not 2000 <= day.year <= 2099:
        raise ValueError(f"Năm {day.year} nằm ngoài khoảng 2000–2099 mà mã hồ sơ biểu diễn được.")
    if seq < 1:
        raise ValueError(f"Số thứ tự hồ sơ trong ngày phải từ 1 trở lên, nhận được {seq}.")
    return f"{agency_code}-{day:%y%m%d}-{seq:0{MIN_SEQ_DIGITS}d}"


def parse_code(code: str) -> tuple[str, date, int]:
    """Split a dossier code into agency code, day and sequence; raise ValueError if malformed."""
    text = code.strip()
    parts = text.rsplit("-", 2)
    if len(parts) != 3:
        raise ValueError(f"Mã hồ sơ “{text}” không đúng dạng <mã cơ quan>-<YYMMDD>-<số thứ tự>.")
    agency, day_text, seq_text = parts
    problems = agency_code_problems(agency)
    if problems:
        raise ValueError(f"Mã hồ sơ “{text}” có mã cơ quan không hợp lệ: " + " ".join(problems))
    if _DAY.fullmatch(day_text) is None:
        raise ValueError(f"Mã hồ sơ “{text}”: phần ngày “{day_text}” phải gồm 6 chữ số YYMMDD.")
    try:
        day = date(2000 + int(day_text[:2]), int(day_text[2:4]), int(day_text[4:]))
    except ValueError:
        raise ValueError(
            f"Mã hồ sơ “{text}”: phần ngày “{day_text}” không phải là một ngày có thật."
        ) from None
    if _SEQ.fullmatch(seq_text) is None or int(seq_text) < 1:
        raise ValueError(
            f"Mã hồ sơ “{text}”: số thứ tự “{seq_text}” phải là số từ 1 trở lên, viết bằng "
            f"{MIN_SEQ_DIGITS} chữ số (nhiều hơn khi vượt 9999, không thêm số 0 ở đầu)."
        )
    return agency, day, int(seq_text)
