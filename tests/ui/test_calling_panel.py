"""The calling panel: call, recall, skip, transfer, call by number, finish, scan, live alerts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers import type_text
from sqlalchemy.exc import OperationalError

from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInfo
from counter_app.ui.calling.dialogs import CallNumberDialog, TransferDialog, normal_label
from counter_app.ui.calling.panel import CallingPanel
from counter_app.ui.calling.snapshot import counter_snapshot
from counter_app.ui.calling.view import NEXT, RECALL, SKIP
from counter_app.ui.workers import InlinePool

KIOSK = Principal(None, "kiosk", "Kiosk", Role.DEVICE, "K")


@pytest.fixture
def areas(office) -> dict[str, AreaInfo]:
    """The default areas (A Hộ tịch, B Chứng thực, …), served by counters 1–3."""
    return {a.prefix: a for a in office.ctx.queue.ensure_default_areas(office.admin)}


def make_panel(office, qtbot, watch: bool = False) -> CallingPanel:
    panel = CallingPanel(office.ctx, office.clerk, pool=InlinePool(), watch=watch)
    qtbot.addWidget(panel)
    panel.resize(1300, 120)
    panel.show()
    return panel


@pytest.fixture
def panel(office, areas, qtbot) -> Iterator[CallingPanel]:
    """The clerk's panel at counter 1 (the station has no counter set: picked for the session)."""
    made = make_panel(office, qtbot)
    made.set_counter(1)
    yield made
    made.stop()


def issue(office, areas, prefix: str = "A", priority: str = ""):
    return office.ctx.queue.issue(KIOSK, areas[prefix].id, priority)


def test_without_a_counter_nothing_can_be_called(office, areas, qtbot, messages) -> None:
    panel = make_panel(office, qtbot)
    assert panel.counter_pick.isVisible() and not panel.counter_number.isVisible()
    assert panel.counter_pick.count() == 4  # "Chọn quầy…" and counters 1–3
    assert not any(b.isEnabled() for b in panel.buttons.values())
    panel.call_next()
    assert panel.message.text() == "Hãy chọn quầy trước khi gọi số."
    panel.set_counter(2)
    assert panel.counter == 2 and panel.buttons[NEXT].isEnabled()
    assert not panel.buttons[RECALL].isEnabled()
    panel.stop()


def test_idle_panel_shows_waiting_line(panel: CallingPanel, office, areas) -> None:
    assert panel.ticket.text() == "—"
    assert panel.area.text().startswith("Chưa gọi số nào")
    assert panel.waiting_count.text() == "Đang chờ: 0"
    assert panel.next_labels.text() == "Không có ai đang chờ."
    issue(office, areas, "A")
    issue(office, areas, "B", priority="elderly")
    panel.refresh()
    assert panel.waiting_count.text() == "Đang chờ: 2"
    assert panel.next_labels.text() == "Tiếp theo: B001★ · A001"  # priority first


def test_call_next_shows_the_number_and_the_ticket_is_called(panel, office, areas) -> None:
    issue(office, areas, "A", priority="disabled")
    issue(office, areas, "A")
    panel.buttons[NEXT].click()
    assert panel.ticket.text() == "A001"
    assert panel.area.text() == "Hộ tịch"
    assert panel.priority.text() == "Ưu tiên: Người khuyết tật"
    assert panel.since.text() == "Gọi lúc 09:30 · 0 phút"
    current = office.ctx.queue.current(1)
    assert current is not None and current.label == "A001" and current.status == "called"
    assert panel.current_ticket_id() == current.id
    assert panel.waiting_count.text() == "Đang chờ: 1"
    assert all(b.isEnabled() for b in panel.buttons.values())
    panel.call_next()  # finishes A001 and calls A002
    assert panel.ticket.text() == "A002"
    assert office.ctx.queue.find_scanned(f"MOTCUA-VE:{current.id}").status == "done"


def test_call_next_with_nobody_waiting_says_so(panel: CallingPanel) -> None:
    panel.call_next()
    assert panel.ticket.text() == "—"
    assert panel.message.text() == "Không còn ai chờ quầy 1."


