"""The clerk entry point end to end: start-up faults, first run, sign-in, sign-out, quit."""

from __future__ import annotations

import socket
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import PASSWORD, Step, drive, sign_in_step, type_text, visible
from sqlalchemy import text

from counter_app.app_context import AppContext, open_context
from counter_app.paths import AppDirs
from counter_app.services import audit
from counter_app.settings import load_settings, parse_settings
from counter_app.ui import startup, texts
from counter_app.ui.change_password_dialog import ChangePasswordDialog
from counter_app.ui.clerk_app import run_clerk
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.setup_wizard import SetupWizard


@pytest.fixture(autouse=True)
def _restore_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def sign_in(username: str, password: str) -> Step:
    return sign_in_step(LoginDialog, username, password)


def quit_login() -> bool:
    login = visible(LoginDialog)
    if login is None:
        return False
    login.reject()
    return True


def in_main_window(action: Callable[[MainWindow], None]) -> Step:
    def step() -> bool:
        window = visible(MainWindow)
        if not isinstance(window, MainWindow):
            return False
        action(window)
        return True

    return step


def test_demo_sign_in_sign_out_and_quit(tmp_path: Path, qapp, messages) -> None:
    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data").demo()
    ready: list[AppContext] = []
    seen: list[str] = []
    failures: list[BaseException] = []
    steps: list[Step] = [
        sign_in("canbo1", "Demo@2026"),
        in_main_window(lambda w: (seen.append(w.principal.username), w.sign_out_action.trigger())),
        sign_in("quantri", "Demo@2026"),
        in_main_window(lambda w: (seen.append(w.principal.username), w.quit_action.trigger())),
    ]
    timer = drive(steps, failures)
    code = run_clerk(dirs, load_settings(dirs), demo=True, on_ready=ready.append)
    timer.stop()
    assert not failures, failures
    assert code == 0
    assert seen == ["canbo1", "quantri"]
    assert len(ready) == 1 and ready[0].demo
    ctx = open_context(dirs, load_settings(dirs))
    try:
        office = ctx.office.get()
        assert office is not None and office.is_demo
        actions = [a.action for a in audit.recent(ctx.db, 10)]
        assert actions[:4] == ["auth.sign_out", "auth.sign_in", "auth.sign_out", "auth.sign_in"]
    finally:
        ctx.close()
    assert qapp.quitOnLastWindowClosed()


def test_first_run_opens_the_wizard_then_the_login(tmp_path: Path, qapp, messages) -> None:
    from test_setup_wizard import fill_admin, fill_office

    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data")
    failures: list[BaseException] = []

    def wizard_step() -> bool:
        wizard = visible(SetupWizard)
        if not isinstance(wizard, SetupWizard):
            return False
        wizard.next()
        fill_office(wizard)
        wizard.next()
        fill_admin(wizard)
        wizard.next()
        wizard.accept()  # Finish: validates the summary page, which saves
        return True

    def first_password_change() -> bool:  # the first admin chooses their own password
        dialog = visible(ChangePasswordDialog)
        if not isinstance(dialog, ChangePasswordDialog):
            return False
        for edit, value in ((dialog.old, PASSWORD), (dialog.new, "RiengToi2026")):
            type_text(edit, value)
        type_text(dialog.confirm, "RiengToi2026")
        dialog.save_button.click()
        return True

    steps = [wizard_step, sign_in("quantri", PASSWORD), first_password_change]
    timer = drive([*steps, in_main_window(MainWindow.close)], failures)
    code = run_clerk(dirs, load_settings(dirs))
    timer.stop()
    assert not failures, failures
    assert code == 0
    assert texts.SETUP_DONE in messages.texts()


def test_login_cancelled_returns_zero(tmp_path: Path, qapp, messages, office) -> None:
    failures: list[BaseException] = []
    timer = drive([quit_login], failures)
    code = run_clerk(office.ctx.dirs, office.ctx.settings)
    timer.stop()
    assert not failures and code == 0


def test_unreachable_database_is_reported_and_returns_one(tmp_path: Path, qapp, messages) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = parse_settings(
        {"database": {"url": f"postgresql+psycopg://motcua@127.0.0.1:{port}/x"}}, "test", environ={}
    )
    code = run_clerk(AppDirs(tmp_path / "cfg", tmp_path / "data"), settings)
    assert code == 1
    assert messages.shown[0][0] == texts.STARTUP_ERROR_TITLE
    assert "máy chủ cơ sở dữ liệu" in messages.shown[0][1]


def _corrupt(dirs: AppDirs) -> Path:
    settings = parse_settings({}, "test", environ={})
    ctx = open_context(dirs, settings)
    with ctx.db.write() as session:
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('kept', 'yes')"))
    backup = ctx.backups.backup_now()
    ctx.close()
    path = dirs.data_dir / "counter.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\x00\xff" * 2048)
    return backup


def test_corrupt_database_restored_from_the_newest_backup(
    tmp_path: Path, qapp, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data")
    backup = _corrupt(dirs)
    asked: list[str] = []
    monkeypatch.setattr(startup, "ask_restore", lambda _p, exc: asked.append(str(exc)) or True)
    ctx = startup.open_with_recovery(dirs, parse_settings({}, "test", environ={}))
    assert ctx is not None
    try:
        with ctx.db.read() as session:
            kept = session.execute(text("SELECT value FROM app_meta WHERE key = 'kept'")).scalar()
        assert kept == "yes"
    finally:
        ctx.close()
    assert asked and backup.name in asked[0]
    assert messages.texts() == [texts.CORRUPT_RESTORED.format(name=backup.name)]
    assert list(dirs.data_dir.glob("counter.sqlite3.hong-*"))  # the damaged file is kept


def test_corrupt_database_restore_declined(
    tmp_path: Path, qapp, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data")
    _corrupt(dirs)
    monkeypatch.setattr(startup, "ask_restore", lambda _p, _exc: False)
    assert run_clerk(dirs, parse_settings({}, "test", environ={})) == 1


def test_required_password_change_comes_before_the_main_window(qapp, messages, office) -> None:
    ctx = office.ctx
    ctx.accounts.reset_password(office.admin, "canbo", "TamThoi2026")
    failures: list[BaseException] = []
    seen: list[str] = []

    def refuse_change() -> bool:
        dialog = visible(ChangePasswordDialog)
        if not isinstance(dialog, ChangePasswordDialog):
            return False
        assert visible(MainWindow) is None
        dialog.reject()  # "Đăng xuất": back to the login
        return True

    def change() -> bool:
        dialog = visible(ChangePasswordDialog)
        if not isinstance(dialog, ChangePasswordDialog):
            return False
        type_text(dialog.old, "TamThoi2026")
        type_text(dialog.new, "MoiHon2026")
        type_text(dialog.confirm, "MoiHon2026")
        dialog.save_button.click()
        return True

    steps: list[Step] = [
        sign_in("canbo", "TamThoi2026"),
        refuse_change,
        sign_in("canbo", "TamThoi2026"),
        change,
        in_main_window(lambda w: (seen.append(w.principal.username), w.close())),
    ]
    timer = drive(steps, failures)
    code = run_clerk(ctx.dirs, ctx.settings)
    timer.stop()
    assert not failures, failures
    assert code == 0 and seen == ["canbo"]
    assert not ctx.accounts.must_change_password(office.clerk)
