"""Tests of ID card QR parsing and personal number checks."""

import unicodedata
from datetime import date
from typing import Literal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from counter_app.domain.citizen_id import (
    PROVINCE_CODES,
    CardQR,
    InvalidCardQR,
    describe_id_number,
    id_number_problems,
    parse_card_qr,
)

SAMPLE = "001090012345|123456789|Nguyễn Văn An|15061990|Nam|Số 12, phố Huế, Hà Nội|20042021"
EXPECTED = CardQR(
    id_number="001090012345",
    old_id_number="123456789",
    full_name="Nguyễn Văn An",
    birth_date=date(1990, 6, 15),
    gender="Nam",
    address="Số 12, phố Huế, Hà Nội",
    issue_date=date(2021, 4, 20),
)
BRIEF_PROVINCE_CODES = [
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019",
    "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036",
    "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054",
    "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
    "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
    "094", "095", "096",
]  # fmt: skip


def test_parse_full_record() -> None:
    assert parse_card_qr(SAMPLE) == EXPECTED


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE + "\r\n",
        SAMPLE + "\n",
        "\ufeff" + SAMPLE,
        "  " + SAMPLE.replace("|", " | ") + "  ",
        unicodedata.normalize("NFD", SAMPLE),
        SAMPLE.replace("Nguyễn Văn An", "Nguyễn   Văn\tAn"),
        SAMPLE + "|extra|fields from a newer card",
    ],
)
def test_parse_tolerates_scanner_noise(text: str) -> None:
    assert parse_card_qr(text) == EXPECTED


def test_six_fields_means_no_issue_date() -> None:
    card = parse_card_qr(SAMPLE.rsplit("|", 1)[0])
    assert card.issue_date is None
    assert card.full_name == "Nguyễn Văn An"


def test_empty_old_number_and_issue_date_become_none() -> None:
    card = parse_card_qr("079305000123||Trần Thị Bích|01022005|Nữ|Quận 1, TP Hồ Chí Minh|")
    assert card.old_id_number is None
    assert card.issue_date is None
    assert card.gender == "Nữ"


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("NỮ", "Nữ"), ("Nu", "Nữ"), ("nữ", "Nữ"), ("NU", "Nữ"), ("NAM", "Nam"), ("nam", "Nam")],
)
def test_gender_spellings(spelling: str, canonical: str) -> None:
    card = parse_card_qr(SAMPLE.replace("|Nam|", f"|{spelling}|"))
    assert card.gender == canonical


def test_card_is_frozen() -> None:
    card = parse_card_qr(SAMPLE)
    with pytest.raises(AttributeError):
        card.full_name = "X"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("001090012345|123456789|Nguyễn Văn An|15061990|Nam", "ít nhất 6 trường"),
        ("", "ít nhất 6 trường"),
        (SAMPLE.replace("001090012345", "00109001234"), "12 chữ số"),
        (SAMPLE.replace("001090012345", "00109001234A"), "12 chữ số"),
        (SAMPLE.replace("123456789", "12345678"), "CMND cũ"),
        (SAMPLE.replace("Nguyễn Văn An", "  "), "họ và tên"),
        (SAMPLE.replace("15061990", "31021990"), "ngày có thật"),
        (SAMPLE.replace("15061990", "1561990"), "8 chữ số"),
        (SAMPLE.replace("15061990", "15-06-1990"), "8 chữ số"),
        (SAMPLE.replace("|Nam|", "|Khác|"), "Giới tính"),
        (SAMPLE.replace("20042021", "2004202"), "Ngày cấp"),
        (SAMPLE.replace("20042021", "20041980"), "sớm hơn ngày sinh"),
    ],
)
def test_malformed_qr_raises_vietnamese_message(text: str, fragment: str) -> None:
    with pytest.raises(InvalidCardQR) as caught:
        parse_card_qr(text)
    message = str(caught.value)
    assert fragment in message
    assert unicodedata.is_normalized("NFC", message)
    assert isinstance(caught.value, ValueError)


WORDS = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạềếểễệờớởỡợ", min_size=1, max_size=8)
NAMES = st.lists(WORDS, min_size=1, max_size=5).map(lambda ws: " ".join(w.title() for w in ws))


