"""Entry point of the display board: open the database, show the board full-screen, speak calls."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from counter_app.app_context import AppContext, StartupError, open_context
from counter_app.paths import AppDirs
from counter_app.services.demo import ensure_demo_office
from counter_app.services.errors import ServiceError
from counter_app.settings import Settings
from counter_app.ui import errors, texts
from counter_app.ui.app_setup import prepare_app
from counter_app.ui.display.board import BoardWindow, CallSpeaker

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


def _office_ready(ctx: AppContext, demo: bool) -> bool:
    """Demo data when asked; False (after telling why) when there is no office to show."""
    try:
        if demo:
            s = ctx.settings
            ensure_demo_office(ctx.db, ctx.office, ctx.catalog, s.security, ctx.station)
        if ctx.office.get() is None:
            errors.present(None, texts.STARTUP_ERROR_TITLE, texts.DISPLAY_NO_OFFICE)
            return False
    except (ServiceError, SQLAlchemyError) as exc:
        errors.show_error(None, exc)
        return False
    return True


def run_display(
    dirs: AppDirs,
    settings: Settings,
    *,
    demo: bool = False,
    on_ready: Callable[[BoardWindow], None] | None = None,
) -> int:
    """Run the display board until Esc or Ctrl+Q; returns the process exit code."""
    app, family = prepare_app()
    if family is None:
        errors.present(None, texts.ERROR_TITLE, texts.FONT_MISSING)
    try:
        ctx = open_context(dirs, settings, demo=demo)
    except StartupError as exc:
        errors.present(None, texts.STARTUP_ERROR_TITLE, str(exc))
        return 1
    window: BoardWindow | None = None
    speaker: CallSpeaker | None = None
    # One quit only (from `closed`): a second one left queued would end the next event loop.
    app.setQuitOnLastWindowClosed(False)
    try:
        if not _office_ready(ctx, demo):
            return 1
        speaker = make_speaker(ctx)
        window = BoardWindow(ctx, speaker)
        window.closed.connect(app.quit)
        window.start()
        screen = app.primaryScreen()
        if screen is not None:  # without a window manager, full screen alone keeps a small window
            window.setGeometry(screen.geometry())
        window.showFullScreen()
        if on_ready is not None:
            on_ready(window)
        return app.exec()
    finally:
        app.setQuitOnLastWindowClosed(True)
        if window is not None:
            window.stop()
        close = getattr(speaker, "close", None)
        if callable(close):
            close()  # ends the speech engine's process
        ctx.close()
