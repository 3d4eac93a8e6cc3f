"""Upstream changes pulled from the province, fuzzed: each is stored as clean rows that fit
their columns, or skipped with a log line; never an exception out of the puller."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from dossier_fixtures import Counter, complete_intake, make_counter
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from stored_rows import row_problems
from strategies import hostile

from counter_app.domain.text import normalize
from counter_app.sync.puller import apply_change
from db.engine import Database
from db.migrate import migrate
from db.models import Dossier, DossierEvent


@pytest.fixture
def office(sqlite_url: str) -> Iterator[tuple[Counter, str]]:
    """An office with one received dossier, and that dossier's code."""
    db = Database(sqlite_url)
    migrate(db)
    try:
        counter = make_counter(db)
        detail = counter.intake.accept(counter.clerk, complete_intake(counter))
        assert detail.code is not None
        yield counter, detail.code
    finally:
        db.dispose()


TIMES = ["20261120090000", "20261131090000", "2026112009000", "２０２６1120090000", ""]
texts = st.one_of(hostile, st.integers(), st.lists(st.integers(), max_size=2), st.none())
SOUND_CHANGE = {
    "change_id": "c-1",
    "seq": 7,
    "TrangThaiHoSo": 4,
    "ThoiDiemXuLy": "20261120090000",
    "NgayHenTra": "20261127170000",
    "NguoiXuLy": "Phạm Văn Bình",
    "ChucDanh": "Công chức tư pháp - hộ tịch",
    "PhongBanXuLy": "Phòng Tư pháp",
    "NoiDungXuLy": "Đang thẩm định",
}
FUZZED_MEMBERS = {
    "change_id": st.one_of(st.uuids().map(str), hostile, st.integers()),
    "TrangThaiHoSo": st.one_of(
        st.integers(1, 10), st.sampled_from([0, 99, "4", True, 2**70, 4.7, math.inf]), hostile
    ),
    "ThoiDiemXuLy": st.one_of(st.sampled_from(TIMES), hostile, st.integers()),
    "NgayHenTra": st.one_of(st.sampled_from(TIMES), st.integers(), st.none()),
    "NgayTra": st.one_of(st.sampled_from(TIMES), st.none()),
    "NguoiXuLy": texts,
    "ChucDanh": texts,
    "PhongBanXuLy": texts,
    "NoiDungXuLy": texts,
    "seq": st.one_of(st.integers(0, 2**70), hostile),
    "MaHoSo": st.one_of(hostile, st.integers(), st.lists(st.integers())),
}


@st.composite
def changes(draw: st.DrawFn) -> dict[str, Any]:
    """A sound upstream change with one to four members fuzzed or taken out."""
    names = draw(st.lists(st.sampled_from(sorted(FUZZED_MEMBERS)), min_size=1, max_size=4))
    change: dict[str, Any] = dict(SOUND_CHANGE)
    for name in names:
        if draw(st.integers(0, 5)) == 0:
            change.pop(name, None)
        else:
            change[name] = draw(FUZZED_MEMBERS[name])
    return change


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(change=changes(), ours=st.booleans())
def test_upstream_changes_are_stored_clean_or_skipped(
    office: tuple[Counter, str], change: dict[str, Any], ours: bool
) -> None:
    """Found by this test: a list as MaHoSo or an infinite TrangThaiHoSo escaped from the
    puller; names of 10,000 letters and NUL characters went into String(120) columns."""
    counter, code = office
    if ours or "MaHoSo" not in change:
        change = {**change, "MaHoSo": code}
    if change.get("change_id") == SOUND_CHANGE["change_id"]:  # one database for all examples
        change["change_id"] = str(uuid.uuid4())
    with counter.db.write() as session:
        applied = apply_change(session, change, lambda: datetime(2026, 11, 23, 8, 0))
    event(f"applied {applied}")
    if not applied:
        return
    with counter.db.read() as session:
        dossier = session.scalars(select(Dossier).where(Dossier.code == code)).one()
        last = session.scalars(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier.id)
            .order_by(DossierEvent.id.desc())
        ).first()
        assert last is not None and last.action == "upstream"
        problems = row_problems(dossier) + row_problems(last)
        assert not problems, problems
        note = change.get("NoiDungXuLy")
        assert last.note == (normalize(note) if isinstance(note, str) else "")
        assert 1 <= dossier.status <= 10


def test_upstream_text_postgresql_would_refuse_is_cleaned_first(migrated_db: Database) -> None:
    """On both databases: NUL characters and names past their columns never reach a query."""
    counter = make_counter(migrated_db)
    code = counter.intake.accept(counter.clerk, complete_intake(counter)).code
    at = datetime(2026, 11, 23, 8, 0)
    odd = {**SOUND_CHANGE, "change_id": "c\x00", "MaHoSo": f"{code}\x00"}
    long = {**SOUND_CHANGE, "MaHoSo": code, "NguoiXuLy": "Bình\x00" * 3000, "ChucDanh": "x" * 500}
    with migrated_db.write() as session:
        assert apply_change(session, odd, lambda: at) == 0
        assert apply_change(session, long, lambda: at) == 1
    with migrated_db.read() as session:
        event = session.scalars(select(DossierEvent).where(DossierEvent.action == "upstream")).one()
        assert not row_problems(event)
        assert event.actor_name == ("Bình" * 3000)[:120]  # NUL dropped, cut to the column
