"""Tests of dossier codes <agency>-<YYMMDD>-<NNNN>."""

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.dossier_code import make_code, parse_code

AGENCY = "000.00.06.H56"
AGENCIES = st.lists(st.from_regex(r"[A-Z0-9]{1,5}", fullmatch=True), min_size=2, max_size=6).map(
    ".".join
)
DAYS = st.dates(date(2000, 1, 1), date(2099, 12, 31))


def test_example_from_the_law() -> None:
    assert make_code(AGENCY, date(2023, 10, 27), 361) == "000.00.06.H56-231027-0361"
    assert parse_code("000.00.06.H56-231027-0361") == (AGENCY, date(2023, 10, 27), 361)


@pytest.mark.parametrize(
    ("seq", "suffix"), [(1, "0001"), (9999, "9999"), (10000, "10000"), (123456, "123456")]
)
def test_sequence_has_at_least_four_digits(seq: int, suffix: str) -> None:
    code = make_code(AGENCY, date(2026, 1, 2), seq)
    assert code == f"{AGENCY}-260102-{suffix}"
    assert parse_code(code)[2] == seq


def test_parse_tolerates_surrounding_whitespace() -> None:
    assert parse_code("  000.00.06.H56-231027-0361\r\n") == (AGENCY, date(2023, 10, 27), 361)


@pytest.mark.parametrize(
    ("agency", "day", "seq", "fragment"),
    [
        (AGENCY, date(2023, 10, 27), 0, "từ 1 trở lên"),
        (AGENCY, date(2023, 10, 27), -5, "từ 1 trở lên"),
        ("H56", date(2023, 10, 27), 1, "nhóm"),
        ("000.00.06.h56", date(2023, 10, 27), 1, "in hoa"),
        ("", date(2023, 10, 27), 1, "Chưa nhập"),
        (AGENCY, date(1999, 12, 31), 1, "1999"),
        (AGENCY, date(2100, 1, 1), 1, "2100"),
    ],
)
def test_make_code_rejects(agency: str, day: date, seq: int, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        make_code(agency, day, seq)


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("", "không đúng dạng"),
        ("000.00.06.H56", "không đúng dạng"),
        ("000.00.06.H56-231027", "không đúng dạng"),
        ("H56-231027-0361", "mã cơ quan"),
        ("000.00.06.h56-231027-0361", "mã cơ quan"),
        ("-231027-0361", "mã cơ quan"),
        ("000.00.06.H56-23102-0361", "6 chữ số"),
        ("000.00.06.H56-2310271-0361", "6 chữ số"),
        ("000.00.06.H56-231327-0361", "ngày có thật"),
        ("000.00.06.H56-230229-0361", "ngày có thật"),
        ("000.00.06.H56-231027-361", "số thứ tự"),
        ("000.00.06.H56-231027-0000", "số thứ tự"),
        ("000.00.06.H56-231027-00361", "số thứ tự"),
        ("000.00.06.H56-231027-03a1", "số thứ tự"),
        ("000.00.06.H56-231027-", "số thứ tự"),
        ("000.00.06.H56-231027-0361-2", "mã cơ quan"),
        ("000.00.06.H56 - 231027 - 0361", "mã cơ quan"),
    ],
)
def test_parse_code_rejects(code: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment) as caught:
        parse_code(code)
    assert unicodedata.is_normalized("NFC", str(caught.value))


@given(AGENCIES, DAYS, st.integers(1, 10**7))
def test_round_trip(agency: str, day: date, seq: int) -> None:
    code = make_code(agency, day, seq)
    assert parse_code(code) == (agency, day, seq)
    assert make_code(*parse_code(code)) == code


@given(AGENCIES, DAYS, st.integers(1, 10**7), st.integers(1, 10**7))
def test_codes_sort_by_sequence_within_a_day_for_equal_width(
    agency: str, day: date, a: int, b: int
) -> None:
    code_a, code_b = make_code(agency, day, a), make_code(agency, day, b)
    assert (code_a == code_b) == (a == b)
    if len(str(a)) == len(str(b)) or max(a, b) <= 9999:
        assert (code_a < code_b) == (a < b)
