"""The dossier's history (every hand-off, as on Mẫu 06) as a table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from counter_app.domain.dossier_actions import action_label
from counter_app.services.dossier_queries import EventRow
from counter_app.ui import texts
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.table_model import Column, RowTableModel


def action_text(event: EventRow) -> str:
    """The step in Vietnamese, named as on the printed control sheet (Mẫu 06)."""
    return action_label(event.action)


def move_text(event: EventRow) -> str:
    """From → to status, or only the status when it did not change."""
    if event.from_status is None or event.from_status == event.to_status:
        return event.to_status.label
    return texts.HISTORY_MOVE.format(source=event.from_status.label, target=event.to_status.label)


def actor_text(event: EventRow) -> str:
    """Who recorded the step."""
    return event.actor_name or texts.NONE


def actor_tip(event: EventRow) -> str:
    """Who recorded the step, with their role and station."""
    return " · ".join(p for p in (event.actor_name, event.actor_title, event.station) if p)


def _or_dash(text: str) -> str:
    return text or texts.NONE


HISTORY_COLUMNS: list[Column[EventRow]] = [
    Column(texts.HISTORY_COLUMNS[0], lambda e: fmt.when(e.at)),
    Column(texts.HISTORY_COLUMNS[1], action_text),
    Column(texts.HISTORY_COLUMNS[2], move_text),
    Column(texts.HISTORY_COLUMNS[3], lambda e: _or_dash(e.giver)),
    Column(texts.HISTORY_COLUMNS[4], lambda e: _or_dash(e.receiver)),
    Column(texts.HISTORY_COLUMNS[5], lambda e: _or_dash(e.unit)),
    Column(texts.HISTORY_COLUMNS[6], lambda e: _or_dash(e.note)),
    Column(texts.HISTORY_COLUMNS[7], actor_text, tooltip=actor_tip),
    Column(texts.HISTORY_COLUMNS[8], lambda e: fmt.when(e.due_at)),
]
NOTE_COLUMN = 6
#: Column widths (pixels); long texts wrap, the note takes what is left.
WIDTHS = (92, 135, 170, 112, 112, 112, 0, 135, 92)


class HistoryView(QTableView):
    """History lines, oldest first, notes wrapped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_: RowTableModel[EventRow] = RowTableModel(HISTORY_COLUMNS, self)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(60)
        for column, width in enumerate(WIDTHS):
            if column == NOTE_COLUMN:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())

    def set_events(self, events: tuple[EventRow, ...] | list[EventRow]) -> None:
        """Show these history lines."""
        self.model_.set_rows(list(events))
        self.resizeRowsToContents()
        if events:
            self.scrollToBottom()
