"""Boxes of the queue admin page: the display board's notice and the kiosk's exit PIN."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.kiosk_lock import KioskLock
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel

NOTICE_MAX = 500


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "subtle")
    label.setWordWrap(True)
    return label


class NoticeBox(QGroupBox):
    """The scrolling notice on the display board: text and save."""

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(texts.QADMIN_NOTICE, parent)
        self.ctx, self.actor = ctx, actor
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(texts.QADMIN_NOTICE_HINT)
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.count = _note()
        self.saved = _note()
        self.problems = ProblemLabel()
        self.save_button = QPushButton(texts.QADMIN_NOTICE_SAVE)
        self.save_button.clicked.connect(self.save)
        self.text.textChanged.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.addWidget(self.text)
        box.addLayout(row)
        box.addWidget(self.saved)
        box.addWidget(self.problems)
        self._changed()

    def load(self) -> None:
        """Show the notice the board shows now."""
        board, message = attempt(self.ctx.queue.board)
        if board is not None:
            self.text.setPlainText(board.notice)
        self.problems.set_problems([message] if message else [])
        self.saved.setText("")

    def _changed(self) -> None:
        length = len(self.text.toPlainText())
        self.count.setText(texts.QADMIN_NOTICE_COUNT.format(count=length))
        self.count.setProperty("role", "problem" if length > NOTICE_MAX else "subtle")
        self.count.style().unpolish(self.count)
        self.count.style().polish(self.count)
        self.saved.setText("")

    def save(self) -> None:
        """Save the notice; the board picks it up from the queue stream."""
        notice = self.text.toPlainText()
        _, message = attempt(lambda: self.ctx.queue.set_notice(self.actor, notice))
        self.problems.set_problems(message.split("\n") if message else [])
        self.saved.setText("" if message else texts.QADMIN_NOTICE_SAVED)


def _pin_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(8)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), edit))
    edit.setFixedWidth(150)
    return edit


class PinBox(QGroupBox):
    """The kiosk's exit PIN, typed twice."""

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(texts.QADMIN_PIN, parent)
        self.lock = KioskLock(ctx.db, ctx.clock)
        self.actor = actor
        self.state = _note()
        self.pin = _pin_edit()
        self.confirm = _pin_edit()
        self.save_button = QPushButton(texts.QADMIN_PIN_SAVE)
        self.save_button.clicked.connect(self.save)
        self.confirm.returnPressed.connect(self.save)
        self.saved = _note()
        self.problems = ProblemLabel()
        form = QFormLayout()
        form.addRow(texts.QADMIN_PIN_NEW, self.pin)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm)
        confirm_row.addWidget(self.save_button)
        confirm_row.addStretch(1)
        form.addRow(texts.QADMIN_PIN_CONFIRM, confirm_row)
        box = QVBoxLayout(self)
        box.addWidget(self.state)
        box.addLayout(form)
        box.addWidget(self.saved)
        box.addWidget(self.problems)

    def load(self) -> None:
        """Say whether a PIN is set."""
        has_pin, message = attempt(self.lock.has_pin)
        state = texts.QADMIN_PIN_IS_SET if has_pin else texts.QADMIN_PIN_NONE
        self.state.setText(f"{texts.QADMIN_PIN_NOTE} {state}")
        self.problems.set_problems([message] if message else [])

    def save(self) -> None:
        """Set the PIN when both typings match and the service accepts it."""
        self.saved.setText("")
        pin = self.pin.text()
        if pin != self.confirm.text():
            self.problems.set_problems([texts.QADMIN_PIN_DIFFER])
            return
        _, message = attempt(lambda: self.lock.set_pin(self.actor, pin))
        if message:
            self.problems.set_problems(message.split("\n"))
            return
        self.problems.set_problems([])
        self.pin.clear()
        self.confirm.clear()
        self.saved.setText(texts.QADMIN_PIN_SAVED)
        self.load()
