"""What a call says: clip names for every ticket and counter, Vietnamese number words."""

from __future__ import annotations

import string
import unicodedata

import pytest

from counter_app.domain.money_words import amount_in_words
from counter_app.domain.queue import ticket_label
from counter_app.voice.clips import available_clips
from counter_app.voice.phrases import (
    ALL_CLIPS,
    CLIP_TEXTS,
    LETTER_NAMES,
    call_clips,
    counter_clips,
    label_clips,
    number_words,
    spoken_call,
)


def test_the_example_call() -> None:
    assert call_clips("A023", 2) == [
        "chime",
        "moi_cong_dan_co_so_thu_tu",
        "letter_a",
        "0",
        "2",
        "3",
        "den_quay_so",
        "2",
    ]


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (30, "ba mươi"),
        (55, "năm mươi lăm"),
        (91, "chín mươi mốt"),
        (99, "chín mươi chín"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


def test_number_words_agree_with_amounts_in_words_on_receipts() -> None:
    for n in range(1, 100):
        words = number_words(n)
        assert amount_in_words(n) == f"{words[0].upper()}{words[1:]} đồng"


@pytest.mark.parametrize("n", [0, -1, 100])
def test_number_words_only_1_to_99(n: int) -> None:
    with pytest.raises(ValueError):
        number_words(n)


def test_every_ticket_label_and_counter_maps_to_shipped_clips() -> None:
    shipped = available_clips()
    used: set[str] = set()
    for prefix in string.ascii_uppercase:
        for number in range(1, 1000):
            used.update(call_clips(ticket_label(prefix, number), 1))
        used.update(call_clips(f"{prefix}000", 1))
    for counter in range(1, 100):
        used.update(counter_clips(counter))
    assert used <= shipped
    assert used == set(ALL_CLIPS)  # and every clip made is used by some call


def test_counters_1_to_30_are_read_as_numbers() -> None:
    for counter in range(1, 31):
        clips = call_clips("A001", counter)
        tail = clips[clips.index("den_quay_so") + 1 :]
        assert 1 <= len(tail) <= 3
        assert tail == counter_clips(counter)
    assert counter_clips(12) == ["muoi", "2"]
    assert counter_clips(21) == ["2", "muoi_tens", "mot_tens"]
    assert counter_clips(24) == ["2", "muoi_tens", "tu"]
    assert counter_clips(15) == ["muoi", "lam"]
    assert counter_clips(10) == ["muoi"]


def test_tickets_are_read_digit_by_digit_and_lower_case_is_accepted() -> None:
    assert label_clips("b105") == ["letter_b", "1", "0", "5"]
    assert label_clips("Z1234") == ["letter_z", "1", "2", "3", "4"]


def test_large_counters_digit_by_digit_and_missing_counter_left_out() -> None:
    assert counter_clips(105) == ["1", "0", "5"]
    assert call_clips("A001", None)[-1] == "1"
    assert "den_quay_so" not in call_clips("A001", None)


@pytest.mark.parametrize("label", ["", "Ă01", "A-01", "A٣"])
def test_unreadable_labels_are_refused(label: str) -> None:
    with pytest.raises(ValueError):
        label_clips(label)


def test_unreadable_counter_is_refused() -> None:
    with pytest.raises(ValueError):
        call_clips("A001", 0)


def test_spoken_call_uses_words_not_codes() -> None:
    assert spoken_call("A023", 2) == ("Mời công dân có số thứ tự a, không hai ba, đến quầy số hai.")
    assert spoken_call("L105", 24).endswith("e lờ, một không năm, đến quầy số hai mươi tư.")
    assert spoken_call("J007", None) == "Mời công dân có số thứ tự di, không không bảy."


def test_letters_have_names_and_all_text_is_nfc() -> None:
    assert set(LETTER_NAMES) == set(string.ascii_uppercase)
    texts = [*LETTER_NAMES.values(), *CLIP_TEXTS.values(), spoken_call("W999", 99)]
    for text in texts:
        assert unicodedata.normalize("NFC", text) == text
