"""Fixtures shared by the kiosk tests: a device account, service areas, a kiosk window."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from helpers import PASSWORD
from PySide6.QtWidgets import QApplication

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInfo
from counter_app.services.ticket_printing import Sender
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.workers import InlinePool

MakeKiosk = Callable[..., KioskWindow]


def set_kiosk(ctx: AppContext, **changes: object) -> None:
    """Change the kiosk settings of a running context (settings are frozen records)."""
    kiosk = dataclasses.replace(ctx.settings.kiosk, **changes)
    ctx.settings = dataclasses.replace(ctx.settings, kiosk=kiosk)


def add_device(ctx: AppContext, admin: Principal) -> Principal:
    """A device account for the kiosk, signed in."""
    ctx.accounts.create_user(admin, "kiosk", "Kiosk lấy số", Role.DEVICE, PASSWORD)
    return ctx.accounts.sign_in("kiosk", PASSWORD)


@pytest.fixture
def areas(office: Any) -> list[AreaInfo]:
    """The default service areas (A Hộ tịch, B Chứng thực, …)."""
    return office.ctx.queue.ensure_default_areas(office.admin)


@pytest.fixture
def device(office: Any) -> Principal:
    return add_device(office.ctx, office.admin)


@pytest.fixture
def make_kiosk(office: Any, device: Principal, areas: list[AreaInfo], qtbot) -> Iterator[MakeKiosk]:
    """Build, show and load a kiosk (inline pool by default); always unlocked at the end."""
    made: list[KioskWindow] = []

    def make(
        ctx: AppContext | None = None,
        *,
        pool: object = "inline",
        sender: Sender | None = None,
        printer: str = "",
    ) -> KioskWindow:
        context = ctx or office.ctx
        set_kiosk(context, printer=printer)
        kwargs: dict[str, object] = {"pool": InlinePool() if pool == "inline" else pool}
        if sender is not None:
            kwargs["sender"] = sender
        window = KioskWindow(context, device, **kwargs)  # type: ignore[arg-type]
        made.append(window)
        window.resize(1366, 768)
        window.show()
        window.load_areas()
        QApplication.processEvents()
        return window

    yield make
    for window in made:
        window.unlocked = True
        window.close()
        window.deleteLater()
    QApplication.processEvents()
