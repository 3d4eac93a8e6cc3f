"""One dossier in full: header, papers, history, files, fees, forms, and the lifecycle actions."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.dossier_queries import AttachmentRow, DossierDetail, FeeRow, PaperRow
from counter_app.services.forms import FormKind
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.dossiers import printing
from counter_app.ui.dossiers.action_dialogs import ActionDialog
from counter_app.ui.dossiers.actions import ACTIONS, action, disabled_reason
from counter_app.ui.dossiers.detail_header import DetailHeader
from counter_app.ui.dossiers.detail_tables import (
    FEE_COLUMNS,
    FILE_COLUMNS,
    PAPER_COLUMNS,
)
from counter_app.ui.dossiers.history_view import HistoryView
from counter_app.ui.table_model import RowTableModel, make_table
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog

HISTORY_TAB = 1
ACTIONS_PER_ROW = 4
#: Initial size, within a 1366x768 screen with its task bar.
DIALOG_SIZE = QSize(1240, 700)


def _tab(*widgets: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(6, 6, 6, 6)
    for widget in widgets:
        layout.addWidget(widget, 1 if not isinstance(widget, QPushButton | QLabel) else 0)
    return page


class DossierDetailDialog(QDialog):
    """The dossier's detail; `changed` carries its id after each action."""

    changed = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        detail: DossierDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.principal, self.detail = ctx, principal, detail
        self.action_dialog: ActionDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.needs_apology = False
        self.header = DetailHeader()
        self.notice = QLabel()
        self.notice.setProperty("role", "banner")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.tabs = QTabWidget()
        self.papers_model: RowTableModel[PaperRow] = RowTableModel(PAPER_COLUMNS, self)
        self.history = HistoryView()
        self.files_model: RowTableModel[AttachmentRow] = RowTableModel(FILE_COLUMNS, self)
        self.files = make_table(self.files_model, 0)
        self.open_file_button = QPushButton(texts.DOSSIER_FILE_OPEN)
        self.fees_model: RowTableModel[FeeRow] = RowTableModel(FEE_COLUMNS, self)
        self.forms = QListWidget()
        self.print_button = QPushButton(texts.DOSSIER_FORMS_PRINT)
        self.forms_note = QLabel(texts.DOSSIER_FORMS_HINT)
        self.forms_note.setProperty("role", "subtle")
        self.tabs.addTab(_tab(make_table(self.papers_model, 0)), texts.DETAIL_TAB_PAPERS)
        self.tabs.addTab(_tab(self.history), "")
        self.tabs.addTab(_tab(self.files, self.open_file_button), "")
        self.tabs.addTab(_tab(make_table(self.fees_model, 1)), "")
        self.tabs.addTab(_tab(self.forms_note, self.forms, self.print_button), "")
        self.action_buttons: dict[str, QPushButton] = {}
        actions_box = QGroupBox(texts.DETAIL_ACTIONS)
        actions_grid = QGridLayout(actions_box)
        for i, spec in enumerate(ACTIONS):
            button = QPushButton(spec.label)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, key=spec.key: self.start_action(key))
            self.action_buttons[spec.key] = button
            actions_grid.addWidget(button, i // ACTIONS_PER_ROW, i % ACTIONS_PER_ROW)
        self.close_button = QPushButton(texts.CLOSE)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(actions_box, 1)
        bottom.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.open_file_button.clicked.connect(self.open_attachment)
        self.files.doubleClicked.connect(lambda _: self.open_attachment())
        self.print_button.clicked.connect(self.print_form)
        self.forms.itemDoubleClicked.connect(lambda _: self.print_form())
        self.set_detail(detail)
        self.tabs.setCurrentIndex(HISTORY_TAB)
        self._fit_screen()

    def _fit_screen(self) -> None:
        screen = (self.parentWidget() or self).screen().availableGeometry()
        width = min(DIALOG_SIZE.width(), screen.width() - 20)
        self.resize(width, min(DIALOG_SIZE.height(), screen.height() - 40))

    def set_detail(self, detail: DossierDetail) -> None:
        """Show a dossier (after opening or after an action)."""
        self.detail = detail
        self.setWindowTitle(texts.DETAIL_TITLE.format(code=fmt.code_text(detail.row)))
        self.header.set_detail(detail)
        self.papers_model.set_rows(list(detail.papers))
        self.history.set_events(detail.events)
        self.files_model.set_rows(list(detail.attachments))
        self.fees_model.set_rows(list(detail.fees))
        self.tabs.setTabText(1, texts.DETAIL_TAB_HISTORY.format(count=len(detail.events)))
        self.tabs.setTabText(2, texts.DETAIL_TAB_FILES.format(count=len(detail.attachments)))
        self.tabs.setTabText(3, texts.DETAIL_TAB_FEES.format(count=len(detail.fees)))
        self.tabs.setTabText(4, texts.DETAIL_TAB_FORMS)
        self.open_file_button.setEnabled(bool(detail.attachments))
        self._fill_forms()
        self._update_actions()

    def reload(self) -> None:
        """Fetch the dossier again."""
        detail = errors.guarded(self, lambda: self.ctx.dossiers.get(self.detail.id))
        if detail is not None:
            self.set_detail(detail)

    def _update_actions(self) -> None:
        ids, _ = errors.attempt(self.ctx.lifecycle.needing_apology)
        self.needs_apology = self.detail.id in (ids or [])
        for spec in ACTIONS:
            button = self.action_buttons[spec.key]
            allowed = spec.allowed(self.detail)
            button.setEnabled(allowed)
            button.setToolTip("" if allowed else disabled_reason(spec, self.detail))
        apology = self.action_buttons["apology"]
        highlight = self.needs_apology and apology.isEnabled()
        apology.setProperty("primary", highlight)
        apology.style().unpolish(apology)
        apology.style().polish(apology)
        row = self.detail.row
        if highlight:
            notice = texts.DETAIL_NEEDS_APOLOGY.format(due=fmt.when(row.due_at))
            apology.setFocus()
        elif row.overdue:
            notice = texts.DETAIL_OVERDUE
        else:
            notice = ""
        if row.apology_used and self.detail.original_due_at:
            used = texts.DETAIL_APOLOGY_DONE.format(original=fmt.when(self.detail.original_due_at))
            notice = f"{notice} {used}".strip()
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def start_action(self, key: str) -> ActionDialog | None:
        """Open the dialog of an action (window-modal); the detail refreshes when it is done."""
        spec = action(key)
        if not spec.allowed(self.detail):
            return None
        dialog = spec.build(self.ctx, self.principal, self.detail, self)
        dialog.done_detail.connect(self._action_done)
        dialog.finished.connect(dialog.deleteLater)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _action_done(self, detail: DossierDetail) -> None:
        self.set_detail(detail)
        self.tabs.setCurrentIndex(HISTORY_TAB)
        self.changed.emit(detail.id)

    def _fill_forms(self) -> None:
        self.forms.clear()
        kinds = errors.attempt(lambda: list(self.ctx.forms.forms_for(self.detail)))[0] or []
        for kind in kinds:
            item = QListWidgetItem(kind.label)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)  # Qt turns a StrEnum into str
            self.forms.addItem(item)
        self.print_button.setEnabled(bool(kinds))
        if kinds:
            self.forms.setCurrentRow(0)

    def select_form(self, label_start: str) -> bool:
        """Select the form whose label starts with this text (tests, shortcuts)."""
        for i in range(self.forms.count()):
            if self.forms.item(i).text().startswith(label_start):
                self.forms.setCurrentRow(i)
                return True
        return False

    def print_form(self) -> PdfPreviewDialog | None:
        """Render the selected form and open the print preview."""
        item = self.forms.currentItem()
        if item is None:
            errors.show_info(self, texts.DOSSIER_FORMS_PICK_FIRST)
            return None
        kind = FormKind(item.data(Qt.ItemDataRole.UserRole))
        service, dossier_id = self.ctx.forms, self.detail.id
        outcome = printing.render_and_preview(
            self,
            lambda: service.render(dossier_id, kind),
            f"{kind.label} — {fmt.code_text(self.detail.row)}",
            printing.paper_for(service, kind),
        )
        if isinstance(outcome, str):
            errors.show_info(self, outcome)
            return None
        self.preview = outcome
        return outcome

    def open_attachment(self) -> None:
        """Open the selected digitised file with the system's viewer."""
        rows = self.files.selectionModel().selectedRows()
        if not rows:
            errors.show_info(self, texts.DOSSIER_FILE_PICK_FIRST)
            return
        attachment = self.files_model.row(rows[0].row())
        store = self.ctx.attachments.store
        path = errors.guarded(self, lambda: store.open_path(attachment.sha256))
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            errors.show_info(self, texts.DOSSIER_FILE_CANNOT_OPEN.format(name=attachment.filename))
