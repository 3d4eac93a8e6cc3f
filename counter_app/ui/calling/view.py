"""The calling panel's widgets: a strip across the clerk window, laid out for 1366×768."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui import texts
from counter_app.ui.calling.snapshot import CounterSnapshot, since_text

NEXT, RECALL, SKIP, FINISH, TRANSFER, BY_NUMBER = (
    "next",
    "recall",
    "skip",
    "finish",
    "transfer",
    "by_number",
)
#: Button name -> (text, tooltip, shortcut); laid out in two rows of three.
BUTTONS: dict[str, tuple[str, str, str]] = {
    NEXT: (texts.CALLING_NEXT, texts.CALLING_NEXT_TIP, "F5"),
    RECALL: (texts.CALLING_RECALL, texts.CALLING_RECALL_TIP, "F6"),
    SKIP: (texts.CALLING_SKIP, texts.CALLING_SKIP_TIP, "F7"),
    FINISH: (texts.CALLING_FINISH, texts.CALLING_FINISH_TIP, "F8"),
    TRANSFER: (texts.CALLING_TRANSFER, texts.CALLING_TRANSFER_TIP, "Ctrl+T"),
    BY_NUMBER: (texts.CALLING_BY_NUMBER, texts.CALLING_BY_NUMBER_TIP, "Ctrl+G"),
}
#: Buttons that act on the ticket being served.
NEED_CURRENT = (RECALL, SKIP, FINISH, TRANSFER)

STYLE = """
#callingPanel { background: #ffffff; border-bottom: 2px solid #163d6b; }
#callingPanel QLabel[calling="caption"] { color: #52606d; font-size: 8pt; font-weight: bold; }
#callingPanel QLabel#counterNumber { font-size: 22pt; font-weight: bold; color: #163d6b; }
#callingPanel QLabel#ticketLabel { font-size: 26pt; font-weight: bold; color: #163d6b; }
#callingPanel QLabel#ticketLabel[idle="true"] { color: #9aa5b1; }
#callingPanel QLabel#areaLabel { font-weight: bold; }
#callingPanel QLabel#priorityLabel { color: #a4540b; font-weight: bold; }
#callingPanel QLabel#waitingCount { font-weight: bold; font-size: 11pt; }
#callingPanel QFrame#printAlert { background: #fdecea; border: 1px solid #d9827a;
    border-radius: 4px; }
