"""The rating screen at a counter: it wakes when the counter finishes, asks, saves once."""

# ruff: noqa: F811 - the shared fixtures are imported from rating_support

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from rating_support import (  # noqa: F401
    make_screen,
    return_result,
    saved,
    screen_account,
    serve_ticket,
    set_rating,
)

from counter_app.domain import vi_typing as vt
from counter_app.domain.rating import (
    AT_COUNTER,
    DEFAULT_REASONS,
    DISSATISFIED,
    SATISFIED,
    VERY_DISSATISFIED,
    VERY_SATISFIED,
)
from counter_app.services.errors import PermissionDenied
from counter_app.services.rating import AlreadyRated, RatingInput
from counter_app.ui import texts
from counter_app.ui.rating.window import RatingWindow


def started(window: RatingWindow, qtbot) -> RatingWindow:
    """Follow the queue; wait until the watcher has read where the stream stands."""
    with qtbot.waitSignal(window.bridge.status, timeout=5000):
        window.start()
    return window


def asking(window: RatingWindow) -> bool:
    return window.stack.currentWidget() is window.panel and window.panel.prompt is not None


def tap_level(window: RatingWindow, code: str) -> None:
    button = next(b for b in window.panel.ask_page.buttons if b.level.code == code)
    button.click()


def test_a_ticket_served_at_the_counter_wakes_the_screen(make_screen, office, qtbot) -> None:
    window = started(make_screen(counter=2), qtbot)
    assert window.stack.currentWidget() is window.idle_page
    assert window.idle_page.counter.text() == "Quầy số 2"
    assert window.idle_page.office.text().startswith("Trung tâm Phục vụ hành chính công")
    ticket = serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    qtbot.waitUntil(lambda: asking(window), timeout=5000)
    page = window.panel.ask_page
    assert page.counter.text() == "Quầy số 2"
    assert page.clerk.text() == "Cán bộ phục vụ: Lê Thị Hồng"
    assert page.subject.text() == f"Số thứ tự {ticket.label}"
    assert [b.text_label.text() for b in page.buttons] == [
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
        "Rất không hài lòng",
    ]
    assert window.panel.prompt.event_key == f"ticket:{ticket.id}"


def test_another_counter_finishing_does_not_wake_it(make_screen, office, qtbot) -> None:
    window = started(make_screen(counter=2), qtbot)
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=3)
    marker = serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    qtbot.waitUntil(lambda: asking(window), timeout=5000)
    assert window.panel.prompt.event_key == f"ticket:{marker.id}"  # not counter 3's
    assert window.queued == []


def test_a_result_returned_at_the_counter_wakes_it(make_screen, office, qtbot) -> None:
    window = started(make_screen(counter=2), qtbot)
    dossier = return_result(office.ctx, office.clerk, counter=2)
    qtbot.waitUntil(lambda: asking(window), timeout=5000)
    page = window.panel.ask_page
    assert window.panel.prompt.event_key == f"dossier:{dossier.id}"
    assert page.counter.text() == "Quầy số 2"
    assert page.clerk.text() == "Cán bộ phục vụ: Lê Thị Hồng"
    assert page.subject.text() == f"Hồ sơ {dossier.row.code} · {dossier.row.procedure_name}"
    tap_level(window, SATISFIED)
    [row] = saved(office.ctx)
    assert (row.dossier_id, row.ticket_id, row.counter) == (dossier.id, None, 2)
    assert row.clerk_id == office.clerk.user_id
    # Nothing about who rated: not the citizen's name, id number or phone.
    stored = repr({k: v for k, v in vars(row).items() if not k.startswith("_")})
    for secret in ("Nguyễn Văn An", "001090012345", "0912345678"):
        assert secret not in stored


def test_a_satisfied_answer_is_saved_without_the_reason_step(make_screen, office) -> None:
    window = make_screen()
    ticket = serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    assert asking(window)
    tap_level(window, VERY_SATISFIED)
    assert window.panel.currentWidget() is window.panel.thanks_page
    [row] = saved(office.ctx)
    assert (row.event_key, row.level, row.score, row.satisfied) == (
        f"ticket:{ticket.id}",
        VERY_SATISFIED,
        5,
        True,
    )
    assert (row.reasons, row.comment, row.channel) == ([], "", AT_COUNTER)
    assert (row.counter, row.clerk_id, row.clerk_name) == (2, office.clerk.user_id, "Lê Thị Hồng")
    assert row.station == window.principal.station
    assert row.rated_at == office.ctx.clock()


