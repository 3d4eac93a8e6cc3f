"""The kiosk's ticket flow: tap a tile, see the number, get it printed (or told to remember it)."""

# ruff: noqa: F811 - the shared fixtures are imported from test_kiosk_support

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from test_kiosk_support import areas, device, make_kiosk, set_kiosk  # noqa: F401

from counter_app.app_context import open_context
from counter_app.domain.queue import PRIORITY_KINDS
from counter_app.services import ticket_printing
from counter_app.services.queue_models import AreaInput
from counter_app.settings import load_settings
from counter_app.ui import texts
from counter_app.ui.kiosk.window import KioskWindow
from db.models import QueueEvent, Ticket
from printers.thermal.base import PrinterUnavailable
from printers.thermal.decode import decode


def tickets(window: KioskWindow) -> list[Ticket]:
    with window.ctx.db.read() as session:
        rows = list(session.scalars(select(Ticket).order_by(Ticket.id)))
        session.expunge_all()
        return rows


def events(window: KioskWindow, kind: str) -> list[QueueEvent]:
    with window.ctx.db.read() as session:
        rows = list(session.scalars(select(QueueEvent).where(QueueEvent.kind == kind)))
        session.expunge_all()
        return rows


def tile(window: KioskWindow, prefix: str):
    return next(t for t in window.start_page.tiles if t.area.prefix == prefix)


def test_start_screen_shows_the_office_greeting_and_one_tile_per_area(make_kiosk, areas) -> None:
    window = make_kiosk()
    page = window.start_page
    assert window.stack.currentWidget() is page
    assert page.office.text().startswith("Trung tâm Phục vụ hành chính công")
    assert [t.area.prefix for t in page.tiles] == [a.prefix for a in areas]
    assert tile(window, "C").name.text() == "Đất đai, xây dựng"
    assert all(t.isEnabled() for t in page.tiles)
    assert "Người cao tuổi" in page.priority_button.title.text()
    assert window.priority == ""


def test_tap_shows_the_number_and_saves_the_ticket(make_kiosk) -> None:
    jobs: list[tuple[str, bytes]] = []
    window = make_kiosk(sender=lambda url, data: jobs.append((url, data)), printer="test://x")
    tile(window, "B").click()
    result = window.result_page
    assert window.stack.currentWidget() is result
    assert result.number.text() == "B001"
    assert result.area.text() == "Lĩnh vực: Chứng thực"
    assert result.ahead.text() == texts.KIOSK_NONE_AHEAD
    assert result.wait.text() == "Thời gian chờ dự kiến: Được phục vụ ngay"
    assert not result.priority.isVisibleTo(result)
    assert result.printing.text() == texts.KIOSK_PRINTED
    [saved] = tickets(window)
    assert (saved.label, saved.area_id, saved.priority) == ("B001", tile(window, "B").area.id, "")
    assert saved.print_status == "printed"
    [(url, data)] = jobs
    assert url == "test://x"
    job = decode(data)
    assert job.cut and job.raster_widths and job.raster_widths[0] == 576
    assert job.character_commands == []  # the text went out as an image, no code pages


def test_second_ticket_counts_who_is_ahead(make_kiosk) -> None:
    window = make_kiosk()
    tile(window, "A").click()
    window.result_page.done_button.click()
    assert window.stack.currentWidget() is window.start_page
    tile(window, "A").click()
    assert window.result_page.number.text() == "A002"
    assert window.result_page.ahead.text() == "Có 1 người đang chờ trước bạn"


def test_double_tap_gives_one_ticket(make_kiosk) -> None:
    window = make_kiosk()
    first = tile(window, "A")
    first.click()
    first.click()
    tile(window, "B").click()
    assert [t.label for t in tickets(window)] == ["A001"]


def test_double_tap_on_a_real_thread_pool_gives_one_ticket(make_kiosk, qtbot) -> None:
    window = make_kiosk(pool=QThreadPool.globalInstance())
    qtbot.waitUntil(lambda: bool(window.start_page.tiles), timeout=5000)
    button = tile(window, "A")
    button.click()
    assert not button.isEnabled()  # disabled at once, before the worker answers
    button.click()
    window.choose_area(button.area.id)  # even a tap that got through issues nothing more
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.result_page, timeout=5000)
    qtbot.waitUntil(
        lambda: window.result_page.failure.isVisibleTo(window.result_page), timeout=5000
    )
    assert [t.label for t in tickets(window)] == ["A001"]


