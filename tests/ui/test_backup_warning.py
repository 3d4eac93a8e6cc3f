"""The clerk window's backup timer and status bar warning, on a real database and folder."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog

from counter_app.clock import FrozenClock, vietnam_now
from counter_app.paths import resource_path
from counter_app.services.backup import BackupService
from counter_app.settings import BackupSettings
from counter_app.ui import clerk_app
from counter_app.ui.app_setup import STYLE_FILE
from counter_app.ui.backup_warning import BackupWarning
from counter_app.ui.backup_watch import BackupWatch, install_backup_watch
from counter_app.ui.main_window import MainWindow
from counter_app.ui.workers import InlinePool

SHOTS = Path("/tmp/backup-warning-shots")


@pytest.fixture
def clock() -> FrozenClock:
    # Near the real time: the folder's file times count as backups too.
    return FrozenClock(vietnam_now())


def use_usb_folder(ctx, folder: Path) -> None:
    """Point the context at a configured backup folder (a USB disk), as config.toml would."""
    backup = dataclasses.replace(ctx.settings.backup, folder=str(folder))
    ctx.settings = dataclasses.replace(ctx.settings, backup=backup)
    ctx.backups = BackupService(ctx.db, folder, ctx.clock)


def screenshot(window: MainWindow, name: str) -> None:
    """The window at 1366x768 with the app's style sheet, saved for a person to look at."""
    window.setStyleSheet(resource_path(*STYLE_FILE).read_text(encoding="utf-8"))
    window.resize(1366, 768)
    window.show()
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / name))


def window_with_watch(office, who, qtbot) -> tuple[MainWindow, BackupWatch]:
    window = MainWindow(office.ctx, who)
    qtbot.addWidget(window)
    watch = install_backup_watch(window, office.ctx, who, pool=InlinePool())
    watch.timer.stop()
    return window, watch


def test_the_first_check_backs_up_and_shows_nothing(office, qtbot) -> None:
    window, watch = window_with_watch(office, office.admin, qtbot)
    assert window.findChild(BackupWarning) is watch.warning
    watch.check()
    assert len(office.ctx.backups.list_backups()) == 1
    assert watch.last is not None and not watch.last.overdue
    assert watch.warning is not None and not watch.warning.isVisibleTo(window)