def test_a_dissatisfied_answer_asks_why_and_keeps_the_typed_comment(make_screen, office) -> None:
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    tap_level(window, DISSATISFIED)
    reasons = window.panel.reason_page
    assert window.panel.currentWidget() is reasons
    assert [t.reason for t in reasons.reasons] == list(DEFAULT_REASONS)
    assert saved(office.ctx) == []  # nothing yet: the reasons may still come
    reasons.reasons[0].click()
    reasons.reasons[4].click()
    reasons.comment_button.click()
    assert reasons.currentWidget() is reasons.write_view
    board = reasons.keyboard
    board.keys["shift"].click()
    for key in ("p", "h", "a", "i", vt.HOI, "space", "c", "h", "o", vt.HORN, vt.HUYEN):
        board.keys[key].click()
    reasons.written.click()
    assert reasons.comment_button.text() == "✎  Ý kiến: Phải chờ"
    reasons.send.click()
    [row] = saved(office.ctx)
    assert row.level == DISSATISFIED and not row.satisfied
    assert row.reasons == [DEFAULT_REASONS[0], DEFAULT_REASONS[4]]
    assert row.comment == "Phải chờ"
    assert window.panel.currentWidget() is window.panel.thanks_page


def test_the_three_level_scale(make_screen, office) -> None:
    set_rating(office.ctx, scale="three")
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    page = window.panel.ask_page
    assert [b.level.code for b in page.buttons] == [VERY_SATISFIED, SATISFIED, DISSATISFIED]
    assert [b.text_label.text() for b in page.buttons] == [
        "Rất hài lòng",
        "Hài lòng",
        "Không hài lòng",
    ]
    tap_level(window, DISSATISFIED)
    assert window.panel.currentWidget() is window.panel.reason_page
    window.panel.reason_page.skip.click()
    [row] = saved(office.ctx)
    assert (row.scale, row.level, row.score, row.reasons) == ("three", DISSATISFIED, 2, [])


def test_nobody_answering_goes_back_to_idle_and_saves_nothing(make_screen, office, qtbot) -> None:
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.panel.ask_timer.setInterval(60)
    window.on_events(office.ctx.queue.events_after(0))
    assert asking(window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.idle_page, timeout=2000)
    assert saved(office.ctx) == [] and not window.panel.active()


def test_walking_away_at_the_reasons_keeps_what_was_chosen(make_screen, office, qtbot) -> None:
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.panel.reason_timer.setInterval(80)
    window.panel.thanks_timer.setInterval(80)
    window.on_events(office.ctx.queue.events_after(0))
    tap_level(window, VERY_DISSATISFIED)
    window.panel.reason_page.reasons[1].click()  # ticked, but never sent
    qtbot.waitUntil(lambda: len(saved(office.ctx)) == 1, timeout=2000)
    [row] = saved(office.ctx)
    ticked = office.ctx.settings.rating.reasons[1]
    assert (row.level, row.reasons, row.comment) == (VERY_DISSATISFIED, [ticked], "")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.idle_page, timeout=2000)


def test_the_thanks_go_back_to_idle_by_themselves(make_screen, office, qtbot) -> None:
    set_rating(office.ctx, thanks_seconds=5)
    window = make_screen()
    assert window.panel.thanks_timer.interval() == 5000
    assert window.panel.ask_timer.interval() == office.ctx.settings.rating.ask_seconds * 1000
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    tap_level(window, SATISFIED)
    assert window.panel.thanks_timer.isActive()
    window.panel.thanks_timer.setInterval(50)
    window.panel.thanks_timer.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.idle_page, timeout=2000)


def test_a_double_tap_saves_one_rating(make_screen, office) -> None:
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    first = next(b for b in window.panel.ask_page.buttons if b.level.code == SATISFIED)
    first.click()
    assert not any(b.isEnabled() for b in window.panel.ask_page.buttons)  # at once
    first.click()
    tap_level(window, VERY_DISSATISFIED)
    window.panel.choose(VERY_SATISFIED)  # even a tap that got through changes nothing
    assert [(r.level) for r in saved(office.ctx)] == [SATISFIED]


def test_a_double_tap_on_send_saves_one_rating(make_screen, office) -> None:
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    tap_level(window, DISSATISFIED)
    send = window.panel.reason_page.send
    send.click()
    send.click()
    window.panel.reason_page.sent.emit((), "")
    assert len(saved(office.ctx)) == 1


