"""Card QR, id numbers, dossier and agency codes, rating keys: hostile input never crashes."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import (
    UNICODE_DIGITS,
    hostile,
    is_clean,
    is_vietnamese_message,
    nfd,
    vietnamese_nfd,
    vietnamese_text,
)

from counter_app.domain.agency_code import agency_code_problems
from counter_app.domain.citizen_id import (
    CardQR,
    InvalidCardQR,
    describe_id_number,
    id_number_problems,
    parse_card_qr,
)
from counter_app.domain.dossier_code import make_code, parse_code
from counter_app.domain.queue import prefix_problems
from counter_app.domain.rating import parse_event_key
from counter_app.domain.sync_payload import format_portal_time, parse_portal_time
from counter_app.domain.text import normalize

FAST = settings(max_examples=150, deadline=None)

#: Text of one QR field: hostile, but without the field separator.
field_text = hostile.map(lambda s: s.replace("|", "/"))


def _qr_or_message(text: str) -> CardQR | None:
    try:
        return parse_card_qr(text)
    except InvalidCardQR as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
        return None


@FAST
@given(st.one_of(hostile, st.lists(hostile, min_size=5, max_size=8).map("|".join)))
def test_card_qr_gives_a_card_or_a_vietnamese_refusal(text: str) -> None:
    card = _qr_or_message(text)
    if card is not None:
        assert len(card.id_number) == 12 and card.id_number.isascii() and card.id_number.isdigit()
        assert card.gender in ("Nam", "Nữ")
        assert is_clean(card.full_name) and card.full_name
        assert is_clean(card.address)


@FAST
@given(
    name=field_text,
    address=field_text,
    birth=st.dates(date(1900, 1, 1), date(2025, 12, 31)),
    id_digits=st.from_regex(r"[0-9]{12}", fullmatch=True),
    form=st.sampled_from(["NFC", "NFD"]),
    noise=st.sampled_from(["", "\r\n", "\x00", "\u200b", "\ufeff", " \t"]),
)
def test_hostile_names_and_addresses_are_stored_clean(
    name: str, address: str, birth: date, id_digits: str, form: str, noise: str
) -> None:
    text = f"{id_digits}||{name}|{birth:%d%m%Y}|Nữ|{address}|"
    if form == "NFD":
        text = nfd(text)
    card = _qr_or_message(noise + text + noise)
    if not normalize(name):
        assert card is None  # a card without a name is refused, with a message
        return
    assert card is not None
    assert (card.full_name, card.address) == (normalize(name), normalize(address))
    assert (card.id_number, card.birth_date, card.gender) == (id_digits, birth, "Nữ")


@FAST
@given(vietnamese_text, vietnamese_text)
def test_nfd_card_reads_like_the_nfc_one(name: str, address: str) -> None:
    text = f"001090012345|123456789|{name}|02051990|Nam|{address}|01012021"
    assert parse_card_qr(nfd(text)) == parse_card_qr(text)


@FAST
@given(st.one_of(hostile, st.sampled_from(UNICODE_DIGITS).map(lambda d: "00109001234" + d)))
def test_id_number_checks_only_list_vietnamese_problems(number: str) -> None:
    problems = id_number_problems(number, date(1990, 5, 2), "Nam")
    assert all(is_vietnamese_message(p) for p in problems), problems
    info = describe_id_number(number)
    if info is not None:
        assert info.province_code.isascii() and 1900 <= info.birth_year <= 2399


@FAST
@given(hostile)
def test_dossier_code_parse_refuses_in_vietnamese(text: str) -> None:
    try:
        agency, day, seq = parse_code(text)
    except ValueError as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
    else:
        assert make_code(agency, day, seq) == text.strip()


JOINTS = ["", " ", "\x00", "\u200b", "'; DROP TABLE dossier;--", "²", "<b>"]


@FAST
@given(st.sampled_from(JOINTS), hostile)
def test_dossier_code_with_trailing_garbage_is_refused(joint: str, tail: str) -> None:
    code = make_code("000.00.06.H56", date(2026, 11, 16), 361)
    text = code + joint + tail
    if text.strip() == code:
        assert parse_code(text) == ("000.00.06.H56", date(2026, 11, 16), 361)
        return
    try:
        parsed = parse_code(text)
    except ValueError as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
    else:  # only more digits of the sequence number can make another valid code
        assert make_code(*parsed) == text.strip()


@FAST
@given(st.one_of(hostile, vietnamese_nfd))
def test_agency_code_problems_are_vietnamese(code: str) -> None:
    problems = agency_code_problems(code)
    assert all(is_vietnamese_message(p) for p in problems), problems
    if not problems:
        assert code.isascii() and code.isprintable() and " " not in code


@FAST
@given(
    st.one_of(
        hostile,
        st.tuples(st.sampled_from(["ticket:", "dossier:"]), hostile).map("".join),
        st.sampled_from(UNICODE_DIGITS).map(lambda d: "ticket:" + d),
        st.just("dossier:" + "9" * 5000),
    )
)
def test_rating_event_keys_refuse_in_vietnamese(key: str) -> None:
    """Found by this test: "ticket:²" and 5,000-digit ids escaped as int()'s English error."""
    try:
        kind, ref = parse_event_key(key)
    except ValueError as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
    else:
        typed_kind, _, typed_ref = key.partition(":")
        assert (kind, ref) == (typed_kind, int(typed_ref)) and typed_ref.isascii()


@FAST
@given(hostile)
def test_queue_prefix_problems(prefix: str) -> None:
    problems = prefix_problems(prefix)
    assert all(is_vietnamese_message(p) for p in problems)
    assert (not problems) == (len(prefix) == 1 and "A" <= prefix <= "Z")


@FAST
@given(
    st.one_of(hostile, st.from_regex(r"[0-9]{14}", fullmatch=True), st.just("２０２６1120090000"))
)
def test_portal_times_read_or_refuse_in_vietnamese(text: str) -> None:
    try:
        at = parse_portal_time(text)
    except ValueError as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
    else:
        assert format_portal_time(at) == text
