"""Answers given while the office database is away: kept on the screen, saved when it returns."""

# ruff: noqa: F811 - the shared fixtures are imported from rating_support

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import NOW, OFFICE, PASSWORD
from rating_support import make_screen, saved, screen_account, serve_ticket  # noqa: F401

from counter_app.app_context import open_context
from counter_app.clock import FrozenClock
from counter_app.domain.rating import DEFAULT_REASONS, DISSATISFIED, SATISFIED
from counter_app.domain.roles import Role
from counter_app.paths import AppDirs
from counter_app.services.office import AdminSetup
from counter_app.ui import texts
from counter_app.ui.rating.window import RatingWindow
from counter_app.ui.workers import InlinePool
from db.engine import Database


def unreachable(tmp_path: Path) -> Database:
    """A database that cannot be opened (its "file" is a folder): every call fails."""
    folder = tmp_path / "database-gone"
    folder.mkdir()
    return Database(f"sqlite:///{folder}")


def ask_about_a_served_ticket(window: RatingWindow, office) -> None:
    serve_ticket(office.ctx, office.clerk, office.clerk, counter=window.counter)
    window.on_events(office.ctx.queue.events_after(0))
    assert window.panel.prompt is not None


def answer_dissatisfied(window: RatingWindow) -> None:
    next(b for b in window.panel.ask_page.buttons if b.level.code == DISSATISFIED).click()
    window.panel.reason_page.reasons[2].click()
    window.panel.reason_page.send.click()


def test_the_answer_is_kept_while_the_database_is_away_then_saved(
    make_screen, office, tmp_path
) -> None:
    ctx = office.ctx
    window = make_screen()
    ask_about_a_served_ticket(window, office)
    real = ctx.ratings.db
    ctx.ratings.db = unreachable(tmp_path)  # lost mid-rating
    window.on_status(False, "Không kết nối được tới máy chủ")
    answer_dissatisfied(window)
    assert window.panel.currentWidget() is window.panel.thanks_page  # thanked all the same
    [kept] = window.saver.journal.pending()
    assert (kept.level, kept.reasons) == (DISSATISFIED, (DEFAULT_REASONS[2],))
    assert window.saver.journal.path == ctx.dirs.data_dir / "ratings-pending-counter-2.jsonl"
    assert window.saver.journal.path.is_file()
    assert window.status.isVisibleTo(window)
    assert texts.RATING_OFFLINE in window.status.text()
    assert texts.RATING_WAITING.format(count=1) in window.status.text()
    assert window.saver.retry.isActive()
    window.saver.retry.timeout.emit()  # a retry while still away: still kept
    assert len(window.saver.journal.pending()) == 1
    ctx.ratings.db = real
    assert saved(ctx) == []
    window.on_status(True, "")  # the watcher reached the database again
    [row] = saved(ctx)
    assert (row.level, row.reasons, row.counter) == (DISSATISFIED, [DEFAULT_REASONS[2]], 2)
    assert row.rated_at == kept.rated_at
    assert window.saver.journal.pending() == []
    assert not window.status.isVisibleTo(window)
    assert not window.saver.retry.isActive()


def test_the_retry_timer_saves_it_too(make_screen, office, tmp_path) -> None:
    ctx = office.ctx
    window = make_screen()
    ask_about_a_served_ticket(window, office)
    real, ctx.ratings.db = ctx.ratings.db, unreachable(tmp_path)
    next(b for b in window.panel.ask_page.buttons if b.level.code == SATISFIED).click()
    assert saved(ctx) == [] and window.saver.waiting == 1
    ctx.ratings.db = real
    window.saver.retry.timeout.emit()
    assert [r.level for r in saved(ctx)] == [SATISFIED]
    assert window.saver.waiting == 0


def test_an_answer_waiting_to_be_sent_does_not_wake_the_screen_again(
    make_screen, office, tmp_path
) -> None:
    ctx = office.ctx
    window = make_screen()
    ask_about_a_served_ticket(window, office)
    real, ctx.ratings.db = ctx.ratings.db, unreachable(tmp_path)
    next(b for b in window.panel.ask_page.buttons if b.level.code == SATISFIED).click()
    window.panel.stop()
    window.show_idle()
    ctx.ratings.db = real  # back, but the answer is not sent yet
    window.on_events(ctx.queue.events_after(0))
    assert window.stack.currentWidget() is window.idle_page


def test_a_screen_started_later_sends_what_an_earlier_one_kept(
    make_screen, office, tmp_path, qtbot
) -> None:
    ctx = office.ctx
    first = make_screen()
    ask_about_a_served_ticket(first, office)
    real, ctx.ratings.db = ctx.ratings.db, unreachable(tmp_path)
    next(b for b in first.panel.ask_page.buttons if b.level.code == SATISFIED).click()
    first.stop()
    first.unlocked = True
    first.close()  # the screen was switched off while the database was away
    ctx.ratings.db = real
    second = make_screen()
    with qtbot.waitSignal(second.bridge.status, timeout=5000):
        second.start()
    assert [r.level for r in saved(ctx)] == [SATISFIED]
    assert second.saver.journal.pending() == []


@pytest.mark.postgres
def test_the_postgresql_server_stopping_mid_rating(pg_server, pg_url, tmp_path, qtbot, messages):
    from counter_app.settings import parse_settings

    settings = parse_settings({"database": {"url": pg_url}}, "test", environ={})
    ctx = open_context(
        AppDirs(tmp_path / "cfg", tmp_path / "data"), settings, clock=FrozenClock(NOW)
    )
    window: RatingWindow | None = None
    try:
        admin = ctx.office.set_up(
            OFFICE, AdminSetup("quantri", "Quản Trị", PASSWORD), settings.security, "T"
        )
        ctx.accounts.create_user(admin, "canbo", "Lê Thị Hồng", Role.CLERK, PASSWORD)
        ctx.accounts.create_user(admin, "manhinh", "Màn hình", Role.DEVICE, PASSWORD)
        clerk = ctx.accounts.sign_in("canbo", PASSWORD)
        device = ctx.accounts.sign_in("manhinh", PASSWORD)
        window = RatingWindow(ctx, device, 1, pool=InlinePool(), poll_seconds=0.05)
        window.resize(1024, 600)
        window.show()
        with qtbot.waitSignal(window.bridge.status, timeout=10_000):
            window.start()
        serve_ticket(ctx, clerk, clerk, counter=1)
        qtbot.waitUntil(lambda: window.panel.prompt is not None, timeout=10_000)
        pg_server.stop_server("immediate")
        qtbot.waitUntil(lambda: not window.online, timeout=15_000)
        answer_dissatisfied(window)
        assert len(window.saver.journal.pending()) == 1
        assert texts.RATING_OFFLINE in window.status.text()
        pg_server.start()
        qtbot.waitUntil(lambda: window.online and not window.saver.waiting, timeout=30_000)
        [row] = saved(ctx)
        assert (row.level, row.reasons) == (DISSATISFIED, [DEFAULT_REASONS[2]])
        assert not window.status.isVisibleTo(window)
    finally:
        if window is not None:
            window.stop()
            window.unlocked = True
            window.close()
        if not pg_server.running:
            pg_server.start()
        ctx.close()
