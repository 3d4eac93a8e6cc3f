"""Checks on one batch item before it is applied, with the reason codes of the protocol.

The server stores what it receives as received, so it checks only what it relies on: the
envelope, the office that owns the item, the fields it indexes, and dates and codes being
readable. Messages are Vietnamese: the commune shows them to the clerk who must fix the item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeGuard

from counter_app.domain.dossier_code import parse_code
from counter_app.domain.rating import LEVEL_CODES
from counter_app.domain.sync_payload import (
    KIND_DOSSIER,
    KIND_RATING,
    KIND_STATUS,
    KINDS,
    attachment_hashes,
    parse_portal_time,
)
from counter_app.sync.reference_server.batch_json import RawItem
from counter_app.sync.reference_server.files import is_sha256

OP_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
#: Keys that would identify the citizen: a rating carrying one is refused.
IDENTITY_KEYS = frozenset(
    {"ChuHoSo", "SoGiayToChuHoSo", "SoDienThoai", "Email", "DiaChiChuHoSo", "NguoiNopHoSo"}
)


@dataclass(frozen=True)
class Rejection(Exception):
    """Why an item was not applied; ``retryable`` items may be sent again unchanged later."""

    code: str
    message: str
    retryable: bool = False


@dataclass(frozen=True)
class Item:
    """A batch item that passed the checks."""

    op_id: str
    kind: str
    code: str | None  # MaHoSo (a rating's is optional)
    seq: int | None  # None for a rating
    data: dict[str, Any]
    raw_data: str


def _malformed(detail: str) -> Rejection:
    return Rejection("malformed", f"Thao tác không đúng cấu trúc: {detail}.")


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(data: dict[str, Any], key: str, *, required: bool = True) -> None:
    value = data.get(key)
    if value is None and not required:
        return
    if not isinstance(value, str) or (required and not value.strip()):
        raise _malformed(f"thiếu “{key}” hoặc “{key}” không phải chuỗi ký tự")


def _date(data: dict[str, Any], key: str, *, required: bool = True) -> None:
    value = data.get(key)
    if value is None and not required:
        return
    if not isinstance(value, str):
        raise Rejection("invalid_date", f"{key}: thiếu thời điểm dạng yyyyMMddHHmmss.")
    try:
        parse_portal_time(value)
    except ValueError as exc:
        raise Rejection("invalid_date", f"{key}: {exc}") from None


def _status(data: dict[str, Any]) -> None:
    value = data.get("TrangThaiHoSo")
    if not _is_int(value) or not 1 <= value <= 10:
        raise Rejection("invalid_status", "TrangThaiHoSo phải là số nguyên từ 1 đến 10.")


def _own_code(code: object, office: str) -> str:
    if not isinstance(code, str):
        raise _malformed("thiếu “MaHoSo”")
    try:
        agency, _day, _seq = parse_code(code)
    except ValueError as exc:
        raise Rejection("invalid_code", str(exc)) from None
    if agency != office:
        raise Rejection(
            "wrong_office",
            f"Hồ sơ “{code}” không thuộc đơn vị {office}: mỗi đơn vị chỉ được gửi hồ sơ của mình.",
        )
    return code


def _dossier(data: dict[str, Any], code: str) -> None:
    if data.get("MaHoSo") != code:
        raise _malformed("“MaHoSo” trong data khác “MaHoSo” của thao tác")
    for key in ("MaTTHC", "TenTTHC", "ChuHoSo"):
        _text(data, key)
    _status(data)
    if data.get("KenhThucHien") not in (1, 2, 3):
        raise _malformed("“KenhThucHien” phải là 1, 2 hoặc 3")
    _date(data, "NgayTiepNhan")
    _date(data, "NgayHenTra", required=False)
    _date(data, "NgayTra", required=False)
    for key in ("TaiLieuNop", "DanhSachLePhi", "QuaTrinhXuLy", "DanhSachTepDinhKemKhac"):
        if key in data and not isinstance(data[key], list):
            raise _malformed(f"“{key}” phải là một danh sách")
    if not all(is_sha256(sha) for sha in attachment_hashes(data)):
        raise _malformed("“SHA256” của tệp đính kèm phải gồm 64 chữ số hệ 16 viết thường")


def _status_change(data: dict[str, Any]) -> None:
    _status(data)
    _date(data, "ThoiDiemXuLy")
    _text(data, "NguoiXuLy")
    _date(data, "NgayHenTra", required=False)
    _date(data, "NgayTra", required=False)


def _rating(data: dict[str, Any], office: str) -> str | None:
    key = data.get("MaDanhGia")
    if not isinstance(key, str) or not key.strip():
        raise _malformed("thiếu “MaDanhGia”")
    if not key.startswith(office + ":"):
        raise Rejection(
            "wrong_office",
            f"Đánh giá “{key}” không mang mã đơn vị {office}: "
            "mỗi đơn vị chỉ được gửi đánh giá của mình.",
        )
    leaked = sorted(IDENTITY_KEYS & data.keys())
    if leaked:
        raise Rejection(
            "personal_data",
            "Phiếu đánh giá không được chứa thông tin nhận diện công dân: " + ", ".join(leaked),
        )
    if data.get("MucDo") not in LEVEL_CODES:
        raise Rejection("invalid_rating", "MucDo phải là một mã mức đánh giá đã công bố.")
    score = data.get("Diem")
    if not _is_int(score) or not 1 <= score <= 5:
        raise Rejection("invalid_rating", "Diem phải là số nguyên từ 1 đến 5.")
    reasons = data.get("LyDo", [])
    if not isinstance(reasons, list) or not all(isinstance(r, str) for r in reasons):
        raise _malformed("“LyDo” phải là danh sách chuỗi ký tự")
    _text(data, "YKien", required=False)
    _text(data, "CanBo", required=False)
    if "MaQuay" in data and not _is_int(data["MaQuay"]):
        raise _malformed("“MaQuay” phải là số nguyên")
    _date(data, "ThoiDiemDanhGia")
    code = data.get("MaHoSo")
    return None if code is None else _own_code(code, office)


def check_item(raw: RawItem, office: str) -> Item:
    """The item, checked; raise Rejection with the reason when it cannot be applied."""
    envelope = raw.envelope
    op_id = envelope.get("op_id") if raw.is_object else None
    if not isinstance(op_id, str) or OP_ID.fullmatch(op_id) is None:
        raise _malformed("thiếu “op_id” (8–64 ký tự, nên là một UUID)")
    kind = envelope.get("kind")
    if kind not in KINDS:
        raise Rejection("unknown_kind", f"Loại thao tác “{kind}” không được hỗ trợ.")
    data = envelope.get("data")
    if not isinstance(data, dict) or raw.raw_data is None:
        raise _malformed("“data” phải là một đối tượng JSON")
    if kind == KIND_RATING:
        return Item(op_id, kind, _rating(data, office), None, data, raw.raw_data)
    code = _own_code(envelope.get("MaHoSo"), office)
    seq = envelope.get("seq")
    if not _is_int(seq) or seq < 1:
        raise _malformed("“seq” phải là số nguyên từ 1 trở lên")
    if kind == KIND_DOSSIER:
        _dossier(data, code)
    elif kind == KIND_STATUS:
        _status_change(data)
    return Item(op_id, kind, code, seq, data, raw.raw_data)
