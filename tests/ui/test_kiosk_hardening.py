"""Kiosk hardening: no key, touch, close or window-state change leaves it; idle forgets all."""

# ruff: noqa: F811 - the shared fixtures are imported from test_kiosk_support

from __future__ import annotations

from collections.abc import Callable

import pytest
from lockdown_support import (
    ALT,
    CLOSE_REQUESTS,
    CTRL,
    FULL_SCREEN,
    LEAVING_KEYS,
    STATE_CHANGES,
    TRAP_KINDS,
    HeldPool,
    add_shortcut_traps,
    assert_still_locked,
    change_window_state,
    close_was_refused,
    key_target,
    leave_sign_in_open,
    lock_full_screen,
    press_leaving_keys,
    quit_is_refused,
    remove_traps,
    send_leaving_key_events,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from rating_support import return_result, saved
from test_kiosk_support import areas, device, make_kiosk  # noqa: F401
from touch_support import (
    close_menus,
    long_press,
    menu_probe,
    open_menus,
    pinch,
    right_click,
    swipe,
    touch_screen,
)

from counter_app.domain.rating import DISSATISFIED
from counter_app.services.kiosk_lock import KioskLock
from counter_app.ui import texts
from counter_app.ui.kiosk.sign_in import KioskLoginDialog
from counter_app.ui.kiosk.window import KioskWindow

Key = Qt.Key


def open_scan(window: KioskWindow) -> None:
    window.start_page.rating_button.click()
    assert window.stack.currentWidget() is window.rating.scan_page


def scan(window: KioskWindow, code: str) -> None:
    """What a USB scanner does: the code's characters as keys, then Enter."""
    QTest.keyClicks(window.rating.scan_page, code)
    QTest.keyClick(window.rating.scan_page, Key.Key_Return)


def write_comment(window: KioskWindow, office) -> None:
    """A dissatisfied citizen ticks a reason and writes a comment, shift left on."""
    dossier = return_result(office.ctx, office.clerk, counter=None)
    open_scan(window)
    scan(window, dossier.row.code)
    panel = window.rating.panel
    assert window.stack.currentWidget() is panel
    next(b for b in panel.ask_page.buttons if b.level.code == DISSATISFIED).click()
    reasons = panel.reason_page
    reasons.reasons[1].click()
    reasons.comment_button.click()
    for key in ("shift", "c", "h", "o", "space", "l", "a", "u", "shift"):
        reasons.keyboard.keys[key].click()
    assert reasons.comment.toPlainText() == "Cho lau"
    assert reasons.keyboard.shift


def on_start(window: KioskWindow, office) -> None:
    pass


def on_priority(window: KioskWindow, office) -> None:
    window.start_page.priority_button.click()


def on_scan(window: KioskWindow, office) -> None:
    open_scan(window)
    QTest.keyClicks(window.rating.scan_page, "000.00.06")
    window.rating.scan_page.keyboard.keys["h"].click()


def on_pin(window: KioskWindow, office) -> None:
    KioskLock(office.ctx.db).set_pin(office.admin, "2468")
    window.open_exit()
    window.pin_pad.keys["1"].click()
    window.pin_pad.keys["2"].click()


PAGES: dict[str, Callable[[KioskWindow, object], None]] = {
    "start": on_start,
    "priority": on_priority,
    "scan": on_scan,
    "pin": on_pin,
    "comment": write_comment,
}


def snapshot(window: KioskWindow) -> tuple[object, ...]:
    """The page and everything a citizen chose or typed."""
    panel = window.rating.panel
    reasons = panel.reason_page
    return (
        window.stack.currentWidget(),
        window.priority,
        window.rating.scan_page.code.text(),
        window.pin_pad.digits,
        panel.prompt,
        panel.currentWidget(),
        reasons.currentWidget(),
        reasons.chosen(),
        reasons.comment.toPlainText(),
    )


def assert_nothing_kept(window: KioskWindow) -> None:
    """The start screen, and no trace of what the last citizen chose or typed."""
    assert window.stack.currentWidget() is window.start_page
    assert window.priority == "" and window.start_page.priority == ""
    assert not window.start_page.clear_button.isVisibleTo(window.start_page)
    scan_page = window.rating.scan_page
    assert (scan_page.code.text(), scan_page.message.text()) == ("", "")
    assert (window.pin_pad.digits, window.pin_pad.dots.text().strip()) == ("", "")
    panel = window.rating.panel
    assert panel.prompt is None and panel.level is None
    assert panel.ask_page.clerk.text() == "" and panel.ask_page.subject.text() == ""
    reasons = panel.reason_page
    assert reasons.chosen() == () and reasons.comment.toPlainText() == ""
    assert reasons.comment_button.text() == texts.RATING_COMMENT_ADD
    assert reasons.currentWidget() is reasons.list_view
    assert not reasons.keyboard.shift
    assert reasons.keyboard.keys["a"].text() == "a"


# --- keys ---
@pytest.mark.parametrize("page", PAGES)
def test_leaving_keys_keep_the_kiosk_on_its_page(make_kiosk, office, page) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    PAGES[page](window, office)
    before, blocked = snapshot(window), window.guard.blocked
    press_leaving_keys(window)
    send_leaving_key_events(window)
    assert_still_locked(window)
    assert snapshot(window) == before  # nothing typed, nothing reset
    assert window.guard.blocked - blocked >= 2 * len(LEAVING_KEYS)


@pytest.mark.parametrize("kind", TRAP_KINDS)
def test_no_shortcut_or_action_fires_in_the_kiosk(make_kiosk, office, kind) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    on_scan(window, office)
    fired: list[str] = []
    traps = add_shortcut_traps(window, window.rating.scan_page, kind, fired)
    press_leaving_keys(window)
    QTest.keyClick(window, Key.Key_T, CTRL | ALT)  # passes the key filter as an AltGr letter
    remove_traps(window, traps)
    assert fired == []
    assert_still_locked(window)
    assert window.stack.currentWidget() is window.rating.scan_page


def test_the_scanner_still_types_once_leaving_keys_were_pressed(make_kiosk, office) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    on_scan(window, office)
    press_leaving_keys(window)
    assert key_target(window) is window.rating.scan_page
    QTest.keyClicks(key_target(window), "-26")
    assert window.rating.scan_page.code.text() == "000.00.06H-26"


# --- closing and the window's state ---
@pytest.mark.parametrize("request_name", CLOSE_REQUESTS)
def test_close_requests_are_refused_on_every_page(make_kiosk, office, request_name) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    for page in ("scan", "pin"):
        PAGES[page](window, office)
        before = snapshot(window)
        assert close_was_refused(window, CLOSE_REQUESTS[request_name])
        assert_still_locked(window)
        assert snapshot(window) == before


def test_the_system_asking_the_app_to_quit_is_refused(make_kiosk, qapp) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    assert quit_is_refused(qapp)
    assert_still_locked(window)


@pytest.mark.parametrize("change", STATE_CHANGES)
def test_window_state_changes_return_to_full_screen(make_kiosk, office, qtbot, change) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    on_priority(window, office)
    left = change_window_state(window, STATE_CHANGES[change], qtbot)
    assert left != FULL_SCREEN  # it did leave full screen for a moment
    assert_still_locked(window)
    assert window.geometry() == window.screen().geometry()
    assert window.stack.currentWidget() is window.priority_page


def test_a_hide_from_the_window_manager_keeps_the_guard(make_kiosk) -> None:
    """Iconifying sends a hide event while the window stays shown: keys stay blocked."""
    window = make_kiosk()
    lock_full_screen(window)
    QApplication.sendEvent(window, QHideEvent())
    assert window.isVisible() and window.idle.isActive()
    blocked = window.guard.blocked
    QTest.keyClick(window, Key.Key_F4, ALT)
    assert window.guard.blocked > blocked


def test_the_guard_and_idle_timer_go_once_unlocked(make_kiosk) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    window.unlock()
    blocked = window.guard.blocked
    QTest.keyClick(window, Key.Key_F4, ALT)
    assert window.guard.blocked == blocked and not window.idle.isActive()
    window.guard.activity.emit()
    assert not window.idle.isActive()


# --- touch ---
def test_swipes_and_pinches_neither_leave_nor_take_a_number(make_kiosk) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    touch = touch_screen()
    w, h = window.width(), window.height()
    edges = [
        (QPoint(1, h // 2), QPoint(w - 40, h // 2)),  # from the left edge
        (QPoint(w - 2, h // 2), QPoint(40, h // 2)),  # from the right edge
        (QPoint(w // 2, 1), QPoint(w // 2, h - 40)),  # from the top edge
        (QPoint(w // 2, h - 2), QPoint(w // 2, 40)),  # from the bottom: over the priority bar
    ]
    for start, end in edges:
        swipe(touch, window, start, end)
    tile = window.start_page.tiles[0]
    swipe(touch, tile, tile.rect().center(), QPoint(tile.width() * 3, tile.height() * 3))
    pinch(touch, window, outward=True)
    pinch(touch, window, outward=False)
    assert_still_locked(window)
    assert window.stack.currentWidget() is window.start_page
    assert window.result_page.ticket is None and not window.issuing
    assert window.priority == ""


def test_a_long_press_or_right_click_opens_no_menu(make_kiosk, office) -> None:
    window = make_kiosk()
    lock_full_screen(window)
    probe = menu_probe(window.start_page)
    touch = touch_screen()
    try:
        for widget in (probe.viewport(), window.start_page.prompt, window.start_page.office):
            long_press(touch, widget)
            right_click(widget)
            assert open_menus() == []
        write_comment(window, office)
        comment = window.rating.panel.reason_page.comment
        long_press(touch, comment.viewport())
        right_click(comment.viewport())
        assert open_menus() == []
    finally:
        close_menus()
    assert_still_locked(window)
    assert comment.toPlainText() == "Cho lau"


# --- idle ---
def fire_idle(window: KioskWindow, qtbot, until: Callable[[], bool]) -> None:
    window.idle.setInterval(50)
    window.idle.start()
    qtbot.waitUntil(until, timeout=3000)


def test_idle_forgets_the_priority_and_the_receipt_code(make_kiosk, office, qtbot) -> None:
    window = make_kiosk()
    on_priority(window, office)
    window.priority_page.buttons["elderly"].click()
    on_scan(window, office)
    window.rating.scan_page.submit()  # not a receipt: a message stays on the page
    assert window.rating.scan_page.message.text()
    QTest.keyClicks(window.rating.scan_page, "000.00")
    assert window.priority == "elderly"
    fire_idle(window, qtbot, lambda: window.stack.currentWidget() is window.start_page)
    assert_nothing_kept(window)
    open_scan(window)
    assert window.rating.scan_page.code.text() == ""


def test_walking_away_from_a_comment_forgets_it_after_saving(make_kiosk, office, qtbot) -> None:
    window = make_kiosk()
    panel = window.rating.panel
    write_comment(window, office)
    window.idle.setInterval(50)
    window.idle.start()
    qtbot.wait(150)  # the kiosk's idle waits for the rating's own time limit
    assert panel.reason_page.comment.toPlainText() == "Cho lau"
    assert window.idle.isActive()  # and looks again later
    panel.thanks_timer.setInterval(50)
    panel.reason_timer.setInterval(50)
    panel.reason_timer.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.start_page, timeout=3000)
    [row] = saved(office.ctx)
    assert (row.comment, row.reasons) == ("Cho lau", [office.ctx.settings.rating.reasons[1]])
    assert_nothing_kept(window)
    # The next citizen's reasons start empty.
    dossier = return_result(office.ctx, office.clerk, counter=None)
    open_scan(window)
    scan(window, dossier.row.code)
    next(b for b in panel.ask_page.buttons if b.level.code == DISSATISFIED).click()
    assert panel.reason_page.chosen() == () and panel.reason_page.comment.toPlainText() == ""


def test_a_late_lookup_is_not_shown_to_the_next_citizen(make_kiosk, office, qtbot) -> None:
    pool = HeldPool()
    window = make_kiosk(pool=pool)
    dossier = return_result(office.ctx, office.clerk, counter=None)
    open_scan(window)
    pool.hold = True  # the database is slow
    scan(window, dossier.row.code)
    assert window.rating.scan_page.busy
    fire_idle(window, qtbot, lambda: window.stack.currentWidget() is window.start_page)
    open_scan(window)  # the next citizen
    pool.release()
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.rating.scan_page
    assert window.rating.panel.prompt is None
    assert window.rating.scan_page.message.text() == ""


def test_idle_while_a_number_is_taken_waits_and_looks_again(make_kiosk, office, qtbot) -> None:
    pool = HeldPool()
    window = make_kiosk(pool=pool)
    pool.hold = True
    window.start_page.tiles[0].click()
    assert window.issuing
    window.idle.setInterval(50)
    window.idle.start()
    qtbot.wait(150)
    assert window.issuing and window.idle.isActive()  # not reset under the citizen
    pool.release()
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.result_page


def test_a_sign_in_left_open_is_closed_when_idle(make_kiosk, office) -> None:
    window = make_kiosk()
    on_priority(window, office)
    window.priority_page.buttons["disabled"].click()
    shown_then_closed = leave_sign_in_open(window, lambda d: d.username.setText("giamsat"))
    assert shown_then_closed == [True, True]
    assert window.isVisible() and not window.unlocked
    assert window.stack.currentWidget() is window.start_page and window.priority == ""
    assert window.findChildren(KioskLoginDialog) == []  # the typed name is gone too