def test_an_unplugged_usb_disk_turns_the_warning_on_then_off(office, qtbot, tmp_path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    use_usb_folder(office.ctx, usb)
    window, watch = window_with_watch(office, office.supervisor, qtbot)
    warning = watch.warning
    assert warning is not None
    watch.check()
    assert not warning.isVisibleTo(window)
    usb.rename(tmp_path / "unplugged")
    office.ctx.clock.advance(hours=25)
    watch.check()
    failed = office.ctx.clock().strftime("%d/%m/%Y %H:%M")
    assert warning.isVisibleTo(window)
    assert warning.text() == f"Sao lưu lúc {failed} không thành công — kiểm tra ổ USB sao lưu"
    assert warning.property("role") == "problem"
    assert warning.palette().color(warning.foregroundRole()).name() == "#b42318"
    assert "ổ USB sao lưu đã được cắm chưa" in warning.toolTip()
    office.ctx.clock.advance(hours=24)  # still unplugged the next day: since when, in red
    watch.check()
    good = watch.last.last_ok_at.strftime("%d/%m/%Y %H:%M")
    assert warning.text() == f"Chưa sao lưu dữ liệu từ {good} — kiểm tra ổ USB sao lưu"
    screenshot(window, "supervisor-warning.png")
    (tmp_path / "unplugged").rename(usb)
    office.ctx.clock.advance(minutes=31)
    watch.check()
    assert not warning.isVisibleTo(window)
    assert len(office.ctx.backups.list_backups()) == 2


def test_clerks_see_a_softer_line_without_details(office, qtbot, tmp_path) -> None:
    use_usb_folder(office.ctx, tmp_path / "not-plugged-in")
    window, watch = window_with_watch(office, office.clerk, qtbot)
    watch.check()
    warning = watch.warning
    assert warning is not None and warning.isVisibleTo(window)
    assert warning.text() == "Dữ liệu chưa được sao lưu gần đây — vui lòng báo cán bộ quản trị"
    assert warning.property("role") == "subtle"
    assert warning.palette().color(warning.foregroundRole()).name() == "#8a5a00"
    assert warning.toolTip() == ""
    screenshot(window, "clerk-warning.png")


def test_a_station_that_never_backs_up_itself_warns_after_warn_hours(office, qtbot) -> None:
    ctx = office.ctx
    ctx.settings = dataclasses.replace(ctx.settings, backup=BackupSettings(auto=False))
    window, watch = window_with_watch(office, office.admin, qtbot)
    watch.check()
    assert watch.warning.text() == "Chưa có bản sao lưu dữ liệu nào — kiểm tra ổ USB sao lưu"
    assert ctx.backups.list_backups() == []
    ctx.backups.backup_now()  # an admin backs up by hand
    watch.check()
    assert not watch.warning.isVisibleTo(window)
    ctx.clock.advance(hours=49)
    watch.check()
    assert watch.warning.text().startswith("Chưa sao lưu dữ liệu từ ")


def test_the_backup_runs_on_a_worker_thread(office, qtbot) -> None:
    window = MainWindow(office.ctx, office.admin)
    qtbot.addWidget(window)
    threads: list[str] = []
    watch = install_backup_watch(window, office.ctx, office.admin, QThreadPool.globalInstance())
    real = watch.schedule.run_if_due

    def tracked():
        threads.append(threading.current_thread().name)
        return real()

    watch.schedule.run_if_due = tracked  # type: ignore[method-assign]
    watch.check()
    assert watch.busy
    qtbot.waitUntil(lambda: not watch.busy, timeout=15000)
    assert threads and threads[0] != threading.main_thread().name
    assert len(office.ctx.backups.list_backups()) == 1


def test_an_unexpected_fault_shows_the_warning_and_never_crashes(office, qtbot) -> None:
    window, watch = window_with_watch(office, office.admin, qtbot)

    def broken():
        raise RuntimeError("máy chủ cơ sở dữ liệu không trả lời")

    watch.schedule.run_if_due = broken  # type: ignore[method-assign]
    watch.check()
    assert watch.warning.isVisibleTo(window)
    assert "máy chủ cơ sở dữ liệu không trả lời" in watch.warning.toolTip()
    assert not watch.busy


def test_the_timer_checks_soon_after_the_window_opens(office, qtbot) -> None:
    from counter_app.services.backup_schedule import BackupSchedule

    ctx = office.ctx
    schedule = BackupSchedule(ctx.backups, ctx.settings.backup, ctx.clock)
    watch = BackupWatch(schedule, pool=InlinePool(), first_ms=10, every_ms=60_000)
    with qtbot.waitSignal(watch.status_changed, timeout=5000):
        pass
    assert len(ctx.backups.list_backups()) == 1
    watch.timer.stop()


def test_the_clerk_session_puts_the_warning_in_the_main_window(office, qtbot, monkeypatch):
    class SignedIn:
        def __init__(self, _ctx) -> None:
            self.principal = office.clerk

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(clerk_app, "LoginDialog", SignedIn)
    session = clerk_app.ClerkSession(office.ctx, app=None)  # type: ignore[arg-type]
    assert session.sign_in()
    window = session.window
    assert window is not None
    watch = window.findChild(BackupWatch)
    assert isinstance(watch, BackupWatch) and watch.timer.isActive()
    assert window.statusBar().findChild(BackupWarning) is watch.warning
    window.closed.disconnect(session._on_window_closed)  # no QApplication.quit() here
    window.close()
    assert not watch.timer.isActive() and not watch._first.isActive()
