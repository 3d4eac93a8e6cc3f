"""The two banners of the intake page: what stops the decision, and what was decided."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.dossier_status import DossierStatus
from counter_app.services.dossier_queries import DossierDetail, PaperRow
from counter_app.ui import texts

_PROBLEM_STYLE = (
    "QFrame#intakeProblems { background: #fdecea; border: 1px solid #e6a19a; border-radius: 4px; }"
)
_RESULT_STYLE = (
    "QFrame#intakeResult { background: #e7f4ea; border: 1px solid #8cc79a; border-radius: 4px; }"
)


class ProblemPanel(QFrame):
    """Every reason the last decision could not be saved, in one place, until fixed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeProblems")
        self.setStyleSheet(_PROBLEM_STYLE)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; color: #b42318;")
        self.body = QLabel()
        self.body.setProperty("role", "problem")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.setVisible(False)

    def show_problems(self, problems: Sequence[str], title: str = texts.INTAKE_NOT_SAVED) -> None:
        """List the problems (one bullet each); an empty list hides the panel."""
        self.title.setText(title)
        self.body.setText("\n".join(f"• {p}" for p in problems))
        self.setVisible(bool(problems))

    def problems(self) -> list[str]:
        """The problems listed now."""
        if self.isHidden():
            return []
        return [line.removeprefix("• ") for line in self.body.text().split("\n") if line]


def result_lines(detail: DossierDetail) -> tuple[str, str]:
    """A heading and a line of facts for a decided dossier (code, due time, book number)."""
    if detail.status == DossierStatus.DUOC_TIEP_NHAN:
        heading = texts.INTAKE_ACCEPTED.format(code=detail.code)
        facts = [texts.INTAKE_DUE.format(due=f"{detail.row.due_at:{texts.DATETIME_FORMAT}}")]
        if detail.book_number is not None:
            facts.append(texts.INTAKE_BOOK.format(year=detail.book_year, number=detail.book_number))
        if detail.fee_total:
            facts.append(
                texts.INTAKE_FEE_TAKEN.format(amount=f"{detail.fee_total:,}".replace(",", "."))
            )
    elif detail.status == DossierStatus.YEU_CAU_BO_SUNG:
        heading = texts.INTAKE_SUPPLEMENT_DONE
        facts = [
            texts.INTAKE_MISSING_COUNT.format(count=sum(1 for p in detail.papers if _flagged(p)))
        ]
    else:
        heading = texts.INTAKE_REFUSED_DONE
        facts = [texts.INTAKE_REASON_WAS.format(reason=detail.decision_note)]
    facts.append(texts.INTAKE_APPLICANT_WAS.format(name=detail.row.applicant_name))
    return heading, " · ".join(facts)


def _flagged(paper: PaperRow) -> bool:
    """A paper Mẫu 02 asks for: faulty, or needed and not received."""
    return bool(paper.problem) or (paper.required and not paper.present_only and not paper.received)


class ResultPanel(QFrame):
    """The dossier just decided, with its form to print again and the way to the next one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeResult")
        self.setStyleSheet(_RESULT_STYLE)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt; color: #14532d;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_form = QPushButton(texts.INTAKE_PRINT_FORM)
        self.print_form.setToolTip(texts.INTAKE_PRINT_FORM_TIP)
        self.print_fee = QPushButton(texts.INTAKE_PRINT_FEE)
        self.next_dossier = QPushButton(texts.INTAKE_NEXT)
        self.next_dossier.setToolTip(texts.INTAKE_NEXT_TIP)
        self.next_dossier.setProperty("primary", True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.heading)
        text.addWidget(self.facts)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(text, 1)
        layout.addWidget(self.print_form)
        layout.addWidget(self.print_fee)
        layout.addWidget(self.next_dossier)
        self.setVisible(False)

    def show_result(self, detail: DossierDetail) -> None:
        """Show what was saved."""
        heading, facts = result_lines(detail)
        self.heading.setText(heading)
        self.facts.setText(facts)
        self.print_fee.setVisible(bool(detail.fees))
        self.setVisible(True)
