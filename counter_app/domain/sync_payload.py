"""What a commune sends to the provincial system, in the shape of the national portal's sync.

Plain dataclasses in, JSON-ready dicts out (field names and ``yyyyMMddHHmmss`` dates of the
DVCQG dossier sync; see docs/sync-protocol.md). Empty optional fields are left out of the
payload to keep it small; a missing key means "empty". ``content_hash`` gives the canonical
SHA-256 both ends compare during reconciliation.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from counter_app.domain.rating import LEVEL_CODES

JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]
JSONObject = dict[str, JSONValue]

PROTOCOL_VERSION = 1
PORTAL_TIME_FORMAT = "%Y%m%d%H%M%S"
PORTAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

KIND_DOSSIER = "dossier"
KIND_STATUS = "status"
KIND_RATING = "rating"
KINDS = (KIND_DOSSIER, KIND_STATUS, KIND_RATING)


def format_portal_time(at: datetime) -> str:
    """``yyyyMMddHHmmss`` in Vietnam time; a naive datetime is taken as Vietnam time already."""
    if at.tzinfo is not None:
        at = at.astimezone(PORTAL_TZ)
    return f"{at.year:04d}{at.month:02d}{at.day:02d}{at.hour:02d}{at.minute:02d}{at.second:02d}"


def parse_portal_time(text: str) -> datetime:
    """Read ``yyyyMMddHHmmss`` (exactly 14 ASCII digits) as a naive Vietnam-time datetime."""
    if len(text) != 14 or not text.isascii() or not text.isdigit():
        raise ValueError(f"Thời điểm “{text}” không đúng dạng yyyyMMddHHmmss (14 chữ số).")
    try:
        return datetime.strptime(text, PORTAL_TIME_FORMAT)
    except ValueError:
        raise ValueError(f"Thời điểm “{text}” không phải là một thời điểm có thật.") from None


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _nfc_deep(value: object) -> JSONValue:
    if isinstance(value, str):
        return _nfc(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Mapping):
        return {_nfc(str(k)): _nfc_deep(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc_deep(v) for v in value]
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def canonical_json(value: object) -> bytes:
    """Canonical UTF-8 JSON: NFC strings and keys, sorted keys, no spaces, no NaN."""
    text = json.dumps(
        _nfc_deep(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")


def content_hash(value: object) -> str:
    """Lower-case hex SHA-256 of the canonical JSON of a value."""
    return hashlib.sha256(canonical_json(value)).hexdigest()


def compact_json(value: object) -> bytes:
    """UTF-8 JSON for the wire: key order kept, no spaces, letters unescaped."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _put(payload: JSONObject, key: str, value: str | int | datetime | None) -> None:
    """Set an optional field, leaving it out when empty."""
    if value is None or value == "":
        return
    if isinstance(value, datetime):
        payload[key] = format_portal_time(value)
    elif isinstance(value, str):
        payload[key] = _nfc(value)
    else:
        payload[key] = value


@dataclass(frozen=True)
class AttachmentRef:
    """A digitised file, named by its SHA-256 (uploaded before the dossier that cites it)."""

    sha256: str
    name: str
    size: int
    media_type: str = ""


@dataclass(frozen=True)
class PaperEntry:
    """A paper of the checklist as ticked at the counter, with its scans."""

    name: str
    originals: int = 0
    copies: int = 0
    received: bool = True
    attachments: tuple[AttachmentRef, ...] = ()


@dataclass(frozen=True)
class FeeLine:
    """A fee or charge collected for the dossier (đồng)."""

    name: str
    amount: int
    code: str = ""
    method: str = ""


@dataclass(frozen=True)
class HistoryStep:
    """One step of the dossier's life (a QuaTrinhXuLy line)."""

    at: datetime
    status: int
    actor_name: str
    actor_title: str = ""
    unit: str = ""
    note: str = ""


