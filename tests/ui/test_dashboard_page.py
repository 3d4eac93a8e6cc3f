"""Tổng quan: a supervisor's tiles show today's numbers, follow queue events, export reports."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from counter_app.ui import texts
from counter_app.ui.dashboard.page import DashboardPage
from counter_app.ui.main_window import MainWindow
from counter_app.ui.workers import InlinePool

SHOTS = Path("/tmp/dashboard-shots")


def busy_morning(office, clock) -> None:
    """4 tickets from 8:00; counter 1 served one in 10 minutes, counter 2 serves one now."""
    q = office.ctx.queue
    areas = q.ensure_default_areas(office.admin)
    clock.at = clock.at.replace(hour=8, minute=0)
    for minutes, area in ((0, 0), (5, 0), (10, 1), (15, 0)):
        clock.at = clock.at.replace(hour=8, minute=minutes)
        q.issue(office.admin, areas[area].id)
    clock.at = clock.at.replace(hour=9, minute=0)
    q.call_next(office.clerk, 1)
    clock.advance(minutes=10)
    q.finish(office.clerk, 1)
    q.call_next(office.supervisor, 2)
    clock.at = clock.at.replace(hour=9, minute=30)


def tile_values(page: DashboardPage) -> dict[str, str]:
    return {caption: tile.value.text() for caption, tile in page.tiles.items()}


def make_page(office, qtbot) -> DashboardPage:
    page = DashboardPage(office.ctx, office.supervisor, pool=InlinePool())
    qtbot.addWidget(page)
    page.resize(1180, 640)
    page.show()
    return page


def test_supervisor_sees_today_in_tiles(office, clock, qtbot) -> None:
    busy_morning(office, clock)
    page = make_page(office, qtbot)
    page.refresh()
    assert tile_values(page) == {
        texts.DASH_WAITING: "2",
        texts.DASH_SERVING: "1",
        texts.DASH_SERVED: "1",
        texts.DASH_NO_SHOWS: "0",
        texts.DASH_LONGEST_WAIT: "80 phút",  # B001, taken at 8:10
        texts.DASH_NEW_WAIT: "10 phút",  # 2 × 10 min ÷ 2 counters open
        texts.DASH_COUNTERS: "2/3",
        texts.DASH_SATISFACTION: "—",
        texts.DASH_RECEIVED: "0",
        texts.DASH_DUE_TODAY: "0",
        texts.DASH_OVERDUE: "0",
    }
    assert page.tiles[texts.DASH_WAITING].hint.text() == "trong 4 số đã lấy"
    assert page.chart.counts[1] == 4  # all four taken in the 8 h column
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.resize(1366 - 190, 768 - 130)
    page.grab().save(str(SHOTS / "dashboard-today.png"))


def test_a_queue_event_refreshes_the_tiles(office, clock, qtbot) -> None:
    busy_morning(office, clock)
    page = make_page(office, qtbot)
    page.refresh()
    areas = office.ctx.queue.areas()
    office.ctx.queue.issue(office.admin, areas[0].id)
    page.on_queue_events([])
    assert page.tiles[texts.DASH_WAITING].value.text() == "3"


def test_clerk_has_no_dashboard(office, qtbot) -> None:
    window = MainWindow(office.ctx, office.clerk)
    qtbot.addWidget(window)
    assert texts.PAGE_DASHBOARD not in window.pages
    boss = MainWindow(office.ctx, office.supervisor)
    qtbot.addWidget(boss)
    assert next(iter(boss.pages)) == texts.PAGE_DASHBOARD


def test_report_tab_and_exports(office, clock, qtbot, tmp_path, messages) -> None:
    busy_morning(office, clock)
    page = make_page(office, qtbot)
    page.tabs.setCurrentIndex(1)
    view = page.report
    assert view.report is not None and view.report.total.tickets == 4
    counters = view.models[texts.QREPORT_GROUP_COUNTER]
    assert counters.rowCount() == 4  # counters 1, 2, not called, total
    page.resize(1366 - 190, 768 - 130)
    page.grab().save(str(SHOTS / "dashboard-report.png"))
    for kind in ("xlsx", "pdf"):
        target = tmp_path / f"queue.{kind}"
        view.exports.ask_save_path = lambda _n, _k, target=target: target  # type: ignore[method-assign]
        (view.pdf_button if kind == "pdf" else view.xlsx_button).click()
        qtbot.waitUntil(lambda: not view.exports.running, timeout=10_000)
    assert (tmp_path / "queue.pdf").read_bytes().startswith(b"%PDF")
    book = load_workbook(io.BytesIO((tmp_path / "queue.xlsx").read_bytes()))
    assert book["Theo quầy"]["A8"].value == "Quầy 1"
    assert view.exports.bar.isHidden() and view.exports.bar.value() == 100
    (SHOTS / "queue-report.pdf").write_bytes((tmp_path / "queue.pdf").read_bytes())
    assert any("queue.pdf" in text for text in messages.texts())
