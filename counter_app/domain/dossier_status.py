"""Dossier statuses as exchanged with DVCQG (TrangThaiHoSo) and the moves allowed between them."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from types import MappingProxyType


class DossierStatus(IntEnum):
    """Status of a dossier, numbered as in the DVCQG data exchange."""

    MOI_DANG_KY = 1
    DUOC_TIEP_NHAN = 2
    KHONG_DUOC_TIEP_NHAN = 3
    DANG_XU_LY = 4
    YEU_CAU_BO_SUNG = 5
    YEU_CAU_NGHIA_VU_TAI_CHINH = 6
    CONG_DAN_RUT_HO_SO = 7
    DUNG_XU_LY = 8
    DA_XU_LY_XONG = 9
    DA_TRA_KET_QUA = 10

    @property
    def label(self) -> str:
        """Vietnamese name of the status."""
        return _LABELS[self]


_LABELS: dict[DossierStatus, str] = {
    DossierStatus.MOI_DANG_KY: "Mới đăng ký",
    DossierStatus.DUOC_TIEP_NHAN: "Được tiếp nhận",
    DossierStatus.KHONG_DUOC_TIEP_NHAN: "Không được tiếp nhận",
    DossierStatus.DANG_XU_LY: "Đang xử lý",
    DossierStatus.YEU_CAU_BO_SUNG: "Yêu cầu bổ sung giấy tờ",
    DossierStatus.YEU_CAU_NGHIA_VU_TAI_CHINH: "Yêu cầu thực hiện nghĩa vụ tài chính",
    DossierStatus.CONG_DAN_RUT_HO_SO: "Công dân yêu cầu rút hồ sơ",
    DossierStatus.DUNG_XU_LY: "Dừng xử lý",
    DossierStatus.DA_XU_LY_XONG: "Đã xử lý xong",
    DossierStatus.DA_TRA_KET_QUA: "Đã trả kết quả",
}

_S = DossierStatus

TRANSITIONS: Mapping[DossierStatus, frozenset[DossierStatus]] = MappingProxyType(
    {
        # 1 → 5: a dossier registered online or sent by post that is incomplete gets Mẫu 02
        # (request to supplement) before it is received (Decree 118/2025, Art. 17).
        _S.MOI_DANG_KY: frozenset(
            {_S.DUOC_TIEP_NHAN, _S.KHONG_DUOC_TIEP_NHAN, _S.YEU_CAU_BO_SUNG, _S.CONG_DAN_RUT_HO_SO}
        ),
        _S.DUOC_TIEP_NHAN: frozenset(
            {
                _S.DANG_XU_LY,
                _S.YEU_CAU_BO_SUNG,
                _S.YEU_CAU_NGHIA_VU_TAI_CHINH,
                _S.CONG_DAN_RUT_HO_SO,
                _S.DUNG_XU_LY,
                _S.DA_XU_LY_XONG,
            }
        ),
        _S.KHONG_DUOC_TIEP_NHAN: frozenset(),
        _S.DANG_XU_LY: frozenset(
            {
                _S.YEU_CAU_BO_SUNG,
                _S.YEU_CAU_NGHIA_VU_TAI_CHINH,
                _S.CONG_DAN_RUT_HO_SO,
                _S.DUNG_XU_LY,
                _S.DA_XU_LY_XONG,
            }
        ),
        # 5 → 4: the supplement arrived and processing restarts. 5 → 2 / 5 → 3: the supplement
        # asked at intake (see 1 → 5) ends with the dossier received or refused (Mẫu 03).
        _S.YEU_CAU_BO_SUNG: frozenset(
            {
                _S.DUOC_TIEP_NHAN,
                _S.KHONG_DUOC_TIEP_NHAN,
                _S.DANG_XU_LY,
                _S.CONG_DAN_RUT_HO_SO,
                _S.DUNG_XU_LY,
            }
        ),
        _S.YEU_CAU_NGHIA_VU_TAI_CHINH: frozenset(
            {_S.DANG_XU_LY, _S.CONG_DAN_RUT_HO_SO, _S.DUNG_XU_LY, _S.DA_XU_LY_XONG}
        ),
        _S.CONG_DAN_RUT_HO_SO: frozenset(),
        _S.DUNG_XU_LY: frozenset(),
        # 9 → 4: a result found wrong before it is handed over sends the dossier back.
        _S.DA_XU_LY_XONG: frozenset({_S.DA_TRA_KET_QUA, _S.DANG_XU_LY}),
        _S.DA_TRA_KET_QUA: frozenset(),
    }
)


class InvalidTransition(ValueError):
    """A dossier cannot move from one status to another."""

    def __init__(self, source: DossierStatus, target: DossierStatus) -> None:
        self.source = source
        self.target = target
        reason = " vì hồ sơ đã kết thúc" if is_terminal(source) else ""
        super().__init__(
            f"Không thể chuyển hồ sơ từ trạng thái “{source.label}” sang “{target.label}”{reason}."
        )


def can_transition(source: DossierStatus, target: DossierStatus) -> bool:
    """Tell whether a dossier may move from source to target."""
    return DossierStatus(target) in TRANSITIONS[DossierStatus(source)]


def check_transition(source: DossierStatus, target: DossierStatus) -> None:
    """Raise InvalidTransition unless a dossier may move from source to target."""
    if not can_transition(source, target):
        raise InvalidTransition(DossierStatus(source), DossierStatus(target))


def is_terminal(status: DossierStatus) -> bool:
    """Tell whether no status can follow this one."""
    return not TRANSITIONS[DossierStatus(status)]
