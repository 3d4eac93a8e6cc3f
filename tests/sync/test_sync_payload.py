"""The payload mapping: portal dates, the canonical hash, dossier/status/rating shapes."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime

import pytest

from counter_app.domain.sync_payload import (
    AttachmentRef,
    DossierSnapshot,
    Operation,
    PaperEntry,
    RatingRecord,
    StatusChange,
    attachment_hashes,
    batch_body,
    canonical_json,
    content_hash,
    dossier_payload,
    format_portal_time,
    operation_item,
    parse_portal_time,
    rating_key,
    rating_payload,
    status_payload,
)

SHA = "a" * 64


def test_portal_time_round_trip():
    at = datetime(2026, 1, 2, 3, 4, 5)
    assert format_portal_time(at) == "20260102030405"
    assert parse_portal_time("20260102030405") == at
    for text in ("20261231235959", "20000101000000", "20280229120000"):
        assert format_portal_time(parse_portal_time(text)) == text


def test_aware_time_is_written_in_vietnam_time():
    assert format_portal_time(datetime(2026, 11, 23, 17, 30, tzinfo=UTC)) == "20261124003000"


@pytest.mark.parametrize(
    "text",
    [
        "2026112308000",
        "202611230800000",
        "2026-11-23T08",
        "20261332080000",
        "20270229080000",
        "２０２６１１２３０８００００",
        " 20261123080000",
        "",
    ],
)
def test_bad_portal_times_are_refused(text):
    with pytest.raises(ValueError):
        parse_portal_time(text)


def test_canonical_json_sorts_keys_and_has_no_spaces():
    assert canonical_json({"b": [1, {"d": 2, "c": "x"}], "a": True}) == (
        b'{"a":true,"b":[1,{"c":"x","d":2}]}'
    )
    assert canonical_json({"k": "Ễ"}) == '{"k":"Ễ"}'.encode()  # letters not escaped


def test_content_hash_ignores_key_order():
    one = {"MaHoSo": "X", "TaiLieuNop": [{"a": 1, "b": 2}], "Gia": 0}
    two = json.loads('{"Gia": 0, "TaiLieuNop": [{"b": 2, "a": 1}], "MaHoSo": "X"}')
    assert content_hash(one) == content_hash(two)
    assert content_hash(one) != content_hash({**one, "Gia": 1})
    assert content_hash(one) == content_hash(one)  # stable
    assert len(content_hash(one)) == 64


def test_content_hash_normalises_to_nfc():
    nfc = "Nguyễn Thị Hồng"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert content_hash({"ChuHoSo": nfc}) == content_hash({"ChuHoSo": nfd})
    assert content_hash({nfd: 1}) == content_hash({nfc: 1})  # keys too


def test_content_hash_refuses_nan():
    with pytest.raises(ValueError):
        content_hash({"x": float("nan")})


def _snapshot(**kwargs):
    base = dict(
        code="000.00.06.H56-261123-0001",
        status=2,
        procedure_code="1.001193",
        procedure_name=unicodedata.normalize("NFD", "Đăng ký khai sinh"),
        field="Hộ tịch",
        received_at=datetime(2026, 11, 23, 8, 30),
        applicant_name="Nguyễn Văn An",
    )
    return DossierSnapshot(**{**base, **kwargs})


def test_dossier_payload_uses_portal_names_and_leaves_empty_fields_out():
    payload = dossier_payload(_snapshot())
    assert payload == {
        "MaHoSo": "000.00.06.H56-261123-0001",
        "MaTTHC": "1.001193",
        "TenTTHC": "Đăng ký khai sinh",
        "TenLinhVuc": "Hộ tịch",
        "KenhThucHien": 1,
        "ChuHoSo": "Nguyễn Văn An",
        "LoaiDoiTuong": 1,
        "NgayTiepNhan": "20261123083000",
        "TrangThaiHoSo": 2,
        "HinhThuc": 0,
        "NoiNopHoSo": "000.00.06.H56",
    }
    assert unicodedata.is_normalized("NFC", str(payload["TenTTHC"]))


def test_dossier_payload_papers_files_and_dates():
    files = (AttachmentRef(SHA, "to-khai.pdf", 1234, "application/pdf"),)
    payload = dossier_payload(
        _snapshot(
            due_at=datetime(2026, 11, 24, 16, 0),
            papers=(PaperEntry("Tờ khai", originals=1, attachments=files), PaperEntry("CCCD")),
            other_attachments=(AttachmentRef("b" * 64, "anh.jpg", 10),),
        )
    )
    assert payload["NgayHenTra"] == "20261124160000"
    papers = payload["TaiLieuNop"]
    assert papers[0]["DuocSoHoa"] is True and papers[1]["DuocSoHoa"] is False
    assert papers[0]["TepDinhKem"] == [
        {
            "TenTepDinhKem": "to-khai.pdf",
            "KichThuoc": 1234,
            "SHA256": SHA,
            "LoaiTep": "application/pdf",
        }
    ]
    assert attachment_hashes(payload) == [SHA, "b" * 64]


def test_status_payload():
    change = StatusChange(
        "X",
        10,
        datetime(2026, 11, 25, 10, 0),
        "Lê Văn C",
        returned_at=datetime(2026, 11, 25, 10, 0),
    )
    assert status_payload(change) == {
        "TrangThaiHoSo": 10,
        "ThoiDiemXuLy": "20261125100000",
        "NguoiXuLy": "Lê Văn C",
        "NgayTra": "20261125100000",
    }


def test_rating_payload_has_the_office_prefixed_key_and_no_identity():
    record = RatingRecord(
        "000.00.06.H56",
        "ticket:12",
        "dissatisfied",
        2,
        datetime(2026, 11, 23, 9, 0),
        counter=3,
        clerk="Trần B",
        reasons=("Chờ lâu",),
        comment="",
    )
    payload = rating_payload(record)
    assert payload == {
        "MaDanhGia": "000.00.06.H56:ticket:12",
        "MaQuay": 3,
        "CanBo": "Trần B",
        "MucDo": "dissatisfied",
        "Diem": 2,
        "LyDo": ["Chờ lâu"],
        "ThoiDiemDanhGia": "20261123090000",
    }
    assert rating_key("A.B", "dossier:34") == "A.B:dossier:34"


@pytest.mark.parametrize(("level", "score"), [("happy", 4), ("satisfied", 0), ("satisfied", 6)])
def test_rating_payload_refuses_bad_levels_and_scores(level, score):
    with pytest.raises(ValueError):
        rating_payload(RatingRecord("A.B", "ticket:1", level, score, datetime(2026, 1, 1)))


def test_operation_items_and_batch_body():
    op = Operation("op-00000001", "status", {"TrangThaiHoSo": 4}, "X-1", 2)
    assert operation_item(op) == {
        "op_id": "op-00000001",
        "kind": "status",
        "MaHoSo": "X-1",
        "seq": 2,
        "data": {"TrangThaiHoSo": 4},
    }
    rating = Operation("op-00000002", "rating", {"MaDanhGia": "A:ticket:1"})
    assert "seq" not in operation_item(rating)
    body = batch_body([op, rating])
    assert b" " not in body
    assert json.loads(body)["items"][1]["kind"] == "rating"
    with pytest.raises(ValueError):
        operation_item(Operation("op-00000003", "delete", {}))
