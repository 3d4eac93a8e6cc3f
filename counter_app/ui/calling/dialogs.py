"""Dialogs of the calling panel: transfer the citizen, call a given number."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.queue_models import AreaInfo, TicketInfo
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel

_LABEL = re.compile(r"^([A-Z])\s*0*(\d{1,4})$")

#: (to_counter, to_area_id) -> the transferred ticket
TransferAction = Callable[[int | None, int | None], TicketInfo]


def normal_label(typed: str) -> str:
    """What the clerk typed as a ticket number: "a23" and "A 023" both mean A023."""
    text = typed.strip().upper()
    match = _LABEL.match(text)
    return f"{match.group(1)}{int(match.group(2)):03d}" if match else text


class _ActionDialog(QDialog):
    """A small form whose button runs the action; service problems stay inline."""

    def __init__(self, title: str, button: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.result_ticket: TicketInfo | None = None
        self.form = QFormLayout()
        self.problems = ProblemLabel()
        buttons = QDialogButtonBox()
        self.do_button = buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.do_button.setDefault(True)
        buttons.addButton(texts.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 16, 20, 16)
        self.body.setSpacing(10)
        self.body.addLayout(self.form)
        self.body.addWidget(self.problems)
        self.body.addWidget(buttons)

    def finish_with(self, call: Callable[[], TicketInfo]) -> None:
        """Run the service call: accept on success, list the problems otherwise."""
        ticket, message = attempt(call)
        if ticket is None:
            self.problems.set_problems((message or texts.UNEXPECTED_ERROR).split("\n"))
            return
        self.result_ticket = ticket
        self.accept()

    def run(self) -> None:
        """Carry out the action (subclasses)."""


class TransferDialog(_ActionDialog):
    """Send the current citizen to another counter or service area; the number is kept."""

    def __init__(
        self,
        ticket: TicketInfo,
        counters: Sequence[int],
        areas: Sequence[AreaInfo],
        action: TransferAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            texts.TRANSFER_TICKET_TITLE.format(label=ticket.label), texts.TRANSFER_TICKET_DO, parent
        )
        self.action = action
        note = QLabel(texts.TRANSFER_TICKET_NOTE.format(label=ticket.label))
        note.setWordWrap(True)
        note.setProperty("role", "subtle")
        self.body.insertWidget(0, note)
        self.to_counter = QRadioButton(texts.TRANSFER_TICKET_COUNTER)
        self.to_area = QRadioButton(texts.TRANSFER_TICKET_AREA)
        self.counter = QComboBox()
        for number in counters:
            self.counter.addItem(texts.CALLING_COUNTER_ITEM.format(number=number), number)
        self.area = QComboBox()
        for area in areas:
            self.area.addItem(f"{area.prefix} — {area.name}", area.id)
        self.area.setCurrentIndex(max(self.area.findData(ticket.area_id), 0))
        self.form.addRow(self.to_counter, self.counter)
        self.form.addRow(self.to_area, self.area)
        self.to_counter.toggled.connect(self._sync)
        self.counter.activated.connect(lambda _i: self.to_counter.setChecked(True))
        self.area.activated.connect(lambda _i: self.to_area.setChecked(True))
        (self.to_counter if self.counter.count() else self.to_area).setChecked(True)
        self.to_counter.setEnabled(self.counter.count() > 0)
        self._sync()

    def _sync(self) -> None:
        by_counter = self.to_counter.isChecked()
        self.counter.setEnabled(by_counter)
        self.area.setEnabled(not by_counter)

    def run(self) -> None:
        """Transfer to the chosen counter or area."""
        if self.to_counter.isChecked():
            counter = self.counter.currentData()
            self.finish_with(lambda: self.action(counter, None))
        else:
            area = self.area.currentData()
            self.finish_with(lambda: self.action(None, area))


class CallNumberDialog(_ActionDialog):
    """Call a number typed by the clerk (waiting, or a no-show who came back)."""

    def __init__(self, action: Callable[[str], TicketInfo], parent: QWidget | None = None):
        super().__init__(texts.CALL_NUMBER_TITLE, texts.CALL_NUMBER_DO, parent)
        self.action = action
        self.label = QLineEdit()
        self.label.setPlaceholderText(texts.CALL_NUMBER_HINT)
        self.label.setMaxLength(8)
        self.form.addRow(texts.CALL_NUMBER_LABEL, self.label)

    def run(self) -> None:
        """Call the number typed."""
        label = normal_label(self.label.text())
        if not label:
            self.problems.set_problems([texts.CALL_NUMBER_EMPTY])
            return
        self.finish_with(lambda: self.action(label))
