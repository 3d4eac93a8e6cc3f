"""The applicant part of intake: a citizen (filled from the chip-card QR) or an organisation."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.citizen_id import CardQR, id_number_problems
from counter_app.domain.intake import CITIZEN, ORGANISATION, ApplicantInput, applicant_problems
from counter_app.ui import errors, texts
from counter_app.ui.intake.dates import format_date, parse_birth_date
from counter_app.ui.intake.returning import ReturningOffer, fill_empty
from counter_app.ui.widgets.problem_label import ProblemLabel, mark_invalid


def with_stand_ins(a: ApplicantInput) -> ApplicantInput:
    """Empty required fields filled with stand-ins, so early checks judge only what was typed."""
    return replace(
        a,
        full_name=a.full_name.strip() or "-",
        tax_code=a.tax_code.strip() or "0100000000",
        representative=a.representative.strip() or "-",
    )


class ApplicantBox(QGroupBox):
    """Who submits the dossier; checks shown inline; returning applicants offered for reuse."""

    card_read = Signal()  # the form was filled from a card QR

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(texts.INTAKE_APPLICANT, parent)
        self.ctx = ctx
        self.old_id_number = ""
        self.scan_problem = ""
        self.citizen = QRadioButton(texts.INTAKE_CITIZEN)
        self.organisation = QRadioButton(texts.INTAKE_ORGANISATION)
        self.citizen.setChecked(True)
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.citizen, CITIZEN)
        self._kinds.addButton(self.organisation, ORGANISATION)
        self.tax_code = self._edit(texts.INTAKE_TAX_CODE_HINT)
        self.representative = self._edit("")
        self.id_number = self._edit(texts.INTAKE_ID_HINT)
        self.birth_date = self._edit(texts.INTAKE_BIRTH_HINT)
        self.full_name = self._edit("")
        self.gender = QComboBox()
        self.gender.addItems(["", texts.INTAKE_MALE, texts.INTAKE_FEMALE])
        self.phone = self._edit("")
        self.email = self._edit("")
        self.address = self._edit("")
        self.problems = ProblemLabel()
        self.offer = ReturningOffer()
        self.offer.chosen.connect(self._use_stored)
        self._labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(5)
        kinds = QHBoxLayout()
        kinds.addWidget(self.citizen)
        kinds.addWidget(self.organisation)
        kinds.addStretch(1)
        grid.addLayout(kinds, 0, 0, 1, 4)
        self._row(grid, 1, ("tax", texts.INTAKE_TAX_CODE, self.tax_code), span=3)
        # An organisation's representative sits where a citizen's birth date does.
        self._row(grid, 2, ("rep", texts.INTAKE_REPRESENTATIVE, self.representative), col=2)
        self._row(grid, 2, ("id", texts.INTAKE_ID_NUMBER, self.id_number))
        self._row(grid, 2, ("birth", texts.INTAKE_BIRTH_DATE, self.birth_date), col=2)
        self._row(grid, 3, ("name", texts.INTAKE_FULL_NAME, self.full_name))
        self._row(grid, 3, ("gender", texts.INTAKE_GENDER, self.gender), col=2)
        self._row(grid, 4, ("phone", texts.PHONE, self.phone))
        self._row(grid, 4, ("email", texts.INTAKE_EMAIL, self.email), col=2)
        self._row(grid, 5, ("address", texts.ADDRESS, self.address), span=3)
        self.grid = grid
        grid.addWidget(self.offer, 7, 0, 1, 4)
        grid.addWidget(self.problems, 8, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self.citizen.toggled.connect(lambda _on: self._show_kind())  # two kinds: one signal
        self.id_number.textEdited.connect(lambda _t: setattr(self, "old_id_number", ""))
        self.id_number.editingFinished.connect(lambda: self._finished(self.id_number))
        self.tax_code.editingFinished.connect(lambda: self._finished(self.tax_code))
        self.phone.editingFinished.connect(lambda: self._finished(self.phone))
        self.birth_date.editingFinished.connect(self._tidy_birth_date)
        for edit in (self.full_name, self.representative, self.email, self.address):
            edit.editingFinished.connect(self.check)
        self.gender.currentIndexChanged.connect(lambda _i: self.check())
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(lambda _t: self._forget_scan_problem())
        self._show_kind()

    @staticmethod
    def _edit(hint: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        return edit

    def _row(
        self,
        grid: QGridLayout,
        row: int,
        item: tuple[str, str, QWidget],
        col: int = 0,
        span: int = 1,
    ) -> None:
        key, text, widget = item
        label = QLabel(text)
        label.setBuddy(widget)
        self._labels[key] = label
        grid.addWidget(label, row, col)
        grid.addWidget(widget, row, col + 1, 1, span)

    def fields(self) -> list[QWidget]:
        """The input fields in tab order (the scan/ID field among the first)."""
        fields: list[QWidget] = [
            self.tax_code,
            self.id_number,
            self.birth_date,
            self.representative,
            self.full_name,
            self.gender,
            self.phone,
            self.email,
            self.address,
        ]
        return fields

    def first_field(self) -> QWidget:
        """Where the cursor waits for the next scan."""
        return self.id_number if self.kind() == CITIZEN else self.tax_code

    def kind(self) -> int:
        """CITIZEN or ORGANISATION."""
        return ORGANISATION if self.organisation.isChecked() else CITIZEN

    def _show_kind(self) -> None:
        citizen = self.kind() == CITIZEN
        shown: dict[str, tuple[QWidget, bool]] = {
            "tax": (self.tax_code, not citizen),
            "rep": (self.representative, not citizen),
            "birth": (self.birth_date, citizen),
            "gender": (self.gender, citizen),
        }
        for key, (widget, visible) in shown.items():
            widget.setVisible(visible)
            self._labels[key].setVisible(visible)
        self._labels["id"].setText(texts.INTAKE_ID_NUMBER if citizen else texts.INTAKE_REP_ID)
        self._labels["name"].setText(texts.INTAKE_FULL_NAME if citizen else texts.INTAKE_ORG_NAME)
        self._labels["address"].setText(texts.ADDRESS if citizen else texts.INTAKE_ORG_ADDRESS)
        self.grid.removeWidget(self.full_name)
        self.grid.addWidget(self.full_name, 3, 1, 1, 1 if citizen else 3)
        self.check()

    def birth_problem(self) -> str | None:
        """Why the typed birth date cannot be read, or None."""
        if self.kind() != CITIZEN:
            return None
        try:
            parse_birth_date(self.birth_date.text())
        except ValueError:
            return texts.INTAKE_BAD_BIRTH_DATE.format(text=self.birth_date.text().strip())
        return None

    def applicant(self) -> ApplicantInput:
        """The applicant as typed (an unreadable birth date counts as none: see birth_problem)."""
        citizen = self.kind() == CITIZEN
        try:
            birth = parse_birth_date(self.birth_date.text()) if citizen else None
        except ValueError:
            birth = None
        return ApplicantInput(
            full_name=self.full_name.text(),
            kind=self.kind(),
            id_number=self.id_number.text(),
            old_id_number=self.old_id_number,
            birth_date=birth,
            gender=self.gender.currentText() if citizen else "",
            address=self.address.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            tax_code="" if citizen else self.tax_code.text(),
            representative="" if citizen else self.representative.text(),
        )

    def check(self, force: bool = False) -> list[str]:
        """Show what is wrong inline; unless forced, fields left empty are not yet faults."""
        a = self.applicant()
        if not force:
            a = with_stand_ins(a)
        problems = [p for p in [self.scan_problem, self.birth_problem()] if p]
        problems += applicant_problems(a, self.ctx.clock().date())
        id_bad = bool(a.kind == CITIZEN and a.id_number.strip())
        if id_bad:
            id_bad = bool(id_number_problems(a.id_number.strip(), a.birth_date, a.gender or None))
        mark_invalid(self.id_number, id_bad)
        mark_invalid(self.birth_date, self.birth_problem() is not None)
        mark_invalid(self.full_name, force and not self.full_name.text().strip())
        self.problems.set_problems(problems)
        return problems

    def _tidy_birth_date(self) -> None:
        try:
            day = parse_birth_date(self.birth_date.text())
        except ValueError:
            day = None
        if day is not None:
            self.birth_date.setText(format_date(day))
        self.check()

    def _finished(self, edit: QLineEdit) -> None:
        self.check()
        self.look_up(edit.text())

    def fill_from_card(self, card: CardQR) -> None:
        """Fill from a chip-card QR: the citizen, or an organisation's representative."""
        self.scan_problem = ""
        self.id_number.setText(card.id_number)
        self.old_id_number = card.old_id_number or ""
        if self.kind() == ORGANISATION:
            self.representative.setText(card.full_name)
        else:
            self.full_name.setText(card.full_name)
            self.birth_date.setText(format_date(card.birth_date))
            self.gender.setCurrentText(card.gender)
            self.address.setText(card.address)
        issued = format_date(card.issue_date)
        note = (
            texts.INTAKE_CARD_READ.format(issued=issued)
            if issued
            else texts.INTAKE_CARD_READ_NODATE
        )
        self.setTitle(f"{texts.INTAKE_APPLICANT} — {note}")
        self.check()
        self.look_up(card.id_number)
        self.card_read.emit()

    def look_up(self, query: str) -> None:
        """Offer the stored applicants with this id number, tax code or phone."""
        found = errors.guarded(self, lambda: self.ctx.intake.find_applicants(query)) or []
        self.offer.offer(found, self.applicant())

    def _use_stored(self, stored: ApplicantInput) -> None:
        self.fill_from(fill_empty(self.applicant(), stored))

    def fill_from(self, a: ApplicantInput) -> None:
        """Put an applicant's details into the fields."""
        (self.organisation if a.kind == ORGANISATION else self.citizen).setChecked(True)
        self.full_name.setText(a.full_name)
        self.id_number.setText(a.id_number)
        self.old_id_number = a.old_id_number
        self.birth_date.setText(format_date(a.birth_date))
        self.gender.setCurrentText(a.gender)
        self.address.setText(a.address)
        self.phone.setText(a.phone)
        self.email.setText(a.email)
        self.tax_code.setText(a.tax_code)
        self.representative.setText(a.representative)
        self.check()

    def clear(self) -> None:
        """Empty every field for the next applicant (the kind goes back to citizen)."""
        self.citizen.setChecked(True)
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        self.gender.setCurrentIndex(0)
        self.old_id_number = ""
        self.scan_problem = ""
        self.setTitle(texts.INTAKE_APPLICANT)
        self.offer.clear()
        self.check()
        for edit in (self.id_number, self.birth_date, self.full_name):
            mark_invalid(edit, False)

    def set_scan_problem(self, message: str) -> None:
        """Show why a scanned text could not be read, until the next scan or edit."""
        self.scan_problem = message
        self.check()

    def _forget_scan_problem(self) -> None:
        if self.scan_problem:
            self.scan_problem = ""
            self.check()
