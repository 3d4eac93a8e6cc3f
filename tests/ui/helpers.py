"""Helpers for driving Qt widgets in tests without the keyboard (Vietnamese-safe)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from counter_app.services.office import OfficeSetup

PASSWORD = "MatKhau2026"
#: A Monday that is a working day.
NOW = datetime(2026, 11, 16, 9, 30)

OFFICE = OfficeSetup(
    name="Trung tâm Phục vụ hành chính công xã Thử Nghiệm",
    agency_code="000.00.06.H56",
    province_code="01",
    commune_code="00004",
    counter_count=3,
    address="Số 1 đường Thử",
    phone="0240000000",
)


def type_text(widget: QWidget, text: str) -> None:
    """Type text as a Vietnamese input method does: one commit string (keyClicks would abort)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def replace_text(edit: QLineEdit, text: str) -> None:
    """Select everything in a line edit, then type text over it."""
    edit.selectAll()
    type_text(edit, text)
