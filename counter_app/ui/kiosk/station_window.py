"""A screen for citizens (the kiosk, the rating screen): locked, paged, left only by staff."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout, QWidget

from counter_app.app_context import AppContext
from counter_app.services.kiosk_lock import KioskLock
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.kiosk import sign_in
from counter_app.ui.kiosk.locked_window import LockedWindow
from counter_app.ui.kiosk.pin_pad import PinPad
from counter_app.ui.kiosk.style import kiosk_style, px, scale_for
from counter_app.ui.workers import Pool, TaskSignals, run_task

log = logging.getLogger(__name__)

#: A citizen screen goes back to its start after this long untouched, unless set otherwise.
IDLE_SECONDS = 45
#: Never sooner than this: a citizen reading the screen is not "idle".
MIN_IDLE_SECONDS = 10


class StationWindow(LockedWindow):
    """Full-screen pages in a stack; slow work on a pool; the corner gesture asks staff to exit.

    Staff leave with the exit PIN (the same as the kiosk's) or, when none is set, a
    supervisor's or admin's sign-in; `exit_requested` then fires. Left untouched for
    `idle` it forgets what was typed (`went_idle`) and closes a sign-in left open.
    """

    exit_requested = Signal()

    def __init__(self, ctx: AppContext, principal: Principal, pool: Pool | None = None) -> None:
        super().__init__()
        self.ctx, self.principal, self.pool = ctx, principal, pool
        self.lock = KioskLock(ctx.db, ctx.clock)
        self.scale = 0.0
        self.timers: list[QTimer] = []
        self._tasks: set[TaskSignals] = set()
        self.pin_pad = PinPad()
        self.stack = QStackedWidget()
        self.stack.setMinimumSize(1, 1)  # the screen's size rules; no page may push past it
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.column.addWidget(self.stack, 1)
        self.idle = self._timer(IDLE_SECONDS * 1000, self._idle_out)
        self.guard.activity.connect(self._on_activity)
        self.corner.triggered.connect(self.open_exit)
        self.pin_pad.submitted.connect(self.check_pin)

    def add_pages(self) -> None:
        """Put every page in the stack and size them; subclasses call it once built."""
        for page in self.pages():
            self.stack.addWidget(page)
        self._apply_scale(1.0)

    def pages(self) -> Sequence[QWidget]:
        """Every page of the stack (each has `apply_scale(scale)`)."""
        return (self.pin_pad,)

    def style_sheet(self, scale: float) -> str:
        """The window's style sheet at this scale."""
        return kiosk_style(scale)

    def _timer(self, ms: int, slot: Callable[[], None], single: bool = True) -> QTimer:
        """A timer that stops when the window is unlocked."""
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        self.timers.append(timer)
        return timer

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

    # --- idle ---
    def set_idle_seconds(self, seconds: int) -> None:
        """How long untouched before the screen goes back to its start."""
        self.idle.setInterval(max(MIN_IDLE_SECONDS, seconds) * 1000)

    def went_idle(self) -> bool:
        """Back to the start with nothing typed kept; False to be asked again later."""
        return True

    def _on_activity(self) -> None:
        if self.isVisible():
            self.idle.start()

    def _idle_out(self) -> None:
        for dialog in self.findChildren(QDialog):  # a staff sign-in nobody finished
            if dialog.isVisible():
                log.info("%s: sign-in left open, closed", self.objectName())
                dialog.reject()
        if not self.went_idle():
            self.idle.start()  # busy (a ticket, a rating): look again later

    # --- leaving ---
    def busy(self) -> bool:
        """True while work that must not be cut short runs (no exit then)."""
        return False

    def open_exit(self) -> None:
        """The hidden gesture: the PIN pad, or a supervisor's sign-in when no PIN is set."""
        if self.busy():
            return
        has_pin, message = attempt(self.lock.has_pin)
        if message is not None:
            log.warning("%s: cannot check the exit PIN: %s", self.objectName(), message)
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
        """Staff proved who they are: the window closes and the app may quit."""
        log.info("%s unlocked", self.objectName())
        self.unlocked = True
        for timer in self.timers:
            timer.stop()
        self.close()
        self.exit_requested.emit()

    # --- Qt events ---
    def showEvent(self, event: QShowEvent) -> None:
        """The idle timer runs while the screen shows (Qt API)."""
        super().showEvent(event)
        self.idle.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Nothing runs behind a hidden screen (Qt API)."""
        super().hideEvent(event)
        if not self.isVisible():  # not merely iconified for a moment
            self.idle.stop()

    # --- size ---
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type and spacing follow the screen size (Qt API)."""
        super().resizeEvent(event)
        self._apply_scale(scale_for(event.size()))

    def _apply_scale(self, scale: float) -> None:
        if abs(scale - self.scale) >= 0.02:
            self.scale = scale
            self.setStyleSheet(self.style_sheet(scale))
            for page in self.pages():
                page.apply_scale(scale)  # type: ignore[attr-defined]
        self.corner.setGeometry(0, 0, px(120, self.scale), px(120, self.scale))
        self.corner.raise_()
