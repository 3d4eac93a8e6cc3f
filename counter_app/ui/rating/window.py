"""The rating screen at one counter: wakes when the counter finishes serving someone.

It follows the queue's stream (the calling panel's bridge): a ticket served ("done") or a
result returned ("returned") at this counter brings up the question about that service. A
prompt arriving while a citizen is still answering waits its turn. Answers are kept on
this machine first, so a lost database connection loses none of them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from counter_app.app_context import AppContext
from counter_app.domain.rating import AT_COUNTER
from counter_app.services.principal import Principal
from counter_app.services.queue_models import QueueEventInfo
from counter_app.services.rating import PROMPTING_EVENTS, RatingPrompt
from counter_app.services.rating_journal import RatingJournal
from counter_app.ui import texts
from counter_app.ui.calling.bridge import QueueBridge
from counter_app.ui.kiosk.station_window import StationWindow
from counter_app.ui.kiosk.widgets import label
from counter_app.ui.rating.pages import IdlePage
from counter_app.ui.rating.panel import RatingPanel
from counter_app.ui.rating.saver import RatingSaver, journal_path
from counter_app.ui.rating.style import rating_style
from counter_app.ui.workers import Pool

log = logging.getLogger(__name__)

OFFICE_RETRY_MS = 10_000


class RatingWindow(StationWindow):
    """Full screen, locked like the kiosk; one counter's ratings, as a device account."""

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        counter: int,
        *,
        pool: Pool | None = None,
        poll_seconds: float = 0.25,
    ) -> None:
        super().__init__(ctx, principal, pool)
        self.counter = counter
        self.setObjectName("ratingScreen")
        self.setWindowTitle(
            f"{texts.RATING_TITLE} — {texts.RATING_COUNTER.format(counter=counter)}"
        )
        self.online = True
        self.queued: list[RatingPrompt] = []
        self.idle_page = IdlePage(counter)
        timing = ctx.settings.rating
        self.panel = RatingPanel(
            ctx.ratings.scale, ctx.ratings.reasons, timing, AT_COUNTER, ctx.clock
        )
        self.status = label("", "status")
        self.status.setVisible(False)
        self.column.addWidget(self.status)
        journal = RatingJournal(journal_path(ctx.dirs.data_dir, counter))
        self.saver = RatingSaver(ctx.ratings, principal, journal, pool, parent=self)
        self.bridge = QueueBridge(ctx.queue, poll_seconds, parent=self)
        self.office_timer = self._timer(OFFICE_RETRY_MS, self.load_office)
        self.set_idle_seconds(timing.ask_seconds)
        self.timers.extend(self.panel.timers())
        self.bridge.events.connect(self.on_events)
        self.bridge.status.connect(self.on_status)
        self.saver.changed.connect(lambda _waiting: self._show_status())
        self.panel.answered.connect(self.saver.save)
        self.panel.finished.connect(self._next)
        self.pin_pad.cancelled.connect(self.show_idle)
        self.guard.activity.connect(self.panel.touch)
        self.add_pages()

    def pages(self) -> Sequence[QWidget]:
        """Idle, the rating panel, the exit PIN pad."""
        return self.idle_page, self.panel, self.pin_pad

    def style_sheet(self, scale: float) -> str:
        """The kiosk's look and the rating pages' rules."""
        return rating_style(scale)

    def start(self) -> None:
        """Follow the queue, read the office's name, send what earlier runs kept."""
        self.bridge.start()
        self.load_office()
        self.saver.flush()

    def stop(self) -> None:
        """Stop following the queue and retrying (what waits stays on disk)."""
        self.bridge.stop()
        self.saver.stop()

    def busy(self) -> bool:
        """A citizen is answering: staff wait for them before leaving."""
        return self.panel.active()

    def went_idle(self) -> bool:
        """An exit PIN pad left open goes back to the waiting page, its digits forgotten."""
        if self.stack.currentWidget() is self.pin_pad:
            self.show_idle()
        return True  # the rating pages have their own time limits

    def unlock(self) -> None:
        """Staff leave: stop following the queue, then close."""
        self.stop()
        super().unlock()

    def load_office(self) -> None:
        """The office's name for the idle page (tried again later while unreachable)."""

        def loaded(office: object) -> None:
            name = getattr(office, "name", "")
            self.idle_page.set_office(name)

        self._run(self.ctx.office.get, loaded, lambda _exc: self.office_timer.start())

    # --- prompts ---
    def on_events(self, events: list[QueueEventInfo]) -> None:
        """New queue events: those that finished serving at this counter may ask for a rating."""
        mine = [e for e in events if e.kind in PROMPTING_EVENTS and e.counter == self.counter]
        if not mine:
            return
        service, counter = self.ctx.ratings, self.counter

        def prompts() -> list[RatingPrompt]:
            found = (service.prompt_for_event(event, counter) for event in mine)
            return [prompt for prompt in found if prompt is not None]

        def failed(exc: BaseException) -> None:
            log.warning("counter %s: cannot read what to ask about: %s", counter, exc)

        self._run(prompts, self.offer_all, failed)

    def offer_all(self, prompts: list[RatingPrompt]) -> None:
        """Offer each prompt in turn."""
        for prompt in prompts:
            self.offer(prompt)

    def offer(self, prompt: RatingPrompt) -> None:
        """Ask now, or after the citizen still answering; never twice about one service."""
        current = self.panel.prompt
        known = {p.event_key for p in self.queued} | self.saver.waiting_keys()
        if current is not None:
            known.add(current.event_key)
        if prompt.event_key in known:
            return
        if self.panel.active() or self.stack.currentWidget() is self.pin_pad:
            self.queued.append(prompt)
            return
        log.info("counter %s asks about %s", self.counter, prompt.event_key)
        self.panel.start(prompt)
        self.stack.setCurrentWidget(self.panel)

    def _next(self) -> None:
        self.show_idle()
        if self.queued:
            self.offer(self.queued.pop(0))

    def show_idle(self) -> None:
        """Back to the waiting page (and on to a prompt that waited)."""
        self.pin_pad.clear()
        self.stack.setCurrentWidget(self.idle_page)
        if self.queued and not self.panel.active():
            self.offer(self.queued.pop(0))

    # --- the database ---
    def on_status(self, ok: bool, message: str) -> None:
        """The queue watcher lost or found the database; once back, send what waits."""
        if not ok:
            log.warning("counter %s: database unreachable: %s", self.counter, message)
        self.online = ok
        self._show_status()
        if ok:
            self.saver.flush()

    def _show_status(self) -> None:
        lines = [] if self.online else [texts.RATING_OFFLINE]
        if self.saver.waiting:
            lines.append(texts.RATING_WAITING.format(count=self.saver.waiting))
        self.status.setText("  ".join(lines))
        self.status.setVisible(bool(lines))
