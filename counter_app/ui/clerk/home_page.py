"""Trang chủ: the office, the signed-in account, this station and today's working day."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from counter_app.app_context import AppContext
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.clerk.base import Page
from counter_app.ui.errors import attempt


def format_day(d: date) -> str:
    """E.g. "Thứ Hai, ngày 23/11/2026"."""
    return texts.DATE_FORMAT.format(weekday=texts.WEEKDAYS[d.weekday()], d=d)


class HomePage(Page):
    """Who and where: office details, account, station, today and the next working day."""

    title = texts.PAGE_HOME

    def __init__(self, ctx: AppContext, principal: Principal, parent: QWidget | None = None):
        super().__init__(ctx, principal, parent)
        self.banner = QLabel(texts.DEMO_BANNER)
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.layout_.addWidget(self.banner)
        self.values: dict[str, QLabel] = {}
        office_box = QGroupBox(texts.HOME_OFFICE)
        office_form = QFormLayout(office_box)
        for key in (
            texts.HOME_OFFICE,
            texts.HOME_AREA,
            texts.HOME_AGENCY_CODE,
            texts.HOME_COUNTERS,
        ):
            self._add_row(office_form, key)
        work_box = QGroupBox(texts.HOME_SESSION)
        work_form = QFormLayout(work_box)
        for key in (texts.HOME_USER, texts.HOME_STATION, texts.HOME_TODAY, texts.HOME_NEXT_WORKING):
            self._add_row(work_form, key)
        self.layout_.addWidget(office_box)
        self.layout_.addWidget(work_box)
        self.error = QLabel()
        self.error.setProperty("role", "problem")
        self.error.setWordWrap(True)
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)

    def _add_row(self, form: QFormLayout, key: str) -> None:
        value = QLabel()
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.PlainText)
        caption = QLabel(key)
        caption.setProperty("role", "fieldname")
        form.addRow(caption, value)
        self.values[key] = value

    def refresh(self) -> None:
        """Read the office and today's calendar again."""
        office, message = attempt(self.ctx.office.get)
        self.error.setText(message or "")
        if office is not None:
            self.banner.setVisible(office.is_demo)
            self.values[texts.HOME_OFFICE].setText(office.name)
            self.values[texts.HOME_AREA].setText(f"{office.commune_name}, {office.province_name}")
            self.values[texts.HOME_AGENCY_CODE].setText(office.agency_code)
            active = sum(1 for c in office.counters if c.active)
            self.values[texts.HOME_COUNTERS].setText(
                texts.HOME_COUNTERS_VALUE.format(active=active)
            )
        p = self.principal
        self.values[texts.HOME_USER].setText(f"{p.full_name} ({p.username}) — {p.role.label}")
        self.values[texts.HOME_STATION].setText(self.ctx.station)
        today = self.ctx.clock().date()
        self.values[texts.HOME_TODAY].setText(f"{format_day(today)} — {self._day_kind(today)}")
        following = self.ctx.calendar.add_working_days(today, 1)
        self.values[texts.HOME_NEXT_WORKING].setText(
            format_day(following) + self._skipped(today, following)
        )

    def _skipped(self, today: date, following: date) -> str:
        """The holidays between today and the next working day, if any."""
        names: list[str] = []
        day = today + timedelta(days=1)
        while day < following:
            name = self.ctx.calendar.holiday_name(day)
            if name and name not in names:
                names.append(name)
            day += timedelta(days=1)
        return texts.HOME_SKIPPED.format(names="; ".join(names)) if names else ""

    def _day_kind(self, d: date) -> str:
        if self.ctx.calendar.is_working_day(d):
            return texts.WORKING_DAY
        holiday = self.ctx.calendar.holiday_name(d)
        return texts.HOLIDAY.format(name=holiday) if holiday else texts.DAY_OFF