@dataclass(frozen=True)
class DossierSnapshot:
    """The whole dossier as the commune holds it now (from db/models/dossier.py's Dossier)."""

    code: str
    status: int
    procedure_code: str
    procedure_name: str
    field: str
    received_at: datetime
    applicant_name: str
    channel: int = 1
    field_code: str = ""
    applicant_kind: int = 1
    applicant_id_number: str = ""
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    submitter_name: str = ""
    summary: str = ""
    sets_count: int = 1
    due_at: datetime | None = None
    returned_at: datetime | None = None
    delivery: int = 0
    handling_unit: str = ""
    receiving_office: str = ""
    papers: tuple[PaperEntry, ...] = ()
    fees: tuple[FeeLine, ...] = ()
    history: tuple[HistoryStep, ...] = ()
    other_attachments: tuple[AttachmentRef, ...] = ()


def _file(ref: AttachmentRef) -> JSONObject:
    out: JSONObject = {"TenTepDinhKem": _nfc(ref.name), "KichThuoc": ref.size, "SHA256": ref.sha256}
    _put(out, "LoaiTep", ref.media_type)
    return out


def _paper(paper: PaperEntry) -> JSONObject:
    out: JSONObject = {
        "TenGiayTo": _nfc(paper.name),
        "SoBanChinh": paper.originals,
        "SoBanSao": paper.copies,
        "DaNop": paper.received,
        "DuocSoHoa": bool(paper.attachments),
    }
    if paper.attachments:
        out["TepDinhKem"] = [_file(a) for a in paper.attachments]
    return out


def _fee(fee: FeeLine) -> JSONObject:
    out: JSONObject = {"TenPhiLePhi": _nfc(fee.name), "Gia": fee.amount}
    _put(out, "MaPhiLePhi", fee.code)
    _put(out, "HinhThucThu", fee.method)
    return out


def _step(step: HistoryStep) -> JSONObject:
    out: JSONObject = {
        "ThoiDiemXuLy": format_portal_time(step.at),
        "TrangThai": step.status,
        "NguoiXuLy": _nfc(step.actor_name),
    }
    _put(out, "ChucDanh", step.actor_title)
    _put(out, "PhongBanXuLy", step.unit)
    _put(out, "NoiDungXuLy", step.note)
    return out


def agency_of(dossier_code: str) -> str:
    """The agency-code part of a dossier code (everything before ``-YYMMDD-NNNN``)."""
    return dossier_code.rsplit("-", 2)[0]


def dossier_payload(s: DossierSnapshot) -> JSONObject:
    """The portal-shaped JSON object of a dossier snapshot (DongBoHoSoMC names)."""
    out: JSONObject = {
        "MaHoSo": s.code,
        "MaTTHC": s.procedure_code,
        "TenTTHC": _nfc(s.procedure_name),
        "TenLinhVuc": _nfc(s.field),
        "KenhThucHien": s.channel,
        "ChuHoSo": _nfc(s.applicant_name),
        "LoaiDoiTuong": s.applicant_kind,
        "NgayTiepNhan": format_portal_time(s.received_at),
        "TrangThaiHoSo": s.status,
        "HinhThuc": s.delivery,
        "NoiNopHoSo": s.receiving_office or agency_of(s.code),
    }
    _put(out, "MaLinhVuc", s.field_code)
    _put(out, "SoGiayToChuHoSo", s.applicant_id_number)
    _put(out, "DiaChiChuHoSo", s.applicant_address)
    _put(out, "SoDienThoai", s.applicant_phone)
    _put(out, "Email", s.applicant_email)
    _put(out, "NguoiNopHoSo", s.submitter_name)
    _put(out, "TrichYeuHoSo", s.summary)
    _put(out, "NgayHenTra", s.due_at)
    _put(out, "NgayTra", s.returned_at)
    _put(out, "DonViXuLy", s.handling_unit)
    if s.sets_count != 1:
        out["SoLuongHoSo"] = s.sets_count
    if s.papers:
        out["TaiLieuNop"] = [_paper(p) for p in s.papers]
    if s.other_attachments:
        out["DanhSachTepDinhKemKhac"] = [_file(a) for a in s.other_attachments]
    if s.fees:
        out["DanhSachLePhi"] = [_fee(f) for f in s.fees]
    if s.history:
        out["QuaTrinhXuLy"] = [_step(h) for h in s.history]
    return out


