"""Digitised files chosen at intake (file picker or drag-and-drop), each optionally for a paper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.catalog import PaperSpec
from counter_app.domain.intake import AttachmentFile
from counter_app.services.attachment_store import AttachmentStore, FileFacts, format_size
from counter_app.services.errors import ServiceError
from counter_app.ui import errors, texts
from counter_app.ui.widgets.problem_label import ProblemLabel
from counter_app.ui.workers import Pool, TaskSignals, run_task

LIST_ROWS = 2
_NAME_CHARS = 60


@dataclass(frozen=True)
class ChosenFile:
    """A file that passed the checks, and the paper (1-based) it belongs to."""

    path: Path
    facts: FileFacts
    paper_position: int | None = None


def checker(ctx: AppContext) -> AttachmentStore:
    """The store whose checks (kind by content, size, whole, pages) files must pass."""
    service = getattr(ctx, "attachments", None)
    store = getattr(service, "store", None)
    if isinstance(store, AttachmentStore):
        return store
    return AttachmentStore(ctx.dirs.data_dir / "attachments")


def check_files(store: AttachmentStore, paths: Sequence[Path]) -> list[tuple[Path, object]]:
    """Each path with its FileFacts, or the message saying why it cannot be attached."""
    results: list[tuple[Path, object]] = []
    for path in paths:
        try:
            results.append((path, store.inspect(path)))
        except ServiceError as exc:
            results.append((path, str(exc)))
        except OSError:
            results.append((path, texts.INTAKE_FILE_UNREADABLE.format(name=path.name)))
    return results


class AttachmentsBox(QGroupBox):
    """List of chosen files with name and size; add, remove, link to a paper."""

    changed = Signal()

    def __init__(self, ctx: AppContext, pool: Pool | None = None, parent: QWidget | None = None):
        super().__init__(texts.INTAKE_ATTACHMENTS, parent)
        self.ctx, self.pool = ctx, pool
        self.chosen: list[ChosenFile] = []
        self._papers: tuple[PaperSpec, ...] = ()
        self._signals: TaskSignals | None = None  # kept alive until the check reports
        self.list = QListWidget()
        row_height = self.list.fontMetrics().height() + 8
        self.list.setFixedHeight(row_height * LIST_ROWS + 4)
        self.list.setToolTip(texts.INTAKE_DROP_HINT)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.add_button = QPushButton(texts.INTAKE_ADD_FILES)
        self.add_button.setToolTip(texts.INTAKE_ADD_FILES_TIP)
        self.remove_button = QPushButton(texts.INTAKE_REMOVE_FILE)
        self.remove_button.setToolTip(texts.INTAKE_REMOVE_FILE_TIP)
        self.paper = QComboBox()
        self.paper.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.paper.setMinimumContentsLength(8)
        self.paper.setToolTip(texts.INTAKE_FILE_PAPER_TIP)
        self.problems = ProblemLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addWidget(QLabel(texts.INTAKE_FILE_PAPER))
        bar.addWidget(self.paper, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(bar)
        layout.addWidget(self.problems)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_selected)
        self.list.currentRowChanged.connect(self._show_link)
        self.paper.activated.connect(self._link)
        self.set_papers(())

    def ask_files(self) -> list[Path]:
        """Ask for files to attach (tests replace this)."""
        names, _ = QFileDialog.getOpenFileNames(
            self, texts.INTAKE_ADD_FILES_TITLE, "", texts.INTAKE_FILE_FILTER
        )
        return [Path(n) for n in names]

    def choose_files(self) -> None:
        """Pick files with the file dialog and add them."""
        paths = self.ask_files()
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: Sequence[Path], paper_position: int | None = None) -> None:
        """Check the files (off the GUI thread) and list those that may be attached."""
        store = checker(self.ctx)
        wanted = [Path(p) for p in paths]
        self._signals = run_task(
            self.pool,
            lambda: check_files(store, wanted),
            lambda results: self._checked(results, paper_position),
            lambda exc: self.problems.set_problems([errors.error_message(exc)]),
        )

    def _checked(self, results: list[tuple[Path, object]], paper_position: int | None) -> None:
        problems: list[str] = []
        for path, outcome in results:
            if not isinstance(outcome, FileFacts):
                problems.append(str(outcome))
                continue
            if any(c.facts.sha256 == outcome.sha256 for c in self.chosen):
                problems.append(texts.INTAKE_FILE_TWICE.format(name=outcome.filename))
                continue
            self.chosen.append(ChosenFile(path, outcome, paper_position))
        self.problems.set_problems(problems)
        self._show_rows()
        if self.chosen:
            self.list.setCurrentRow(len(self.chosen) - 1)
        self.changed.emit()

    def remove_selected(self) -> None:
        """Take the selected file off the list (the file itself is untouched)."""
        row = self.list.currentRow()
        if 0 <= row < len(self.chosen):
            del self.chosen[row]
            self._show_rows()
            self.list.setCurrentRow(min(row, len(self.chosen) - 1))
            self.changed.emit()

    def set_papers(self, papers: tuple[PaperSpec, ...]) -> None:
        """The checklist files can be linked to; links beyond it are dropped."""
        self._papers = tuple(papers)
        self.chosen = [
            c if c.paper_position is None or c.paper_position <= len(papers) else _unlinked(c)
            for c in self.chosen
        ]
        self.paper.clear()
        self.paper.addItem(texts.INTAKE_FILE_NO_PAPER, None)
        for i, paper in enumerate(self._papers, start=1):
            name = paper.name if len(paper.name) <= _NAME_CHARS else paper.name[:_NAME_CHARS] + "…"
            self.paper.addItem(f"{i}. {name}", i)
        self._show_rows()

    def link(self, row: int, paper_position: int | None) -> None:
        """Say which paper (1-based) the file on this row digitises."""
        chosen = self.chosen[row]
        self.chosen[row] = ChosenFile(chosen.path, chosen.facts, paper_position)
        self._show_rows()
        self.list.setCurrentRow(row)

    def _link(self, index: int) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.chosen):
            self.link(row, self.paper.itemData(index))

    def _show_link(self, row: int) -> None:
        has = 0 <= row < len(self.chosen)
        self.paper.setEnabled(has)
        self.remove_button.setEnabled(has)
        if has:
            self.paper.setCurrentIndex(max(0, self.paper.findData(self.chosen[row].paper_position)))

    def _show_rows(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        if not self.chosen:
            hint = QListWidgetItem(texts.INTAKE_DROP_HINT)
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(hint)
        for c in self.chosen:
            text = texts.INTAKE_FILE_ROW.format(
                name=c.facts.filename, size=format_size(c.facts.size_bytes), pages=c.facts.pages
            )
            if c.paper_position is not None:
                text += texts.INTAKE_FILE_FOR_PAPER.format(position=c.paper_position)
            self.list.addItem(text)
        self.list.setCurrentRow(min(row, len(self.chosen) - 1) if self.chosen else -1)
        self._show_link(self.list.currentRow())
        self.setTitle(texts.INTAKE_ATTACHMENTS_COUNT.format(count=len(self.chosen)))

    def files(self) -> tuple[AttachmentFile, ...]:
        """The files as the intake service takes them."""
        return tuple(AttachmentFile(c.path, c.paper_position) for c in self.chosen)

    def clear(self) -> None:
        """No files (for the next dossier)."""
        self.chosen = []
        self.problems.set_problems([])
        self._show_rows()


def _unlinked(chosen: ChosenFile) -> ChosenFile:
    return ChosenFile(chosen.path, chosen.facts, None)
