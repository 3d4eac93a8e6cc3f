"""Dossier reports over a known history crossing the October/November 2026 boundary.

24/11/2026 is a day off (docs/decisions.md), so a 3-day dossier received on Friday 20/11
is due on Thursday 26/11, not Wednesday 25/11. Every figure below is counted by hand from the
history built in `history`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pytest
from dossier_fixtures import Counter, complete_intake, make_counter
from sqlalchemy import insert

from counter_app.domain.intake import BY_POST, CHANNEL_ONLINE, CHANNEL_POST
from counter_app.domain.roles import Role
from counter_app.services.accounts import AccountService
from counter_app.services.dossier_lifecycle import ReturnInput
from counter_app.services.dossier_report_models import DossierCounts, DossierFilters
from counter_app.services.dossier_reports import DossierReports
from counter_app.services.errors import PermissionDenied
from counter_app.services.principal import Principal
from counter_app.services.queue import QueueService
from counter_app.settings import SecuritySettings
from db.engine import Database
from db.models import Ticket

KHAI_SINH, HON_NHAN, BAN_SAO, HO_KINH_DOANH = "1.001193", "1.004873", "2.000815", "1.001612"
HO_TICH, CHUNG_THUC = "Hộ tịch", "Chứng thực"
HKD = "Thành lập và hoạt động của hộ kinh doanh"
NOV = (date(2026, 11, 1), date(2026, 11, 30))


@dataclass
class History:
    counter: Counter
    reports: DossierReports
    supervisor: Principal
    clerk2: Principal
    ids: dict[str, int]


def _at(c: Counter, *when: int) -> None:
    c.clock.at = datetime(*when)  # type: ignore[arg-type]


def _build(db: Database) -> History:
    c = make_counter(db, datetime(2026, 10, 1, 8, 0))
    accounts = AccountService(db, SecuritySettings(), "QUAY-2", c.clock)
    boss = accounts.create_user(c.admin, "giamsat", "Trần Thị Giám", Role.SUPERVISOR, "gs123456")
    accounts.create_user(c.admin, "canbo2", "Nguyễn Văn Đức", Role.CLERK, "canbo1234")
    clerk2 = accounts.sign_in("canbo2", "canbo1234")
    supervisor = Principal(boss.id, "giamsat", boss.full_name, Role.SUPERVISOR, "MAY-1")
    ids: dict[str, int] = {}
    life = c.lifecycle

    def receive(name: str, code: str, *when: int, who: Principal = c.clerk, **kw: object) -> int:
        _at(c, *when)
        ids[name] = c.intake.accept(who, complete_intake(c, code, **kw)).id
        return ids[name]

    def act(action: str, name: str, *when: int, **kw: object) -> None:
        _at(c, *when)
        getattr(life, action)(c.clerk, ids[name], **kw)

    receive("d1", KHAI_SINH, 2026, 10, 29, 9, 0)  # due 30/10 09:00
    act("record_result", "d1", 2026, 11, 2, 10, 0)  # late
    act("return_result", "d1", 2026, 11, 3, 9, 0, how=ReturnInput())
    receive("d2", HON_NHAN, 2026, 10, 30, 14, 0)  # due 04/11 14:00
    act("record_result", "d2", 2026, 11, 3, 10, 0)  # early
    receive("d3", HON_NHAN, 2026, 10, 30, 15, 0)  # due 04/11 15:00
    act("record_result", "d3", 2026, 11, 4, 8, 0)  # on time: the due day, before the hour
    receive("d4", KHAI_SINH, 2026, 10, 20, 9, 0)  # due 21/10 09:00
    act("record_result", "d4", 2026, 10, 21, 8, 0)
    act("return_result", "d4", 2026, 11, 2, 8, 0, how=ReturnInput())  # returned in November
    receive("d5", HON_NHAN, 2026, 11, 20, 10, 0, who=clerk2)  # due 26/11: 24/11 is off
    act("record_result", "d5", 2026, 11, 25, 15, 0)  # early thanks to the holiday
    receive("d6", HO_KINH_DOANH, 2026, 11, 23, 9, 0, who=clerk2)  # due 27/11 09:00
    act("apologise", "d6", 2026, 11, 26, 9, 0, new_due=datetime(2026, 12, 2, 10), reason="Chờ")
    act("record_result", "d6", 2026, 12, 1, 9, 0)  # after November: open (late) at its end
    receive("d7", KHAI_SINH, 2026, 11, 10, 9, 0)
    act("withdraw", "d7", 2026, 11, 11, 9, 0)
    receive("d8", HO_KINH_DOANH, 2026, 10, 15, 9, 0)  # due 20/10, still being processed
    act("transfer", "d8", 2026, 10, 15, 10, 0, unit="UBND Phường Ba Đình")
    receive("d9", HON_NHAN, 2026, 11, 26, 10, 0)  # due 01/12 10:00
    _at(c, 2026, 11, 12, 9, 0)
    c.intake.refuse(c.clerk, complete_intake(c, KHAI_SINH, reasons="Không thuộc thẩm quyền"))
    post: dict[str, Any] = {
        "channel": CHANNEL_POST,
        "delivery": BY_POST,
        "postal_address": "Bản Nậm Xe",
    }
    receive("d11", BAN_SAO, 2026, 11, 5, 8, 0, **post)  # due 05/11 14:00
    act("record_result", "d11", 2026, 11, 5, 11, 0)  # on time
    act("return_result", "d11", 2026, 11, 6, 9, 0, how=ReturnInput(True, "EMS123"))
    receive("d12", KHAI_SINH, 2026, 11, 6, 9, 0, channel=CHANNEL_ONLINE)  # due 09/11 09:00
    act("record_result", "d12", 2026, 11, 9, 10, 0)  # late
    receive("d13", BAN_SAO, 2026, 11, 30, 16, 0)  # due 01/12
    receive("d14", HON_NHAN, 2026, 10, 28, 9, 0)
    act("stop", "d14", 2026, 10, 29, 9, 0, reason="Theo đề nghị")  # closed before November
    receive("d15", HON_NHAN, 2026, 10, 29, 9, 0)
    act("stop", "d15", 2026, 11, 3, 9, 0, reason="Theo đề nghị")
    receive("d16", KHAI_SINH, 2026, 12, 1, 9, 0)  # after November
    _at(c, 2026, 11, 13, 9, 0)
    c.intake.request_supplement(c.clerk, complete_intake(c, KHAI_SINH, reasons="Thiếu giấy"))
    receive("d18", KHAI_SINH, 2026, 11, 16, 9, 0)  # due 17/11 09:00
    act("request_supplement", "d18", 2026, 11, 16, 10, 0, reasons="Thiếu giấy tờ")
    _link_tickets(c, {"d1": 1, "d2": 1, "d5": 2, "d13": 2}, ids)
    c.clock.at = datetime(2026, 12, 10, 9, 0)
    return History(c, DossierReports(db, c.calendar, c.clock), supervisor, clerk2, ids)


def _link_tickets(c: Counter, counters: dict[str, int], ids: dict[str, int]) -> None:
    area = QueueService(c.db, c.clock).ensure_default_areas(c.admin)[0]
    rows = [
        dict(
            day=date(2026, 11, 1),
            prefix=area.prefix,
            number=n,
            label=f"{area.prefix}{n:03d}",
            area_id=area.id,
            issued_at=datetime(2026, 11, 1, 7, 0),
            counter=counter,
            dossier_id=ids[name],
            status="done",
        )
        for n, (name, counter) in enumerate(counters.items(), start=1)
    ]
    with c.db.write() as session:
        session.execute(insert(Ticket), rows)


@pytest.fixture
def history(migrated_db: Database) -> History:
    return _build(migrated_db)


def _counts(**given: int) -> DossierCounts:
    return DossierCounts(**given)


HO_TICH_NOV = _counts(
    received=5, carried_over=4, resolved_early=2, resolved_on_time=1, resolved_late=2,
    open_on_time=2, returned=2, withdrawn=1, stopped=1, refused=1, at_counter=4, online=1,
)  # fmt: skip
CHUNG_THUC_NOV = _counts(
    received=2, resolved_on_time=1, open_on_time=1, returned=1, at_counter=1, by_post=1
)
HKD_NOV = _counts(received=1, carried_over=1, open_late=2, at_counter=1)
TOTAL_NOV = _counts(
    received=8, carried_over=5, resolved_early=2, resolved_on_time=2, resolved_late=2,
    open_on_time=3, open_late=2, returned=3, withdrawn=1, stopped=1, refused=1,
    at_counter=6, online=1, by_post=1,
)  # fmt: skip


def test_due_dates_follow_the_calendar(history: History) -> None:
    due = {n: history.counter.queries.get(i).row.due_at for n, i in history.ids.items()}
    assert due["d5"] == datetime(2026, 11, 26, 10, 0)  # 24/11 off: one more day
    assert due["d2"] == datetime(2026, 11, 4, 14, 0)
    assert due["d11"] == datetime(2026, 11, 5, 14, 0)
    assert due["d6"] == datetime(2026, 12, 2, 10, 0)  # moved by the apology letter


def test_november_by_field(history: History) -> None:
    s = history.reports.summary(history.supervisor, *NOV, "field")
    assert [(r.key, r.counts) for r in s.rows] == [
        (CHUNG_THUC, CHUNG_THUC_NOV),
        (HO_TICH, HO_TICH_NOV),
        (HKD, HKD_NOV),
    ]
    assert s.total.label == "Tổng cộng" and s.total.counts == TOTAL_NOV
    t = s.total.counts
    assert t.intake_total == t.resolved + t.withdrawn + t.stopped + t.open == 13


def test_october_by_field(history: History) -> None:
    s = history.reports.summary(history.supervisor, date(2026, 10, 1), date(2026, 10, 31))
    assert s.total.counts == _counts(
        received=7, resolved_on_time=1, open_on_time=3, open_late=2, stopped=1, at_counter=7
    )
    assert [r.key for r in s.rows] == [HO_TICH, HKD]
    assert s.rows[1].counts == _counts(received=1, open_late=1, at_counter=1)


def test_december_counts_the_apology_as_late(history: History) -> None:
    s = history.reports.summary(history.supervisor, date(2026, 12, 1), date(2026, 12, 1))
    assert s.total.counts == _counts(
        received=1, carried_over=5, resolved_late=1, open_on_time=2, open_late=3, at_counter=1
    )


def test_november_by_counter(history: History) -> None:
    s = history.reports.summary(history.supervisor, *NOV, "counter")
    assert [(r.key, r.label) for r in s.rows] == [
        ("1", "Quầy 1"),
        ("2", "Quầy 2"),
        ("", "Không qua quầy có số"),
    ]
    assert s.rows[0].counts == _counts(
        carried_over=2, resolved_early=1, resolved_late=1, returned=1
    )
    assert s.rows[1].counts == _counts(received=2, resolved_early=1, open_on_time=1, at_counter=2)
    assert s.rows[2].counts == _counts(
        received=6, carried_over=3, resolved_on_time=2, resolved_late=1, open_on_time=2,
        open_late=2, returned=2, withdrawn=1, stopped=1, refused=1, at_counter=4, online=1,
        by_post=1,
    )  # fmt: skip
    assert s.total.counts == TOTAL_NOV
    only = history.reports.summary(history.supervisor, *NOV, "field", DossierFilters(counter=2))
    assert only.total.counts == s.rows[1].counts


def test_november_by_channel_clerk_and_procedure(history: History) -> None:
    r = history.reports
    by_channel = r.summary(history.supervisor, *NOV, "channel")
    assert [row.label for row in by_channel.rows] == [
        "Trực tiếp tại quầy",
        "Trực tuyến",
        "Qua bưu chính công ích",
    ]
    assert by_channel.rows[1].counts == _counts(received=1, resolved_late=1, online=1)
    assert by_channel.rows[2].counts == _counts(
        received=1, resolved_on_time=1, returned=1, by_post=1
    )
    assert by_channel.rows[0].counts == _counts(
        received=6, carried_over=5, resolved_early=2, resolved_on_time=1, resolved_late=1,
        open_on_time=3, open_late=2, returned=2, withdrawn=1, stopped=1, refused=1,
        at_counter=6,
    )  # fmt: skip
    by_clerk = r.summary(history.supervisor, *NOV, "clerk")
    assert [row.label for row in by_clerk.rows] == ["Lê Thị Hồng", "Nguyễn Văn Đức"]
    assert by_clerk.rows[1].counts == _counts(
        received=2, resolved_early=1, open_late=1, at_counter=2
    )
    assert by_clerk.total.counts == TOTAL_NOV
    narrowed = r.summary(history.supervisor, *NOV, "procedure", DossierFilters(field=CHUNG_THUC))
    assert [(row.key, row.counts) for row in narrowed.rows] == [(BAN_SAO, CHUNG_THUC_NOV)]


def test_province_report(history: History) -> None:
    report = history.reports.province_report(history.supervisor, *NOV)
    assert [line.label for line in report.lines] == [CHUNG_THUC, HO_TICH, HKD]
    assert [line.cells() for line in report.lines] == [
        (2, 0, 2, 0, 1, 0, 1, 0, 1, 1, 0),
        (9, 1, 4, 4, 5, 2, 1, 2, 2, 2, 0),
        (2, 0, 1, 1, 0, 0, 0, 0, 2, 0, 2),
    ]
    assert report.total.cells() == (13, 1, 7, 5, 6, 2, 2, 2, 5, 3, 2)
    assert report.header.office_name.startswith("Trung tâm Phục vụ")
    assert report.made_on == date(2026, 12, 10)
    assert (report.period_start, report.period_end) == NOV


def test_clerks_may_not_read_reports(history: History) -> None:
    with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo"):
        history.reports.summary(history.clerk2, *NOV, "field")
    with pytest.raises(PermissionDenied):
        history.reports.province_report(history.counter.clerk, *NOV)
    assert history.reports.summary(history.counter.admin, *NOV).total.counts == TOTAL_NOV


def test_exports_are_files_with_the_figures(history: History) -> None:
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    r, who = history.reports, history.supervisor
    pdf = r.export(who, *NOV, "field", kind="pdf")
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Tổng cộng 8 5 2 2 2 3 2 3 1 1 1 6 1 1" in text
    sheet = load_workbook(io.BytesIO(r.export(who, *NOV, "counter", kind="xlsx"))).active
    assert sheet is not None
    assert [c.value for c in sheet[11]][:3] == ["Tổng cộng", 8, 5]
    province = r.export_province(who, *NOV, "pdf")
    assert "13 1 7 5 6 2 2 2 5 3 2" in " ".join(
        PdfReader(io.BytesIO(province)).pages[0].extract_text().split()
    )
    assert r.export_province(who, *NOV, "xlsx")[:2] == b"PK"


def test_a_month_not_over_counts_lateness_as_of_now(migrated_db):
    counter = make_counter(migrated_db, at=datetime(2026, 11, 16, 8, 30))
    due = counter.intake.accept(counter.clerk, complete_intake(counter)).row.due_at
    assert due is not None and due.date() < date(2026, 11, 30)
    reports = DossierReports(migrated_db, counter.calendar, counter.clock)
    supervisor = Principal(None, "giamsat", "Giám Sát", Role.SUPERVISOR, "MAY-1")
    counter.clock.at = due.replace(hour=7)  # the due day, before the deadline
    total = reports.summary(supervisor, date(2026, 11, 1), date(2026, 11, 30), "field").total
    assert (total.counts.open_on_time, total.counts.open_late) == (1, 0)
    counter.clock.at = due.replace(hour=23)  # the deadline has passed
    total = reports.summary(supervisor, date(2026, 11, 1), date(2026, 11, 30), "field").total
    assert (total.counts.open_on_time, total.counts.open_late) == (0, 1)