def test_same_request_key_twice_returns_the_same_ticket(make_kiosk) -> None:
    window = make_kiosk()
    area = tile(window, "A").area
    again = window.ctx.queue.issue(window.principal, area.id, "", window.request_key)
    tile(window, "A").click()
    assert window.result_page.number.text() == again.label == "A001"
    assert len(tickets(window)) == 1
    key = window.request_key
    window.result_page.done_button.click()
    assert window.request_key != key  # a new visit, a new ticket


def test_priority_choice_gives_a_priority_ticket(make_kiosk) -> None:
    window = make_kiosk()
    window.start_page.priority_button.click()
    assert window.stack.currentWidget() is window.priority_page
    assert [b.text() for b in window.priority_page.buttons.values()] == list(
        PRIORITY_KINDS.values()
    )
    window.priority_page.buttons["elderly"].click()
    assert window.stack.currentWidget() is window.start_page
    assert "Người cao tuổi" in window.start_page.priority_button.title.text()
    assert window.start_page.clear_button.isVisibleTo(window.start_page)
    tile(window, "A").click()
    assert window.result_page.priority.text() == "Ưu tiên: Người cao tuổi"
    assert window.result_page.priority.isVisibleTo(window.result_page)
    assert tickets(window)[0].priority == "elderly"
    window.result_page.done_button.click()
    assert window.priority == ""  # the next citizen starts with no priority
    assert not window.start_page.clear_button.isVisibleTo(window.start_page)


def test_priority_can_be_cleared_before_taking_a_number(make_kiosk) -> None:
    window = make_kiosk()
    window.start_page.priority_button.click()
    window.priority_page.buttons["pregnant"].click()
    window.start_page.clear_button.click()
    tile(window, "A").click()
    assert tickets(window)[0].priority == ""


def test_printer_failure_says_remember_the_number_and_alerts_clerks(make_kiosk) -> None:
    def broken(url: str, data: bytes) -> None:
        raise PrinterUnavailable("Máy in vé hết giấy. Hãy thay cuộn giấy mới rồi in lại.")

    window = make_kiosk(sender=broken, printer="tcp://10.0.0.9:9100")
    tile(window, "A").click()
    message = window.result_page.failure_text()
    assert message.startswith("Máy in vé đang gặp sự cố: Máy in vé hết giấy.")
    assert message.endswith("Xin ghi nhớ số của bạn: A001")
    assert not window.result_page.printing.isVisibleTo(window.result_page)
    [event] = events(window, "print_failed")
    assert event.label == "A001" and "hết giấy" in event.details["error"]
    assert tickets(window)[0].print_status == "failed"
    assert window.result_timer.interval() > 10_000  # longer, to note the number down


def test_no_printer_configured_shows_the_number_to_remember(make_kiosk) -> None:
    window = make_kiosk(printer="")
    tile(window, "D").click()
    assert ticket_printing.NO_PRINTER in window.result_page.failure_text()
    assert "D001" in window.result_page.remember.text()
    assert len(events(window, "print_failed")) == 1


def test_file_printer_gets_the_ticket(make_kiosk, tmp_path: Path) -> None:
    out = tmp_path / "ticket.bin"
    window = make_kiosk(printer=out.as_uri())
    set_kiosk(window.ctx, paper_mm=58)
    tile(window, "A").click()
    assert window.result_page.printing.text() == texts.KIOSK_PRINTED
    job = decode(out.read_bytes())
    assert job.cut and job.raster_widths[0] == 384
    assert job.qr_payloads == [f"MOTCUA-VE:{tickets(window)[0].id}:A001"]
    assert out.with_suffix(".png").exists()  # the file printer's preview of the paper


def test_bad_printer_address_is_a_printer_failure(make_kiosk) -> None:
    window = make_kiosk(printer="lpt1")
    tile(window, "A").click()
    assert "Địa chỉ máy in vé “lpt1” không hợp lệ" in window.result_page.failure_text()
    assert len(events(window, "print_failed")) == 1


def test_closed_tcp_port_is_a_printer_failure(make_kiosk) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    window = make_kiosk(printer=f"tcp://127.0.0.1:{port}")
    tile(window, "A").click()
    assert "Xin ghi nhớ số của bạn: A001" in window.result_page.failure_text()
    assert len(events(window, "print_failed")) == 1


def test_result_screen_returns_to_the_start_by_itself(make_kiosk, qtbot) -> None:
    window = make_kiosk()
    tile(window, "A").click()
    window.result_timer.start(50)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page, timeout=2000)
    assert all(t.isEnabled() for t in window.start_page.tiles)


