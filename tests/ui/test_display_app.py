"""The display board's entry point: demo start-up full-screen, a live call, Esc, start-up faults."""

from __future__ import annotations

import socket
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from counter_app.domain.roles import Role
from counter_app.paths import AppDirs
from counter_app.services.principal import Principal
from counter_app.settings import DisplaySettings, parse_settings
from counter_app.ui import texts
from counter_app.ui.display import speaker as speaker_module
from counter_app.ui.display.app import SilentSpeaker, make_speaker, run_display
from counter_app.ui.display.board import BoardWindow
from counter_app.ui.display.speaker import Speaker

SILENT = parse_settings({"display": {"voice": "off"}}, "test", environ={})


@pytest.fixture(autouse=True)
def _restore_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def test_demo_board_shows_a_call_and_quits_on_escape(tmp_path: Path, qapp, messages) -> None:
    seen: dict[str, object] = {}

    def on_ready(board: BoardWindow) -> None:
        seen["fullscreen"] = board.isFullScreen()
        seen["tiles"] = list(board.grid.tiles)
        seen["speaker"] = board.speaker
        queue = board.ctx.queue
        area = queue.areas()[0]
        queue.issue(Principal(None, "kiosk", "Kiosk", Role.DEVICE, "K"), area.id)
        users = board.ctx.accounts.list_users(Principal.system("test"))
        clerk = next(u for u in users if u.role == Role.CLERK)
        who = Principal(clerk.id, clerk.username, clerk.full_name, clerk.role, "Q1")
        seen["label"] = queue.call_next(who, 2).label  # type: ignore[union-attr]
        timer = QTimer(board)

        def check() -> None:
            if board.grid.tiles[2].label == seen["label"]:
                timer.stop()
                QTest.keyClick(board, Qt.Key.Key_Escape)

        timer.timeout.connect(check)
        timer.start(20)
        guard = QTimer(board, singleShot=True, interval=5000)  # never hang the test run
        guard.timeout.connect(board.close)
        guard.start()
        seen["guard"] = guard

    code = run_display(
        AppDirs(tmp_path / "cfg", tmp_path / "data"), SILENT, demo=True, on_ready=on_ready
    )
    seen["guard"].stop()  # type: ignore[attr-defined]
    assert code == 0
    assert messages.shown == []
    assert seen["fullscreen"] is True
    assert seen["tiles"] == [1, 2, 3, 4]
    assert isinstance(seen["speaker"], Speaker)
    assert seen["speaker"].mode == "off"  # closed when the board ended


def test_no_office_yet_is_explained(tmp_path: Path, qapp, messages) -> None:
    code = run_display(AppDirs(tmp_path / "cfg", tmp_path / "data"), SILENT)
    assert code == 1
    assert messages.texts() == [texts.DISPLAY_NO_OFFICE]


def test_unreachable_database_is_reported(tmp_path: Path, qapp, messages) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = parse_settings(
        {"database": {"url": f"postgresql+psycopg://motcua@127.0.0.1:{port}/x"}}, "test", environ={}
    )
    assert run_display(AppDirs(tmp_path / "cfg", tmp_path / "data"), settings) == 1
    assert messages.shown[0][0] == texts.STARTUP_ERROR_TITLE


def test_the_configured_voice_is_used_and_a_broken_one_is_silent(ctx, monkeypatch) -> None:
    ctx.settings = replace(ctx.settings, display=DisplaySettings(voice="off"))  # no real engine
    speaker = make_speaker(ctx)
    assert isinstance(speaker, Speaker) and speaker.mode == "off"
    speaker.close()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("no multimedia")

    monkeypatch.setattr(speaker_module, "Speaker", broken)
    assert isinstance(make_speaker(ctx), SilentSpeaker)
