"""Entry point of the display board: open the database, show the board full-screen, speak calls."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from counter_app.app_context import AppContext
from counter_app.paths import AppDirs
from counter_app.settings import Settings
from counter_app.ui import texts
from counter_app.ui.display.board import BoardWindow, CallSpeaker
from counter_app.ui.startup import run_station

log = logging.getLogger(__name__)


class SilentSpeaker:
    """Used when the voice cannot be set up: the board still shows every call."""

    def say_call(self, label: str, counter: int) -> None:
        """Say nothing."""


def make_speaker(ctx: AppContext) -> CallSpeaker:
    """The voice configured for this station (settings `display.voice`)."""
    try:
        from counter_app.ui.display.speaker import Speaker

        speaker: CallSpeaker = Speaker(mode=ctx.settings.display.voice)
    except Exception:  # no voice is better than no board
        log.exception("cannot set up the voice; the board will be silent")
        return SilentSpeaker()
    return speaker


def run_display(
    dirs: AppDirs,
    settings: Settings,
    *,
    demo: bool = False,
    on_ready: Callable[[BoardWindow], None] | None = None,
) -> int:
    """Run the display board until Esc or Ctrl+Q; returns the process exit code."""

    def body(app: QApplication, ctx: AppContext) -> int:
        speaker = make_speaker(ctx)
        window = BoardWindow(ctx, speaker)
        try:
            window.closed.connect(app.quit)
            window.start()
            screen = app.primaryScreen()
            if screen is not None:  # without a window manager, full screen alone stays small
                window.setGeometry(screen.geometry())
            window.showFullScreen()
            if on_ready is not None:
                on_ready(window)
            return app.exec()
        finally:
            window.stop()
            close = getattr(speaker, "close", None)
            if callable(close):
                close()  # ends the speech engine's process

    # The TV offers no restore of a damaged database: that is for a clerk's station.
    return run_station(
        dirs, settings, body, demo=demo, office_missing=texts.DISPLAY_NO_OFFICE, recover=False
    )
