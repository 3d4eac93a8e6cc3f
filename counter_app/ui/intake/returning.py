"""Returning applicants: those stored with the typed id number, tax code or phone, offered for
reuse (only the fields still empty are filled; what was typed or scanned stays)."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from counter_app.domain.intake import ORGANISATION, ApplicantInput
from counter_app.ui import texts

MATCH_CHARS = 28
_STYLE = "QFrame#returning { background: #eef5fc; border: 1px solid #b7d0ea; border-radius: 4px; }"


def describe(a: ApplicantInput) -> str:
    """One line naming a stored applicant: name, number, phone."""
    number = a.tax_code if a.kind == ORGANISATION else a.id_number
    return " · ".join(p for p in (a.full_name, number, a.phone) if p)


def fill_empty(current: ApplicantInput, stored: ApplicantInput) -> ApplicantInput:
    """The current applicant with its empty fields taken from the stored one."""
    taken = {
        f.name: getattr(stored, f.name)
        for f in fields(ApplicantInput)
        if f.name != "kind" and not getattr(current, f.name) and getattr(stored, f.name)
    }
    return replace(current, **taken)


class ReturningOffer(QFrame):
    """ "Đã có trong dữ liệu: … [Dùng thông tin này]", hidden when there is nothing to add."""

    chosen = Signal(object)  # the stored ApplicantInput picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returning")
        self.setStyleSheet(_STYLE)
        self.found: list[ApplicantInput] = []
        self.matches = QComboBox()
        self.matches.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.matches.setMinimumContentsLength(MATCH_CHARS)
        self.use_match = QPushButton(texts.INTAKE_USE_FOUND)
        self.use_match.setToolTip(texts.INTAKE_USE_FOUND_TIP)
        self.use_match.clicked.connect(self.use)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(QLabel(texts.INTAKE_FOUND))
        row.addWidget(self.matches, 1)
        row.addWidget(self.use_match)
        self.setVisible(False)

    def offer(self, found: list[ApplicantInput], current: ApplicantInput) -> None:
        """Offer what was found (or keep the earlier finds) that would add to current."""
        if found:
            self.found = found
        self.found = [a for a in self.found if fill_empty(current, a) != current]
        self.matches.clear()
        self.matches.addItems([describe(a) for a in self.found])
        self.setVisible(bool(self.found))

    def use(self) -> None:
        """Hand on the chosen stored applicant and hide."""
        index = self.matches.currentIndex()
        if 0 <= index < len(self.found):
            self.chosen.emit(self.found[index])
        self.setVisible(False)

    def clear(self) -> None:
        """Nothing offered."""
        self.found = []
        self.matches.clear()
        self.setVisible(False)