#callingPanel QFrame#printAlert QLabel { color: #8a1c12; font-weight: bold; }
"""


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("calling", "caption")
    return label


def _plain(name: str = "", wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def _column(*widgets: QWidget, stretch_last: bool = True) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setSpacing(2)
    for widget in widgets:
        box.addWidget(widget)
    if stretch_last:
        box.addStretch(1)
    return box


class CallingView(QFrame):
    """Counter, ticket served, actions, waiting line, scan field, alerts and messages."""

    def __init__(
        self, counters: Sequence[int], fixed_counter: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callingPanel")
        self.setStyleSheet(STYLE)
        self.counter_number = _plain("counterNumber")
        self.counter_pick = QComboBox()
        self.counter_pick.setToolTip(texts.CALLING_PICK_COUNTER_TIP)
        self.counter_pick.addItem(texts.CALLING_PICK_COUNTER, 0)
        for number in counters:
            self.counter_pick.addItem(texts.CALLING_COUNTER_ITEM.format(number=number), number)
        self.counter_number.setText(str(fixed_counter))
        self.counter_number.setVisible(bool(fixed_counter))
        self.counter_pick.setVisible(not fixed_counter)
        self.ticket = _plain("ticketLabel")
        self.ticket.setMinimumWidth(110)
        self.area = _plain("areaLabel")
        self.priority = _plain("priorityLabel")
        self.since = _plain()
        self.since.setProperty("role", "subtle")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, (name, (text, tip, key)) in enumerate(BUTTONS.items()):
            button = QPushButton(f"{text} ({key})" if key.startswith("F") else text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keep the cursor in the page
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[name] = button
        self.buttons[NEXT].setProperty("primary", True)
        self.waiting_count = _plain("waitingCount")
        self.waiting_count.setToolTip(texts.CALLING_WAITING_TIP)
        self.next_labels = _plain(wrap=True)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(texts.CALLING_SCAN_HINT)
        self.scan.setToolTip(texts.CALLING_SCAN_TIP)
        self.scan.setClearButtonEnabled(True)
        row = QHBoxLayout()
        row.setSpacing(18)
        row.addLayout(
            _column(_caption(texts.CALLING_COUNTER), self.counter_number, self.counter_pick)
        )
        row.addLayout(_column(_caption(texts.CALLING_SERVING), self.ticket))
        row.addLayout(_column(self.area, self.priority, self.since), 1)
        row.addLayout(grid)
        waiting = _column(self.waiting_count, self.next_labels, self.scan, stretch_last=False)
        row.addLayout(waiting, 1)
        self.alert = QFrame()
        self.alert.setObjectName("printAlert")
        self.alert_text = _plain(wrap=True)
        self.alert_dismiss = QPushButton(texts.CALLING_ALERT_DISMISS)
        self.alert_dismiss.setToolTip(texts.CALLING_ALERT_DISMISS_TIP)
        alert_row = QHBoxLayout(self.alert)
        alert_row.setContentsMargins(10, 4, 6, 4)
        alert_row.addWidget(self.alert_text, 1)
        alert_row.addWidget(self.alert_dismiss)
        self.alert.setVisible(False)
        self.offline = _plain(wrap=True)
        self.offline.setProperty("role", "banner")
        self.offline.setVisible(False)
        self.message = _plain(wrap=True)
        self.call_scanned = QPushButton()
        self.call_scanned.setVisible(False)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.call_scanned)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 6, 14, 6)
        outer.setSpacing(4)
        outer.addLayout(row)
        outer.addWidget(self.alert)
        outer.addWidget(self.offline)
        outer.addLayout(message_row)
        self.show_message("")

    def connect_actions(self, actions: dict[str, Callable[[], None]]) -> None:
        """Wire each button and its key (F5…F8, Ctrl+T, Ctrl+G: anywhere in the window)."""
        for name, action in actions.items():
            self.buttons[name].clicked.connect(action)
            key = QKeySequence(BUTTONS[name][2])
            QShortcut(key, self, action, context=Qt.ShortcutContext.WindowShortcut)

    def enable_buttons(self, usable: bool, current: int | None) -> None:
        """Buttons work once a counter is chosen and nothing runs; some need a ticket served."""
        for name, button in self.buttons.items():
            button.setEnabled(usable and (current is not None or name not in NEED_CURRENT))

    # --- showing state ----------------------------------------------------------------------

    def show_snapshot(self, snap: CounterSnapshot | None, now: datetime) -> None:
        """Show the ticket being served and the counter's waiting line."""
        current = snap.current if snap else None
        self.ticket.setText(current.label if current else texts.CALLING_NO_TICKET)
        self.ticket.setProperty("idle", current is None)
        self.ticket.style().unpolish(self.ticket)
        self.ticket.style().polish(self.ticket)
        idle = texts.CALLING_IDLE if snap else texts.CALLING_NO_COUNTER
        self.area.setText(current.area_name if current else idle)
        self.area.setWordWrap(current is None)
        kind = current.priority_label if current else ""
        self.priority.setText(texts.CALLING_PRIORITY.format(kind=kind) if kind else "")
        self.priority.setVisible(bool(kind))
        self.since.setText(since_text(current, now) if current else "")
        self.since.setVisible(current is not None)
        if snap is None:
            self.waiting_count.setText("")
            self.next_labels.setText("")
            return
        self.waiting_count.setText(texts.CALLING_WAITING.format(count=len(snap.waiting)))
        if not snap.areas:
            self.next_labels.setText(texts.CALLING_NO_AREAS.format(number=snap.counter))
        elif not snap.waiting:
            self.next_labels.setText(texts.CALLING_NOBODY)
        else:
            labels = [
                t.label + (texts.CALLING_PRIORITY_MARK if t.priority else "") for t in snap.next_up
            ]
            self.next_labels.setText(texts.CALLING_NEXT_LABELS.format(labels=" · ".join(labels)))
        areas = ", ".join(a.name for a in snap.areas) or texts.CALLING_COUNTER_NO_AREAS
        tip = texts.CALLING_COUNTER_TIP.format(number=snap.counter, areas=areas)
        self.counter_number.setToolTip(tip)
        self.next_labels.setToolTip(tip)

    def show_alerts(self, alerts: Sequence[str]) -> None:
        """Print failures at the kiosks: the newest, and how many before it."""
        if not alerts:
            self.alert.setVisible(False)
            return
        text = alerts[-1]
        if len(alerts) > 1:
            text += " " + texts.CALLING_ALERT_MORE.format(count=len(alerts) - 1)
        self.alert_text.setText("⚠ " + text)
        self.alert.setVisible(True)

    def show_offline(self, reason: str | None) -> None:
        """The database cannot be reached (reason), or it can again (None)."""
        self.offline.setText(texts.CALLING_OFFLINE.format(reason=reason or "") if reason else "")
        self.offline.setVisible(reason is not None)

    def show_message(self, text: str, problem: bool = False) -> None:
        """A line under the strip: a problem in red, otherwise plain; hidden when empty."""
        self.message.setProperty("role", "problem" if problem else "subtle")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if not text or problem:
            self.call_scanned.setVisible(False)
