"""Tiếp nhận hồ sơ: scan the card, pick the procedure, tick the papers, decide, print the form."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.domain.citizen_id import InvalidCardQR, parse_card_qr
from counter_app.domain.intake import BY_POST, IntakeInput, intake_problems
from counter_app.services.catalog import ProcedureDetail
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.errors import ValidationError
from counter_app.services.principal import Principal
from counter_app.ui import errors, texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.intake import layout, printing
from counter_app.ui.intake.applicant_box import ApplicantBox
from counter_app.ui.intake.attachments_box import AttachmentsBox
from counter_app.ui.intake.decision_box import (
    ACCEPT,
    ACCEPT_ALSO,
    REFUSE,
    SHORTCUTS,
    SUPPLEMENT,
    DecisionBox,
)
from counter_app.ui.intake.panels import ProblemPanel, ResultPanel
from counter_app.ui.intake.papers_box import PapersBox
from counter_app.ui.intake.procedure_box import ProcedureBox
from counter_app.ui.intake.scan import ScanCatcher
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog
from counter_app.ui.workers import Pool, TaskSignals, run_task

log = logging.getLogger(__name__)

FORM_OF = {ACCEPT: printing.RECEIPT, SUPPLEMENT: printing.SUPPLEMENT, REFUSE: printing.REFUSAL}
SERVICE_CALL = {ACCEPT: "accept", SUPPLEMENT: "request_supplement", REFUSE: "refuse"}


class IntakePage(Page):
    """The whole intake of one dossier, then the next citizen."""

    #: A dossier was saved by a decision (its id): the calling panel links it to the ticket.
    dossier_saved = Signal(int)

    title = texts.PAGE_INTAKE

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        parent: QWidget | None = None,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(ctx, principal, parent)
        self.pool = pool
        self.decided: DossierDetail | None = None
        self.decided_form = ""
        self.saving = False
        self._signals: TaskSignals | None = None  # kept alive until the task reports
        self.applicant = ApplicantBox(ctx)
        self.procedure = ProcedureBox(ctx)
        self.papers = PapersBox()
        self.attachments = AttachmentsBox(ctx, pool)
        self.decision = DecisionBox()
        self.problems = ProblemPanel()
        self.result = ResultPanel()
        self.printer = printing.FormPrinter(ctx, self, pool)
        self.printer.busy_changed.connect(self._rendering)
        self.busy = QLabel(texts.INTAKE_SAVING)
        self.busy.setProperty("role", "subtle")
        self.busy.setVisible(False)
        self.form = layout.lay_out(self)
        layout.chain_tabs(self)
        self.scan = ScanCatcher(self)
        self.scan.watch(*self.applicant.fields(), self.papers.sets, *self.decision.fields())
        self.scan.watch(self.procedure.search, move_on=False)
        others = [self.papers.table, self.procedure.results, self.attachments.list]
        self.scan.watch(*self.findChildren(QAbstractButton), *others, move_on=False)
        self.scan.scanned.connect(self.on_scan)
        for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox):
            for widget in self.findChildren(kind):
                widget.setAcceptDrops(False)  # a dropped file goes to the attachments, not text
        self.setAcceptDrops(True)
        self.procedure.picked.connect(self.on_procedure)
        self.decision.decided.connect(self.decide)
        self.decision.delivery.currentIndexChanged.connect(self._delivery_changed)
        self.result.next_dossier.setAutoDefault(True)
        self.result.next_dossier.clicked.connect(self.new_dossier)
        self.result.print_form.clicked.connect(lambda: self.show_form(self.decided_form))
        self.result.print_fee.clicked.connect(lambda: self.show_form(printing.FEE_RECEIPT))
        self.applicant.card_read.connect(self._after_card)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for name, key in SHORTCUTS.items():
            QShortcut(QKeySequence(key), self, lambda n=name: self.decide(n), context=context)
        QShortcut(QKeySequence(ACCEPT_ALSO), self, lambda: self.decide(ACCEPT), context=context)
        QShortcut(QKeySequence("Ctrl+Enter"), self, lambda: self.decide(ACCEPT), context=context)
        QShortcut(QKeySequence.StandardKey.New, self, self._next_if_decided, context=context)
        QShortcut(QKeySequence.StandardKey.Print, self, self._print_again, context=context)
        QShortcut(
            QKeySequence.StandardKey.Open, self, self.attachments.choose_files, context=context
        )

    def refresh(self) -> None:
        """Shown again: keep what was typed, refresh the catalogue, wait for a scan."""
        if self.procedure.detail is None:
            self.procedure.run_search()
        current = QApplication.focusWidget()
        if current is not None and self.isAncestorOf(current):
            return
        last = self.focusWidget()  # where the clerk was before leaving the page
        if last is not None and self.isAncestorOf(last) and last.isEnabled():
            last.setFocus()
        else:
            self._focus_start()

    def _focus_start(self) -> None:
        if self.decided is not None:
            self.result.next_dossier.setFocus()
        else:
            self.applicant.first_field().setFocus()

    # --- scanning and filling -------------------------------------------------------------

    def on_scan(self, raw: str, _field: QWidget) -> None:
        """A chip-card QR was typed into a field: fill the applicant, or say why not."""
        try:
            card = parse_card_qr(raw)
        except InvalidCardQR as exc:
            log.info("unreadable card scan (%d characters)", len(raw))
            self.applicant.set_scan_problem(texts.INTAKE_BAD_SCAN.format(reason=exc))
            return
        if self.decided is not None:
            self.new_dossier()  # the next citizen's card: start their dossier at once
        self.applicant.fill_from_card(card)

    def _after_card(self) -> None:
        if not self.applicant.phone.text().strip():
            self.applicant.phone.setFocus()
        elif self.procedure.detail is None:
            self.procedure.search.setFocus()

    def on_procedure(self, detail: ProcedureDetail | None) -> None:
        """A procedure was chosen: its checklist, files' papers and fee follow."""
        papers = detail.papers if detail else ()
        self.papers.set_papers(papers)
        self.attachments.set_papers(papers)
        self.decision.set_procedure(detail)
        if detail is not None:
            self.papers.table.setFocus()

    def _delivery_changed(self) -> None:
        if self.decision.delivery.currentData() == BY_POST:
            self.decision.use_postal_address(self.applicant.address.text())

    # --- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dragged from Explorer or a scanner's folder (Qt API)."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.decided is None and any(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped files are checked and listed as attachments (Qt API)."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.decided is None:
            self.attachments.add_paths(paths)
            event.acceptProposedAction()

    # --- deciding ---------------------------------------------------------------------------

    def intake_input(self, decision: str) -> IntakeInput:
        """What the form says, as the intake service takes it."""
        d = self.decision
        detail = self.procedure.detail
        return IntakeInput(
            applicant=self.applicant.applicant(),
            procedure_code=detail.code if detail else "",
            papers=self.papers.checks(),
            submitter_name=d.submitter.text(),
            sets_count=self.papers.sets.value(),
            delivery=int(d.delivery.currentData()),
            postal_address=d.postal_address.text() if d.delivery.currentData() == BY_POST else "",
            summary=d.summary.text(),
            fee_amount=d.fee.value() if decision == ACCEPT else 0,
            fee_method=d.fee_method.currentText(),
            reasons=d.reasons.toPlainText(),
            attachments=self.attachments.files(),
        )

    def local_problems(self, decision: str, intake: IntakeInput) -> list[str]:
        """What stops the decision before the service is asked (it cannot judge these)."""
        problems = [p for p in [self.applicant.birth_problem()] if p]
        if self.procedure.detail is None:
            problems.append(texts.INTAKE_NEED_PROCEDURE)
        if problems:  # the service is not asked: list its checks too, all at once
            problems += intake_problems(intake, self.ctx.clock().date())
        nothing_missing = not self.papers.missing() and not intake.reasons.strip()
        if decision == SUPPLEMENT and self.procedure.detail is not None and nothing_missing:
            problems.append(texts.INTAKE_NEED_MISSING)
        return problems

    def decide(self, decision: str) -> None:
        """Accept, ask for more, or refuse: saved by the service, then the form is shown."""
        if self.saving or self.decided is not None:
            return
        intake = self.intake_input(decision)
        self.applicant.check(force=True)
        problems = self.local_problems(decision, intake)
        if problems:
            self._show_problems(decision, problems)
            return
        self.problems.show_problems([])
        self._set_busy(True)
        call = getattr(self.ctx.intake, SERVICE_CALL[decision])
        self._signals = run_task(
            self.pool,
            lambda: call(self.principal, intake),
            lambda detail: self._decided(decision, detail),
            lambda exc: self._failed(decision, exc),
        )

    def _set_busy(self, busy: bool) -> None:
        self.saving = busy
        self.decision.set_busy(busy)
        self.busy.setVisible(busy)

    def _failed(self, decision: str, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self._show_problems(decision, exc.problems)
        else:
            self._show_problems(decision, [errors.error_message(exc)])

    def _show_problems(self, decision: str, problems: list[str]) -> None:
        self.problems.show_problems(problems)
        if self.procedure.detail is None:
            self.procedure.search.setFocus()
        elif decision != ACCEPT and not self.decision.reasons.toPlainText().strip():
            self.decision.reasons.setFocus()

    def _decided(self, decision: str, detail: DossierDetail) -> None:
        self._set_busy(False)
        self.decided, self.decided_form = detail, FORM_OF[decision]
        log.info("intake decision %s saved for dossier %s", decision, detail.id)
        self.dossier_saved.emit(detail.id)
        self.problems.show_problems([])
        self.result.show_result(detail)
        self.form.setEnabled(False)
        self.decision.set_busy(True)
        self.result.next_dossier.setFocus()
        self.show_form(self.decided_form)

    # --- forms ------------------------------------------------------------------------------

    def show_form(self, name: str) -> None:
        """Render the decided dossier's form and open it for printing (it is already saved)."""
        if self.decided is not None:
            self.printer.show(self.decided, name)

    @property
    def preview(self) -> PdfPreviewDialog | None:
        """The form preview opened last."""
        return self.printer.preview

    def _rendering(self, busy: bool) -> None:
        self.result.print_form.setEnabled(not busy)
        self.result.print_fee.setEnabled(not busy)

    def _print_again(self) -> None:
        if self.decided is not None:
            self.show_form(self.decided_form)

    def _next_if_decided(self) -> None:
        if self.decided is not None:
            self.new_dossier()

    def new_dossier(self) -> None:
        """Clear everything for the next citizen; the cursor waits in the scan field."""
        self.decided, self.decided_form = None, ""
        self.applicant.clear()
        self.procedure.clear()
        self.attachments.clear()
        self.decision.clear()
        self.problems.show_problems([])
        self.result.setVisible(False)
        self.form.setEnabled(True)
        self.decision.set_busy(False)
        self.applicant.first_field().setFocus()