def test_recall_counts_the_calls(panel, office, areas, clock) -> None:
    issue(office, areas)
    panel.call_next()
    clock.advance(minutes=3)
    panel.buttons[RECALL].click()
    current = office.ctx.queue.current(1)
    assert current is not None and current.call_count == 2
    assert panel.since.text() == "Gọi lúc 09:30 · 3 phút · gọi 2 lần"


def test_skip_marks_a_no_show(panel, office, areas) -> None:
    ticket = issue(office, areas)
    panel.call_next()
    panel.buttons[SKIP].click()
    assert office.ctx.queue.find_scanned(ticket.qr_data).status == "no_show"
    assert panel.ticket.text() == "—" and panel.current_ticket_id() is None
    assert not panel.buttons[SKIP].isEnabled()


def test_transfer_to_a_counter_keeps_the_number(panel, office, areas, qtbot) -> None:
    ticket = issue(office, areas, "B")
    panel.call_next()
    panel.transfer()
    dialog = panel.dialog
    assert isinstance(dialog, TransferDialog)
    assert [dialog.counter.itemData(i) for i in range(dialog.counter.count())] == [2, 3]
    dialog.counter.setCurrentIndex(dialog.counter.findData(3))
    dialog.do_button.click()
    moved = office.ctx.queue.find_scanned(ticket.qr_data)
    assert (moved.label, moved.status, moved.target_counter) == ("B001", "waiting", 3)
    assert panel.ticket.text() == "—" and panel.waiting_count.text() == "Đang chờ: 0"
    at_three = counter_snapshot(office.ctx.queue, 3)
    assert [t.label for t in at_three.waiting] == ["B001"]
    assert office.ctx.queue.call_next(office.admin, 3).label == "B001"


def test_transfer_to_an_area(panel, office, areas) -> None:
    ticket = issue(office, areas, "A")
    panel.call_next()
    panel.transfer()
    dialog = panel.dialog
    assert isinstance(dialog, TransferDialog)
    dialog.to_area.setChecked(True)
    dialog.area.setCurrentIndex(dialog.area.findData(areas["C"].id))
    dialog.do_button.click()
    moved = office.ctx.queue.find_scanned(ticket.qr_data)
    assert (moved.label, moved.area_name, moved.status) == ("A001", "Đất đai, xây dựng", "waiting")


def test_call_by_number_and_unknown_number_inline(panel, office, areas) -> None:
    issue(office, areas, "A")
    second = issue(office, areas, "A")
    panel.call_by_number()
    dialog = panel.dialog
    assert isinstance(dialog, CallNumberDialog)
    type_text(dialog.label, "C9")
    dialog.do_button.click()
    assert dialog.problems.text() == "Hôm nay chưa có số C009."
    assert dialog.isVisible()
    dialog.label.clear()
    type_text(dialog.label, "a2")
    dialog.do_button.click()
    assert panel.ticket.text() == "A002"
    assert office.ctx.queue.current(1).id == second.id


def test_normal_label() -> None:
    assert normal_label(" a23 ") == "A023"
    assert normal_label("B 0007") == "B007"
    assert normal_label("A1234") == "A1234"
    assert normal_label("xyz") == "XYZ"


def test_finish_ends_the_service(panel, office, areas) -> None:
    ticket = issue(office, areas)
    panel.call_next()
    panel.finish()
    assert office.ctx.queue.find_scanned(ticket.qr_data).status == "done"
    assert panel.ticket.text() == "—"


def test_scanned_ticket_shows_its_state_and_can_be_called(panel, office, areas) -> None:
    issue(office, areas, "A")
    ticket = issue(office, areas, "D", priority="pregnant")
    type_text(panel.scan, ticket.qr_data)
    panel.scan.returnPressed.emit()
    assert panel.message.text() == "Vé D001 · Bảo trợ xã hội · Đang chờ"
    assert panel.scan.text() == ""
    assert panel.call_scanned.isVisible() and panel.call_scanned.text() == "Gọi số D001"
    panel.call_scanned.click()
    assert panel.ticket.text() == "D001"
    panel.show_scanned(ticket.qr_data)
    assert panel.message.text() == "Vé D001 · Bảo trợ xã hội · Đang phục vụ · quầy 1"
    assert not panel.call_scanned.isVisible()
    panel.show_scanned("MOTCUA-HS:abc")
    assert panel.message.text() == "Mã vừa quét không phải mã QR trên vé xếp hàng."


