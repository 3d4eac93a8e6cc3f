"""Rating screen hardening: locked like the kiosk; walking away forgets what was typed."""

# ruff: noqa: F811 - the shared fixtures are imported from rating_support

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
    add_shortcut_traps,
    assert_still_locked,
    change_window_state,
    close_was_refused,
    leave_sign_in_open,
    lock_full_screen,
    press_leaving_keys,
    quit_is_refused,
    remove_traps,
    send_leaving_key_events,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from rating_support import make_screen, saved, screen_account, serve_ticket  # noqa: F401
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

from counter_app.domain import vi_typing as vt
from counter_app.domain.rating import DISSATISFIED, VERY_DISSATISFIED
from counter_app.services.kiosk_lock import KioskLock
from counter_app.ui import texts
from counter_app.ui.kiosk.sign_in import KioskLoginDialog
from counter_app.ui.rating.window import RatingWindow

Key = Qt.Key


def ask(window: RatingWindow, office) -> None:
    """A citizen was just served at the screen's counter: the question shows."""
    last = office.ctx.queue.last_event_id()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=window.counter)
    window.on_events(office.ctx.queue.events_after(last))
    assert window.stack.currentWidget() is window.panel and window.panel.prompt is not None


def tap_level(window: RatingWindow, code: str) -> None:
    next(b for b in window.panel.ask_page.buttons if b.level.code == code).click()


def on_idle(window: RatingWindow, office) -> None:
    pass


def on_ask(window: RatingWindow, office) -> None:
    ask(window, office)


def on_comment(window: RatingWindow, office) -> None:
    """Dissatisfied, two reasons ticked, a Vietnamese comment typed, shift left on."""
    ask(window, office)
    tap_level(window, DISSATISFIED)
    reasons = window.panel.reason_page
    reasons.reasons[0].click()
    reasons.reasons[2].click()
    reasons.comment_button.click()
    board = reasons.keyboard
    for key in ("shift", "c", "h", "o", vt.HORN, vt.HUYEN, "space", "l", "a", "u", "shift"):
        board.keys[key].click()
    assert reasons.comment.toPlainText() == "Chờ lau"
    assert board.shift


def on_pin(window: RatingWindow, office) -> None:
    KioskLock(office.ctx.db).set_pin(office.admin, "2468")
    window.open_exit()
    assert window.stack.currentWidget() is window.pin_pad
    window.pin_pad.keys["7"].click()
    window.pin_pad.keys["3"].click()


PAGES: dict[str, Callable[[RatingWindow, object], None]] = {
    "idle": on_idle,
    "ask": on_ask,
    "comment": on_comment,
    "pin": on_pin,
}


def snapshot(window: RatingWindow) -> tuple[object, ...]:
    """The page and everything the citizen chose or typed."""
    panel, reasons = window.panel, window.panel.reason_page
    return (
        window.stack.currentWidget(),
        panel.prompt,
        panel.level,
        panel.currentWidget(),
        reasons.currentWidget(),
        reasons.chosen(),
        reasons.comment.toPlainText(),
        window.pin_pad.digits,
    )


def assert_nothing_kept(window: RatingWindow) -> None:
    """The waiting page, and no trace of what the last citizen chose or typed."""
    assert window.stack.currentWidget() is window.idle_page
    panel = window.panel
    assert panel.prompt is None and panel.level is None
    assert panel.ask_page.clerk.text() == "" and panel.ask_page.subject.text() == ""
    assert all(b.isEnabled() and not b.property("chosen") for b in panel.ask_page.buttons)
    reasons = panel.reason_page
    assert reasons.chosen() == () and reasons.comment.toPlainText() == ""
    assert reasons.comment_button.text() == texts.RATING_COMMENT_ADD
    assert reasons.currentWidget() is reasons.list_view
    assert not reasons.keyboard.shift and reasons.keyboard.keys["a"].text() == "a"
    assert (window.pin_pad.digits, window.pin_pad.dots.text().strip()) == ("", "")


# --- keys ---
@pytest.mark.parametrize("page", PAGES)
def test_leaving_keys_keep_the_screen_on_its_page(make_screen, office, page) -> None:
    window = make_screen()
    lock_full_screen(window)
    PAGES[page](window, office)
    before, blocked = snapshot(window), window.guard.blocked
    press_leaving_keys(window)
    send_leaving_key_events(window)
    assert_still_locked(window)
    assert snapshot(window) == before
    assert window.guard.blocked - blocked >= 2 * len(LEAVING_KEYS)
    assert saved(office.ctx) == []  # no key answered for the citizen


@pytest.mark.parametrize("kind", TRAP_KINDS)
def test_no_shortcut_or_action_fires_on_the_screen(make_screen, office, kind) -> None:
    window = make_screen()
    lock_full_screen(window)
    on_comment(window, office)
    fired: list[str] = []
    traps = add_shortcut_traps(window, window.panel.reason_page, kind, fired)
    press_leaving_keys(window)
    QTest.keyClick(window, Key.Key_T, CTRL | ALT)
    remove_traps(window, traps)
    assert fired == []
    assert_still_locked(window)
    assert window.panel.reason_page.currentWidget() is window.panel.reason_page.write_view


