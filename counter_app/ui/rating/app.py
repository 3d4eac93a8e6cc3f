"""Entry point of the rating screen: check the counter, sign in a device account, show it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QDialog

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.paths import AppDirs
from counter_app.services.principal import Principal
from counter_app.settings import Settings
from counter_app.ui import errors, texts
from counter_app.ui.errors import attempt
from counter_app.ui.kiosk.sign_in import KioskLoginDialog
from counter_app.ui.rating.window import RatingWindow
from counter_app.ui.startup import run_station

log = logging.getLogger(__name__)

#: Exit code when the screen is started for a counter the office does not have.
NO_SUCH_COUNTER = 2
#: Only a device account saves ratings: a clerk never rates their own service.
OPEN_ROLES = frozenset({Role.DEVICE})


def _ask_device(ctx: AppContext, counter: int) -> Principal | None:
    dialog = KioskLoginDialog(
        ctx,
        OPEN_ROLES,
        texts.RATING_SIGN_IN_HEADING.format(counter=counter),
        texts.RATING_ROLE_NOT_ALLOWED,
        title=texts.RATING_TITLE,
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.principal if accepted else None


#: Asks for the screen's device account; tests replace it.
ask_device: Callable[[AppContext, int], Principal | None] = _ask_device


def counter_problem(counter: int, active: list[int]) -> str | None:
    """Why a screen cannot serve `counter` (not among the active counters), or None."""
    if counter in active:
        return None
    listed = ", ".join(str(n) for n in active) or texts.RATING_NO_COUNTERS
    return texts.RATING_NO_COUNTER.format(counter=counter, counters=listed)


def show_rating(ctx: AppContext, app: QApplication, counter: int) -> RatingWindow | None:
    """Ask for the device account, then show the screen full (None if nobody signed in)."""
    principal = ask_device(ctx, counter)
    if principal is None:
        return None
    log.info("rating screen for counter %s opened by %s", counter, principal.username)
    window = RatingWindow(ctx, principal, counter)
    window.exit_requested.connect(app.quit)
    window.show_full_screen()
    window.start()
    return window


def run_rating(
    dirs: AppDirs,
    settings: Settings,
    counter: int,
    *,
    demo: bool = False,
    on_ready: Callable[[RatingWindow], None] | None = None,
) -> int:
    """Run the rating screen of `counter` until staff unlock it; returns the exit code."""

    def body(app: QApplication, ctx: AppContext) -> int:
        active, message = attempt(ctx.ratings.active_counters)
        if active is None:
            errors.present(None, texts.STARTUP_ERROR_TITLE, message or texts.UNEXPECTED_ERROR)
            return 1
        problem = counter_problem(counter, active)
        if problem is not None:
            log.error("rating screen not started: %s", problem)
            print(f"Lỗi: {problem}", file=sys.stderr)
            return NO_SUCH_COUNTER
        window = show_rating(ctx, app, counter)
        if window is None:
            return 0
        try:
            if on_ready is not None:
                on_ready(window)
            return app.exec()
        finally:
            window.stop()
            QThreadPool.globalInstance().waitForDone(10_000)  # a last save may still run
            attempt(lambda: ctx.accounts.sign_out(window.principal))
            window.deleteLater()

    # Like the board, the screen facing citizens offers no restore of a damaged database.
    return run_station(
        dirs, settings, body, demo=demo, office_missing=texts.RATING_NO_OFFICE, recover=False
    )