def test_a_rated_service_does_not_wake_the_screen_again(make_screen, office) -> None:
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    events = office.ctx.queue.events_after(0)
    window.on_events(events)
    tap_level(window, SATISFIED)
    window.panel.stop()
    window.show_idle()
    window.on_events(events)  # the same "done" again (a watcher catching up, say)
    assert window.stack.currentWidget() is window.idle_page
    assert len(saved(office.ctx)) == 1


def test_a_prompt_arriving_mid_rating_waits_its_turn(make_screen, office, qtbot) -> None:
    window = make_screen()
    first = serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    last = office.ctx.queue.last_event_id()
    tap_level(window, DISSATISFIED)  # the first citizen is choosing reasons
    second = serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(last))
    assert window.panel.prompt.event_key == f"ticket:{first.id}"
    assert [p.event_key for p in window.queued] == [f"ticket:{second.id}"]
    window.on_events(office.ctx.queue.events_after(last))  # told twice: queued once
    assert len(window.queued) == 1
    window.panel.thanks_timer.setInterval(50)
    window.panel.reason_page.send.click()
    qtbot.waitUntil(lambda: window.panel.currentWidget() is window.panel.ask_page, timeout=2000)
    assert window.panel.prompt.event_key == f"ticket:{second.id}"
    assert window.queued == []
    assert [r.event_key for r in saved(office.ctx)] == [f"ticket:{first.id}"]


def test_a_clerk_cannot_save_a_rating(office, screen_account) -> None:
    ctx = office.ctx
    ticket = serve_ticket(ctx, office.clerk, office.clerk, counter=2)
    answer = RatingInput(f"ticket:{ticket.id}", VERY_SATISFIED, "k1")
    with pytest.raises(PermissionDenied, match="không được tự đánh giá"):
        ctx.ratings.submit(office.clerk, answer)  # their own service, from their own window
    with pytest.raises(PermissionDenied, match="cán bộ không đánh giá thay"):
        ctx.ratings.submit(office.supervisor, answer)
    assert saved(ctx) == []
    ctx.ratings.submit(screen_account, answer)
    with pytest.raises(AlreadyRated):
        ctx.ratings.submit(screen_account, RatingInput(answer.event_key, SATISFIED, "k2"))
    assert [r.level for r in saved(ctx)] == [VERY_SATISFIED]


def test_a_screen_signed_in_as_the_clerk_saves_nothing(make_screen, office) -> None:
    window = make_screen(principal=office.clerk)
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    tap_level(window, VERY_SATISFIED)
    assert saved(office.ctx) == []
    assert window.saver.journal.pending() == []  # refused for good: not retried forever


def test_only_a_device_account_opens_the_screen(office, screen_account, qtbot) -> None:
    from helpers import PASSWORD, type_text

    from counter_app.ui.kiosk.sign_in import KioskLoginDialog
    from counter_app.ui.rating.app import OPEN_ROLES

    for username, accepted in (("canbo", False), ("giamsat", False), ("manhinh", True)):
        dialog = KioskLoginDialog(
            office.ctx, OPEN_ROLES, "", texts.RATING_ROLE_NOT_ALLOWED, title=texts.RATING_TITLE
        )
        qtbot.addWidget(dialog)
        type_text(dialog.username, username)
        type_text(dialog.password, PASSWORD)
        dialog.sign_in_button.click()
        assert (dialog.principal is not None) == accepted, username
        if not accepted:
            assert dialog.error.problems() == [texts.RATING_ROLE_NOT_ALLOWED]
        assert texts.RATING_TITLE in dialog.windowTitle()


def test_staff_leave_with_the_pin_but_not_while_a_citizen_answers(make_screen, office, qtbot):
    from counter_app.services.kiosk_lock import KioskLock

    KioskLock(office.ctx.db).set_pin(office.admin, "2468")
    window = make_screen()
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=2)
    window.on_events(office.ctx.queue.events_after(0))
    window.open_exit()
    assert asking(window)  # the citizen comes first
    window.panel.ask_page.decline.click()
    assert window.stack.currentWidget() is window.idle_page and saved(office.ctx) == []
    window.open_exit()
    assert window.stack.currentWidget() is window.pin_pad
    with qtbot.waitSignal(window.exit_requested, timeout=2000):
        for digit in "2468":
            window.pin_pad.keys[digit].click()
        window.pin_pad.exit.click()
    assert not window.isVisible()
    QApplication.processEvents()