# --- closing and the window's state ---
@pytest.mark.parametrize("request_name", CLOSE_REQUESTS)
def test_close_requests_are_refused_while_a_citizen_answers(make_screen, office, request_name):
    window = make_screen()
    lock_full_screen(window)
    on_comment(window, office)
    before = snapshot(window)
    assert close_was_refused(window, CLOSE_REQUESTS[request_name])
    assert_still_locked(window)
    assert snapshot(window) == before


def test_the_system_asking_the_app_to_quit_is_refused(make_screen, qapp) -> None:
    window = make_screen()
    lock_full_screen(window)
    assert quit_is_refused(qapp)
    assert_still_locked(window)
    assert window.stack.currentWidget() is window.idle_page


@pytest.mark.parametrize("change", STATE_CHANGES)
def test_window_state_changes_return_to_full_screen(make_screen, office, qtbot, change) -> None:
    window = make_screen()
    lock_full_screen(window)
    on_ask(window, office)
    assert change_window_state(window, STATE_CHANGES[change], qtbot) != FULL_SCREEN
    assert_still_locked(window)
    assert window.geometry() == window.screen().geometry()
    assert window.panel.currentWidget() is window.panel.ask_page


# --- touch ---
def test_a_swipe_across_the_faces_answers_nothing(make_screen, office) -> None:
    window = make_screen()
    lock_full_screen(window)
    on_ask(window, office)
    touch = touch_screen()
    buttons = window.panel.ask_page.buttons
    first, last = buttons[0], buttons[-1]
    far = last.mapTo(first, last.rect().center())
    swipe(touch, first, first.rect().center(), far)  # a finger sliding along the row
    swipe(touch, last, last.rect().center(), QPoint(last.width() // 2, -last.height()))
    w, h = window.width(), window.height()
    swipe(touch, window, QPoint(1, h // 2), QPoint(w - 40, h // 2))
    swipe(touch, window, QPoint(w // 2, h - 2), QPoint(w // 2, 40))
    pinch(touch, window, outward=True)
    pinch(touch, window, outward=False)
    assert_still_locked(window)
    assert window.panel.currentWidget() is window.panel.ask_page
    assert window.panel.level is None and saved(office.ctx) == []


def test_a_long_press_or_right_click_opens_no_menu(make_screen, office) -> None:
    window = make_screen()
    lock_full_screen(window)
    on_comment(window, office)
    reasons = window.panel.reason_page
    probe = menu_probe(reasons.write_view)
    typed = reasons.comment.toPlainText()
    touch = touch_screen()
    try:
        for widget in (probe.viewport(), reasons.comment.viewport(), reasons.count):
            long_press(touch, widget)
            right_click(widget)
            assert open_menus() == []
    finally:
        close_menus()
    assert_still_locked(window)
    assert reasons.comment.toPlainText() == typed


# --- walking away ---
def test_walking_away_from_a_comment_saves_it_then_forgets_it(make_screen, office, qtbot):
    window = make_screen()
    on_comment(window, office)
    typed = window.panel.reason_page.comment.toPlainText()
    window.panel.reason_timer.setInterval(60)
    window.panel.thanks_timer.setInterval(60)
    window.panel.reason_timer.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.idle_page, timeout=3000)
    [row] = saved(office.ctx)
    reasons = office.ctx.settings.rating.reasons
    assert (row.level, row.comment) == (DISSATISFIED, typed)
    assert row.reasons == [reasons[0], reasons[2]]
    assert_nothing_kept(window)
    ask(window, office)  # the next citizen
    assert window.panel.ask_page.clerk.text() == "Cán bộ phục vụ: Lê Thị Hồng"
    tap_level(window, VERY_DISSATISFIED)
    page = window.panel.reason_page
    assert page.chosen() == () and page.comment.toPlainText() == ""
    assert page.currentWidget() is page.list_view


def test_a_pin_pad_left_open_goes_back_to_waiting(make_screen, office, qtbot) -> None:
    window = make_screen()
    assert window.idle.interval() == office.ctx.settings.rating.ask_seconds * 1000
    on_pin(window, office)
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=window.counter)
    window.on_events(office.ctx.queue.events_after(0))
    assert len(window.queued) == 1  # a served citizen waits while the pad shows
    window.idle.setInterval(60)
    window.idle.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.pin_pad, timeout=3000)
    assert window.pin_pad.digits == "" and window.pin_pad.dots.text().strip() == ""
    assert window.stack.currentWidget() is window.panel and window.queued == []
    assert not window.unlocked


def test_idle_does_not_cut_a_citizen_short(make_screen, office, qtbot) -> None:
    window = make_screen()
    on_comment(window, office)
    before = snapshot(window)
    window.idle.setInterval(30)
    window.idle.start()
    qtbot.wait(120)
    assert snapshot(window) == before  # the reasons have their own, longer, time limit


def test_a_sign_in_left_open_is_closed_when_idle(make_screen) -> None:
    window = make_screen()
    shown_then_closed = leave_sign_in_open(window, lambda d: d.password.setText("doan-thu"))
    assert shown_then_closed == [True, True]
    assert window.isVisible() and not window.unlocked
    assert window.stack.currentWidget() is window.idle_page
    assert window.findChildren(KioskLoginDialog) == []  # the typed password is gone too