def attachment_hashes(payload: Mapping[str, object]) -> list[str]:
    """SHA-256 of every file a dossier payload cites, in order, without repeats."""
    found: list[str] = []
    files: list[object] = []
    papers = payload.get("TaiLieuNop")
    for paper in papers if isinstance(papers, list) else []:
        if isinstance(paper, Mapping) and isinstance(paper.get("TepDinhKem"), list):
            files.extend(paper["TepDinhKem"])
    others = payload.get("DanhSachTepDinhKemKhac")
    files.extend(others if isinstance(others, list) else [])
    for item in files:
        sha = item.get("SHA256") if isinstance(item, Mapping) else None
        if isinstance(sha, str) and sha not in found:
            found.append(sha)
    return found


@dataclass(frozen=True)
class StatusChange:
    """A status change made at the commune after the dossier was sent."""

    code: str
    status: int
    at: datetime
    actor_name: str
    actor_title: str = ""
    unit: str = ""
    note: str = ""
    due_at: datetime | None = None
    returned_at: datetime | None = None


def status_payload(c: StatusChange) -> JSONObject:
    """The JSON object of a status change (a QuaTrinhXuLy line plus the new TrangThaiHoSo)."""
    out: JSONObject = {
        "TrangThaiHoSo": c.status,
        "ThoiDiemXuLy": format_portal_time(c.at),
        "NguoiXuLy": _nfc(c.actor_name),
    }
    _put(out, "ChucDanh", c.actor_title)
    _put(out, "PhongBanXuLy", c.unit)
    _put(out, "NoiDungXuLy", c.note)
    _put(out, "NgayHenTra", c.due_at)
    _put(out, "NgayTra", c.returned_at)
    return out


def rating_key(office_code: str, event_key: str) -> str:
    """The province-wide key of a rating: the office code, a colon, the local event key."""
    return f"{office_code}:{event_key}"


@dataclass(frozen=True)
class RatingRecord:
    """A citizen's rating of the service; the citizen's identity is never part of it."""

    office_code: str
    event_key: str  # "ticket:12", "dossier:34"
    level: str
    score: int
    at: datetime
    counter: int | None = None
    clerk: str = ""
    dossier_code: str = ""
    reasons: tuple[str, ...] = ()
    comment: str = ""


def rating_payload(r: RatingRecord) -> JSONObject:
    """The JSON object of a rating; ValueError on an unknown level or a score outside 1–5."""
    if r.level not in LEVEL_CODES:
        raise ValueError(f"Mức đánh giá không hợp lệ: {r.level!r}")
    if not 1 <= r.score <= 5:
        raise ValueError(f"Điểm đánh giá phải từ 1 đến 5, nhận được {r.score}.")
    out: JSONObject = {"MaDanhGia": rating_key(r.office_code, r.event_key)}
    _put(out, "MaHoSo", r.dossier_code)
    _put(out, "MaQuay", r.counter)
    _put(out, "CanBo", r.clerk)
    out["MucDo"] = r.level
    out["Diem"] = r.score
    if r.reasons:
        out["LyDo"] = [_nfc(reason) for reason in r.reasons]
    _put(out, "YKien", r.comment)
    out["ThoiDiemDanhGia"] = format_portal_time(r.at)
    return out


def new_op_id() -> str:
    """A fresh operation id (a random UUID, text form)."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Operation:
    """One item of a batch: what to do (kind), to which dossier, in which order, and the data."""

    op_id: str
    kind: str
    data: JSONObject
    code: str = ""  # MaHoSo; empty for a rating
    seq: int = 0  # the commune's per-dossier operation number, from 1; 0 for a rating


def operation_item(op: Operation) -> JSONObject:
    """The batch item of an operation: ``op_id``, ``kind``, ``MaHoSo`` and ``seq``, ``data``."""
    if op.kind not in KINDS:
        raise ValueError(f"unknown operation kind {op.kind!r}")
    item: JSONObject = {"op_id": op.op_id, "kind": op.kind}
    if op.kind != KIND_RATING:
        item["MaHoSo"] = op.code
        item["seq"] = op.seq
    item["data"] = op.data
    return item


def batch_body(ops: Iterable[Operation]) -> bytes:
    """The compact JSON body of ``POST /api/v1/batch`` for these operations (not compressed)."""
    items: list[JSONValue] = [operation_item(op) for op in ops]
    return compact_json({"items": items})
