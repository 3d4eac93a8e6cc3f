"""Finding dossiers: accent-insensitive words, codes, phones, filters, scanned receipts."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from dossier_fixtures import citizen, complete_intake, make_counter

from counter_app.domain.dossier_status import DossierStatus as S
from counter_app.services.dossier_queries import DossierFilter
from counter_app.services.errors import NotFound


@pytest.fixture
def counter(migrated_db):
    counter = make_counter(migrated_db)
    people = [
        ("Nguyễn Văn An", "001090012345", "0912345678", "Nam", date(1990, 5, 2)),
        ("Đỗ Thị Ngọc Ánh", "001195004321", "0987654321", "Nữ", date(1995, 1, 1)),
        ("Lò Văn Páo", "012088000111", "0211222333", "Nam", date(1988, 3, 3)),
    ]
    for name, number, phone, gender, born in people:
        applicant = citizen(
            full_name=name, id_number=number, phone=phone, gender=gender, birth_date=born
        )
        counter.intake.accept(counter.clerk, complete_intake(counter, applicant=applicant))
        counter.clock.advance(minutes=10)
    return counter


def names(counter, **kw) -> list[str]:
    return [r.applicant_name for r in counter.queries.search(DossierFilter(**kw))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ngoc anh", ["Đỗ Thị Ngọc Ánh"]),
        ("NGỌC ÁNH", ["Đỗ Thị Ngọc Ánh"]),
        ("do thi", ["Đỗ Thị Ngọc Ánh"]),
        ("van", ["Lò Văn Páo", "Nguyễn Văn An"]),
        ("an nguyen", ["Nguyễn Văn An"]),
        ("0987654321", ["Đỗ Thị Ngọc Ánh"]),
        ("654321", ["Đỗ Thị Ngọc Ánh"]),
        ("012088000111", ["Lò Văn Páo"]),
        ("261116-0002", ["Đỗ Thị Ngọc Ánh"]),
        ("khong co ai", []),
        ("%", []),
        ('"', []),
        ("a_b", []),
    ],
)
def test_accent_insensitive_search(counter, query, expected):
    assert names(counter, query=query) == expected


def test_newest_first_and_filters(counter):
    assert names(counter) == ["Lò Văn Páo", "Đỗ Thị Ngọc Ánh", "Nguyễn Văn An"]
    first = counter.queries.search(DossierFilter())[-1]
    counter.lifecycle.withdraw(counter.clerk, first.id)
    assert names(counter, statuses=(S.CONG_DAN_RUT_HO_SO,)) == ["Nguyễn Văn An"]
    assert names(counter, received_from=date(2026, 11, 17)) == []
    assert len(names(counter, received_to=date(2026, 11, 16))) == 3
    assert counter.queries.count(DossierFilter(query="van")) == 2


def test_overdue_and_due_soon_filters(counter):
    assert names(counter, overdue_only=True) == []
    assert len(names(counter, due_soon_only=True)) == 3
    counter.clock.at = datetime(2026, 11, 25, 8, 0)
    assert len(names(counter, overdue_only=True)) == 3
    assert names(counter, due_soon_only=True) == []


def test_scanned_receipt_opens_the_dossier(counter):
    code = counter.queries.search(DossierFilter(query="ngoc anh"))[0].code
    assert counter.queries.resolve_scan(code + "\r\n").row.applicant_name == "Đỗ Thị Ngọc Ánh"
    assert counter.queries.resolve_scan(f"https://x.vn/tra-cuu?ma={code}").code == code
    with pytest.raises(NotFound, match="không phải mã hồ sơ"):
        counter.queries.resolve_scan("001090012345|123|Nguyễn Văn An")
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ mã"):
        counter.queries.resolve_scan("000.00.06.H56-261116-9999")
