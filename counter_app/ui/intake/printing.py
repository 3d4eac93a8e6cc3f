"""The intake forms (Mẫu 01, 02, 03, fee receipt) from the forms service, shown for printing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from counter_app.app_context import AppContext
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.errors import ServiceError
from counter_app.services.forms import FormKind
from counter_app.ui import errors, texts
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog
from counter_app.ui.workers import Pool, TaskSignals, run_task

RECEIPT, SUPPLEMENT, REFUSAL, FEE_RECEIPT = "RECEIPT", "SUPPLEMENT", "REFUSAL", "FEE_RECEIPT"
TITLES = {
    RECEIPT: texts.FORM_RECEIPT,
    SUPPLEMENT: texts.FORM_SUPPLEMENT,
    REFUSAL: texts.FORM_REFUSAL,
    FEE_RECEIPT: texts.FORM_FEE_RECEIPT,
}


def form_kind(name: str) -> FormKind:
    """The forms service's kind of this name."""
    return FormKind[name]


def render_form(ctx: AppContext, dossier_id: int, name: str) -> bytes:
    """The PDF of a dossier's form; ServiceError when forms cannot be made on this install."""
    forms = getattr(ctx, "forms", None)
    if forms is None:
        raise ServiceError(texts.FORMS_UNAVAILABLE)
    return bytes(forms.render(dossier_id, form_kind(name)))


def form_title(name: str, detail: DossierDetail) -> str:
    """The preview window's title (and the suggested file name): form and dossier."""
    who = detail.code or detail.row.applicant_name
    return f"{TITLES[name]} — {who}"


class FormPrinter(QObject):
    """Renders a decided dossier's form off the GUI thread and opens it in the preview."""

    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget, pool: Pool | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.parent_widget, self.pool = ctx, parent, pool
        self.rendering = False
        self.preview: PdfPreviewDialog | None = None
        self._signals: TaskSignals | None = None  # kept alive until the task reports

    def show(self, detail: DossierDetail, name: str) -> None:
        """Render the form and open the preview; a failure is shown, the dossier stays saved."""
        if self.rendering:
            return
        self._set_rendering(True)
        self._signals = run_task(
            self.pool,
            lambda: render_form(self.ctx, detail.id, name),
            lambda pdf: self._open(name, detail, pdf),
            self._failed,
        )

    def _set_rendering(self, rendering: bool) -> None:
        self.rendering = rendering
        self.busy_changed.emit(rendering)

    def _open(self, name: str, detail: DossierDetail, pdf: bytes) -> None:
        self._set_rendering(False)
        paper = self.ctx.settings.printing.paper_size
        self.preview = PdfPreviewDialog(pdf, form_title(name, detail), paper, self.parent_widget)
        self.preview.open()

    def _failed(self, exc: BaseException) -> None:
        self._set_rendering(False)
        reason = errors.error_message(exc)
        message = texts.INTAKE_FORM_FAILED.format(reason=reason)
        errors.present(self.parent_widget, texts.ERROR_TITLE, message)
