"""The kiosk window: pages, the ticket flow, outage retries, idle reset and lock-down."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from counter_app.app_context import AppContext
from counter_app.services.errors import ServiceError
from counter_app.services.kiosk_lock import KioskLock
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInfo, TicketInfo
from counter_app.services.ticket_printing import PrintOutcome, Sender, print_ticket, send_to_printer
from counter_app.ui import texts
from counter_app.ui.errors import attempt, error_message
from counter_app.ui.kiosk import sign_in
from counter_app.ui.kiosk.locked_window import LockedWindow
from counter_app.ui.kiosk.outage_page import OutagePage
from counter_app.ui.kiosk.pin_pad import PinPad
from counter_app.ui.kiosk.priority_page import PriorityPage
from counter_app.ui.kiosk.result_page import ResultPage
from counter_app.ui.kiosk.start_page import StartPage
from counter_app.ui.kiosk.style import kiosk_style, px, scale_for
from counter_app.ui.workers import Pool, TaskSignals, run_task

log = logging.getLogger(__name__)

RESULT_MS = 10_000  # the result screen goes back to the start by itself
FAILURE_MS = 20_000  # longer when the citizen has to note the number down
POLL_MS = 4_000  # while the database is down, ask again this often


class KioskWindow(LockedWindow):
    """Full-screen, frameless, on top; issues tickets as `principal`; `exit_requested` on exit."""

    exit_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        *,
        pool: Pool | None = None,
        sender: Sender = send_to_printer,
    ) -> None:
        super().__init__()
        self.setWindowTitle(texts.KIOSK_TITLE)
        self.setObjectName("kiosk")
        self.ctx, self.principal, self.pool, self.sender = ctx, principal, pool, sender
        self.lock = KioskLock(ctx.db, ctx.clock)
        self.office_name = ""
        self.priority = ""
        self.request_key = uuid.uuid4().hex
        self.issuing = False
        self.scale = 0.0
        self._tasks: set[TaskSignals] = set()
        self.guard.activity.connect(self._on_activity)
        self.start_page, self.priority_page = StartPage(), PriorityPage()
        self.result_page, self.outage_page, self.pin_pad = ResultPage(), OutagePage(), PinPad()
        self.stack = QStackedWidget()
        self.stack.setMinimumSize(1, 1)  # the screen's size rules; no page may push past it
        for page in self.pages():
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.corner.triggered.connect(self.open_exit)
        self.idle = self._timer(max(10, ctx.settings.kiosk.idle_seconds) * 1000, self._idle_out)
        self.result_timer = self._timer(RESULT_MS, self.reset_to_start)
        self.poll = self._timer(POLL_MS, self.load_areas, single=False)
        self._connect()
        self._apply_scale(1.0)

    def pages(self) -> tuple[QWidget, ...]:
        """Every page of the stack."""
        return self.start_page, self.priority_page, self.result_page, self.outage_page, self.pin_pad

    def _timer(self, ms: int, slot: Callable[[], None], single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _connect(self) -> None:
        self.start_page.area_chosen.connect(self.choose_area)
        self.start_page.priority_requested.connect(
            lambda: self.stack.setCurrentWidget(self.priority_page)
        )
        self.start_page.priority_cleared.connect(lambda: self.choose_priority(""))
        self.priority_page.chosen.connect(self.choose_priority)
        self.result_page.done.connect(self.reset_to_start)
        self.pin_pad.submitted.connect(self.check_pin)
        self.pin_pad.cancelled.connect(self.reset_to_start)

    def _run(
        self, fn: Callable[[], Any], ok: Callable[[Any], None], fail: Callable[[Any], None]
    ) -> None:
        """Run fn on the pool; the outcome comes back here, on the GUI thread."""
        pending: list[TaskSignals] = []  # kept alive until it reports (may report at once)
        finished = False

        def reporting(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            def report(value: Any) -> None:
                nonlocal finished
                finished = True
                for signals in pending:
                    self._tasks.discard(signals)
                if not self.unlocked:
                    handler(value)

            return report

        signals = run_task(self.pool, fn, reporting(ok), reporting(fail))
        if not finished:
            pending.append(signals)
            self._tasks.add(signals)

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
        if not self.issuing:
            self.request_key = uuid.uuid4().hex
        if self.stack.currentWidget() is not self.outage_page:
            self.stack.setCurrentWidget(self.start_page)
        self.load_areas()

    # --- idle and exit ---
    def _on_activity(self) -> None:
        if self.isVisible():
            self.idle.start()

    def _idle_out(self) -> None:
        if self.issuing or self.stack.currentWidget() is self.result_page:
            return  # the result screen has its own timer
        self.reset_to_start()

    def open_exit(self) -> None:
        """The hidden gesture: the PIN pad, or a supervisor's sign-in when no PIN is set."""
        if self.issuing:
            return
        has_pin, message = attempt(self.lock.has_pin)
        if message is not None:
            log.warning("kiosk: cannot check the exit PIN: %s", message)
            return
        if has_pin:
            self.pin_pad.clear()
            self.stack.setCurrentWidget(self.pin_pad)
            return
        if sign_in.ask_supervisor(self.ctx, self) is not None:
            self.unlock()

    def check_pin(self, pin: str) -> None:
        """Check the PIN off the GUI thread (hashing is slow by design); audit the attempt."""
        lock, station = self.lock, self.principal.station

        def check() -> bool:
            ok = lock.check(pin)
            lock.exit_checked(station, ok)
            return ok

        self._run(check, self._pin_checked, self._pin_failed)

    def _pin_checked(self, ok: bool) -> None:
        if ok:
            self.unlock()
        else:
            self.pin_pad.show_wrong()

    def _pin_failed(self, exc: BaseException) -> None:
        self.pin_pad.set_checking(False)
        self.pin_pad.message.setText(texts.KIOSK_OUTAGE)

    def unlock(self) -> None:
        """Staff proved who they are: the kiosk closes and the app may quit."""
        log.info("kiosk unlocked")
        self.unlocked = True
        for timer in (self.idle, self.result_timer, self.poll):
            timer.stop()
        self.close()
        self.exit_requested.emit()

    # --- Qt events ---
    def showEvent(self, event: QShowEvent) -> None:
        """The idle timer runs while the kiosk shows (Qt API)."""
        super().showEvent(event)
        self.idle.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Nothing runs behind a hidden kiosk (Qt API)."""
        super().hideEvent(event)
        self.idle.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type and spacing follow the screen size (Qt API)."""
        super().resizeEvent(event)
        self._apply_scale(scale_for(event.size()))

    def _apply_scale(self, scale: float) -> None:
        if abs(scale - self.scale) >= 0.02:
            self.scale = scale
            self.setStyleSheet(kiosk_style(scale))
            for page in self.pages():
                page.apply_scale(scale)  # type: ignore[attr-defined]
        self.corner.setGeometry(0, 0, px(120, self.scale), px(120, self.scale))
        self.corner.raise_()
