"""Small dialogs that collect what a lifecycle action needs, then run it.

A dialog runs the service call itself when OK is pressed: a refusal (wrong status, a missing
reason, another commune's unit) stays on screen under the fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.intake import BY_POST
from counter_app.domain.text import normalize
from counter_app.services.dossier_lifecycle import LifecycleService, ReturnInput
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel

NOTE_HEIGHT = 90


def note_edit(placeholder: str = "") -> QPlainTextEdit:
    """A short multi-line text field."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(NOTE_HEIGHT)
    return edit


class ActionDialog(QDialog):
    """Title, explanation, fields, inline problems and OK / Cancel; OK runs `perform`."""

    done_detail = Signal(object)  # the DossierDetail after the action

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        detail: DossierDetail,
        title: str,
        intro: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.principal, self.detail = ctx, principal, detail
        self.result_detail: DossierDetail | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{title}</b>")
        subject = QLabel(f"{fmt.code_text(detail.row)} · {detail.row.applicant_name}")
        subject.setProperty("role", "subtle")
        subject.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        layout.addWidget(subject)
        if intro:
            explanation = QLabel(intro)
            explanation.setWordWrap(True)
            explanation.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(explanation)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.problem = ProblemLabel()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(texts.OK)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(texts.CANCEL)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def lifecycle(self) -> LifecycleService:
        """The lifecycle service."""
        return self.ctx.lifecycle

    def problems(self) -> list[str]:
        """What is wrong with the fields before asking the service."""
        return []

    def perform(self) -> DossierDetail:
        """Run the action (each dialog defines it); raises ServiceError when refused."""
        raise NotImplementedError

    def accept(self) -> None:
        """Check, run the action, and close only when it succeeded (Qt API)."""
        problems = self.problems()
        if not problems:
            result, message = attempt(self.perform)
            if message is None and result is not None:
                self.result_detail = result
                self.problem.set_problems([])
                self.done_detail.emit(result)
                super().accept()
                return
            problems = (message or texts.UNEXPECTED_ERROR).splitlines()
        self.problem.set_problems(problems)


class NoteDialog(ActionDialog):
    """An action that needs only a text: reasons, a reason, or an optional note."""

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        detail: DossierDetail,
        labels: tuple[str, str, str],  # title, explanation, field label
        call: Callable[[str], DossierDetail],
        required: bool,
        parent: QWidget | None = None,
    ) -> None:
        title, intro, label = labels
        super().__init__(ctx, principal, detail, title, intro, parent)
        self.call, self.required = call, required
        self.text = note_edit()
        self.form.addRow(label, self.text)
        self.text.setFocus()

    def problems(self) -> list[str]:
        """A required text must be filled in."""
        empty = not normalize(self.text.toPlainText())
        return [texts.DOSSIER_NEED_REASON] if self.required and empty else []

    def perform(self) -> DossierDetail:
        """Call the service with the text."""
        return self.call(normalize(self.text.toPlainText()))


class ReturnDialog(ActionDialog):
    """Return the result: at the counter (who signs) or by post (tracking number)."""

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        detail: DossierDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, principal, detail, texts.RETURN_TITLE, "", parent)
        self.at_counter = QRadioButton(texts.RETURN_AT_COUNTER)
        self.by_post = QRadioButton(texts.RETURN_BY_POST)
        group = QButtonGroup(self)
        group.addButton(self.at_counter)
        group.addButton(self.by_post)
        self.receiver = QLineEdit(detail.row.applicant_name)
        self.counter = self._counter_box(ctx)
        self.tracking = QLineEdit()
        address = detail.postal_address or detail.applicant_address or texts.NONE
        self.address = QLabel(texts.RETURN_POSTAL_ADDRESS.format(address=address))
        self.address.setWordWrap(True)
        self.address.setProperty("role", "subtle")
        self.form.addRow(self.at_counter)
        self.form.addRow(texts.RETURN_RECEIVER, self.receiver)
        self.form.addRow(texts.RATING_RETURN_COUNTER, self.counter)
        self.form.addRow(self.by_post)
        self.form.addRow(texts.RETURN_TRACKING, self.tracking)
        self.form.addRow("", self.address)
        self.at_counter.toggled.connect(self._switch)
        (self.by_post if detail.delivery == BY_POST else self.at_counter).setChecked(True)
        self._switch()

    @staticmethod
    def _counter_box(ctx: AppContext) -> QComboBox:
        """Which counter hands the result over: its rating screen then asks the citizen."""
        box = QComboBox()
        box.addItem(texts.RATING_RETURN_COUNTER_NONE, None)
        counters, _ = attempt(ctx.ratings.active_counters)
        for number in counters or []:
            box.addItem(texts.RATING_COUNTER.format(counter=number), number)
        here = box.findData(ctx.settings.station.counter or None)
        box.setCurrentIndex(max(0, here))
        return box

    def _switch(self, *_: object) -> None:
        post = self.by_post.isChecked()
        self.receiver.setEnabled(not post)
        self.counter.setEnabled(not post)
        self.tracking.setEnabled(post)
        self.address.setEnabled(post)
        (self.tracking if post else self.receiver).setFocus()

    def problems(self) -> list[str]:
        """The receiver's name at the counter, the tracking number by post."""
        if self.by_post.isChecked():
            return [] if normalize(self.tracking.text()) else [texts.RETURN_NEED_TRACKING]
        return [] if normalize(self.receiver.text()) else [texts.RETURN_NEED_RECEIVER]

    def perform(self) -> DossierDetail:
        """Record the return."""
        how = ReturnInput(
            by_post=self.by_post.isChecked(),
            tracking_number=normalize(self.tracking.text()),
            receiver_name=normalize(self.receiver.text()),
            counter=None if self.by_post.isChecked() else self.counter.currentData(),
        )
        return self.lifecycle.return_result(self.principal, self.detail.id, how)
