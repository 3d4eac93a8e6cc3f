"""Tổng quan › Báo cáo xếp hàng: filters narrow tables, chart and exports to known numbers."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGraphicsTextItem

from counter_app.services.queue_report_models import HOURS
from counter_app.ui import texts
from counter_app.ui.dashboard.report_view import QueueReportView
from counter_app.ui.main_window import MainWindow
from counter_app.ui.workers import InlinePool

SHOTS = Path("/tmp/queue-report-shots")


def monday_morning(office, clock) -> None:
    """Six tickets on 16/11; the clerk at counter 1, the supervisor at counter 2.

    Counter 1: A001 waited 25 served 10, B001 waited 20 served 20, B002 waited 10 served 5.
    Counter 2: A002 waited 20 then absent, A003 waited 15 served 15. A004 is never called.
    """
    q, clerk, boss = office.ctx.queue, office.clerk, office.supervisor
    a, b = (area.id for area in q.ensure_default_areas(office.admin)[:2])
    steps = [
        ("7:50", lambda: q.issue(office.admin, a)),  # A001
        ("8:00", lambda: q.issue(office.admin, a)),  # A002
        ("8:10", lambda: q.issue(office.admin, b)),  # B001
        ("8:15", lambda: q.call_next(clerk, 1)),  # A001
        ("8:20", lambda: q.call_next(boss, 2)),  # A002
        ("8:25", lambda: q.finish(clerk, 1)),
        ("8:30", lambda: q.call_next(clerk, 1)),  # B001
        ("8:35", lambda: q.skip(boss, 2)),  # A002 absent
        ("8:40", lambda: q.issue(office.admin, a)),  # A003
        ("8:50", lambda: q.finish(clerk, 1)),
        ("8:55", lambda: q.call_next(boss, 2)),  # A003
        ("9:05", lambda: q.issue(office.admin, b)),  # B002
        ("9:10", lambda: q.finish(boss, 2)),
        ("9:15", lambda: q.call_next(clerk, 1)),  # B002
        ("9:20", lambda: q.finish(clerk, 1)),
        ("9:25", lambda: q.issue(office.admin, a)),  # A004
    ]
    for hh_mm, action in steps:
        hh, mm = map(int, hh_mm.split(":"))
        clock.at = clock.at.replace(hour=hh, minute=mm)
        action()
    clock.at = clock.at.replace(hour=9, minute=30)


def make_view(office, qtbot) -> QueueReportView:
    view = QueueReportView(office.ctx, office.supervisor, pool=InlinePool())
    qtbot.addWidget(view)
    view.resize(1176, 600)
    view.show()
    view.refresh()
    return view


def items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def choose(box: QComboBox, text: str) -> None:
    box.setCurrentIndex(items(box).index(text))


def counts(**per_hour: int) -> list[float]:
    return [float(per_hour.get(f"h{h}", 0)) for h in HOURS]


def bar_sets(series) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    return {s.label(): [s.at(i) for i in range(s.count())] for s in series.barSets()}


def drawn_texts(view: QChartView) -> set[str]:
    """What the chart writes: titles, axis labels, values."""
    items = view.scene().items()
    return {i.toPlainText() for i in items if isinstance(i, QGraphicsTextItem)}


def waits(chart) -> dict[str, tuple[float, float]]:  # type: ignore[no-untyped-def]
    """Per counter on the wait chart: (average, P90) minutes."""
    sets = bar_sets(chart.wait_series)
    names = chart.waits.chart.axes(Qt.Orientation.Vertical)[0].categories()
    pairs = zip(sets[texts.QCHART_AVERAGE], sets[texts.QCHART_P90], strict=True)
    return dict(zip(names, pairs, strict=True))


def test_the_filters_offer_the_areas_counters_and_clerks(office, clock, qtbot) -> None:
    monday_morning(office, clock)
    view = make_view(office, qtbot)
    c = view.controls
    assert items(c.area) == [
        "Tất cả",
        "Hộ tịch",
        "Chứng thực",
        "Đất đai, xây dựng",
        "Bảo trợ xã hội",
        "Kinh doanh",
        "Lĩnh vực khác",
    ]
    assert items(c.counter) == ["Tất cả", "Quầy 1", "Quầy 2", "Quầy 3"]  # the areas' counters
    assert {"Lê Thị Hồng", "Trần Thị Giám"} <= set(items(c.clerk))
    assert view.report is not None and view.report.total.tickets == 6


def test_all_tickets_in_tables_and_chart(office, clock, qtbot) -> None:
    monday_morning(office, clock)
    view = make_view(office, qtbot)
    counters = view.models[texts.QREPORT_GROUP_COUNTER]
    rows = [[counters.index(r, col).data() for col in range(6)] for r in range(counters.rowCount())]
    assert rows == [
        ["Quầy 1", "3", "3", "0", "18,3", "24,0"],  # waits 25, 20, 10
        ["Quầy 2", "2", "1", "1", "17,5", "19,5"],  # waits 20, 15
        ["Chưa được gọi", "1", "0", "0", "—", "—"],
        ["Tổng cộng", "6", "4", "1", "18,0", "23,0"],  # 10 15 20 20 25: 20 + 0.6 × 5
    ]
    assert view.headline.text().startswith("6 số · đã phục vụ 4 · vắng mặt 1")
    assert view.chart.hour_series is not None and view.chart.wait_series is not None
    assert bar_sets(view.chart.hour_series) == {
        "Hộ tịch": counts(h7=1, h8=2, h9=1),
        "Chứng thực": counts(h8=1, h9=1),
    }
    assert waits(view.chart) == {"Quầy 1": (18.3, 24.0), "Quầy 2": (17.5, 19.5)}
    view.tabs.setCurrentWidget(view.chart)
    qtbot.wait(30)  # charts lay out from the event loop, when shown
    # Localized axes draw nothing with "%d": the counts and minutes must be written.
    assert {"0", "1", "2", "3", texts.QCHART_TICKETS} <= drawn_texts(view.chart.hours.view)
    assert {"0", "10", "20", "18,3", "24", "17,5", "19,5"} <= drawn_texts(view.chart.waits.view)
    hours_axis = view.chart.hours.chart.axes(Qt.Orientation.Horizontal)[0]
    assert hours_axis.categories() == [f"{h}h" for h in HOURS]
    # Categories run bottom-up: counter 1 is drawn on top.
    assert view.chart.waits.chart.axes(Qt.Orientation.Vertical)[0].categories() == [
        "Quầy 2",
        "Quầy 1",
    ]


def test_choosing_a_filter_narrows_tables_and_chart(office, clock, qtbot) -> None:
    monday_morning(office, clock)
    view = make_view(office, qtbot)
    choose(view.controls.counter, "Quầy 2")
    assert view.report is not None and view.report.filters.counter == 2
    areas = view.models[texts.QREPORT_GROUP_AREA]
    assert [areas.index(r, 0).data() for r in range(areas.rowCount())] == ["Hộ tịch", "Tổng cộng"]
    assert [areas.index(1, c).data() for c in range(1, 6)] == ["2", "1", "1", "17,5", "19,5"]
    assert [view.hour_model.index(0, c).data() for c in (0, 2, 12)] == ["Hộ tịch", "2", "2"]
    assert bar_sets(view.chart.hour_series) == {"Hộ tịch": counts(h8=2)}
    assert waits(view.chart) == {"Quầy 2": (17.5, 19.5)}

    choose(view.controls.counter, "Tất cả")
    choose(view.controls.area, "Chứng thực")
    clerks = view.models[texts.QREPORT_GROUP_CLERK]
    assert [(clerks.index(r, 0).data(), clerks.index(r, 1).data()) for r in range(2)] == [
        ("Lê Thị Hồng", "2"),
        ("Tổng cộng", "2"),
    ]
    choose(view.controls.clerk, "Trần Thị Giám")  # never served area B
    assert view.report.total.tickets == 0
    assert view.headline.text() == texts.QREPORT_EMPTY_FILTERED
    assert view.models[texts.QREPORT_GROUP_CLERK].rowCount() == 0
    assert view.chart.hour_series is None
    assert view.chart.stack.currentWidget() is view.chart.empty

    choose(view.controls.area, "Tất cả")
    assert view.report.total.tickets == 2  # the supervisor's two at counter 2
    assert view.chart.stack.currentWidget() is not view.chart.empty


def test_an_empty_period_says_so(office, clock, qtbot) -> None:
    monday_morning(office, clock)
    view = make_view(office, qtbot)
    view.picker.set_period(date(2026, 10, 1), date(2026, 10, 31))
    assert view.headline.text() == texts.QREPORT_EMPTY
    assert view.chart.stack.currentWidget() is view.chart.empty
    assert view.chart.empty.text() == texts.QCHART_EMPTY


def test_waits_panel_without_calls(office, clock, qtbot) -> None:
    areas = office.ctx.queue.ensure_default_areas(office.admin)
    office.ctx.queue.issue(office.admin, areas[0].id)
    view = make_view(office, qtbot)
    assert bar_sets(view.chart.hour_series) == {"Hộ tịch": counts(h9=1)}
    assert view.chart.wait_series is None
    assert view.chart.waits.message.text() == texts.QCHART_WAITS_EMPTY


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_export_uses_the_filters(office, clock, qtbot, tmp_path, kind) -> None:
    monday_morning(office, clock)
    view = make_view(office, qtbot)
    choose(view.controls.clerk, "Trần Thị Giám")
    target = tmp_path / f"queue.{kind}"
    view.exports.ask_save_path = lambda _name, _kind: target  # type: ignore[method-assign]
    view.exports.run(view.export_job(kind))
    qtbot.waitUntil(lambda: not view.exports.running, timeout=10_000)
    if kind == "pdf":
        import subprocess

        text = subprocess.run(
            ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Công chức: Trần Thị Giám" in text
        assert "Lê Thị Hồng" not in text
        return
    book = load_workbook(io.BytesIO(target.read_bytes()))
    sheet = book["Theo quầy"]
    cells = [c.value for row in sheet.iter_rows(max_row=6) for c in row if c.value]
    assert any("Công chức: Trần Thị Giám" in str(v) for v in cells)
    assert [sheet["A8"].value, sheet["B8"].value, sheet["A9"].value] == ["Quầy 2", 2, "Tổng cộng"]


def test_screenshots_of_every_tab(office, clock, qtbot) -> None:
    monday_morning(office, clock)
    window = MainWindow(office.ctx, office.supervisor)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.pages[texts.PAGE_DASHBOARD]
    page.report.pool = InlinePool()
    page.tabs.setCurrentIndex(1)
    view = page.report
    assert view.report is not None and view.report.total.tickets == 6
    SHOTS.mkdir(parents=True, exist_ok=True)
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        window.grab().save(str(SHOTS / f"tab-{i}.png"))
    choose(view.controls.counter, "Quầy 2")
    qtbot.wait(50)  # charts lay themselves out from the event loop
    window.grab().save(str(SHOTS / "chart-counter-2.png"))
    view.picker.set_period(date(2026, 10, 1), date(2026, 10, 31))
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "chart-empty.png"))
    assert view.tabs.tabText(view.tabs.count() - 1) == texts.QREPORT_CHART_TAB
