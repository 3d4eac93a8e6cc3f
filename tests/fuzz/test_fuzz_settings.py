"""Settings values (TOML file and MOTCUA_* variables) and command-line numbers, fuzzed: a
SettingsError naming the key in Vietnamese, or settings a station can run with."""

from __future__ import annotations

import argparse
import dataclasses
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import UNICODE_DIGITS, hostile, is_vietnamese_message

from counter_app.cli_args import counter_number
from counter_app.settings import MAXIMUM, Settings, SettingsError, parse_settings

KEYS = {
    name: [f.name for f in dataclasses.fields(kind)]
    for name, kind in typing.get_type_hints(Settings).items()
}
numbers = st.one_of(
    st.integers(-(2**40), 2**40),
    st.sampled_from(["10", " 45 ", "-1", "²", "١٢", "０９", "--5", "9" * 5000, "1e3", "0x10"]),
)
toml_values = st.one_of(
    hostile,
    numbers,
    st.booleans(),
    st.floats(),
    st.lists(st.one_of(hostile, numbers), max_size=3),
    st.lists(st.lists(hostile, max_size=3), max_size=3),
    st.dictionaries(hostile, hostile, max_size=2),
)
env_values = st.one_of(hostile, numbers.map(str), st.sampled_from(UNICODE_DIGITS))
keys = st.sampled_from(sorted(KEYS)).flatmap(
    lambda section: st.tuples(st.just(section), st.sampled_from(KEYS[section]))
)


def _check(built: Settings) -> None:
    """Every whole number a station turns into timers and sizes is in range."""
    for section in dataclasses.fields(built):
        for item in dataclasses.fields(getattr(built, section.name)):
            value = getattr(getattr(built, section.name), item.name)
            if isinstance(value, int) and not isinstance(value, bool):
                assert value <= MAXIMUM, (section.name, item.name, value)


@settings(max_examples=200, deadline=None)
@given(key=keys, value=toml_values)
def test_file_values_give_settings_or_a_vietnamese_error(key: tuple[str, str], value: object):
    """Found by this test: "²" and 5,000-digit numbers escaped as int()'s English ValueError;
    kiosk.idle_seconds = 10**12 was accepted and would overflow the kiosk's Qt timer."""
    section, name = key
    try:
        built = parse_settings({section: {name: value}}, "config.toml", environ={})
    except SettingsError as exc:
        assert type(exc) is SettingsError and is_vietnamese_message(str(exc)), str(exc)
        assert exc.key.startswith(section)
    else:
        _check(built)


@settings(max_examples=150, deadline=None)
@given(key=keys, value=env_values)
def test_environment_values_give_settings_or_a_vietnamese_error(key: tuple[str, str], value: str):
    section, name = key
    environ = {f"MOTCUA_{section.upper()}__{name.upper()}": value}
    try:
        built = parse_settings({}, "config.toml", environ=environ)
    except SettingsError as exc:
        assert type(exc) is SettingsError and is_vietnamese_message(str(exc)), str(exc)
    else:
        _check(built)


@settings(max_examples=100, deadline=None)
@given(st.one_of(hostile, st.sampled_from([*UNICODE_DIGITS, "9" * 5000, " 2 ", "0", "-3"])))
def test_counter_number_is_a_positive_number_or_a_vietnamese_error(value: str) -> None:
    """Found by this test: "--counter ²" failed inside int() with argparse's English message."""
    try:
        number = counter_number(value)
    except argparse.ArgumentTypeError as exc:
        assert is_vietnamese_message(str(exc)), str(exc)
    else:
        assert number >= 1 and str(number) == value.strip().lstrip("0")


@pytest.mark.parametrize("value", ["²", "9" * 5000, "1000001"])
def test_odd_numbers_in_a_variable_are_refused_by_name(value: str) -> None:
    with pytest.raises(SettingsError) as refused:
        parse_settings({}, "config.toml", environ={"MOTCUA_KIOSK__IDLE_SECONDS": value})
    assert refused.value.key == "kiosk.idle_seconds"
