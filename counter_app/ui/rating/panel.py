"""One rating from start to end: ask, the reasons after a dissatisfied answer, the thanks.

Shared by the screen at a counter and the kiosk. Each page has its own time limit: nobody
answering the question leaves no rating; nobody sending the reasons keeps the level and
whatever was ticked or typed so far.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from counter_app.clock import Clock
from counter_app.domain.rating import RatingScale
from counter_app.services.rating import RatingInput, RatingPrompt
from counter_app.settings import RatingSettings
from counter_app.ui.rating.ask_page import AskPage
from counter_app.ui.rating.pages import ThanksPage
from counter_app.ui.rating.reason_page import ReasonPage

log = logging.getLogger(__name__)


class RatingPanel(QStackedWidget):
    """`answered` carries the RatingInput (once per prompt); `finished` when it is over."""

    answered = Signal(object)
    finished = Signal()

    def __init__(
        self,
        scale: RatingScale,
        reasons: Sequence[str],
        timing: RatingSettings,
        channel: str,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rating_scale, self.channel, self.clock = scale, channel, clock
        self.prompt: RatingPrompt | None = None
        self.level: str | None = None
        self.done_answering = False
        self.ask_page = AskPage(scale)
        self.reason_page = ReasonPage(reasons)
        self.thanks_page = ThanksPage()
        for page in self.pages():
            self.addWidget(page)
        self.ask_timer = self._timer(timing.ask_seconds, self._ask_timed_out)
        self.reason_timer = self._timer(timing.reason_seconds, self._reason_timed_out)
        self.thanks_timer = self._timer(timing.thanks_seconds, self._done)
        self.ask_page.chosen.connect(self.choose)
        self.ask_page.declined.connect(self._done)
        self.reason_page.sent.connect(self._answer)
        self.reason_page.skipped.connect(lambda: self._answer((), ""))
        self.reason_page.touched.connect(self.touch)

    def pages(self) -> tuple[QWidget, ...]:
        """The panel's own pages."""
        return self.ask_page, self.reason_page, self.thanks_page

    def _timer(self, seconds: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(seconds * 1000)
        timer.timeout.connect(slot)
        return timer

    def timers(self) -> tuple[QTimer, ...]:
        """The page time limits."""
        return self.ask_timer, self.reason_timer, self.thanks_timer

    def start(self, prompt: RatingPrompt) -> None:
        """Ask about this service event."""
        self.stop()
        self.prompt = prompt
        self.ask_page.show_prompt(prompt)
        self.setCurrentWidget(self.ask_page)
        self.ask_timer.start()

    def active(self) -> bool:
        """True from the question until the thanks are over."""
        return self.prompt is not None

    def stop(self) -> None:
        """Forget the current prompt and all the citizen chose or typed, without a word."""
        for timer in self.timers():
            timer.stop()
        self.prompt, self.level, self.done_answering = None, None, False
        self.ask_page.clear()
        self.reason_page.reset()
        self.setCurrentWidget(self.ask_page)

    def touch(self) -> None:
        """Someone is using the screen: the page's time limit starts again."""
        for timer in (self.ask_timer, self.reason_timer):
            if timer.isActive():
                timer.start()

    def choose(self, code: str) -> None:
        """A level was tapped: the reasons when it is a dissatisfied one, else the thanks."""
        if self.prompt is None or self.level is not None:
            return  # a second tap
        self.level = code
        self.ask_timer.stop()
        if self.rating_scale.level(code).needs_reason:
            self.reason_page.reset()
            self.setCurrentWidget(self.reason_page)
            self.reason_timer.start()
        else:
            self._answer((), "")

    def _answer(self, reasons: tuple[str, ...], comment: str) -> None:
        prompt, level = self.prompt, self.level
        if prompt is None or level is None or self.done_answering:
            return
        self.done_answering = True
        self.reason_timer.stop()
        rating = RatingInput(
            prompt.event_key,
            level,
            uuid.uuid4().hex,
            tuple(reasons),
            comment,
            self.channel,
            self.clock(),
        )
        self.setCurrentWidget(self.thanks_page)
        self.thanks_timer.start()
        self.answered.emit(rating)

    def _ask_timed_out(self) -> None:
        if self.prompt is not None:
            log.info("no answer for %s: back to idle, nothing saved", self.prompt.event_key)
        self._done()

    def _reason_timed_out(self) -> None:
        if self.prompt is not None and self.level is not None and not self.done_answering:
            log.info("reasons not sent for %s: kept as chosen so far", self.prompt.event_key)
            self.reason_page.set_open(False)
            # What was ticked or typed before walking away is still the citizen's answer.
            self._answer(self.reason_page.chosen(), self.reason_page.comment_text())

    def _done(self) -> None:
        self.stop()
        self.finished.emit()

    def apply_scale(self, scale: float) -> None:
        """Size every page for the screen."""
        for page in self.pages():
            page.apply_scale(scale)  # type: ignore[attr-defined]
