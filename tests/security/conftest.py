"""Security-test fixtures: a real AppContext with an office and one account of each role."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The Qt tests here drive dialogs with the UI tests' helpers (Vietnamese-safe typing, steps).
_UI_TESTS = str(Path(__file__).resolve().parent.parent / "ui")
if _UI_TESTS not in sys.path:
    sys.path.append(_UI_TESTS)

from helpers import NOW, OFFICE, PASSWORD  # noqa: E402
from security_office import DEVICE_PASSWORD, Office  # noqa: E402

from counter_app.app_context import open_context  # noqa: E402
from counter_app.clock import FrozenClock  # noqa: E402
from counter_app.domain.roles import Role  # noqa: E402
from counter_app.paths import AppDirs  # noqa: E402
from counter_app.services.office import AdminSetup  # noqa: E402
from counter_app.settings import load_settings  # noqa: E402
from counter_app.ui import errors  # noqa: E402


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of messages the UI showed, recorded instead of opening blocking message boxes."""
    recorded: list[str] = []
    monkeypatch.setattr(errors, "present", lambda _p, _title, text: recorded.append(text))
    return recorded


@pytest.fixture
def office(tmp_path: Path, qapp: object, shown: list[str]) -> Iterator[Office]:
    """The office set up as the wizard does, plus a supervisor, a clerk and a kiosk account."""
    dirs = AppDirs(tmp_path / "cfg", tmp_path / "data")
    ctx = open_context(dirs, load_settings(dirs), clock=FrozenClock(NOW))
    try:
        admin = ctx.office.set_up(
            OFFICE, AdminSetup("quantri", "Nguyễn Văn Quản", PASSWORD), ctx.settings.security, "M"
        )
        for username, name, role, password in (
            ("giamsat", "Trần Thị Giám", Role.SUPERVISOR, PASSWORD),
            ("canbo", "Lê Thị Hồng", Role.CLERK, PASSWORD),
            ("kiosk", "Kiosk sảnh", Role.DEVICE, DEVICE_PASSWORD),
        ):
            ctx.accounts.create_user(admin, username, name, role, password)
        yield Office(
            ctx,
            admin,
            ctx.accounts.sign_in("giamsat", PASSWORD),
            ctx.accounts.sign_in("canbo", PASSWORD),
            ctx.accounts.sign_in("kiosk", DEVICE_PASSWORD),
        )
    finally:
        ctx.close()
