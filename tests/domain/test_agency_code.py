"""Tests of agency identifier codes (QĐ 20/2020/QĐ-TTg)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.agency_code import (
    agency_code_problems,
    is_valid_agency_code,
    normalize_agency_code,
)

VALID_CODES = st.lists(st.from_regex(r"[A-Z0-9]{1,5}", fullmatch=True), min_size=2, max_size=6).map(
    ".".join
)


@pytest.mark.parametrize(
    "code",
    [
        "000.00.06.H56",
        "000.00.00.G12",
        "000.01.32.A01",
        "H56.1",
        "ABCDE.12345.ABCDE.12345.ABCDE.12345",  # 6 groups of 5: exactly 35 characters
    ],
)
def test_valid_codes(code: str) -> None:
    assert agency_code_problems(code) == []
    assert is_valid_agency_code(code)


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("", "Chưa nhập"),
        ("H56", "từ 2 đến 6 nhóm"),
        ("A.B.C.D.E.F.G", "7 nhóm"),
        ("000.00.06.h56", "in hoa"),
        ("000.00.06 .H56", "khoảng trắng"),
        (" 000.00.06.H56", "khoảng trắng"),
        ("000.00-06.H56", "“-”"),
        ("XÃ.01", "“Ã”"),
        ("000..06.H56", "nhóm trống"),
        (".00.06.H56", "nhóm trống"),
        ("000.00.06.H56.", "nhóm trống"),
        ("123456.1", "tối đa 5 ký tự"),
        ("ABCDE.12345.ABCDE.12345.ABCDE.123456", "36 ký tự"),
    ],
)
def test_invalid_codes(code: str, fragment: str) -> None:
    problems = agency_code_problems(code)
    assert problems
    assert any(fragment in p for p in problems), problems
    assert all(unicodedata.is_normalized("NFC", p) for p in problems)
    assert not is_valid_agency_code(code)


def test_normalize_agency_code() -> None:
    assert normalize_agency_code("  000.00.06.h56\n") == "000.00.06.H56"
    assert agency_code_problems(normalize_agency_code(" 000.00.06.h56 ")) == []


@given(VALID_CODES)
def test_generated_codes_within_the_shape_are_valid(code: str) -> None:
    assert len(code) <= 35
    assert agency_code_problems(code) == []


@given(VALID_CODES.filter(lambda c: any(ch.isalpha() for ch in c)))
def test_lower_case_is_rejected_and_normalize_repairs_it(code: str) -> None:
    lowered = code.lower()
    assert agency_code_problems(lowered)
    assert normalize_agency_code(f" {lowered} ") == code


@given(VALID_CODES, st.sampled_from([" ", "-", "_", "/", "á", "Đ"]), st.data())
def test_a_foreign_character_is_always_reported(code: str, bad: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(code)))
    assert agency_code_problems(code[:at] + bad + code[at:])
