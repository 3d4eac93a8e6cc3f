"""The display board window: tiles per counter, last calls, waiting counts, notice, clock, voice."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counter_app.app_context import AppContext
from counter_app.clock import Clock
from counter_app.services.queue_models import QueueEventInfo
from counter_app.ui import texts
from counter_app.ui.display import style
from counter_app.ui.display.bridge import WatchBridge, read_snapshot
from counter_app.ui.display.model import BoardModel, Snapshot, needs_waiting_refresh
from counter_app.ui.display.panels import Header, SidePanel
from counter_app.ui.display.ticker import NoticeTicker
from counter_app.ui.display.tiles import TileGrid
from counter_app.ui.workers import Pool, TaskSignals, run_task

log = logging.getLogger(__name__)

#: Pause before re-reading the waiting counts after a burst of events.
WAITING_REFRESH_MS = 300
#: Pause before trying again when reading the board's state failed.
RETRY_MS = 5000
CLOCK_MS = 250


class CallSpeaker(Protocol):
    """What the board needs of the voice."""

    def say_call(self, label: str, counter: int) -> None:
        """Announce that the number is called to the counter."""


class BoardWindow(QWidget):
    """Reads the queue's state at start, then follows its events; never asks for input."""

    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        speaker: CallSpeaker,
        *,
        pool: Pool | None = None,
        clock: Clock | None = None,
        poll_seconds: float = 0.25,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.speaker, self.pool = ctx, speaker, pool
        self.clock = clock or ctx.clock
        self.model = BoardModel(recent_limit=max(1, ctx.settings.display.recent_calls))
        self.offline = False
        self._day = self.clock().date()
        self._task: TaskSignals | None = None
        self._busy = False
        self._again = False
        self.setObjectName("board")
        self.setWindowTitle(texts.DISPLAY_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(style.STYLE_SHEET)
        self.setCursor(Qt.CursorShape.BlankCursor)

        self.header = Header("")
        self.banner = QLabel(texts.DISPLAY_OFFLINE)
        self.banner.setObjectName("banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setVisible(False)
        self.grid = TileGrid()
        self.side = SidePanel(self.model.recent_limit)
        self.ticker = NoticeTicker()
        self.body = QHBoxLayout()
        self.body.addWidget(self.grid, 7)
        self.body.addWidget(self.side, 3)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.banner)
        column.addLayout(self.body, 1)
        column.addWidget(self.ticker)

        self.bridge = WatchBridge(ctx.queue, poll_seconds)
        self.bridge.events.connect(self.on_events)
        self.bridge.status.connect(self.on_status)
        self.waiting_timer = QTimer(self, singleShot=True, interval=WAITING_REFRESH_MS)
        self.waiting_timer.timeout.connect(self.refresh)
        self.retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.refresh)
        self.clock_timer = QTimer(self, interval=CLOCK_MS)
        self.clock_timer.timeout.connect(self.tick)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.apply_scale()
        self.tick()

    # --- start and stop -------------------------------------------------------------------

    def start(self) -> None:
        """Show the present state, then follow the queue's events from there."""
        after: int | None = None
        try:
            snapshot = read_snapshot(self.ctx.queue, self.ctx.office, self.model.recent_limit)
        except Exception as exc:  # a board must come up anyway; the watcher reports recovery
            log.warning("display board could not read the queue at start: %s", exc)
            self.set_offline(True)
        else:
            self.show_snapshot(snapshot)
            after = snapshot.board.last_event_id
        self.clock_timer.start()
        self.bridge.start(after)

    def stop(self) -> None:
        """Stop following the queue and the timers."""
        self.bridge.stop()
        for timer in (self.clock_timer, self.waiting_timer, self.retry_timer, self.grid.blink):
            timer.stop()
        self.ticker.timer.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc or Ctrl+Q closes the board (it has no other input)."""
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() == Qt.Key.Key_Escape or (control and event.key() == Qt.Key.Key_Q):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the watcher's thread before the window goes."""
        self.stop()
        super().closeEvent(event)
        self.closed.emit()

    # --- state ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the whole state again in the background (one read at a time)."""
        if self._busy:
            self._again = True
            return
        self._busy, self._again = True, False
        queue, office, recent = self.ctx.queue, self.ctx.office, self.model.recent_limit
        self._task = run_task(  # kept alive until it reports
            self.pool,
            lambda: read_snapshot(queue, office, recent),
            self._on_snapshot,
            self._on_refresh_failed,
        )

    def _on_snapshot(self, snapshot: Any) -> None:
        self._busy = False
        self.show_snapshot(snapshot)
        if self._again:
            self.refresh()

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("display board could not refresh: %s", exc)
        self.retry_timer.start()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Take a full state read from the database and draw it."""
        self.model.load(snapshot)
        self.header.office.setText(snapshot.office_name)
        self.redraw()

    def redraw(self) -> None:
        """Draw the model: tiles, last calls, waiting counts, notice."""
        self.grid.set_counters(self.model.tiles(), self.model.counter_names)
        self.grid.set_serving(self.model.serving)
        self.side.show_recent(self.model.recent)
        self.side.show_waiting(self.model.waiting_rows())
        self.ticker.set_notice(self.model.notice)

    def on_events(self, events: list[QueueEventInfo]) -> None:
        """New queue events: draw at once, highlight the newest call, speak the calls."""
        calls = self.model.apply(events)
        self.redraw()
        if calls:
            self.grid.highlight(calls[-1].counter or 0)
        for call in calls if not self.offline else self._still_called(calls):
            self._speak(call)
        if needs_waiting_refresh(events):
            self.waiting_timer.start()

    def _still_called(self, calls: list[QueueEventInfo]) -> list[QueueEventInfo]:
        """Of calls caught up after an outage, the last per counter whose citizen is still
        awaited there: said once; the rest is old news, shown but not said."""
        last = {call.counter: call for call in calls}
        return [c for c in last.values() if self.model.serving.get(c.counter or 0) == c.label]

    def _speak(self, call: QueueEventInfo) -> None:
        try:
            self.speaker.say_call(call.label, call.counter or 0)
        except Exception:  # the voice must never stop the board
            log.exception("could not announce %s", call.label)

    def on_status(self, ok: bool, message: str) -> None:
        """The watcher lost or found the database again."""
        self.set_offline(not ok)
        if ok:
            self.refresh()

    def set_offline(self, offline: bool) -> None:
        """Show or hide the connection banner."""
        self.offline = offline
        self.banner.setVisible(offline)

    def tick(self) -> None:
        """Update the clock; on a new day read the (empty) state of the new day."""
        now = self.clock()
        self.header.show_time(now)
        if now.date() != self._day:
            self._day = now.date()
            self.refresh()

    # --- size -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale every part for the screen's size."""
        super().resizeEvent(event)
        self.apply_scale()

    def apply_scale(self) -> None:
        """Sizes from the window's size (designed for 1920×1080)."""
        scale = style.scale_for(self.width(), self.height())
        self.header.set_scale(scale)
        self.side.set_scale(scale)
        self.grid.set_scale(scale)
        self.ticker.set_scale(scale)
        font = self.banner.font()
        font.setPixelSize(max(10, round(style.BANNER_PX * scale)))
        self.banner.setFont(font)
        margin = round(28 * scale)
        self.body.setContentsMargins(margin, margin, margin, margin)
        self.body.setSpacing(margin)
