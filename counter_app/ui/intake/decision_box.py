"""The decision part of intake: fee, delivery, counts, reasons, and the three decision buttons."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from counter_app.domain.intake import AT_COUNTER, BY_POST
from counter_app.services.catalog import ProcedureDetail
from counter_app.ui import texts

MAX_FEE = 2_000_000_000
ACCEPT, SUPPLEMENT, REFUSE = "accept", "supplement", "refuse"
#: Keyboard shortcut of each decision, shown on its button's tooltip.
SHORTCUTS = {ACCEPT: "F9", SUPPLEMENT: "F10", REFUSE: "F11"}
ACCEPT_ALSO = "Ctrl+Return"
REASON_LINES = 2


def _shrinkable(combo: QComboBox, chars: int) -> None:
    """Let a combo box narrow to about this many characters (its items show in full when open)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)


class DecisionBox(QGroupBox):
    """What the decision records besides the papers, and the buttons that make it."""

    decided = Signal(str)  # ACCEPT, SUPPLEMENT or REFUSE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.INTAKE_DECISION, parent)
        vietnamese = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        self.fee = QSpinBox()
        self.fee.setLocale(vietnamese)
        self.fee.setRange(0, MAX_FEE)
        self.fee.setSingleStep(1000)
        self.fee.setGroupSeparatorShown(True)
        self.fee.setSuffix(" ₫")
        self.fee_method = QComboBox()
        self.fee_method.addItems(list(texts.INTAKE_FEE_METHODS))
        _shrinkable(self.fee_method, 9)
        self.delivery = QComboBox()
        self.delivery.addItem(texts.INTAKE_AT_COUNTER, AT_COUNTER)
        self.delivery.addItem(texts.INTAKE_BY_POST, BY_POST)
        _shrinkable(self.delivery, 12)
        self.postal_address = QLineEdit()
        self.postal_address.setPlaceholderText(texts.INTAKE_POSTAL_HINT)
        self.submitter = QLineEdit()
        self.submitter.setPlaceholderText(texts.INTAKE_SUBMITTER_HINT)
        self.summary = QLineEdit()
        self.reasons = QPlainTextEdit()
        self.reasons.setPlaceholderText(texts.INTAKE_REASONS_HINT)
        self.reasons.setTabChangesFocus(True)
        line = self.reasons.fontMetrics().lineSpacing()
        self.reasons.setFixedHeight(line * REASON_LINES + 14)
        self.buttons = {
            ACCEPT: QPushButton(texts.INTAKE_ACCEPT),
            SUPPLEMENT: QPushButton(texts.INTAKE_SUPPLEMENT),
            REFUSE: QPushButton(texts.INTAKE_REFUSE),
        }
        tips = {
            ACCEPT: texts.INTAKE_ACCEPT_TIP,
            SUPPLEMENT: texts.INTAKE_SUPPLEMENT_TIP,
            REFUSE: texts.INTAKE_REFUSE_TIP,
        }
        for name, button in self.buttons.items():
            button.setToolTip(tips[name])
            button.setText(f"{button.text()} ({SHORTCUTS[name]})")
            button.clicked.connect(lambda _c=False, n=name: self.decided.emit(n))
        self.buttons[ACCEPT].setProperty("primary", True)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(5)
        self._add(grid, 0, 0, texts.INTAKE_FEE, self.fee)
        self._add(grid, 0, 2, texts.INTAKE_FEE_METHOD, self.fee_method)
        self._add(grid, 1, 0, texts.INTAKE_DELIVERY, self.delivery)
        grid.addWidget(self.postal_address, 1, 2, 1, 2)
        self._add(grid, 2, 0, texts.INTAKE_SUBMITTER, self.submitter, span=3)
        self._add(grid, 3, 0, texts.INTAKE_SUMMARY, self.summary, span=3)
        self._add(grid, 4, 0, texts.INTAKE_REASONS, self.reasons, span=3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        self.delivery.currentIndexChanged.connect(lambda _i: self._show_delivery())
        self._show_delivery()
        self.set_procedure(None)

    @staticmethod
    def _add(
        grid: QGridLayout, row: int, col: int, text: str, widget: QWidget, span: int = 1
    ) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        grid.addWidget(label, row, col)
        grid.addWidget(widget, row, col + 1, 1, span)

    def fields(self) -> list[QWidget]:
        """The single-line input fields in tab order (Enter moves on from them)."""
        return [
            self.fee,
            self.fee_method,
            self.delivery,
            self.postal_address,
            self.submitter,
            self.summary,
        ]

    def _show_delivery(self) -> None:
        by_post = self.delivery.currentData() == BY_POST
        self.postal_address.setEnabled(by_post)

    def set_procedure(self, detail: ProcedureDetail | None) -> None:
        """Pre-fill the fee when the catalogue fixes it; otherwise ask for it to be typed."""
        varies = detail is not None and detail.fee_amount is None
        self.fee.setValue(detail.fee_amount or 0 if detail else 0)
        special = texts.INTAKE_FEE_TO_TYPE if varies else texts.FEE_FREE
        self.fee.setSpecialValueText(special if detail else texts.NONE)
        tip = texts.INTAKE_FEE_VARIES.format(text=detail.fee_text) if varies and detail else ""
        self.fee.setToolTip(tip or (detail.fee_text if detail else ""))
        name = detail.name if detail else texts.INTAKE_SUMMARY_HINT
        self.summary.setPlaceholderText(name)

    def use_postal_address(self, address: str) -> None:
        """Offer the applicant's address as the postal address when none was typed."""
        if not self.postal_address.text().strip():
            self.postal_address.setText(address)

    def set_busy(self, busy: bool) -> None:
        """Disable the decision buttons while a decision is being saved."""
        for button in self.buttons.values():
            button.setEnabled(not busy)

    def clear(self) -> None:
        """Defaults for the next dossier."""
        self.fee_method.setCurrentIndex(0)
        self.delivery.setCurrentIndex(0)
        for edit in (self.postal_address, self.submitter, self.summary):
            edit.clear()
        self.reasons.clear()
        self.set_procedure(None)
