"""The rating screen's start: the counter check, the command line, a demo run to the PIN exit."""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from helpers import drive, sign_in_step, type_text, visible
from PySide6.QtWidgets import QWidget
from rating_support import saved
from test_dossier_support import AN, KHAI_SINH, accept

from counter_app.domain.rating import SATISFIED
from counter_app.paths import AppDirs
from counter_app.services.demo import DEMO_PASSWORD
from counter_app.services.kiosk_lock import KioskLock
from counter_app.services.principal import Principal
from counter_app.settings import load_settings
from counter_app.ui import texts
from counter_app.ui.dossiers.action_dialogs import ReturnDialog
from counter_app.ui.kiosk.sign_in import KioskLoginDialog
from counter_app.ui.rating import app as rating_app
from counter_app.ui.rating.app import run_rating
from counter_app.ui.rating.window import RatingWindow
from db.models import QueueEvent


@pytest.fixture(autouse=True)
def _restore_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def test_a_counter_that_does_not_exist_stops_before_any_window(
    tmp_path: Path, qapp, messages, monkeypatch, capsys, caplog
) -> None:
    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data").demo()
    asked: list[int] = []
    monkeypatch.setattr(rating_app, "ask_device", lambda ctx, counter: asked.append(counter))
    with caplog.at_level(logging.ERROR):
        code = run_rating(dirs, load_settings(dirs), 9, demo=True)
    assert code == 2
    expected = texts.RATING_NO_COUNTER.format(counter=9, counters="1, 2, 3, 4")
    assert capsys.readouterr().err.strip() == f"Lỗi: {expected}"
    assert expected in caplog.text
    assert asked == [] and messages.shown == []
    assert visible(RatingWindow) is None


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["MOTCUA_CONFIG_DIR"] = str(tmp_path / "cfg")
    env["MOTCUA_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_the_command_refuses_a_counter_the_office_lacks(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--demo", "rating", "--counter", "7")
    assert result.returncode == 2, result.stderr
    assert (
        "Không có quầy số 7 đang hoạt động. Các quầy đang hoạt động: 1, 2, 3, 4." in result.stderr
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "lỗi: thiếu tham số bắt buộc: --counter"),
        (("--counter", "hai"), "lỗi: tham số --counter: số quầy phải là số nguyên dương"),
        (("--counter", "0"), "lỗi: tham số --counter: số quầy phải là số nguyên dương"),
    ],
)
def test_a_missing_or_wrong_counter_is_an_error_in_vietnamese(args, message, capsys) -> None:
    from counter_app.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["rating", *args])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"counter-app rating: {message}" in err


def test_demo_screen_rates_a_served_ticket_and_exits_with_the_pin(tmp_path: Path, qapp, messages):
    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data").demo()
    seen: list[str] = []

    def ready(window: RatingWindow) -> None:
        KioskLock(window.ctx.db).set_pin(Principal.system("T"), "135790")

    def serve() -> bool:
        window = visible(RatingWindow)
        if not isinstance(window, RatingWindow) or not window.online:
            return False
        assert window.isFullScreen()
        seen.append(window.idle_page.counter.text())
        ctx = window.ctx
        clerk = ctx.accounts.sign_in("canbo1", DEMO_PASSWORD)
        area = ctx.queue.areas()[0]
        ctx.queue.issue(window.principal, area.id)
        ctx.queue.call_next(clerk, 2)
        ctx.queue.finish(clerk, 2)
        return True

    def answer() -> bool:
        window = visible(RatingWindow)
        assert isinstance(window, RatingWindow)
        if window.panel.prompt is None:
            return False
        seen.append(window.panel.ask_page.clerk.text())
        next(b for b in window.panel.ask_page.buttons if b.level.code == SATISFIED).click()
        return True

    def exit_with_pin() -> bool:
        window = visible(RatingWindow)
        assert isinstance(window, RatingWindow)
        if window.saver.waiting or len(saved(window.ctx)) != 1:
            return False
        window.panel.stop()
        window.show_idle()
        window.open_exit()
        for digit in "135790":
            window.pin_pad.keys[digit].click()
        window.pin_pad.exit.click()
        return True

    def unlock(widget: QWidget) -> None:
        if isinstance(widget, RatingWindow):
            widget.unlock()

    failures: list[BaseException] = []
    steps = [sign_in_step(KioskLoginDialog, "kiosk", DEMO_PASSWORD), serve, answer, exit_with_pin]
    timer = drive(steps, failures, unlock)
    code = run_rating(dirs, load_settings(dirs), 2, demo=True, on_ready=ready)
    timer.stop()
    assert not failures, failures
    assert code == 0
    assert seen == ["Quầy số 2", "Cán bộ phục vụ: Lê Thị Hồng"]


def test_the_return_dialog_names_this_station_s_counter(office, qtbot) -> None:
    ctx = office.ctx
    station = dataclasses.replace(ctx.settings.station, counter=2)
    ctx.settings = dataclasses.replace(ctx.settings, station=station)
    ctx.catalog.load_shipped(Principal.system("T"))
    dossier = accept(ctx, office.clerk, KHAI_SINH, AN)
    ctx.lifecycle.record_result(office.clerk, dossier.id)
    dialog = ReturnDialog(ctx, office.clerk, ctx.dossiers.get(dossier.id))
    qtbot.addWidget(dialog)
    box = dialog.counter
    assert [box.itemData(i) for i in range(box.count())] == [None, 1, 2, 3]
    assert box.currentData() == 2 and box.currentText() == "Quầy số 2"
    dialog.by_post.setChecked(True)
    assert not box.isEnabled()
    dialog.at_counter.setChecked(True)
    type_text(dialog.receiver, " Lò")
    dialog.ok_button.click()
    with ctx.db.read() as session:
        [event] = session.query(QueueEvent).filter(QueueEvent.kind == "returned").all()
        assert (event.counter, event.details) == (2, {"dossier_id": dossier.id})
    assert ctx.ratings.prompt_for(f"dossier:{dossier.id}").counter == 2


def test_the_return_dialog_without_a_counter_wakes_no_screen(office, qtbot) -> None:
    ctx = office.ctx
    ctx.catalog.load_shipped(Principal.system("T"))
    dossier = accept(ctx, office.clerk, KHAI_SINH, AN)
    ctx.lifecycle.record_result(office.clerk, dossier.id)
    dialog = ReturnDialog(ctx, office.clerk, ctx.dossiers.get(dossier.id))
    qtbot.addWidget(dialog)
    assert dialog.counter.currentText() == texts.RATING_RETURN_COUNTER_NONE  # station counter 0
    dialog.ok_button.click()
    with ctx.db.read() as session:
        assert session.query(QueueEvent).filter(QueueEvent.kind == "returned").count() == 0
