"""The top of the dossier detail: who, what, when, where the result goes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from counter_app.domain.dossier_status import DossierStatus
from counter_app.services.dossier_queries import DossierDetail
from counter_app.ui import texts
from counter_app.ui.dossiers import formatting as fmt

#: Status colours: running (blue), waiting for the citizen (amber), done (green), ended (grey).
STATUS_COLOURS = {2: "#1d5fa8", 4: "#1d5fa8", 5: "#8a5a00", 6: "#8a5a00", 9: "#1e7b34"}
ENDED_COLOUR = "#52606d"


def _value() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def applicant_text(detail: DossierDetail) -> str:
    """Name and identity number."""
    number = detail.row.applicant_id_number
    return detail.row.applicant_name + (f" · {number}" if number else "")


def contact_text(detail: DossierDetail) -> str:
    """Phone, email and address, those that are known."""
    parts = (detail.row.applicant_phone, detail.applicant_email, detail.applicant_address)
    return " · ".join(p for p in parts if p) or texts.NONE


#: Statuses the decision note explains (refusal, supplement asked, stop); once the dossier moves
#: on, the note stays in the history only.
NOTE_STATUSES = (
    DossierStatus.KHONG_DUOC_TIEP_NHAN,
    DossierStatus.YEU_CAU_BO_SUNG,
    DossierStatus.DUNG_XU_LY,
)


def note_text(detail: DossierDetail) -> str:
    """The reason behind the current status, and how the result went back."""
    explains = detail.decision_note and detail.status in NOTE_STATUSES
    parts = [detail.decision_note] if explains else []
    if detail.returned_at:
        parts.append(texts.DETAIL_RETURNED.format(at=fmt.when(detail.returned_at)))
    if detail.return_tracking:
        parts.append(texts.RETURN_TRACKING.rstrip(" *") + ": " + detail.return_tracking)
    return " · ".join(parts) or texts.NONE


class DetailHeader(QGroupBox):
    """Two columns of labelled facts about the dossier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLabel] = {}
        columns = QHBoxLayout(self)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            columns.addLayout(form, 1)
        for form, names in (
            (
                left,
                (
                    texts.DETAIL_CODE,
                    texts.DETAIL_STATUS,
                    texts.DETAIL_APPLICANT,
                    texts.DETAIL_CONTACT,
                    texts.DETAIL_SUBMITTER,
                    texts.DETAIL_PROCEDURE,
                ),
            ),
            (
                right,
                (
                    texts.DETAIL_RECEIVED,
                    texts.DETAIL_DUE,
                    texts.DETAIL_DELIVERY,
                    texts.DETAIL_BOOK,
                    texts.DETAIL_UNIT,
                    texts.DETAIL_NOTE,
                ),
            ),
        ):
            for name in names:
                label = QLabel(name)
                label.setProperty("role", "fieldname")
                self.fields[name] = _value()
                form.addRow(label, self.fields[name])
        self.fields[texts.DETAIL_CODE].setStyleSheet("font-weight: bold; font-size: 12pt;")

    def set_detail(self, detail: DossierDetail) -> None:
        """Show a dossier's facts."""
        row = detail.row
        values = {
            texts.DETAIL_CODE: fmt.code_text(row),
            texts.DETAIL_STATUS: row.status.label,
            texts.DETAIL_APPLICANT: applicant_text(detail),
            texts.DETAIL_CONTACT: contact_text(detail),
            texts.DETAIL_SUBMITTER: detail.submitter_name or texts.NONE,
            texts.DETAIL_PROCEDURE: f"{row.procedure_code} — {row.procedure_name}",
            texts.DETAIL_RECEIVED: texts.DETAIL_RECEIVED_BY.format(
                at=fmt.when(row.received_at), clerk=detail.received_by_name or texts.NONE
            ),
            texts.DETAIL_DUE: fmt.due_text(detail),
            texts.DETAIL_DELIVERY: fmt.delivery_text(detail),
            texts.DETAIL_BOOK: fmt.book_text(detail),
            texts.DETAIL_UNIT: detail.handling_unit or texts.NONE,
            texts.DETAIL_NOTE: note_text(detail),
        }
        for name, value in values.items():
            self.fields[name].setText(value)
        colour = STATUS_COLOURS.get(int(row.status), ENDED_COLOUR)
        self.fields[texts.DETAIL_STATUS].setStyleSheet(f"font-weight: bold; color: {colour};")
        urgency = fmt.urgency(row)
        ink = fmt.INKS[urgency].name() if urgency else ""
        due_style = f"font-weight: bold; color: {ink};" if ink else ""
        self.fields[texts.DETAIL_DUE].setStyleSheet(due_style)

    def value(self, name: str) -> str:
        """The text shown for a field (tests and screenshots)."""
        return self.fields[name].text()
