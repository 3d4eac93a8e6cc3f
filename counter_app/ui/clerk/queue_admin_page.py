"""Xếp hàng, kiosk: service areas (admins), the display board's notice, the kiosk's exit PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInfo
from counter_app.ui import errors, texts
from counter_app.ui.calling.admin_boxes import NoticeBox, PinBox
from counter_app.ui.calling.area_dialog import AreaDialog
from counter_app.ui.clerk.base import Page
from counter_app.ui.table_model import Column, RowTableModel

#: Who may open the page: admins change everything, supervisors the notice only.
QUEUE_ADMIN_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR})

AREA_COLUMNS: list[Column[AreaInfo]] = [
    Column(texts.QADMIN_AREA_COLUMNS[0], lambda a: a.name),
    Column(texts.QADMIN_AREA_COLUMNS[1], lambda a: a.prefix),
    Column(
        texts.QADMIN_AREA_COLUMNS[2],
        lambda a: ", ".join(map(str, a.counters)) or texts.QADMIN_ALL_COUNTERS_OFF,
    ),
    Column(texts.QADMIN_AREA_COLUMNS[3], lambda a: str(a.position + 1), align_right=True),
    Column(texts.QADMIN_AREA_COLUMNS[4], lambda a: texts.YES if a.active else texts.NO),
]


class QueueAdminPage(Page):
    """Areas table with add/edit, default areas when none, notice and kiosk PIN."""

    title = texts.PAGE_QUEUE_ADMIN

    def __init__(self, ctx: AppContext, principal: Principal, parent: QWidget | None = None):
        super().__init__(ctx, principal, parent)
        self.editable = principal.role == Role.ADMIN
        self.model: RowTableModel[AreaInfo] = RowTableModel(AREA_COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_area())
        self.add_button = QPushButton(texts.QADMIN_AREA_ADD)
        self.edit_button = QPushButton(texts.QADMIN_AREA_EDIT)
        self.edit_button.setToolTip(texts.QADMIN_AREA_EDIT_TIP)
        self.defaults_button = QPushButton(texts.QADMIN_DEFAULTS)
        self.defaults_button.setToolTip(texts.QADMIN_DEFAULTS_TIP)
        self.defaults_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_area)
        self.edit_button.clicked.connect(self.edit_area)
        self.defaults_button.clicked.connect(self.create_defaults)
        self.empty_note = QLabel(texts.QADMIN_NO_AREAS)
        self.empty_note.setProperty("role", "banner")
        self.error = QLabel()
        self.error.setProperty("role", "problem")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.defaults_button):
            button.setVisible(self.editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        areas_box = QGroupBox(texts.QADMIN_AREAS)
        areas_layout = QVBoxLayout(areas_box)
        if not self.editable:
            note = QLabel(texts.QADMIN_AREAS_READ_ONLY)
            note.setProperty("role", "subtle")
            areas_layout.addWidget(note)
        areas_layout.addWidget(self.empty_note)
        areas_layout.addLayout(buttons)
        areas_layout.addWidget(self.table, 1)
        areas_layout.addWidget(self.error)
        self.notice = NoticeBox(ctx, principal)
        self.pin: PinBox | None = PinBox(ctx, principal) if self.editable else None
        lower = QHBoxLayout()
        lower.addWidget(self.notice, 3)
        if self.pin is not None:
            lower.addWidget(self.pin, 2)
        self.layout_.addWidget(areas_box, 1)
        self.layout_.addLayout(lower)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def refresh(self) -> None:
        """Reload areas, notice and PIN state."""
        chosen = self.selected()
        areas, message = errors.attempt(lambda: self.ctx.queue.areas(active_only=False))
        self.model.set_rows(areas or [])
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        if chosen is not None:
            self.select(chosen.prefix)
        self._update_buttons()
        self.notice.load()
        if self.pin is not None:
            self.pin.load()

    def _update_buttons(self, *_: object) -> None:
        empty = self.model.rowCount() == 0
        self.empty_note.setVisible(empty and not self.error.isVisible())
        self.defaults_button.setVisible(self.editable and empty)
        self.edit_button.setEnabled(self.selected() is not None)

    def selected(self) -> AreaInfo | None:
        """The area on the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select(self, prefix: str) -> None:
        """Select the row of the area with this prefix."""
        for i, area in enumerate(self.model.rows()):
            if area.prefix == prefix:
                self.table.selectRow(i)

    def _counters(self) -> list[int]:
        office, _ = errors.attempt(self.ctx.office.require)
        return [c.number for c in office.counters if c.active] if office else []

    def area_dialog(self, area: AreaInfo | None = None) -> AreaDialog:
        """The add (area None) or edit dialog, not yet shown."""
        position = max((a.position for a in self.model.rows()), default=-1) + 1
        return AreaDialog(self.ctx, self.principal, self._counters(), area, position, self)

    def _run_dialog(self, dialog: AreaDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.refresh()
            self.select(dialog.saved.prefix)

    def add_area(self) -> None:
        """Open the dialog for a new area."""
        if self.editable:
            self._run_dialog(self.area_dialog())

    def edit_area(self) -> None:
        """Open the dialog for the selected area."""
        area = self.selected()
        if self.editable and area is not None:
            self._run_dialog(self.area_dialog(area))

    def create_defaults(self) -> None:
        """Create the usual commune areas, served by every counter."""
        errors.guarded(self, lambda: self.ctx.queue.ensure_default_areas(self.principal))
        self.refresh()
