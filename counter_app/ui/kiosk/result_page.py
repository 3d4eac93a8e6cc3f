"""The result screen: the big number, the area, who is ahead, the wait, and the printing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.queue import describe_wait
from counter_app.services.queue_models import TicketInfo
from counter_app.ui import texts
from counter_app.ui.kiosk.style import px
from counter_app.ui.kiosk.widgets import label, restyle

CENTER = Qt.AlignmentFlag.AlignCenter


class ResultPage(QWidget):
    """Shows one ticket; `done` when the citizen taps “Xong”."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket: TicketInfo | None = None
        self.heading = label(texts.KIOSK_YOUR_NUMBER, "title")
        self.number = label("", "number", wrap=False)
        self.area = label("", "detail")
        self.priority = label("", "priorityTag", wrap=False)
        self.ahead = label("", "detail")
        self.wait = label("", "detail")
        self.printing = label("", "printing")
        self.failure = QFrame()
        self.failure.setObjectName("failure")
        self.failure_title = label("", "failureTitle")
        self.failure_reason = label("", "failureReason")
        self.remember = label("", "remember")
        self.staff_told = label(texts.KIOSK_STAFF_TOLD, "failureReason")
        self.failure_box = QVBoxLayout(self.failure)
        for widget in (self.failure_title, self.failure_reason, self.remember, self.staff_told):
            widget.setAlignment(CENTER)
            self.failure_box.addWidget(widget)
        self.done_button = QPushButton(texts.KIOSK_DONE)
        self.done_button.setObjectName("done")
        self.done_button.clicked.connect(self.done)
        tag_row = QHBoxLayout()
        tag_row.addStretch(1)
        tag_row.addWidget(self.priority)
        tag_row.addStretch(1)
        self.box = QVBoxLayout(self)
        self.box.addStretch(1)
        for widget in (self.heading, self.number, self.area):
            widget.setAlignment(CENTER)
            self.box.addWidget(widget)
        self.box.addLayout(tag_row)
        for widget in (self.ahead, self.wait, self.printing):
            widget.setAlignment(CENTER)
            self.box.addWidget(widget)
        self.box.addWidget(self.failure)
        self.box.addStretch(1)
        done_row = QHBoxLayout()
        done_row.addStretch(1)
        done_row.addWidget(self.done_button)
        done_row.addStretch(1)
        self.box.addLayout(done_row)

    def show_ticket(self, ticket: TicketInfo) -> None:
        """Show a ticket just issued, with “being printed” below it."""
        self.ticket = ticket
        self.number.setText(ticket.label)
        restyle(self.number, "number")
        self.area.setText(texts.KIOSK_AREA.format(area=ticket.area_name))
        self.priority.setText(texts.KIOSK_PRIORITY.format(kind=ticket.priority_label))
        self.priority.setVisible(bool(ticket.priority_label))
        self.ahead.setText(
            texts.KIOSK_AHEAD.format(ahead=ticket.ahead) if ticket.ahead else texts.KIOSK_NONE_AHEAD
        )
        self.wait.setText(texts.KIOSK_WAIT.format(wait=describe_wait(ticket.wait)))
        self._set_printing(texts.KIOSK_PRINTING, "printing")
        self.failure.setVisible(False)

    def show_printed(self) -> None:
        """The ticket came out of the printer."""
        self._set_printing(texts.KIOSK_PRINTED, "printed")

    def show_print_failed(self, reason: str) -> None:
        """The printer failed: say so, and ask the citizen to remember the number."""
        label_text = self.ticket.label if self.ticket else ""
        self.printing.setVisible(False)
        restyle(self.number, "numberSmall")  # room for the message; it repeats the number
        self.failure_title.setText(texts.KIOSK_PRINT_FAILED)
        self.failure_reason.setText(reason)
        self.failure_reason.setVisible(bool(reason))
        self.remember.setText(texts.KIOSK_REMEMBER.format(label=label_text))
        self.failure.setVisible(True)

    def failure_text(self) -> str:
        """The whole printer-failure message as shown (for tests and screen readers)."""
        if not self.failure.isVisibleTo(self):
            return ""
        return f"{texts.KIOSK_PRINT_FAILED}: {self.failure_reason.text()} {self.remember.text()}"

    def _set_printing(self, text: str, name: str) -> None:
        self.printing.setText(text)
        restyle(self.printing, name)
        self.printing.setVisible(True)

    def apply_scale(self, scale: float) -> None:
        """Margins and the button size for the screen."""
        self.box.setContentsMargins(px(48, scale), px(20, scale), px(48, scale), px(28, scale))
        self.box.setSpacing(px(8, scale))
        self.failure_box.setContentsMargins(
            px(24, scale), px(12, scale), px(24, scale), px(12, scale)
        )
