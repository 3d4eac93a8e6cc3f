"""The kiosk window: pages, the ticket flow, outage retries, idle reset and lock-down."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from counter_app.app_context import AppContext
from counter_app.services.errors import ServiceError
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInfo, TicketInfo
from counter_app.services.ticket_printing import PrintOutcome, Sender, print_ticket, send_to_printer
from counter_app.ui import texts
from counter_app.ui.errors import error_message
from counter_app.ui.kiosk.outage_page import OutagePage
from counter_app.ui.kiosk.priority_page import PriorityPage
from counter_app.ui.kiosk.rating_flow import KioskRating
from counter_app.ui.kiosk.result_page import ResultPage
from counter_app.ui.kiosk.start_page import StartPage
from counter_app.ui.kiosk.station_window import StationWindow
from counter_app.ui.rating.style import rating_style
from counter_app.ui.workers import Pool

log = logging.getLogger(__name__)

RESULT_MS = 10_000  # the result screen goes back to the start by itself
FAILURE_MS = 20_000  # longer when the citizen has to note the number down
POLL_MS = 4_000  # while the database is down, ask again this often


class KioskWindow(StationWindow):
    """Full-screen, frameless, on top; issues tickets as `principal`; `exit_requested` on exit.

    Citizens may also rate a dossier's service here afterwards, from the receipt's QR code.
    """

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        *,
        pool: Pool | None = None,
        sender: Sender = send_to_printer,
    ) -> None:
        super().__init__(ctx, principal, pool)
        self.setWindowTitle(texts.KIOSK_TITLE)
        self.setObjectName("kiosk")
        self.sender = sender
        self.office_name = ""
        self.priority = ""
        self.request_key = uuid.uuid4().hex
        self.issuing = False
        self.start_page, self.priority_page = StartPage(), PriorityPage()
        self.result_page, self.outage_page = ResultPage(), OutagePage()
        self.rating = KioskRating(self)
        self.start_page.set_rating_offered(self.rating.offered)
        self.set_idle_seconds(ctx.settings.kiosk.idle_seconds)
        self.result_timer = self._timer(RESULT_MS, self.reset_to_start)
        self.poll = self._timer(POLL_MS, self.load_areas, single=False)
        self.timers.extend(self.rating.panel.timers())
        self._connect()
        self.add_pages()

    def pages(self) -> Sequence[QWidget]:
        """Every page of the stack."""
        return (
            self.start_page,
            self.priority_page,
            self.result_page,
            self.outage_page,
            self.pin_pad,
            *self.rating.pages(),
        )

    def style_sheet(self, scale: float) -> str:
        """The kiosk's look, with the rating pages' rules."""
        return rating_style(scale)

    def _connect(self) -> None:
        self.start_page.area_chosen.connect(self.choose_area)
        self.start_page.priority_requested.connect(
            lambda: self.stack.setCurrentWidget(self.priority_page)
        )
        self.start_page.priority_cleared.connect(lambda: self.choose_priority(""))
        self.start_page.rating_requested.connect(self.rating.open)
        self.priority_page.chosen.connect(self.choose_priority)
        self.result_page.done.connect(self.reset_to_start)
        self.pin_pad.cancelled.connect(self.reset_to_start)

    # --- areas and outages ---
    def load_areas(self) -> None:
        """Fetch the office's name and the active areas; an outage page while that fails."""

        def fetch() -> tuple[str, list[AreaInfo]]:
            office = self.ctx.office.get()
            return (office.name if office else "", self.ctx.queue.areas())

        self._run(fetch, self._areas_loaded, self._areas_failed)

    def _areas_loaded(self, loaded: tuple[str, list[AreaInfo]]) -> None:
        self.poll.stop()
        self.office_name, areas = loaded
        self.start_page.set_office(self.office_name)
        self.outage_page.set_office(self.office_name)
        if not self.issuing:
            self.start_page.set_areas(areas)
        if self.stack.currentWidget() is self.outage_page:
            self.stack.setCurrentWidget(self.start_page)
        self.rating.database_back()

    def _areas_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError):
            self.start_page.show_notice(str(exc))
            return
        self.show_outage(exc)

    def show_outage(self, exc: BaseException) -> None:
        """The database does not answer: say so and keep asking until it does."""
        log.warning("kiosk: database unavailable: %s", exc)
        if self.stack.currentWidget() is not self.pin_pad:
            self.stack.setCurrentWidget(self.outage_page)
        if not self.poll.isActive():
            self.poll.start()

    # --- the ticket ---
    def choose_priority(self, kind: str) -> None:
        """Remember the priority group for the next ticket and go back to the tiles."""
        self.priority = kind
        self.start_page.set_priority(kind)
        self.stack.setCurrentWidget(self.start_page)

    def choose_area(self, area_id: int) -> None:
        """Take a number in the area; once per visit of the start screen."""
        if self.issuing:
            return
        self.issuing = True
        self.start_page.set_busy(True)
        priority, key = self.priority, self.request_key
        self._run(
            lambda: self.ctx.queue.issue(self.principal, area_id, priority, key),
            self._issued,
            self._issue_failed,
        )

    def _issued(self, ticket: TicketInfo) -> None:
        self.issuing = False
        self.result_page.show_ticket(ticket)
        self.stack.setCurrentWidget(self.result_page)
        self.result_timer.start(RESULT_MS)
        settings, office = self.ctx.settings.kiosk, self.office_name
        self._run(
            lambda: print_ticket(
                self.ctx.queue, self.principal, settings, office, ticket, self.sender
            ),
            self._printed,
            lambda exc: self._printed(PrintOutcome(ticket.id, False, error_message(exc))),
        )

    def _issue_failed(self, exc: BaseException) -> None:
        self.issuing = False
        if isinstance(exc, ServiceError):  # e.g. the area closed meanwhile
            self.start_page.set_busy(False)
            self.start_page.show_notice(str(exc))
            self.load_areas()
        else:  # the request key is kept: a retry cannot give a second ticket
            self.show_outage(exc)

    def _printed(self, outcome: PrintOutcome) -> None:
        ticket = self.result_page.ticket
        if ticket is None or ticket.id != outcome.ticket_id:
            return
        if outcome.ok:
            self.result_page.show_printed()
        else:
            self.result_page.show_print_failed(outcome.reason)
            if self.stack.currentWidget() is self.result_page:
                self.result_timer.start(FAILURE_MS)

    def reset_to_start(self) -> None:
        """Back to the tiles with nothing chosen, a fresh request key, areas reloaded."""
        self.result_timer.stop()
        self.priority = ""
        self.start_page.set_priority("")
        self.start_page.show_notice("")
        self.pin_pad.clear()
        self.rating.reset()
        if not self.issuing:
            self.request_key = uuid.uuid4().hex
        if self.stack.currentWidget() is not self.outage_page:
            self.stack.setCurrentWidget(self.start_page)
        self.load_areas()

    # --- idle and exit ---
    def went_idle(self) -> bool:
        """Back to the tiles, forgetting the priority, PIN digits and scanned code."""
        if self.issuing or self.rating.active() or self.stack.currentWidget() is self.result_page:
            return False  # the result screen and the rating pages have their own timers
        self.reset_to_start()
        return True

    def busy(self) -> bool:
        """A ticket is being issued or a citizen is rating: staff wait before leaving."""
        return self.issuing or self.rating.active()
