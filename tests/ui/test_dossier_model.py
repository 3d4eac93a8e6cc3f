"""The dossier list's model: pages fetched on demand, urgency roles and tints."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from test_dossier_support import Counter, build_counter

from counter_app.domain.dossier_status import DossierStatus as S
from counter_app.services.dossier_queries import DossierRow
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.dossiers.list_model import PAGE_SIZE, ROW_ROLE, DossierListModel
from counter_app.ui.dossiers.list_page import DossiersPage


@pytest.fixture
def page(office, clock, qtbot) -> DossiersPage:
    counter: Counter = build_counter(office.ctx, office.clerk, clock)
    p = DossiersPage(counter.ctx, counter.clerk)
    qtbot.addWidget(p)
    p.show()
    p.refresh()
    return p


def _row(i: int) -> DossierRow:
    return DossierRow(
        i,
        f"X-261116-{i:04d}",
        S.DANG_XU_LY,
        f"Người {i}",
        "",
        "",
        "1",
        "Thủ tục",
        datetime(2026, 11, 16),
        None,
        False,
        False,
        False,
    )


class FakeSource:
    """A big list that counts how it is fetched."""

    def __init__(self, total: int) -> None:
        self.total, self.calls = total, []

    def count(self) -> int:
        return self.total

    def fetch(self, limit: int, offset: int) -> list[DossierRow]:
        self.calls.append((limit, offset))
        return [_row(i) for i in range(offset, min(self.total, offset + limit))]


def test_model_fetches_big_lists_a_page_at_a_time(qapp) -> None:
    errors_seen: list[str] = []
    model = DossierListModel(errors_seen.append)
    source = FakeSource(250)
    model.set_source(source)
    assert model.rowCount() == PAGE_SIZE and model.total == 250
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert source.calls == [(PAGE_SIZE, 0), (PAGE_SIZE, 100), (PAGE_SIZE, 200)]
    assert model.data(model.index(249, 1)) == "Người 249"
    assert model.data(model.index(3, 0), ROW_ROLE).id == 3
    assert errors_seen == []


def test_view_scrolling_fetches_more(page: DossiersPage, qtbot) -> None:
    source = FakeSource(400)
    page.model.set_source(source)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE_SIZE, timeout=3000)


def test_row_tint_follows_the_row_flags() -> None:
    row = _row(1)
    assert fmt.urgency(row) == ""
    assert fmt.urgency(replace(row, overdue=True)) == "overdue"
    assert fmt.urgency(replace(row, due_soon=True)) == "due_soon"
