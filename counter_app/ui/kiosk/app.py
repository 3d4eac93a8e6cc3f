"""Entry point of the ticket kiosk: start-up, the device account's sign-in, the kiosk itself."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from counter_app.app_context import AppContext
from counter_app.paths import AppDirs
from counter_app.services.ticket_printing import settle_interrupted_prints
from counter_app.settings import Settings
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.kiosk import sign_in
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.startup import run_station

log = logging.getLogger(__name__)


def show_kiosk(ctx: AppContext, app: QApplication) -> KioskWindow | None:
    """Ask for the kiosk's account, then show the kiosk full screen (None if nobody signed in)."""
    principal = sign_in.ask_device_sign_in(ctx)
    if principal is None:
        return None
    log.info("kiosk opened by %s (%s)", principal.username, principal.role)
    settle_interrupted_prints(ctx.queue, principal)  # a power cut mid-print: alert the clerks
    window = KioskWindow(ctx, principal)
    window.exit_requested.connect(app.quit)
    window.show_full_screen()
    window.load_areas()
    return window


def run_kiosk(
    dirs: AppDirs,
    settings: Settings,
    *,
    demo: bool = False,
    on_ready: Callable[[AppContext], None] | None = None,
) -> int:
    """Run the ticket kiosk until staff unlock it; returns the process exit code."""

    def body(app: QApplication, ctx: AppContext) -> int:
        if on_ready is not None:
            on_ready(ctx)
        window = show_kiosk(ctx, app)
        if window is None:
            return 0
        code = app.exec()
        QThreadPool.globalInstance().waitForDone(10_000)  # a last print may still be running
        attempt(lambda: ctx.accounts.sign_out(window.principal))
        window.deleteLater()
        return code

    return run_station(dirs, settings, body, demo=demo, office_missing=texts.KIOSK_NO_OFFICE)
