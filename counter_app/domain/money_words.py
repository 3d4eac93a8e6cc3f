"""Amounts of Vietnamese đồng in figures and in words, as written on fee receipts."""

from __future__ import annotations

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 1_000_000_000
# Units after "mười" (10–19) and after "mươi" (20–99) that are not read as the plain digit.
_AFTER_MUOI_10 = {0: "", 5: "lăm"}
_AFTER_MUOI = {0: "", 1: "mốt", 4: "tư", 5: "lăm"}
# Groups below a billion, highest first; "tỷ" then repeats over them ("một nghìn tỷ").
_GROUPS = ((1_000_000, "triệu"), (1_000, "nghìn"), (1, ""))


def _three_digits(n: int, full: bool) -> list[str]:
    """Words of 0 < n < 1000; ``full`` reads "không trăm" when a higher group came before."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += ["linh", _DIGITS[units]] if words else [_DIGITS[units]]
    elif tens == 1:
        words += ["mười", _AFTER_MUOI_10.get(units, _DIGITS[units])]
    else:
        words += [_DIGITS[tens], "mươi", _AFTER_MUOI.get(units, _DIGITS[units])]
    return [w for w in words if w]


def _below_billion(n: int, full: bool) -> list[str]:
    words: list[str] = []
    for size, name in _GROUPS:
        group = n // size % 1000
        if group:
            words += _three_digits(group, full or bool(words))
            if name:
                words.append(name)
    return words


def _words(n: int, full: bool) -> list[str]:
    if n < _BILLION:
        return _below_billion(n, full)
    high, low = divmod(n, _BILLION)
    words = [*_words(high, full), "tỷ"]
    if low:
        words += _below_billion(low, True)
    return words


def amount_in_words(amount: int) -> str:
    """Read a whole number of đồng in Vietnamese: 1050000 → "Một triệu không trăm năm mươi…"."""
    if amount < 0:
        raise ValueError(f"Số tiền phải từ 0 trở lên, nhận được {amount}.")
    text = " ".join(_words(amount, False)) if amount else _DIGITS[0]
    return f"{text[0].upper()}{text[1:]} đồng"


def format_vnd(amount: int) -> str:
    """Write an amount in figures with dot thousands separators: 1050000 → "1.050.000 đồng"."""
    return f"{amount:,} đồng".replace(",", ".")
