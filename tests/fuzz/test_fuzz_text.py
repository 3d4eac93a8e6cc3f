"""Text helpers and small parsers (typing, times, papers, fees, office hours, file names) under
hostile and very long input."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import (
    has_control_characters,
    hostile,
    is_clean,
    is_vietnamese_message,
    long_text,
    nfd,
    vietnamese_text,
)

from counter_app.domain import vi_typing
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.catalog import (
    MAX_DAYS,
    fee_amount_from_text,
    parse_paper,
    parse_processing_time,
)
from counter_app.domain.file_kinds import MAX_NAME_BYTES, safe_filename
from counter_app.domain.text import fold, normalize

FAST = settings(max_examples=120, deadline=None)


@FAST
@given(hostile)
def test_normalize_and_fold_give_clean_text(text: str) -> None:
    assert is_clean(normalize(text))
    folded = fold(text)
    # Folded text is a search key, not NFC (a Hangul syllable folds to its letters).
    assert not has_control_characters(folded) and folded == " ".join(folded.split())
    assert folded == fold(nfd(text)) == fold(folded)


@FAST
@given(vietnamese_text)
def test_nfd_vietnamese_normalises_to_the_nfc_text(text: str) -> None:
    assert normalize(nfd(text)) == text


@FAST
@given(hostile, st.sampled_from(list("aewodn1 ")), st.sampled_from(vi_typing.TONES))
def test_on_screen_typing_never_fails_and_stays_nfc(text: str, key: str, tone: str) -> None:
    for typed in (
        vi_typing.type_letter(text, key),
        vi_typing.type_tone(text, tone),
        vi_typing.type_mark(text, vi_typing.HORN),
        vi_typing.type_mark(text, vi_typing.STROKE),
    ):
        assert unicodedata.is_normalized("NFC", typed)


@FAST
@given(
    st.one_of(
        hostile, st.tuples(st.from_regex(r"[0-9]{1,3}", fullmatch=True), hostile).map(" ngày ".join)
    )
)
def test_processing_time_is_a_day_count_or_a_vietnamese_refusal(text: str) -> None:
    try:
        days = parse_processing_time(text)
    except ValueError as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
        assert len(str(exc)) < 400  # the faulty text is quoted cut short, not 10,000 letters
    else:
        assert Decimal(0) < days <= MAX_DAYS and days == days.quantize(Decimal("0.001"))


@FAST
@given(hostile)
def test_paper_and_fee_texts_read_without_failing(text: str) -> None:
    paper = parse_paper(text)
    assert is_clean(paper.name) and paper.originals >= 0 and paper.copies >= 0
    fee = fee_amount_from_text(text)
    assert fee is None or fee >= 0


HOURS = ["07:00", "11:30", "13:30", "17:00", "7:05", "24:00", "07:60", " 08:00 ", "０７:００"]
hours = st.sampled_from(HOURS)
hour_text = st.one_of(hours, hours.map(lambda h: h + "\x00"), hostile)


@FAST
@given(st.lists(st.tuples(hour_text, hour_text), max_size=3))
def test_office_hours_refuse_in_vietnamese(hours: list[tuple[str, str]]) -> None:
    try:
        calendar = WorkCalendar(hours)
    except ValueError as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
    else:
        assert [(f"{a:%H:%M}", f"{b:%H:%M}") for a, b in calendar.office_hours] == [
            (a.strip().zfill(5), b.strip().zfill(5)) for a, b in hours
        ]


@FAST
@given(st.one_of(hostile, long_text(300).map(lambda s: s + ".pdf")))
def test_file_names_are_safe_to_store(name: str) -> None:
    safe = safe_filename(name)
    assert safe and len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert not any(ch in safe for ch in '/\\<>:"|?*')
    assert unicodedata.is_normalized("NFC", safe)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in safe)
