"""Helpers for driving Qt widgets in tests without the keyboard (Vietnamese-safe)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
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


Step = Callable[[], bool]  # True once done


def drive(
    steps: list[Step],
    failures: list[BaseException],
    release: Callable[[QWidget], None] = lambda widget: None,
) -> QTimer:
    """Run steps one after another from the event loop (modal dialogs, app.exec).

    A failing step is kept in `failures`, every window is let go (`release`, then closed) and
    the application quits, so the test ends and reports it.
    """
    timer = QTimer()
    timer.setInterval(30)

    def tick() -> None:
        try:
            if steps and steps[0]():
                steps.pop(0)
        except BaseException as exc:  # surfaced by the test, and the app is stopped
            failures.append(exc)
            steps.clear()
            for widget in QApplication.topLevelWidgets():
                release(widget)
                widget.close()
            QApplication.quit()
        if not steps:
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    return timer


def visible(kind: type[QWidget]) -> QWidget | None:
    """The first visible top-level window of that kind."""
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None
    )


def sign_in_step(kind: type[QWidget], username: str, password: str) -> Step:
    """A step that signs in through the first visible login dialog of `kind`."""

    def step() -> bool:
        login = visible(kind)
        if not isinstance(login, kind):
            return False
        type_text(login.username, username)  # type: ignore[attr-defined]
        type_text(login.password, password)  # type: ignore[attr-defined]
        login.sign_in_button.click()  # type: ignore[attr-defined]
        return True

    return step
