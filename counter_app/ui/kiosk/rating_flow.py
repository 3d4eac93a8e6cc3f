"""Rating at the kiosk afterwards: scan the receipt, rate that dossier once.

The question, reasons and thanks are the rating screen's own pages (counter_app.ui.rating);
answers are kept on the kiosk's disk first, like the counter screens do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from counter_app.domain.rating import AT_KIOSK
from counter_app.domain.roles import Role
from counter_app.services.errors import ServiceError
from counter_app.services.rating import RatingPrompt
from counter_app.services.rating_journal import RatingJournal
from counter_app.ui.kiosk.scan_page import ScanPage
from counter_app.ui.rating.panel import RatingPanel
from counter_app.ui.rating.saver import RatingSaver, journal_path

if TYPE_CHECKING:
    from counter_app.ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)


class KioskRating(QObject):
    """The scan page and the rating panel of a kiosk window, and the answers' saving."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        ctx = window.ctx
        self.window = window
        # Only a device account saves ratings; a kiosk opened by staff does not offer them.
        self.offered = window.principal.role == Role.DEVICE
        self.scan_page = ScanPage()
        self.panel = RatingPanel(
            ctx.ratings.scale, ctx.ratings.reasons, ctx.settings.rating, AT_KIOSK, ctx.clock
        )
        journal = RatingJournal(journal_path(ctx.dirs.data_dir, None))
        self.saver = RatingSaver(ctx.ratings, window.principal, journal, window.pool, parent=self)
        self._checked = False
        self.visit = 0  # a new citizen at every reset: a late answer for the last one is dropped
        self.scan_page.scanned.connect(self.look_up)
        self.scan_page.cancelled.connect(window.reset_to_start)
        self.panel.answered.connect(self.saver.save)
        self.panel.finished.connect(window.reset_to_start)
        window.guard.activity.connect(self.panel.touch)

    def pages(self) -> tuple[QWidget, ...]:
        """The pages it adds to the kiosk's stack."""
        return self.scan_page, self.panel

    def open(self) -> None:
        """The scan page, empty."""
        if self.offered:
            self.scan_page.reset()
            self.window.stack.setCurrentWidget(self.scan_page)

    def look_up(self, scanned: str) -> None:
        """Find the dossier on the receipt, and whether it was rated already."""
        ctx, visit = self.window.ctx, self.visit

        def current(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            def report(value: Any) -> None:
                if visit == self.visit:  # else the kiosk went back to the start meanwhile
                    handler(value)

            return report

        self.window._run(
            lambda: ctx.ratings.prompt_for_scan(scanned, ctx.dossiers),
            current(self._found),
            current(self._failed),
        )

    def _found(self, prompt: RatingPrompt) -> None:
        if self.window.stack.currentWidget() is not self.scan_page:
            return  # the citizen left the scan page meanwhile
        log.info("kiosk rating for %s", prompt.event_key)
        self.panel.start(prompt)
        self.window.stack.setCurrentWidget(self.panel)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):  # not a receipt, no such dossier, rated already
            self.scan_page.show_problem(str(exc))
            return
        self.scan_page.show_problem("")
        self.window.show_outage(exc)

    def active(self) -> bool:
        """A citizen is answering (the panel's own time limits rule meanwhile)."""
        return self.panel.active()

    def reset(self) -> None:
        """Back to nothing under way (the kiosk returns to its start screen)."""
        self.visit += 1
        self.panel.stop()
        self.scan_page.reset()

    def database_back(self) -> None:
        """The kiosk reached the database: send what waits (and, once, what earlier runs kept)."""
        if self.offered and (self.saver.waiting or not self._checked):
            self._checked = True
            self.saver.flush()
