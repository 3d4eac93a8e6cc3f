"""The papers part of intake: the procedure's checklist, a tick per paper and what is wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import PaperSpec
from counter_app.domain.intake import PaperCheck
from counter_app.domain.text import normalize
from counter_app.ui import texts

NAME, ORIGINALS, COPIES, COUNT, KIND, PROBLEM = range(6)
_NARROW = {ORIGINALS: 54, COPIES: 44, COUNT: 38, KIND: 86}
_PROBLEM_WIDTH = 150
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def paper_kind(paper: PaperSpec) -> str:
    """Bắt buộc, nếu có, or xuất trình (only shown, not handed in)."""
    if paper.present_only:
        return texts.INTAKE_PAPER_PRESENT if paper.required else texts.INTAKE_PAPER_PRESENT_OPT
    return texts.INTAKE_PAPER_REQUIRED if paper.required else texts.INTAKE_PAPER_OPTIONAL


def counts_against(paper: PaperSpec) -> bool:
    """Whether lacking this paper keeps the dossier from being received."""
    return paper.required and not paper.present_only


class PapersBox(QGroupBox):
    """Checklist of the chosen procedure's papers (positions are 1-based, in catalogue order)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(texts.INTAKE_PAPERS, parent)
        self.papers: tuple[PaperSpec, ...] = ()
        self.table = QTableWidget(0, len(texts.INTAKE_PAPER_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(texts.INTAKE_PAPER_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in _NARROW.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        header.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PROBLEM, _PROBLEM_WIDTH)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setToolTip(texts.INTAKE_PAPERS_TIP)
        self.tally = QLabel(texts.INTAKE_PICK_PROCEDURE_FIRST)
        self.tally.setProperty("role", "subtle")
        self.tally.setWordWrap(True)
        self.sets = QSpinBox()
        self.sets.setRange(1, 99)
        self.sets.setToolTip(texts.INTAKE_SETS_TIP)
        sets_label = QLabel(texts.INTAKE_SETS)
        sets_label.setBuddy(self.sets)
        self.tick_required = QPushButton(texts.INTAKE_TICK_REQUIRED)
        self.tick_required.setToolTip(texts.INTAKE_TICK_REQUIRED_TIP)
        self.tick_required.clicked.connect(self.tick_all_required)
        bar = QHBoxLayout()
        bar.addWidget(self.tally, 1)
        bar.addWidget(sets_label)
        bar.addWidget(self.sets)
        bar.addWidget(self.tick_required)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.table.itemChanged.connect(self._item_changed)
        self._update_tally()

    def set_papers(self, papers: tuple[PaperSpec, ...]) -> None:
        """Show a new checklist, nothing ticked."""
        self.papers = tuple(papers)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.papers))
        for row, paper in enumerate(self.papers):
            name = QTableWidgetItem(f"{row + 1}. {paper.name}")
            name.setFlags(_READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)
            name.setToolTip(paper.name)
            self.table.setItem(row, NAME, name)
            values = {
                ORIGINALS: str(paper.originals),
                COPIES: str(paper.copies),
                COUNT: str(paper.originals + paper.copies),
                KIND: paper_kind(paper),
            }
            for column, value in values.items():
                item = QTableWidgetItem(value)
                item.setFlags(_READ_ONLY)
                if column != KIND:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            problem = QTableWidgetItem("")
            problem.setFlags(_READ_ONLY | Qt.ItemFlag.ItemIsEditable)
            problem.setToolTip(texts.INTAKE_PROBLEM_TIP)
            self.table.setItem(row, PROBLEM, problem)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        if self.papers:
            self.table.setCurrentCell(0, NAME)
        self._update_tally()
        self.changed.emit()

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None, (row, column)
        return item

    def is_ticked(self, row: int) -> bool:
        """Whether the paper on this row (0-based) is ticked as received."""
        return self._item(row, NAME).checkState() == Qt.CheckState.Checked

    def set_ticked(self, row: int, ticked: bool) -> None:
        """Tick or untick the paper on this row (0-based)."""
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self._item(row, NAME).setCheckState(state)

    def problem(self, row: int) -> str:
        """What the clerk wrote is wrong with the paper on this row."""
        return normalize(self._item(row, PROBLEM).text())

    def set_problem(self, row: int, text: str) -> None:
        """Write what is wrong with the paper on this row."""
        self._item(row, PROBLEM).setText(text)

    def tick_all_required(self) -> None:
        """Tick every paper that is always needed (the usual complete dossier)."""
        for row, paper in enumerate(self.papers):
            if paper.required:
                self.set_ticked(row, True)

    def checks(self) -> tuple[PaperCheck, ...]:
        """The checklist as submitted: one PaperCheck per paper."""
        return tuple(
            PaperCheck(row + 1, self.is_ticked(row), self.problem(row))
            for row in range(len(self.papers))
        )

    def missing(self) -> list[str]:
        """Names of the needed papers not ticked or marked faulty (what Mẫu 02 lists)."""
        return [
            paper.name
            for row, paper in enumerate(self.papers)
            if (counts_against(paper) and not self.is_ticked(row)) or self.problem(row)
        ]

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in (NAME, PROBLEM):
            if item.column() == PROBLEM:
                self.table.resizeRowToContents(item.row())
            self._update_tally()
            self.changed.emit()

    def _update_tally(self) -> None:
        missing = len(self.missing())
        if self.papers:
            needed = [row for row, p in enumerate(self.papers) if counts_against(p)]
            have = sum(1 for row in needed if self.is_ticked(row) and not self.problem(row))
            text = texts.INTAKE_TALLY.format(have=have, needed=len(needed))
            if missing:
                text += texts.INTAKE_TALLY_MISSING.format(missing=missing)
        else:
            text = texts.INTAKE_PICK_PROCEDURE_FIRST
        self.tally.setText(text)
        self.tally.setProperty("role", "problem" if missing else "subtle")
        self.tally.style().unpolish(self.tally)
        self.tally.style().polish(self.tally)

    def clear(self) -> None:
        """No procedure, no checklist, one set."""
        self.sets.setValue(1)
        self.set_papers(())
