"""Tests of accent folding and text normalisation."""

import string
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.text import fold, normalize

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
VIETNAMESE_TEXT = st.text(
    alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " \t\n", max_size=40
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đỗ Hữu Ễ", "do huu e"),
        ("  Nguyễn   Văn  A ", "nguyen van a"),
        ("ĐƯỜNG LÊ LỢI", "duong le loi"),
        ("Phường\tĐồng\nXoài", "phuong dong xoai"),
        ("Ðinh Thị Ngọc", "dinh thi ngoc"),  # Icelandic eth typed for Đ
        ("Thừa\u200bThiên\ufeff", "thuathien"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_fold_examples(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_treats_nfd_like_nfc() -> None:
    name = "Đỗ Hữu Ễ Nguyễn Thị Thủy"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name) == "do huu e nguyen thi thuy"


@given(VIETNAMESE_TEXT)
def test_fold_of_vietnamese_is_plain_ascii(text: str) -> None:
    folded = fold(text)
    assert set(folded) <= set(string.ascii_lowercase + " ")
    assert folded == folded.strip()
    assert "  " not in folded
    assert len(folded.replace(" ", "")) == len("".join(text.split()))


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_ignores_normalisation_form(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))
    assert fold(normalize(text)) == fold(text)


@given(st.text())
def test_fold_output_has_no_marks_or_odd_spaces(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", folded))
    assert folded == " ".join(folded.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Nguyễn   Văn  A ", "Nguyễn Văn A"),
        ("\ufeffTrần\u200b Thị\x00 B\r\n", "Trần Thị B"),
        ("Lê\tVăn\nC", "Lê Văn C"),
        (unicodedata.normalize("NFD", "Đỗ Hữu Ễ"), "Đỗ Hữu Ễ"),
    ],
)
def test_normalize_examples(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_composes_to_nfc() -> None:
    result = normalize(unicodedata.normalize("NFD", "Nguyễn Thị Thủy"))
    assert unicodedata.is_normalized("NFC", result)
    assert len(result) == len("Nguyễn Thị Thủy")


@given(st.text())
def test_normalize_is_idempotent_nfc_and_clean(text: str) -> None:
    result = normalize(text)
    assert normalize(result) == result
    assert unicodedata.is_normalized("NFC", result)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in result)
    assert result == " ".join(result.split())


@given(VIETNAMESE_TEXT)
def test_normalize_keeps_letters(text: str) -> None:
    assert normalize(text).split() == unicodedata.normalize("NFC", text).split()
