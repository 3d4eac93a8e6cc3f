"""First-run setup wizard of a real installation: the office and its first admin account."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard
from sqlalchemy.exc import SQLAlchemyError

from counter_app.app_context import AppContext
from counter_app.services.errors import ServiceError, ValidationError
from counter_app.services.office import office_setup_problems
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.errors import error_message
from counter_app.ui.wizard_pages import AdminPage, OfficePage, SummaryPage, WelcomePage

log = logging.getLogger(__name__)


class SetupWizard(QWizard):
    """Collects the office details and the first admin, then calls OfficeService.set_up."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.principal: Principal | None = None
        self.setWindowTitle(texts.WIZARD_TITLE)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, texts.WIZARD_NEXT)
        self.setButtonText(QWizard.WizardButton.BackButton, texts.WIZARD_BACK)
        self.setButtonText(QWizard.WizardButton.FinishButton, texts.WIZARD_FINISH)
        self.setButtonText(QWizard.WizardButton.CancelButton, texts.CANCEL)
        self.welcome_page = WelcomePage()
        self.office_page = OfficePage()
        self.admin_page = AdminPage(ctx.settings.security.min_password_length)
        self.summary_page = SummaryPage(self.office_page, self.admin_page, self.finish_setup)
        for page in (self.welcome_page, self.office_page, self.admin_page, self.summary_page):
            self.addPage(page)

    def sizeHint(self) -> QSize:
        """Room for the longest province and commune names, within a 1366x768 screen (Qt API)."""
        return QSize(760, 600)

    def finish_setup(self) -> bool:
        """Create the office and admin; on failure show the problems on the page they concern."""
        office, admin = self.office_page.setup(), self.admin_page.setup()
        try:
            self.principal = self.ctx.office.set_up(
                office, admin, self.ctx.settings.security, self.ctx.station
            )
        except ValidationError as exc:
            self._show_problems(exc.problems, office_setup_problems(office))
            return False
        except (ServiceError, SQLAlchemyError) as exc:
            self.summary_page.problems.set_problems([error_message(exc)])
            return False
        log.info("office set up by the wizard")
        return True

    def _show_problems(self, problems: list[str], office_problems: list[str]) -> None:
        target: OfficePage | AdminPage
        if any(p in office_problems for p in problems):
            target = self.office_page
        elif not self.admin_page.isComplete():
            target = self.admin_page
        else:  # e.g. the office was set up meanwhile from another station
            self.summary_page.problems.set_problems(problems)
            return
        while self.currentPage() is not target and self.currentId() > 0:
            self.back()
        target.show_server_problems(problems)
