"""Composing Vietnamese key by key: marks, tone placement, case, NFC."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.vi_typing import (
    BREVE,
    CIRCUMFLEX,
    HOI,
    HORN,
    HUYEN,
    MARKS,
    NANG,
    NGA,
    NO_TONE,
    SAC,
    STROKE,
    TONES,
    apply_mark,
    apply_tone,
    last_word,
    retone,
    split_tone,
    strip_tones,
    tone_of,
    type_letter,
    type_mark,
    type_tone,
)


def keys(*presses: str, modern: bool = False) -> str:
    """Type on the keyboard: tone and mark names are keys, anything else letter by letter."""
    text = ""
    for press in presses:
        if press in TONES or press == NO_TONE:
            text = type_tone(text, press, modern=modern)
        elif press in MARKS:
            text = type_mark(text, press, modern=modern)
        else:
            for letter in press:
                text = type_letter(text, letter, modern=modern)
    return text


# Real words as a citizen types them: letters, then marks and the tone in any order.
REAL_WORDS = [
    (("Nguyen", CIRCUMFLEX, NGA), "Nguyễn"),
    (("Nguy", NGA, "e", CIRCUMFLEX, "n"), "Nguyễn"),
    (("Truong", HORN, HUYEN), "Trường"),
    (("nguoi", HUYEN, HORN), "người"),
    (("khuyen", CIRCUMFLEX, SAC), "khuyến"),
    (("quy", SAC), "quý"),
    (("quoc", CIRCUMFLEX, SAC), "quốc"),
    (("giua", HORN, NGA), "giữa"),
    (("gia", HUYEN), "già"),
    (("gin", HUYEN), "gìn"),
    (("gieng", CIRCUMFLEX, SAC), "giếng"),
    (("Dang", STROKE, BREVE, NANG), "Đặng"),
    (("hoa", HUYEN), "hòa"),
    (("hoa", HUYEN, "n"), "hoàn"),
    (("hai", HUYEN), "hài"),
    (("mua", SAC), "múa"),
    (("mia", SAC), "mía"),
    (("ngoai", HUYEN), "ngoài"),
    (("khuyu", HOI), "khuỷu"),
    (("ruou", HORN, NANG), "rượu"),
    (("cuu", HORN, SAC), "cứu"),
    (("gui", HORN, HOI), "gửi"),
    (("thu", HORN), "thư"),
    (("Le", CIRCUMFLEX), "Lê"),
    (("Thi", NANG), "Thị"),
    (("Hong", CIRCUMFLEX, HUYEN), "Hồng"),
    (("cho", HORN, "i"), "chơi"),
    (("hai", HUYEN, " long", HUYEN), "hài lòng"),
    (("thu", HOI, " tuc", NANG), "thủ tục"),
]


@pytest.mark.parametrize(("presses", "word"), REAL_WORDS)
def test_real_words(presses: tuple[str, ...], word: str) -> None:
    typed = keys(*presses)
    assert typed == word
    assert unicodedata.is_normalized("NFC", typed)


def test_the_tone_follows_the_word_as_it_grows() -> None:
    # "hòa" then typing on: the tone moves to the last vowel before the final consonant.
    assert keys("tho", HUYEN, "ai") == "thoài"  # three vowels: the middle one
    assert keys("to", SAC, "an") == "toán"
    assert keys("qu", "y", SAC, "t") == "quýt"


@pytest.mark.parametrize(
    ("word", "old", "modern"),
    [("hoa", "hòa", "hoà"), ("khoe", "khỏe", "khoẻ"), ("thuy", "thủy", "thuỷ")],
)
def test_open_oa_oe_uy_in_both_styles(word: str, old: str, modern: str) -> None:
    tone = HUYEN if word == "hoa" else HOI
    assert apply_tone(word, tone) == old
    assert apply_tone(word, tone, modern=True) == modern
    # With a final consonant both styles agree: the last vowel.
    assert apply_tone(word + "n", tone) == apply_tone(word + "n", tone, modern=True)


def test_same_tone_again_takes_it_off_another_replaces_it() -> None:
    assert keys("hoa", HUYEN, HUYEN) == "hoa"
    assert keys("hoa", HUYEN, SAC) == "hóa"
    assert keys("hoa", HUYEN, NO_TONE) == "hoa"


def test_same_mark_again_takes_it_off() -> None:
    assert keys("Nguyen", CIRCUMFLEX, CIRCUMFLEX) == "Nguyen"
    assert keys("truong", HORN, HORN) == "truong"
    assert keys("Dang", STROKE, STROKE) == "Dang"
    assert keys("tan", BREVE, CIRCUMFLEX) == "tân"  # one mark replaces the other
    assert keys("to", HORN, CIRCUMFLEX) == "tô"


def test_keys_with_nothing_to_work_on_change_nothing() -> None:
    assert keys("nh", SAC) == "nh"
    assert keys("tri", BREVE) == "tri"
    assert keys("an", STROKE) == "an"
    assert keys("12 ", SAC) == "12 "
    assert keys(SAC) == ""


def test_only_the_last_word_is_touched() -> None:
    assert keys("hoa hong", CIRCUMFLEX, HUYEN) == "hoa hồng"
    assert last_word("Quầy số 3, Lê") == ("Quầy số 3, ", "Lê")
    assert last_word("abc ") == ("abc ", "")


def test_case_is_kept() -> None:
    assert keys("NGUOI", HORN, HUYEN) == "NGƯỜI"
    assert keys("DUONG", STROKE, HORN) == "ĐƯƠNG"
    assert apply_tone("HOA", HUYEN) == "HÒA"


def test_decomposed_input_comes_out_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert apply_tone(decomposed, NGA) == "Nguyên"  # same tone again: off
    assert retone(decomposed) == "Nguyễn"
    assert split_tone("ệ") == ("ê", NANG)
    assert tone_of("Trường") == HUYEN and tone_of("Tran") == NO_TONE


# --- properties --------------------------------------------------------------------------

BASE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
words = st.text(alphabet=BASE_LETTERS, min_size=1, max_size=7)
tones = st.sampled_from(TONES)


@given(words, tones)
def test_a_tone_goes_on_exactly_one_vowel_and_changes_nothing_else(word: str, tone: str) -> None:
    toned = apply_tone(word, tone)
    assert unicodedata.is_normalized("NFC", toned)
    assert strip_tones(toned) == word
    carried = [split_tone(letter)[1] for letter in toned]
    has_vowel = any(letter in "aăâeêioôơuưy" for letter in word)
    assert carried.count(tone) == (1 if has_vowel else 0)
    assert apply_tone(toned, tone) == word  # the same key again takes it off


@given(words, tones, tones)
def test_the_last_tone_pressed_wins(word: str, first: str, second: str) -> None:
    twice = apply_tone(apply_tone(word, first), second)
    expected = word if first == second else apply_tone(word, second)
    assert twice == expected


@given(words, tones)
def test_case_does_not_change_where_the_tone_goes(word: str, tone: str) -> None:
    assert apply_tone(word.upper(), tone) == apply_tone(word, tone).upper()


@given(words, tones)
def test_retone_is_stable(word: str, tone: str) -> None:
    toned = apply_tone(word, tone)
    assert retone(toned) == toned
    assert retone(retone(toned)) == retone(toned)


@given(words, st.sampled_from(MARKS), st.sampled_from((*TONES, NO_TONE)))
def test_marks_keep_the_tone_and_undo_themselves(word: str, mark: str, tone: str) -> None:
    toned = apply_tone(word, tone) if tone else word
    marked = apply_mark(toned, mark)
    assert unicodedata.is_normalized("NFC", marked)
    assert len(marked) == len(toned)
    assert tone_of(marked) == tone_of(toned)
    if strip_tones(marked) != strip_tones(toned) and word.isascii():
        # From plain letters, a mark pressed twice gives the word back.
        assert apply_mark(marked, mark) == toned


@given(st.text(alphabet=BASE_LETTERS + " ,.0123456789", max_size=20), st.sampled_from(TONES))
def test_typing_keeps_what_came_before_the_word(text: str, tone: str) -> None:
    head, _ = last_word(text)
    assert type_tone(text, tone).startswith(head)
    assert type_letter(text, "x").startswith(head)
