"""Tests of dossier statuses and their transitions."""

import unicodedata
from itertools import product

import pytest

from counter_app.domain.dossier_status import (
    TRANSITIONS,
    DossierStatus,
    InvalidTransition,
    can_transition,
    check_transition,
    is_terminal,
)

S = DossierStatus

# The brief's table plus 1→5, 5→2, 5→3 (supplement requested at intake, see dossier_status.py).
EXPECTED = {
    (1, 2), (1, 3), (1, 5), (1, 7),
    (2, 4), (2, 5), (2, 6), (2, 7), (2, 8), (2, 9),
    (4, 5), (4, 6), (4, 7), (4, 8), (4, 9),
    (5, 2), (5, 3), (5, 4), (5, 7), (5, 8),
    (6, 4), (6, 7), (6, 8), (6, 9),
    (9, 4), (9, 10),
}  # fmt: skip


def test_numbers_and_names_match_dvcqg() -> None:
    assert [(s.name, int(s)) for s in S] == [
        ("MOI_DANG_KY", 1),
        ("DUOC_TIEP_NHAN", 2),
        ("KHONG_DUOC_TIEP_NHAN", 3),
        ("DANG_XU_LY", 4),
        ("YEU_CAU_BO_SUNG", 5),
        ("YEU_CAU_NGHIA_VU_TAI_CHINH", 6),
        ("CONG_DAN_RUT_HO_SO", 7),
        ("DUNG_XU_LY", 8),
        ("DA_XU_LY_XONG", 9),
        ("DA_TRA_KET_QUA", 10),
    ]
    assert S(4) is S.DANG_XU_LY


def test_labels() -> None:
    assert [s.label for s in S] == [
        "Mới đăng ký",
        "Được tiếp nhận",
        "Không được tiếp nhận",
        "Đang xử lý",
        "Yêu cầu bổ sung giấy tờ",
        "Yêu cầu thực hiện nghĩa vụ tài chính",
        "Công dân yêu cầu rút hồ sơ",
        "Dừng xử lý",
        "Đã xử lý xong",
        "Đã trả kết quả",
    ]
    assert all(unicodedata.is_normalized("NFC", s.label) for s in S)


@pytest.mark.parametrize(("source", "target"), list(product(S, S)))
def test_every_pair_against_the_table(source: DossierStatus, target: DossierStatus) -> None:
    allowed = (int(source), int(target)) in EXPECTED
    assert can_transition(source, target) is allowed
    if allowed:
        check_transition(source, target)
    else:
        with pytest.raises(InvalidTransition):
            check_transition(source, target)


def test_terminal_statuses() -> None:
    assert {s for s in S if is_terminal(s)} == {
        S.KHONG_DUOC_TIEP_NHAN,
        S.CONG_DAN_RUT_HO_SO,
        S.DUNG_XU_LY,
        S.DA_TRA_KET_QUA,
    }


def test_invalid_transition_message_names_both_labels() -> None:
    with pytest.raises(InvalidTransition) as caught:
        check_transition(S.MOI_DANG_KY, S.DA_TRA_KET_QUA)
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.source, error.target) == (S.MOI_DANG_KY, S.DA_TRA_KET_QUA)
    assert "“Mới đăng ký”" in str(error)
    assert "“Đã trả kết quả”" in str(error)
    assert unicodedata.is_normalized("NFC", str(error))


def test_leaving_a_terminal_status_says_the_dossier_is_closed() -> None:
    with pytest.raises(InvalidTransition, match="đã kết thúc"):
        check_transition(S.DA_TRA_KET_QUA, S.DANG_XU_LY)


def test_plain_integers_are_accepted() -> None:
    assert can_transition(1, 2)  # type: ignore[arg-type]
    assert not can_transition(10, 4)  # type: ignore[arg-type]


def test_graph_shape() -> None:
    assert set(TRANSITIONS) == set(S)
    assert all(s not in TRANSITIONS[s] for s in S)
    reachable = {S.MOI_DANG_KY}
    frontier = [S.MOI_DANG_KY]
    while frontier:
        for nxt in TRANSITIONS[frontier.pop()]:
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert reachable == set(S)
    for status in S:
        seen, todo = {status}, [status]
        while todo:
            for nxt in TRANSITIONS[todo.pop()] - seen:
                seen.add(nxt)
                todo.append(nxt)
        assert any(is_terminal(s) for s in seen), status


def test_transitions_are_read_only() -> None:
    with pytest.raises(TypeError):
        TRANSITIONS[S.DA_TRA_KET_QUA] = frozenset({S.DANG_XU_LY})  # type: ignore[index]
