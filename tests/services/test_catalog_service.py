"""The catalogue service on SQLite and PostgreSQL: import all-or-nothing, search, look-up."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.clock import FrozenClock
from counter_app.domain.catalog import PaperSpec, ProcedureSpec
from counter_app.domain.roles import Role
from counter_app.services import audit
from counter_app.services.catalog import CatalogService
from counter_app.services.errors import NotFound, PermissionDenied, ValidationError
from counter_app.services.principal import Principal
from db.models import AuditEntry, ProcedurePaper

ADMIN = Principal(None, "quantri", "Quản trị", Role.ADMIN, "MAY-1")
CLERK = Principal(None, "canbo", "Cán bộ một cửa", Role.CLERK, "MAY-1")
HEADER = "ma_tthc,ten_tthc,linh_vuc,thoi_han_ngay,le_phi,thanh_phan_ho_so,nguon,ghi_chu"


@pytest.fixture
def catalog(migrated_db) -> CatalogService:
    return CatalogService(migrated_db, FrozenClock(datetime(2026, 11, 23, 8, 0)))


@pytest.fixture
def shipped(catalog) -> CatalogService:
    catalog.load_shipped(ADMIN)
    return catalog


def _codes(results) -> list[str]:
    return [r.code for r in results]


def _audit_actions(db) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry.action)))


def test_shipped_catalogue_loads(catalog, migrated_db):
    result = catalog.load_shipped(ADMIN)
    assert result.added == result.total == catalog.count() >= 40
    assert (result.updated, result.unchanged, result.deactivated) == (0, 0, 0)
    assert "Hộ tịch" in catalog.fields() and "Chứng thực" in catalog.fields()
    assert _audit_actions(migrated_db) == ["catalog.import"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("khai sinh", "1.001193"),
        ("ket hon", "1.000894"),
        ("KẾT HÔN", "1.000894"),
        ("hôn kết đăng ký", "1.000894"),  # every word, any order
        ("1.001193", "1.001193"),
        ("chung thuc ban sao", "2.000815"),
    ],
)
def test_search_ignores_accents_case_and_word_order(shipped, query, first):
    results = shipped.search(query)
    assert results and results[0].code == first


def test_search_details(shipped):
    assert _codes(shipped.search("1.001193")) == ["1.001193"]
    certified = shipped.search("chung thuc")
    assert len(certified) >= 5 and {r.field for r in certified} == {"Chứng thực"}
    assert shipped.search("khai sinh zzz") == []
    assert shipped.search("50%") == []  # LIKE wildcards are plain text
    in_field = shipped.search("", field="chứng thực")
    assert {r.field for r in in_field} == {"Chứng thực"}
    assert len(shipped.search("", limit=3)) == 3
    assert shipped.search("khai sinh", field="Đất đai") == []


def test_get_returns_papers_and_detached_data(shipped):
    detail = shipped.get(" 1.001193 ")
    assert detail.name == "Thủ tục đăng ký khai sinh"
    assert detail.processing_days == Decimal(1) and detail.fee_text.startswith("Miễn")
    assert detail.papers[0].originals == 1 and detail.papers[0].required
    assert any(p.present_only for p in detail.papers)
    assert any(not p.required for p in detail.papers)
    assert "dichvucong.gov.vn" in detail.source and detail.note
    copy = shipped.get("2.000815")
    assert copy.boundary_free and copy.processing_days == Decimal("0.5")
    assert shipped.get("2.000884").fee_amount == 10000
    with pytest.raises(NotFound):
        shipped.get("9.999999")


def test_bad_csv_reports_every_row_and_imports_nothing(shipped, migrated_db, tmp_path: Path):
    before = shipped.count()
    path = tmp_path / "tinh.csv"
    rows = [
        "1.999001,Thủ tục mới hợp lệ,Hộ tịch,3,Miễn,Tờ khai (1 bản chính),,",  # line 2, fine
        "1.999002,Thủ tục,Hộ tịch,ba ngày,Miễn,,,",  # line 3
        '1.999003,"Tên\nhai dòng",Hộ tịch,1,Miễn,,,',  # lines 4-5, fine
        "abc,Thủ tục,Hộ tịch,1,Miễn,,,",  # line 6
        "1.999004,,Hộ tịch,1,Miễn,,,",  # line 7
        "1.999001,Trùng mã,Hộ tịch,1,Miễn,,,",  # line 8
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        shipped.import_file(ADMIN, path)
    problems = info.value.problems
    assert [p.split(":")[0] for p in problems] == ["Dòng 3", "Dòng 6", "Dòng 7", "Dòng 8"]
    assert shipped.count() == before
    assert shipped.search("thu tuc moi hop le") == []
    assert _audit_actions(migrated_db) == ["catalog.import"]  # only the shipped load


def test_reimport_updates_instead_of_duplicating(shipped, migrated_db, tmp_path: Path):
    total = shipped.count()
    with migrated_db.read() as session:
        papers = session.scalar(select(func.count(ProcedurePaper.id)))
    again = shipped.load_shipped(ADMIN)
    assert (again.added, again.updated, again.unchanged) == (0, 0, total)
    path = tmp_path / "sua.csv"
    path.write_text(
        "\ufeff"
        + HEADER
        + "\r\n1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,1/2 ngày,Miễn phí,"
        + '"Tờ khai (1 bản chính) | Giấy chứng sinh (1 bản chính)",nguồn tỉnh,\r\n',
        encoding="utf-8",
    )
    result = shipped.import_file(ADMIN, path)
    assert (result.added, result.updated, result.total) == (0, 1, 1)
    assert shipped.count() == total
    detail = shipped.get("1.001193")
    assert detail.processing_days == Decimal("0.5") and detail.fee_amount == 0
    assert [p.name for p in detail.papers] == ["Tờ khai", "Giấy chứng sinh"]
    with migrated_db.read() as session:
        assert session.scalar(select(func.count(ProcedurePaper.id))) == papers - 7 + 2


def test_deactivate_missing_hides_from_search_but_keeps_lookup(shipped):
    total = shipped.count()
    spec = ProcedureSpec("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", Decimal(1))
    result = shipped.import_specs(ADMIN, [spec], "chi-khai-sinh", deactivate_missing=True)
    assert result.deactivated == total - 1 and result.updated == 1
    assert shipped.count() == 1 and shipped.count(include_inactive=True) == total
    assert shipped.search("ket hon") == []
    assert shipped.fields() == ["Hộ tịch"]
    assert not shipped.get("1.000894").active
    shipped.load_shipped(ADMIN)
    assert shipped.count() == total


def test_clerk_may_not_import(catalog, migrated_db, tmp_path: Path):
    with pytest.raises(PermissionDenied):
        catalog.load_shipped(CLERK)
    spec = ProcedureSpec("1.001193", "Khai sinh", "Hộ tịch", Decimal(1))
    with pytest.raises(PermissionDenied):
        catalog.import_specs(CLERK, [spec], "x")
    with pytest.raises(PermissionDenied):
        catalog.import_file(CLERK, tmp_path / "khong-co.csv")
    assert catalog.count(include_inactive=True) == 0
    assert _audit_actions(migrated_db) == []


def test_failure_during_write_leaves_nothing(catalog, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("mất điện")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        catalog.load_shipped(ADMIN)
    assert catalog.count(include_inactive=True) == 0


def test_unreadable_and_invalid_files(catalog, tmp_path: Path):
    with pytest.raises(ValidationError, match="Không tìm thấy"):
        catalog.import_file(ADMIN, tmp_path / "khong-co.csv")
    latin = tmp_path / "ansi.csv"
    latin.write_bytes((HEADER + "\n1.001193,Khai sinh \xe0,H,1,,,,\n").encode("cp1258"))
    with pytest.raises(ValidationError, match="UTF-8"):
        catalog.import_file(ADMIN, latin)
    broken = tmp_path / "hong.json"
    broken.write_text('{"format": "mot-cua-catalog", "version": 1, "procedures": [', "utf-8")
    with pytest.raises(ValidationError, match="JSON"):
        catalog.import_file(ADMIN, broken)
    with pytest.raises(ValidationError, match="không có thủ tục"):
        catalog.import_specs(ADMIN, [], "rong")
    bad = ProcedureSpec("1.001193", "Khai sinh", "Hộ tịch", Decimal(1), fee_amount=-1)
    dup = ProcedureSpec("1.001193", "Khai sinh", "Hộ tịch", Decimal(1))
    with pytest.raises(ValidationError) as info:
        catalog.import_specs(ADMIN, [bad, dup], "x")
    assert len(info.value.problems) == 2
    paper = ProcedureSpec("2.000815", "X", "Y", Decimal(1), papers=(PaperSpec(""),))
    with pytest.raises(ValidationError, match="chưa có tên"):
        catalog.import_specs(ADMIN, [paper], "x")
    assert catalog.count(include_inactive=True) == 0
