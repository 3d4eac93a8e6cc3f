"""Pages of the first-run setup wizard: office details, first admin account, summary."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from counter_app.domain.agency_code import agency_code_problems, normalize_agency_code
from counter_app.domain.text import normalize
from counter_app.services import admin_units
from counter_app.services.accounts import password_problems, username_problems
from counter_app.services.office import MAX_COUNTERS, AdminSetup, OfficeSetup
from counter_app.ui import texts
from counter_app.ui.widgets.problem_label import ProblemLabel, mark_invalid
from counter_app.ui.widgets.search_combo import SearchCombo


class CheckedPage(QWizardPage):
    """A page whose fields show their problems inline once edited, and block Next meanwhile."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(4)
        self.server_problems = ProblemLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.server_problems)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._checks: list[tuple[QWidget, ProblemLabel, Callable[[], list[str]]]] = []
        self._touched: set[int] = set()

    def add_field(
        self, label: str, widget: QWidget, check: Callable[[], list[str]] | None = None
    ) -> QWidget:
        """Add a labelled field; with a check, its problems appear under it."""
        self.form.addRow(label, widget)
        if check is not None:
            problems = ProblemLabel()
            self.form.addRow("", problems)
            self._checks.append((widget, problems, check))
        return widget

    def touch(self, widget: QWidget) -> None:
        """Mark a field as edited so its problems are shown from now on."""
        self._touched.add(id(widget))
        self.refresh()

    def refresh(self) -> None:
        """Recompute every field's problems and the Next button."""
        self.server_problems.set_problems([])
        for widget, label, check in self._checks:
            problems = check() if id(widget) in self._touched else []
            label.set_problems(problems)
            mark_invalid(widget, bool(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Next is allowed only when no field has a problem (Qt API)."""
        return all(not check() for _, _, check in self._checks)

    def show_server_problems(self, problems: list[str]) -> None:
        """Show problems the service found, above the fields."""
        self.server_problems.set_problems(problems)


def _line(placeholder: str = "", echo_password: bool = False) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    if echo_password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class WelcomePage(QWizardPage):
    """What the wizard does and what to have at hand."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(texts.WIZARD_WELCOME_TITLE)
        self.setSubTitle(texts.WIZARD_WELCOME_SUBTITLE)
        text = QLabel(texts.WIZARD_WELCOME_TEXT)
        text.setWordWrap(True)
        QVBoxLayout(self).addWidget(text)


class OfficePage(CheckedPage):
    """Office name, agency code, province and commune, counters, address and phone."""

    def __init__(self) -> None:
        super().__init__(texts.OFFICE_PAGE_TITLE, texts.OFFICE_PAGE_SUBTITLE)
        self.name = _line(texts.OFFICE_NAME_HINT)
        self.agency_code = _line(texts.AGENCY_CODE_HINT)
        self.province = SearchCombo(texts.PICK_PROVINCE)
        self.commune = SearchCombo(texts.PICK_COMMUNE)
        self.province.setToolTip(texts.SEARCH_HINT)
        self.commune.setToolTip(texts.SEARCH_HINT)
        self.counters = QSpinBox()
        self.counters.setRange(1, MAX_COUNTERS)
        self.counters.setValue(2)
        self.counters.setMaximumWidth(110)
        self.address = _line()
        self.phone = _line()
        self.add_field(texts.OFFICE_NAME, self.name, self._name_problems)
        self.add_field(texts.AGENCY_CODE, self.agency_code, self._code_problems)
        self.add_field(texts.PROVINCE, self.province, self._province_problems)
        self.add_field(texts.COMMUNE, self.commune, self._commune_problems)
        self.add_field(texts.COUNTERS, self.counters)
        self.add_field(texts.ADDRESS, self.address)
        self.add_field(texts.PHONE, self.phone)
        self.province.set_items((p.name, p.code) for p in admin_units.provinces())
        self.name.textEdited.connect(lambda _: self.touch(self.name))
        self.agency_code.textEdited.connect(lambda _: self.touch(self.agency_code))
        self.province.picked.connect(self._province_picked)
        self.province.lineEdit().editingFinished.connect(lambda: self.touch(self.province))
        self.commune.picked.connect(lambda _: self.touch(self.commune))
        self.commune.lineEdit().editingFinished.connect(lambda: self.touch(self.commune))

    def _province_picked(self, code: object) -> None:
        units = admin_units.communes(str(code)) if code else ()
        self.commune.set_items((c.name, c.code) for c in units)
        self.commune.setEnabled(bool(units))
        self.touch(self.province)

    def _name_problems(self) -> list[str]:
        return [] if normalize(self.name.text()) else [texts.NEED_OFFICE_NAME]

    def _code_problems(self) -> list[str]:
        return agency_code_problems(normalize_agency_code(self.agency_code.text()))

    def _province_problems(self) -> list[str]:
        return [] if self.province.selected_code() else [texts.NEED_PROVINCE]

    def _commune_problems(self) -> list[str]:
        return [] if self.commune.selected_code() else [texts.NEED_COMMUNE]

    def setup(self) -> OfficeSetup:
        """The office details as entered."""
        return OfficeSetup(
            name=self.name.text(),
            agency_code=self.agency_code.text(),
            province_code=self.province.selected_code() or "",
            commune_code=self.commune.selected_code() or "",
            counter_count=self.counters.value(),
            address=self.address.text(),
            phone=self.phone.text(),
        )


class AdminPage(CheckedPage):
    """The first admin account: username, full name, password twice."""

    def __init__(self, min_password_length: int) -> None:
        super().__init__(texts.ADMIN_PAGE_TITLE, texts.ADMIN_PAGE_SUBTITLE)
        self.min_password_length = min_password_length
        self.username = _line(texts.USERNAME_HINT)
        self.full_name = _line()
        self.password = _line(echo_password=True)
        self.confirm = _line(echo_password=True)
        self.add_field(texts.USERNAME, self.username, self._username_problems)
        self.add_field(texts.FULL_NAME, self.full_name, self._name_problems)
        self.add_field(texts.PASSWORD, self.password, self._password_problems)
        self.add_field(texts.PASSWORD_CONFIRM, self.confirm, self._confirm_problems)
        for edit in (self.username, self.full_name, self.password, self.confirm):
            edit.textEdited.connect(lambda _, e=edit: self.touch(e))
        self.password.textEdited.connect(
            lambda _: self.touch(self.confirm) if self.confirm.text() else None
        )

    def _username_problems(self) -> list[str]:
        return username_problems(self.username.text().strip().lower())

    def _name_problems(self) -> list[str]:
        return [] if normalize(self.full_name.text()) else [texts.NEED_FULL_NAME]

    def _password_problems(self) -> list[str]:
        return password_problems(self.password.text(), self.min_password_length)

    def _confirm_problems(self) -> list[str]:
        same = self.confirm.text() == self.password.text()
        return [] if same and self.confirm.text() else [texts.PASSWORDS_DIFFER]

    def setup(self) -> AdminSetup:
        """The admin account as entered."""
        return AdminSetup(self.username.text(), self.full_name.text(), self.password.text())


class SummaryPage(QWizardPage):
    """Everything entered, to check before Finish; problems from saving appear here too."""

    def __init__(self, office: OfficePage, admin: AdminPage, finish: Callable[[], bool]) -> None:
        super().__init__()
        self.setTitle(texts.SUMMARY_PAGE_TITLE)
        self.setSubTitle(texts.SUMMARY_PAGE_SUBTITLE)
        self.office_page, self.admin_page, self._finish = office, admin, finish
        self.problems = ProblemLabel()
        self.values = [QLabel() for _ in texts.SUMMARY_ROWS]
        form = QFormLayout()
        for caption, value in zip(texts.SUMMARY_ROWS, self.values, strict=True):
            value.setWordWrap(True)
            form.addRow(caption, value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Fill in the summary from the earlier pages (Qt API)."""
        office, admin = self.office_page.setup(), self.admin_page.setup()
        shown = (
            normalize(office.name),
            normalize_agency_code(office.agency_code),
            self.office_page.province.currentText(),
            self.office_page.commune.currentText(),
            str(office.counter_count),
            normalize(office.address) or texts.NONE,
            normalize(office.phone) or texts.NONE,
            f"{admin.username.strip().lower()} — {normalize(admin.full_name)}",
        )
        for label, text in zip(self.values, shown, strict=True):
            label.setText(text)
        self.problems.set_problems([])

    def validatePage(self) -> bool:
        """Save the office; stay here when it fails (Qt API)."""
        return self._finish()