def test_print_failure_alerts_the_clerk(office, areas, qtbot) -> None:
    panel = make_panel(office, qtbot, watch=True)
    try:
        panel.set_counter(1)
        qtbot.waitUntil(lambda: panel.bridge.watcher.last_id is not None, timeout=5000)
        ticket = issue(office, areas, "A")
        office.ctx.queue.mark_printed(KIOSK, ticket.id, ok=False, error="Hết giấy")
        qtbot.waitUntil(panel.alert.isVisible, timeout=5000)
        assert panel.alert_text.text() == (
            "⚠ Máy in vé ở K lỗi: Hết giấy; công dân số A001 đã được báo số trên màn hình."
        )
        qtbot.waitUntil(lambda: panel.waiting_count.text() == "Đang chờ: 1", timeout=5000)
        panel.alert_dismiss.click()
        assert not panel.alert.isVisible()
    finally:
        panel.stop()


def test_lost_connection_is_shown_and_recovers(office, areas, qtbot, monkeypatch) -> None:
    queue = office.ctx.queue
    real = queue.events_after
    down = {"now": False}

    def events_after(last_id: int, limit: int = 200):
        if down["now"]:
            raise OperationalError("SELECT", {}, Exception("server closed the connection"))
        return real(last_id, limit)

    monkeypatch.setattr(queue, "events_after", events_after)
    panel = make_panel(office, qtbot, watch=True)
    try:
        qtbot.waitUntil(lambda: panel.bridge.watcher.last_id is not None, timeout=5000)
        down["now"] = True
        qtbot.waitUntil(panel.offline.isVisible, timeout=5000)
        assert panel.offline.text().startswith("Mất kết nối cơ sở dữ liệu:")
        assert panel.offline.text().endswith("Đang tự kết nối lại…")
        down["now"] = False
        qtbot.waitUntil(lambda: not panel.offline.isVisible(), timeout=5000)
    finally:
        panel.stop()


def test_station_counter_from_settings(office, areas, qtbot) -> None:
    from dataclasses import replace

    ctx = office.ctx
    ctx.settings = replace(ctx.settings, station=replace(ctx.settings.station, counter=2))
    panel = make_panel(office, qtbot)
    assert panel.counter == 2
    assert panel.counter_number.isVisible() and panel.counter_number.text() == "2"
    assert not panel.counter_pick.isVisible()
    issue(office, areas)
    panel.call_next()
    assert office.ctx.queue.current(2).label == "A001"
    panel.stop()


def test_the_waiting_line_is_the_counters_calling_order(office, areas, qtbot) -> None:
    from counter_app.services.queue_models import AreaInput

    queue = office.ctx.queue
    queue.save_area(office.admin, AreaInput("Hộ tịch", "A", (2,), 0, True, areas["A"].id))
    issue(office, areas, "A")  # counter 2 only
    issue(office, areas, "B")
    issue(office, areas, "C", priority="pregnant")
    queue.call_next(office.clerk, 3)  # C001★ …
    queue.transfer(office.clerk, 3, to_counter=1)  # … sent to counter 1, so first there
    issue(office, areas, "D")
    calls: list[int] = []
    real = queue.waiting_for

    def waiting_for(counter: int):  # type: ignore[no-untyped-def]
        calls.append(counter)
        return real(counter)

    queue.waiting_for = waiting_for  # type: ignore[method-assign]
    try:
        panel = make_panel(office, qtbot)
        panel.set_counter(1)
        assert calls and set(calls) == {1}  # the service's rule, not a filter of its own
        assert panel.waiting_count.text() == "Đang chờ: 3"
        assert panel.next_labels.text() == "Tiếp theo: C001★ · B001 · D001"
        snap = counter_snapshot(queue, 1)
        assert [t.label for t in snap.waiting] == [t.label for t in real(1)]
        panel.call_next()
        assert panel.ticket.text() == "C001"
        assert panel.next_labels.text() == "Tiếp theo: B001 · D001"
        panel.stop()
    finally:
        del queue.waiting_for
