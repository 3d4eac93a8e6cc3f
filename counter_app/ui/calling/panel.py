"""The calling panel: call, recall, skip, transfer and finish numbers at this counter, live.

Intake link: `current_ticket_id()` gives the ticket being served (or None) and
`ticket_served_with_dossier(dossier_id)` joins it to a dossier just saved; otherwise the
service's end links it from the audit log (see actions.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from counter_app.app_context import AppContext
from counter_app.domain.queue import NO_SHOW, WAITING
from counter_app.services.principal import Principal
from counter_app.services.queue_models import QueueEventInfo, TicketInfo
from counter_app.ui import errors, texts
from counter_app.ui.calling.actions import CounterActions
from counter_app.ui.calling.bridge import QueueBridge
from counter_app.ui.calling.dialogs import CallNumberDialog, TransferDialog
from counter_app.ui.calling.snapshot import (
    CounterSnapshot,
    counter_snapshot,
    print_failure_text,
    scanned_text,
)
from counter_app.ui.calling.view import (
    BUTTONS,
    BY_NUMBER,
    FINISH,
    NEXT,
    RECALL,
    SKIP,
    CallingView,
)
from counter_app.ui.workers import Pool, TaskSignals, run_task

#: Events arriving close together cause one refresh.
REFRESH_DELAY_MS = 120
#: A refresh now and then even without events: the minutes served move on.
TICK_MS = 30_000


class CallingPanel(CallingView):
    """The counter's queue controls; follows the queue through a background watcher."""

    #: The ticket served at this counter changed: a TicketInfo, or None when nobody is served.
    serving_changed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        pool: Pool | None = None,
        watch: bool = True,
    ) -> None:
        office, _ = errors.attempt(ctx.office.require)
        numbers = [c.number for c in office.counters if c.active] if office else []
        fixed = ctx.settings.station.counter
        super().__init__(numbers, fixed, parent)
        self.ctx, self.principal, self.pool = ctx, principal, pool
        self.act = CounterActions(ctx, principal)
        self.counter = fixed
        self.counters = numbers
        self.snapshot: CounterSnapshot | None = None
        self.alerts: list[str] = []
        self.scanned: TicketInfo | None = None
        self.dialog: QDialog | None = None  # the transfer or call-a-number dialog last opened
        self.busy = self._stopped = self._refresh_error = False
        self._serving: int | None = None
        self._token = 0
        self._signals: dict[str, TaskSignals] = {}  # kept alive until their task reports
        actions = (self.call_next, self.recall, self.skip, self.finish, self.transfer)
        self.connect_actions(dict(zip(BUTTONS, (*actions, self.call_by_number), strict=True)))
        self.counter_pick.currentIndexChanged.connect(self._counter_picked)
        self.scan.returnPressed.connect(self._scanned)
        self.call_scanned.clicked.connect(self._call_scanned)
        self.alert_dismiss.clicked.connect(self.dismiss_alerts)
        self._later = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._later.timeout.connect(self.refresh)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self.bridge = QueueBridge(ctx.queue, parent=self)
        self.bridge.events.connect(self._on_events)
        self.bridge.status.connect(self._on_status)
        if watch:
            self.bridge.start()
        self._update_buttons()
        self.refresh()

    def stop(self) -> None:
        """Stop following the queue (the window is closing); late results are dropped."""
        self._stopped = True
        self._tick.stop()
        self._later.stop()
        self.bridge.stop()

    # --- state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the counter's state again, off the GUI thread; only the newest read is shown."""
        if not self.counter:
            self.show_snapshot(None, self.ctx.clock())
            self._update_buttons()
            return
        self._token += 1
        token, counter = self._token, self.counter
        self._signals["refresh"] = run_task(
            self.pool,
            lambda: counter_snapshot(self.ctx.queue, counter),
            lambda snap: self._refreshed(token, snap),
            lambda exc: self._refresh_failed(token, exc),
        )

    def _refreshed(self, token: int, snap: CounterSnapshot) -> None:
        if self._stopped or token != self._token or snap.counter != self.counter:
            return
        if self._refresh_error:  # the database is back: the old failure no longer holds
            self._refresh_error = False
            self.show_message("")
        self.snapshot = snap
        self.show_snapshot(snap, self.ctx.clock())
        self._update_buttons()
        serving = snap.current.id if snap.current else None
        if serving != self._serving:
            self._serving = serving
            self.serving_changed.emit(snap.current)

    def _refresh_failed(self, token: int, exc: BaseException) -> None:
        if not self._stopped and token == self._token:
            self._refresh_error = True
            self.show_message(errors.error_message(exc), problem=True)

    def _update_buttons(self) -> None:
        self.enable_buttons(bool(self.counter) and not self.busy, self.current_ticket_id())

    def _counter_picked(self, _index: int) -> None:
        self.counter = int(self.counter_pick.currentData() or 0)
        self.snapshot = None
        self.show_message("")
        self.refresh()

    def set_counter(self, number: int) -> None:
        """Serve this counter for the rest of the session (when the station has none set)."""
        index = self.counter_pick.findData(number)
        if index >= 0:
            self.counter_pick.setCurrentIndex(index)

    # --- live updates -----------------------------------------------------------------------

    def _on_events(self, events: list[QueueEventInfo]) -> None:
        failures = [print_failure_text(e) for e in events if e.kind == "print_failed"]
        if failures:
            self.alerts.extend(failures)
            self.show_alerts(self.alerts)
        self._later.start()

    def _on_status(self, ok: bool, reason: str) -> None:
        self.show_offline(None if ok else reason)
        if ok:
            self.refresh()

    def dismiss_alerts(self) -> None:
        """The clerk has seen the print failures."""
        self.alerts.clear()
        self.show_alerts(self.alerts)

    # --- intake link ------------------------------------------------------------------------

    def current_ticket_id(self) -> int | None:
        """The id of the ticket being served at this counter, or None."""
        snap = self.snapshot
        return snap.current.id if snap and snap.current else None

    @Slot(int)
    def ticket_served_with_dossier(self, dossier_id: int, ticket_id: int | None = None) -> bool:
        """Join the ticket served (or `ticket_id`) to the dossier just saved; False if none."""
        ticket_id = ticket_id if ticket_id is not None else self.current_ticket_id()
        if ticket_id is None:
            return False
        ticket, message = errors.attempt(lambda: self.act.link(ticket_id, dossier_id))
        if ticket is None:
            self.show_message(message or texts.UNEXPECTED_ERROR, problem=True)
            return False
        self.show_message(texts.CALLING_LINKED.format(label=ticket.label))
        self.refresh()
        return True

    # --- actions ----------------------------------------------------------------------------

    def _run(self, name: str, work: Callable[[int], Any]) -> None:
        """Run a queue action for this counter on the pool; one at a time (no double calls)."""
        if self.busy:
            return
        if not self.counter:
            self.show_message(texts.CALLING_PICK_FIRST, problem=True)
            return
        self.busy = True
        self._update_buttons()
        counter = self.counter
        self._signals[name] = run_task(self.pool, lambda: work(counter), self._done, self._failed)

    def _done(self, result: object) -> None:
        self.busy = False
        if self._stopped:
            return
        if result is None:
            self.show_message(texts.CALLING_NONE_WAITING.format(number=self.counter))
        else:
            self.show_message("")
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        if self._stopped:
            return
        self.show_message(errors.error_message(exc), problem=True)
        self.refresh()

    def call_next(self) -> None:
        """Finish the number served and call the next one (F5)."""
        self._run(NEXT, self.act.call_next)

    def recall(self) -> None:
        """Call the number served again (F6)."""
        if self.current_ticket_id() is not None:
            self._run(RECALL, self.act.recall)

    def skip(self) -> None:
        """The citizen called did not come (F7)."""
        if self.current_ticket_id() is not None:
            self._run(SKIP, self.act.skip)

    def finish(self) -> None:
        """Serving is done (F8); the dossier saved meanwhile is linked."""
        if self.current_ticket_id() is not None:
            self._run(FINISH, self.act.finish)

    def transfer(self) -> None:
        """Send the citizen to another counter or area, same number (Ctrl+T)."""
        snap, counter = self.snapshot, self.counter
        if self.busy or snap is None or snap.current is None:
            return
        areas, _ = errors.attempt(self.ctx.queue.areas)
        others = [n for n in self.counters if n != counter]
        dialog = TransferDialog(
            snap.current, others, areas or [], lambda c, a: self.act.transfer(counter, c, a), self
        )
        self._after_dialog(dialog)

    def call_by_number(self) -> None:
        """Call a given number, e.g. a no-show who came back (Ctrl+G)."""
        counter = self.counter
        if self.busy:
            return
        if not counter:
            self.show_message(texts.CALLING_PICK_FIRST, problem=True)
            return
        self._after_dialog(CallNumberDialog(lambda x: self.act.call_number(counter, x), self))

    def _after_dialog(self, dialog: QDialog) -> None:
        """Open the dialog without blocking; its action runs inside it, then we refresh."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: (self.show_message(""), self.refresh()))
        dialog.open()

    # --- scanned tickets --------------------------------------------------------------------

    def _scanned(self) -> None:
        raw = self.scan.text()
        self.scan.clear()
        if raw.strip():
            self.show_scanned(raw)

    def show_scanned(self, raw: str) -> None:
        """Show the state of the ticket whose QR code was scanned; offer to call it."""
        ticket, message = errors.attempt(lambda: self.ctx.queue.find_scanned(raw))
        self.scanned = ticket
        if ticket is None:
            self.show_message(message or texts.UNEXPECTED_ERROR, problem=True)
            return
        self.show_message(scanned_text(ticket))
        callable_now = ticket.status in (WAITING, NO_SHOW) and bool(self.counter)
        self.call_scanned.setText(texts.CALLING_CALL_SCANNED.format(label=ticket.label))
        self.call_scanned.setVisible(callable_now)

    def _call_scanned(self) -> None:
        if self.scanned is not None:
            label = self.scanned.label
            self.call_scanned.setVisible(False)
            self._run(BY_NUMBER, lambda counter: self.act.call_number(counter, label))
