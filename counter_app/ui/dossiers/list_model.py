"""The dossier list's table model: rows are fetched a page at a time as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from counter_app.services.dossier_queries import DossierFilter, DossierQueries, DossierRow
from counter_app.services.errors import NotFound
from counter_app.services.sync_status import FAILED as SYNC_FAILED
from counter_app.services.sync_status import DossierSync
from counter_app.ui import texts
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.errors import attempt

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 100
#: Item data role giving "overdue", "due_soon" or "" for the row.
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 1
#: Item data role giving the row's DossierRow.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: Sequence[tuple[str, Callable[[DossierRow], str]]] = (
    (texts.DOSSIER_COLUMNS[0], fmt.code_text),
    (texts.DOSSIER_COLUMNS[1], lambda r: r.applicant_name),
    (texts.DOSSIER_COLUMNS[2], lambda r: r.procedure_name),
    (texts.DOSSIER_COLUMNS[3], lambda r: fmt.when(r.received_at)),
    (texts.DOSSIER_COLUMNS[4], lambda r: fmt.when(r.due_at)),
    (texts.DOSSIER_COLUMNS[5], lambda r: r.status.label),
)
DUE_COLUMN = 4
#: Looks up the provincial sync state of the dossiers shown (only when sync is set up).
SyncLookup = Callable[[list[int]], dict[int, DossierSync]]


class RowSource(Protocol):
    """Where the listed rows come from."""

    def count(self) -> int:
        """How many rows there are in all."""

    def fetch(self, limit: int, offset: int) -> list[DossierRow]:
        """A slice of the rows, in list order."""


class FilterSource:
    """Dossiers matching a filter, newest first."""

    def __init__(self, queries: DossierQueries, flt: DossierFilter) -> None:
        self.queries, self.filter = queries, flt

    def count(self) -> int:
        """How many dossiers match."""
        return self.queries.count(self.filter)

    def fetch(self, limit: int, offset: int) -> list[DossierRow]:
        """A page of matching dossiers."""
        return self.queries.search(self.filter, limit=limit, offset=offset)


class IdsSource:
    """A fixed list of dossiers (those needing an apology letter), in the order given."""

    def __init__(self, queries: DossierQueries, ids: Sequence[int]) -> None:
        self.queries, self.ids = queries, list(ids)

    def count(self) -> int:
        """How many ids."""
        return len(self.ids)

    def fetch(self, limit: int, offset: int) -> list[DossierRow]:
        """The rows of a slice of the ids (a dossier deleted meanwhile is skipped)."""
        rows = []
        for dossier_id in self.ids[offset : offset + limit]:
            try:
                rows.append(self.queries.get(dossier_id).row)
            except NotFound:
                continue
        return rows


class DossierListModel(QAbstractTableModel):
    """Dossier rows fetched on demand (Qt's canFetchMore/fetchMore) with urgency tints."""

    def __init__(
        self, on_error: Callable[[str], None], parent: Any = None, sync: SyncLookup | None = None
    ) -> None:
        super().__init__(parent)
        self.on_error = on_error
        self.sync = sync
        self.source: RowSource | None = None
        self.total = 0
        self._rows: list[DossierRow] = []
        self._sync: dict[int, DossierSync] = {}

    def set_source(self, source: RowSource) -> bool:
        """Show the first page of a new source; False (after reporting) when it failed."""
        total, message = attempt(source.count)
        first, message = (None, message) if message else attempt(lambda: source.fetch(PAGE_SIZE, 0))
        self.beginResetModel()
        self.source = source
        self._rows = list(first or [])
        self._sync = {}
        self._look_up_sync(self._rows)
        self.total = len(self._rows) if message else max(int(total or 0), len(self._rows))
        self.endResetModel()
        if message:
            self.on_error(message)
        return message is None

    def reload(self) -> bool:
        """Fetch the current source again from the start."""
        return self.set_source(self.source) if self.source else True

    def row(self, index: int) -> DossierRow:
        """The dossier shown on a row."""
        return self._rows[index]

    def rows(self) -> list[DossierRow]:
        """The rows fetched so far."""
        return list(self._rows)

    def row_of(self, dossier_id: int) -> int:
        """The row showing a dossier, or -1 when it is not fetched."""
        return next((i for i, r in enumerate(self._rows) if r.id == dossier_id), -1)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Whether rows remain to be fetched (Qt API)."""
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Fetch the next page (Qt API)."""
        if parent.isValid() or self.source is None:
            return
        source, offset = self.source, len(self._rows)
        batch, message = attempt(lambda: source.fetch(PAGE_SIZE, offset))
        if message or not batch:
            self.total = len(self._rows)  # stop asking
            if message:
                self.on_error(message)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(batch) - 1)
        self._look_up_sync(batch)
        self._rows.extend(batch)
        self.endInsertRows()

    def _look_up_sync(self, rows: list[DossierRow]) -> None:
        if self.sync is not None and rows:
            lookup = self.sync
            found, _message = attempt(lambda: lookup([r.id for r in rows]))
            self._sync.update(found or {})

    def sync_state(self, row: DossierRow) -> DossierSync:
        """The dossier's provincial sync state as last looked up."""
        return self._sync.get(row.id, DossierSync(texts.SYNC_NOT_RECEIVED))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows fetched so far (Qt API)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (Qt API)."""
        return 0 if parent.isValid() else len(COLUMNS) + (self.sync is not None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tint and tooltip of a cell (Qt API)."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() == len(COLUMNS):  # the sync column
            state = self.sync_state(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return state.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return state.reason or state.label
            if role == Qt.ItemDataRole.ForegroundRole:
                return fmt.INKS.get("overdue") if state.label == SYNC_FAILED else None
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](row)
        if role == URGENCY_ROLE:
            return fmt.urgency(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            return fmt.TINTS.get(fmt.urgency(row))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == DUE_COLUMN:
            return fmt.INKS.get(fmt.urgency(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = fmt.urgency_tip(row)
            text = COLUMNS[index.column()][1](row)
            return f"{text}\n{tip}" if tip else text
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers (Qt API)."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0] if section < len(COLUMNS) else texts.SYNC_COLUMN
        return None
