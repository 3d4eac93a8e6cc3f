"""The procedure catalogue page: accent-insensitive search, field filter, papers."""

from __future__ import annotations

import pytest
from helpers import replace_text

from counter_app.services.principal import Principal
from counter_app.ui.clerk.catalog_page import CatalogPage, fee_text, format_days, format_money


@pytest.fixture
def page(office, qtbot) -> CatalogPage:
    office.ctx.catalog.load_shipped(Principal.system(office.ctx.station))
    p = CatalogPage(office.ctx, office.clerk)
    qtbot.addWidget(p)
    p.show()
    p.refresh()
    return p


def names(page: CatalogPage) -> list[str]:
    return [row.name for row in page.model.rows()]


def test_search_khai_sinh_without_accents(page: CatalogPage) -> None:
    replace_text(page.search, "khai sinh")
    page.run_search()
    found = names(page)
    assert found, "no result for 'khai sinh'"
    assert all("khai sinh" in n.lower() for n in found[:3])
    assert page.count.text() == f"{len(found)} thủ tục"


def test_search_with_accents_finds_the_same(page: CatalogPage) -> None:
    replace_text(page.search, "khai sinh")
    page.run_search()
    plain = names(page)
    replace_text(page.search, "Khai Sinh")
    page.run_search()
    assert names(page) == plain
    replace_text(page.search, "đăng ký khai sinh")
    page.run_search()
    assert names(page) and set(names(page)) <= set(plain)


def test_typing_searches_after_a_pause(page: CatalogPage, qtbot) -> None:
    replace_text(page.search, "kết hôn")
    qtbot.waitUntil(lambda: all("kết hôn" in n.lower() for n in names(page)), timeout=3000)
    assert names(page)


def test_selecting_a_procedure_shows_its_papers(page: CatalogPage) -> None:
    replace_text(page.search, "khai sinh")
    page.run_search()
    page.table.selectRow(0)
    first = page.model.row(0)
    assert page.papers_title.text().startswith(first.code)
    assert page.papers_model.rowCount() > 0
    paper = page.papers_model.row(0)
    count = page.papers_model.data(page.papers_model.index(0, 3))
    assert count == str(paper.originals + paper.copies)


def test_field_filter_keeps_only_that_field(page: CatalogPage) -> None:
    assert page.field.count() > 2
    page.field.setCurrentIndex(1)
    chosen = page.field.currentData()
    rows = page.model.rows()
    assert rows and all(r.field == chosen for r in rows)
    page.field.setCurrentIndex(0)
    assert page.model.rowCount() > len(rows)


def test_empty_catalogue_says_so(office, qtbot) -> None:
    p = CatalogPage(office.ctx, office.clerk)
    qtbot.addWidget(p)
    p.refresh()
    assert p.model.rowCount() == 0
    assert "chưa có dữ liệu" in p.count.text()


def test_number_formats() -> None:
    assert format_days(3) == "3"
    assert format_days(0.5) == "0,5"
    assert format_money(50000) == "50.000 ₫"

    class Free:
        fee_amount = 0
        fee_text = ""

    assert fee_text(Free()) == "Miễn phí"  # type: ignore[arg-type]