def test_database_outage_shows_the_message_and_comes_back(make_kiosk, qtbot, monkeypatch) -> None:
    window = make_kiosk()
    queue = window.ctx.queue
    real_areas, real_issue = queue.areas, queue.issue
    down = OperationalError("SELECT 1", {}, Exception("connection refused"))

    def fail(*_a: object, **_k: object) -> None:
        raise down

    monkeypatch.setattr(queue, "issue", fail)
    monkeypatch.setattr(queue, "areas", fail)
    key = window.request_key
    tile(window, "A").click()
    assert window.stack.currentWidget() is window.outage_page
    assert window.outage_page.message.text() == texts.KIOSK_OUTAGE
    assert window.poll.isActive()
    window.poll.setInterval(30)
    qtbot.wait(100)
    assert window.stack.currentWidget() is window.outage_page  # still down, still saying so
    monkeypatch.setattr(queue, "areas", real_areas)
    monkeypatch.setattr(queue, "issue", real_issue)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page, timeout=2000)
    assert not window.poll.isActive()
    assert all(t.isEnabled() for t in window.start_page.tiles)
    assert window.request_key == key  # a retry after an outage cannot give a second ticket
    tile(window, "A").click()
    assert [t.label for t in tickets(window)] == ["A001"]


def test_outage_at_start_shows_the_message(make_kiosk, monkeypatch, office) -> None:
    down = OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    def fail() -> None:
        raise down

    monkeypatch.setattr(office.ctx.queue, "areas", fail)
    window = make_kiosk()
    assert window.stack.currentWidget() is window.outage_page


def test_restart_keeps_the_day_numbering(make_kiosk, office, app_dirs, clock) -> None:
    window = make_kiosk()
    tile(window, "A").click()
    window.unlocked = True
    window.close()
    office.ctx.close()
    again = open_context(app_dirs, load_settings(app_dirs), clock=clock)
    try:
        second = make_kiosk(again)
        tile(second, "A").click()
        assert second.result_page.number.text() == "A002"
        assert [t.label for t in tickets(second)] == ["A001", "A002"]
    finally:
        second.unlocked = True
        second.close()
        again.close()
    QApplication.processEvents()


def test_an_area_closed_meanwhile_is_said_and_its_tile_goes(make_kiosk, office) -> None:
    window = make_kiosk()
    stale = tile(window, "E")
    area = stale.area
    office.ctx.queue.save_area(
        office.admin,
        AreaInput(area.name, area.prefix, area.counters, area.position, False, area.id),
    )
    stale.click()
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.notice.text() == "Khu vực dịch vụ này không còn hoạt động."
    assert "E" not in [t.area.prefix for t in window.start_page.tiles]
    assert all(t.isEnabled() for t in window.start_page.tiles)
    assert tickets(window) == []


def test_unchanged_areas_keep_their_tiles(make_kiosk) -> None:
    window = make_kiosk()
    before = list(window.start_page.tiles)
    window.reset_to_start()
    assert window.start_page.tiles == before  # no rebuild (and no flicker) on every idle reset


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_screen_fits_the_display(make_kiosk, size) -> None:
    window = make_kiosk()
    window.resize(*size)
    QApplication.processEvents()
    window.start_page.priority_button.click()
    window.priority_page.buttons["small_child"].click()
    tile(window, "C").click()  # no printer: the failure box shows too
    assert window.result_page.failure.isVisibleTo(window.result_page)
    for page in window.pages():
        needed = page.layout().totalMinimumSize().height()
        assert needed <= size[1], (type(page).__name__, needed)
    done = window.result_page.done_button
    window.stack.setCurrentWidget(window.result_page)
    QApplication.processEvents()
    bottom = done.mapTo(window, done.rect().bottomLeft()).y()
    assert bottom <= size[1]
    assert window.scale == pytest.approx(size[1] / 768, abs=0.02)


def test_full_screen_covers_the_screen(make_kiosk) -> None:
    window = make_kiosk()
    window.show_full_screen()
    QApplication.processEvents()
    assert window.geometry() == window.screen().geometry()
    assert window.corner.geometry().topLeft().isNull()


def test_no_open_area_says_to_ask_staff(make_kiosk, office, areas) -> None:
    for area in areas:
        office.ctx.queue.save_area(
            office.admin,
            AreaInput(area.name, area.prefix, area.counters, area.position, False, area.id),
        )
    window = make_kiosk()
    assert window.start_page.tiles == []
    assert window.start_page.notice.text() == texts.KIOSK_NO_AREAS