@given(
    id_number=st.from_regex(r"[0-9]{12}", fullmatch=True),
    old=st.one_of(st.just(""), st.from_regex(r"[0-9]{9}", fullmatch=True)),
    name=NAMES,
    birth=st.dates(date(1900, 1, 1), date(2025, 12, 31)),
    gender=st.sampled_from(["Nam", "Nữ"]),
    address=NAMES,
    issue_after=st.one_of(st.none(), st.integers(0, 30_000)),
    form=st.sampled_from(["NFC", "NFD"]),
    pad=st.sampled_from(["", " ", "\t"]),
    tail=st.sampled_from(["", "\r\n", "\n", "|", "|newer|fields"]),
)
def test_qr_round_trip(
    id_number: str,
    old: str,
    name: str,
    birth: date,
    gender: str,
    address: str,
    issue_after: int | None,
    form: Literal["NFC", "NFD"],
    pad: str,
    tail: str,
) -> None:
    issue = None if issue_after is None else date.fromordinal(birth.toordinal() + issue_after)
    assume(issue is None or issue.year <= 9999)
    fields = [id_number, old, name, f"{birth:%d%m%Y}", gender, address]
    if issue is not None or tail.startswith("|"):
        fields.append("" if issue is None else f"{issue:%d%m%Y}")
    text = unicodedata.normalize(form, "|".join(pad + f + pad for f in fields)) + tail
    assert parse_card_qr(text) == CardQR(
        id_number, old or None, name, birth, gender, address, issue
    )


def test_province_codes_are_the_63_pre_2025_provinces() -> None:
    assert sorted(PROVINCE_CODES) == BRIEF_PROVINCE_CODES
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        ("001090012345", date(1990, 6, 15), "Nam"),
        ("001190012345", date(1990, 6, 15), "Nữ"),
        ("079205000123", date(2005, 2, 1), "Nam"),
        ("079305000123", date(2005, 2, 1), "NỮ"),
        ("096400000001", date(2100, 1, 1), "Nam"),
        ("096599000001", date(2199, 1, 1), "Nữ"),
        ("031899000001", date(2399, 1, 1), "Nam"),
        ("001090012345", None, None),
        (" 001090012345 ", None, "nam"),
        ("123456789", date(1970, 1, 1), "Nữ"),  # legacy CMND: nothing to compare
    ],
)
def test_consistent_numbers_have_no_problems(
    number: str, birth: date | None, gender: str | None
) -> None:
    assert id_number_problems(number, birth, gender) == []


@pytest.mark.parametrize(
    ("number", "birth", "gender", "fragments"),
    [
        ("003090012345", None, None, ["“003”"]),
        ("001090012345", date(1991, 1, 1), None, ["năm sinh 1990", "1991"]),
        ("001290012345", date(1990, 1, 1), None, ["năm sinh 2090"]),
        ("001090012345", None, "Nữ", ["giới tính Nam", "Nữ"]),
        ("001090012345", None, "Khác", ["không rõ"]),
        ("0010900123", None, None, ["10 chữ số"]),
        ("00109001234X", None, None, ["chỉ được gồm các chữ số"]),
        ("", None, None, ["Chưa nhập"]),
    ],
)
def test_inconsistent_numbers(
    number: str, birth: date | None, gender: str | None, fragments: list[str]
) -> None:
    problems = id_number_problems(number, birth, gender)
    assert len(problems) == 1
    for fragment in fragments:
        assert fragment in problems[0]
    assert unicodedata.is_normalized("NFC", problems[0])


def test_all_problems_are_reported_together() -> None:
    assert len(id_number_problems("003390012345", date(1990, 1, 1), "Nam")) == 3


@given(
    province=st.sampled_from(BRIEF_PROVINCE_CODES),
    birth=st.dates(date(1900, 1, 1), date(2399, 12, 31)),
    female=st.booleans(),
    tail=st.from_regex(r"[0-9]{6}", fullmatch=True),
)
def test_generated_numbers_agree_with_their_holder(
    province: str, birth: date, female: bool, tail: str
) -> None:
    digit = (birth.year // 100 - 19) * 2 + int(female)
    number = f"{province}{digit}{birth.year % 100:02d}{tail}"
    gender = "Nữ" if female else "Nam"
    assert id_number_problems(number, birth, gender) == []
    other = "Nam" if female else "Nữ"
    assert len(id_number_problems(number, birth, other)) == 1
    wrong_year = birth.replace(year=birth.year + 1) if birth.year < 2399 else None
    if wrong_year is not None and not (birth.month == 2 and birth.day == 29):
        assert len(id_number_problems(number, wrong_year, gender)) == 1
    info = describe_id_number(number)
    assert info is not None
    assert (info.province_code, info.gender, info.birth_year) == (province, gender, birth.year)
    assert info.century == birth.year // 100 + 1


def test_describe_id_number() -> None:
    info = describe_id_number("079305000123")
    assert info is not None
    assert info.province_name == "Hồ Chí Minh"
    assert (info.gender, info.century, info.birth_year) == ("Nữ", 21, 2005)
    assert describe_id_number("123456789") is None
    assert describe_id_number("abc") is None
