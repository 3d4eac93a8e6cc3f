"""Rating scales, event keys, the rules an answer must follow, the satisfaction rate."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.rating import (
    DEFAULT_REASONS,
    DISSATISFIED,
    FIVE_LEVELS,
    LEVEL_CODES,
    NEUTRAL,
    SATISFIED,
    THREE_LEVELS,
    VERY_DISSATISFIED,
    clean_reasons,
    event_key,
    format_rate,
    level_of,
    parse_event_key,
    rating_problems,
    satisfaction_rate,
    scale_named,
)


def test_scales_offer_the_legal_wording_best_first():
    assert [lv.label for lv in FIVE_LEVELS.levels] == [
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
        "Rất không hài lòng",
    ]
    assert [lv.code for lv in THREE_LEVELS.levels] == ["very_satisfied", "satisfied", DISSATISFIED]
    assert scale_named("three") is THREE_LEVELS
    with pytest.raises(ValueError):
        scale_named("seven")


def test_levels_share_codes_and_scores_across_scales():
    for level in THREE_LEVELS.levels:
        assert FIVE_LEVELS.level(level.code) == level
    assert [level_of(c).score for c in LEVEL_CODES] == [5, 4, 3, 2, 1]
    assert [c for c in LEVEL_CODES if level_of(c).needs_reason] == [DISSATISFIED, VERY_DISSATISFIED]
    assert not level_of(NEUTRAL).satisfied and level_of(SATISFIED).satisfied
    with pytest.raises(ValueError):
        THREE_LEVELS.level(NEUTRAL)


@given(st.sampled_from(["ticket", "dossier"]), st.integers(min_value=1, max_value=10**12))
def test_event_key_round_trip(kind, ref):
    assert parse_event_key(event_key(kind, ref)) == (kind, ref)


@pytest.mark.parametrize("bad", ["", "ticket:", "ticket:-1", "vé:3", "dossier:1a", "3"])
def test_bad_event_keys(bad):
    with pytest.raises(ValueError):
        parse_event_key(bad)


def test_default_reasons_have_no_commas_so_an_environment_variable_can_list_them():
    assert all("," not in reason for reason in DEFAULT_REASONS)


def test_clean_reasons_normalises_and_drops_blanks_and_repeats():
    assert clean_reasons([" Chờ  lâu ", "", "Chờ lâu", "Khó"]) == ("Chờ lâu", "Khó")


def test_rating_problems():
    offered = ("Chờ lâu",)
    assert rating_problems(FIVE_LEVELS, DISSATISFIED, ("Chờ lâu",), "", offered) == []
    assert rating_problems(FIVE_LEVELS, DISSATISFIED, (), "", offered) == []  # walked away
    assert rating_problems(FIVE_LEVELS, SATISFIED, ("Chờ lâu",), "", offered)
    assert rating_problems(FIVE_LEVELS, DISSATISFIED, ("Khác",), "", offered)
    assert rating_problems(THREE_LEVELS, NEUTRAL, (), "", offered)
    assert rating_problems(FIVE_LEVELS, VERY_DISSATISFIED, (), "x" * 501, offered)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_rate_is_a_fraction(satisfied, extra):
    rate = satisfaction_rate(satisfied, satisfied + extra)
    if satisfied + extra == 0:
        assert rate is None
    else:
        assert rate is not None and 0 <= rate <= 1


def test_format_rate():
    assert format_rate(0.925) == "92,5%"
    assert format_rate(1.0) == "100,0%"
    assert format_rate(None) == "—"
