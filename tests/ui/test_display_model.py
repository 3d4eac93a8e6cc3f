"""The board's model and layout rules: snapshots, events replayed over an older snapshot, the
last calls list, tile columns, text that fits, the date in Vietnamese."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from counter_app.services.office import CounterInfo
from counter_app.services.queue_models import AreaInfo, BoardState, CounterNow, QueueEventInfo
from counter_app.ui.app_setup import load_app_font
from counter_app.ui.display.fit import draw_fitted, fit_font
from counter_app.ui.display.model import BoardModel, RecentCall, Snapshot, needs_waiting_refresh
from counter_app.ui.display.panels import format_date, format_time
from counter_app.ui.display.tiles import grid_columns

AT = datetime(2026, 11, 23, 8, 0)
COUNTERS = tuple(CounterInfo(n, f"Quầy số {n}", n != 4) for n in (1, 2, 3, 4))
AREAS = (
    AreaInfo(1, "Hộ tịch", "A", 0, (1, 2), True),
    AreaInfo(2, "Chứng thực", "B", 1, (3,), True),
)


def event(id_: int, kind: str, label: str = "", counter: int | None = None, **details):
    return QueueEventInfo(id_, AT, kind, None, label, counter, "Q", details)


def snapshot(last: int, serving=(), calls=(), waiting=None, notice="") -> Snapshot:
    board = BoardState(
        tuple(CounterNow(c, label, AT) for c, label in serving),
        tuple(calls),
        dict(waiting or {}),
        notice,
        last,
    )
    return Snapshot("UBND xã", board, COUNTERS, AREAS)


def test_a_snapshot_fills_the_model() -> None:
    model = BoardModel(recent_limit=2)
    calls = [
        event(9, "recall", "A002", 2),
        event(8, "call", "A002", 2),
        event(5, "call", "A001", 1),
        event(3, "call", "B001", 3),
    ]
    model.load(snapshot(9, [(1, "A001"), (2, "A002")], calls, {"Hộ tịch": 3}, "Nghỉ trưa"))
    assert model.tiles() == [1, 2, 3]  # counter 4 is closed
    assert model.serving == {1: "A001", 2: "A002"}
    assert model.recent == [RecentCall("A002", 2), RecentCall("A001", 1)]
    assert model.waiting_rows() == [("Hộ tịch", 3), ("Chứng thực", 0)]
    assert model.notice == "Nghỉ trưa"


def test_events_update_calls_leaving_issues_and_notice() -> None:
    model = BoardModel()
    model.load(snapshot(10, [(1, "A001")]))
    calls = model.apply(
        [
            event(11, "issue", "B001", area="Chứng thực"),
            event(12, "done", "A001", 1),
            event(13, "call", "B001", 1),
            event(14, "notice", notice="Mất điện buổi chiều"),
            event(15, "transfer", "B001", 1, to_counter=3),
            event(16, "call", "B001", 3),
            event(17, "recall", "B001", 3),
        ]
    )
    assert [(c.kind, c.label, c.counter) for c in calls] == [
        ("call", "B001", 1),
        ("call", "B001", 3),
        ("recall", "B001", 3),
    ]
    assert model.serving == {3: "B001"}
    assert model.recent == [RecentCall("B001", 3)]
    assert model.waiting["Chứng thực"] == 1
    assert model.notice == "Mất điện buổi chiều"


def test_a_snapshot_read_before_delivered_events_does_not_undo_them() -> None:
    model = BoardModel()
    model.load(snapshot(10))
    model.apply([event(11, "call", "A001", 1), event(12, "issue", "A002", area="Hộ tịch")])
    model.load(snapshot(10, waiting={"Hộ tịch": 0}))  # read before event 11 was written
    assert model.serving == {1: "A001"}
    assert model.waiting["Hộ tịch"] == 1


def test_events_a_newer_snapshot_includes_are_announced_but_not_counted_twice() -> None:
    model = BoardModel()
    model.load(snapshot(12, [(1, "A001")], [event(12, "call", "A001", 1)], {"Hộ tịch": 1}))
    calls = model.apply([event(11, "issue", "A002", area="Hộ tịch"), event(12, "call", "A001", 1)])
    assert [c.label for c in calls] == ["A001"]
    assert model.waiting["Hộ tịch"] == 1
    assert model.recent == [RecentCall("A001", 1)]


def test_which_events_need_the_waiting_counts_read_again() -> None:
    assert needs_waiting_refresh([event(1, "call", "A001", 1)])
    assert not needs_waiting_refresh([event(1, "recall", "A001", 1), event(2, "notice")])


def test_tiles_are_arranged_as_large_as_possible() -> None:
    assert grid_columns(0, 1300, 880) == 1
    assert grid_columns(1, 1300, 880) == 1
    assert grid_columns(3, 1300, 880) == 3 or grid_columns(3, 1300, 880) == 2
    assert grid_columns(4, 1300, 880) == 2
    assert grid_columns(8, 1300, 880) in (3, 4)
    assert grid_columns(30, 1300, 880) >= 5


def ink_outside(text: str, box: QRect, wrap: bool = False) -> int:
    """Draw fitted text in box on a larger canvas; count the inked pixels outside the box."""
    image = QImage(box.width() + 200, box.height() + 200, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.setPen(QColor("white"))
    font = QFont("DejaVu Sans")
    font.setBold(True)
    fitted = fit_font(font, text, box.size(), 400, wrap)
    draw_fitted(painter, fitted, text, box, Qt.AlignmentFlag.AlignCenter, wrap)
    painter.end()
    return sum(
        1
        for y in range(image.height())
        for x in range(0, image.width(), 2)
        if not box.contains(x, y) and QColor(image.pixel(x, y)).value() > 60
    )


def test_fitted_text_with_stacked_marks_is_never_clipped(qapp) -> None:
    load_app_font(qapp)
    box = QRect(100, 100, 300, 80)
    for text in ("A023", "QUẦY 12", "SỐ VỪA GỌI", "Ỹ Ố Ẫ Ợ ỵ", "Trung tâm Phục vụ hành chính"):
        assert ink_outside(text, box) == 0, text
    assert ink_outside("Ủy ban nhân dân xã Thử Nghiệm, tỉnh Lạng Sơn", box, wrap=True) == 0


def test_time_and_date_in_vietnamese() -> None:
    assert format_time(datetime(2026, 11, 23, 7, 5, 9)) == "07:05:09"
    assert format_date(datetime(2026, 11, 23)) == "Thứ Hai, 23/11/2026"
    assert format_date(datetime(2026, 11, 29)) == "Chủ nhật, 29/11/2026"


def test_none_cannot_run_out_of_references_on_the_board(qapp) -> None:
    import sys

    from counter_app.ui.none_guard import BALLAST, lost_none_references, protect_none

    lost = lost_none_references()
    protected = protect_none()
    if sys.version_info < (3, 12) and lost:  # the PySide6 defect is present here
        assert protected and sys.getrefcount(None) > BALLAST
        assert protect_none()  # once only
        assert sys.getrefcount(None) < 2 * BALLAST
    else:
        assert not protected
