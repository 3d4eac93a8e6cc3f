"""Amounts in words and figures, as printed on receipts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.money_words import amount_in_words, format_vnd

_DIGIT = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5}
_DIGIT |= {"lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (8000, "Tám nghìn đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (21, "Hai mươi mốt đồng"),
        (15, "Mười lăm đồng"),
        (105, "Một trăm linh năm đồng"),
        (24, "Hai mươi tư đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (14, "Mười bốn đồng"),
        (25, "Hai mươi lăm đồng"),
        (31, "Ba mươi mốt đồng"),
        (104, "Một trăm linh bốn đồng"),
        (110, "Một trăm mười đồng"),
        (1_000_050, "Một triệu không trăm năm mươi đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (2_000_300_000, "Hai tỷ ba trăm nghìn đồng"),
        (3_000_000_021, "Ba tỷ không trăm hai mươi mốt đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (35_000, "Ba mươi lăm nghìn đồng"),
    ],
)
def test_known_amounts(amount: int, words: str) -> None:
    assert amount_in_words(amount) == words


def test_negative_amount_is_refused() -> None:
    with pytest.raises(ValueError):
        amount_in_words(-1)


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "0 đồng"), (8000, "8.000 đồng"), (1_050_000, "1.050.000 đồng"), (999, "999 đồng")],
)
def test_format_vnd(amount: int, text: str) -> None:
    assert format_vnd(amount) == text


def _read_group(words: list[str]) -> int:
    """Parse the words of a number below one thousand."""
    value = 0
    rest = words
    if "trăm" in rest:
        i = rest.index("trăm")
        value += _DIGIT[rest[i - 1]] * 100
        rest = rest[i + 1 :]
    if rest[:1] == ["linh"]:
        return value + _DIGIT[rest[1]]
    if rest[:1] == ["mười"]:
        return value + 10 + (_DIGIT[rest[1]] if len(rest) > 1 else 0)
    if "mươi" in rest:
        tens, *units = rest[rest.index("mươi") - 1 :]
        return value + _DIGIT[tens] * 10 + (_DIGIT[units[1]] if len(units) > 1 else 0)
    return value + (_DIGIT[rest[0]] if rest else 0)


def _read(words: list[str]) -> int:
    """Parse the words of amount_in_words back to a number (the test's independent reader)."""
    if "tỷ" in words:
        i = len(words) - 1 - words[::-1].index("tỷ")
        return _read(words[:i]) * 1_000_000_000 + _read(words[i + 1 :])
    total = 0
    for name, size in (("triệu", 1_000_000), ("nghìn", 1000)):
        if name in words:
            i = words.index(name)
            total += _read_group(words[:i]) * size
            words = words[i + 1 :]
    return total + (_read_group(words) if words else 0)


@given(st.integers(min_value=0, max_value=10**21))
def test_words_read_back_to_the_amount(amount: int) -> None:
    text = amount_in_words(amount)
    assert text[0].isupper() and text.endswith(" đồng")
    words = text[: -len(" đồng")].lower().split()
    assert _read(words) == amount


@given(st.integers(min_value=1, max_value=10**15))
def test_pieces_follow_the_reading_rules(amount: int) -> None:
    text = f" {amount_in_words(amount).lower()} "
    for wrong in (" mươi một ", " mươi bốn ", " mươi năm ", " mười năm ", " linh lăm "):
        assert wrong not in text
    assert "  " not in text
    assert not text.strip().startswith("không")


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_higher_groups_prefix_the_lower(high: int, low: int) -> None:
    """The words of high·1000 + low start with the words of high, then "nghìn"."""
    head = amount_in_words(high)[: -len(" đồng")]
    assert amount_in_words(high * 1000 + low).startswith(f"{head} nghìn")
    if 0 < low < 100:
        assert " không trăm " in amount_in_words(high * 1000 + low)
