"""UI test fixtures: a real AppContext on a temporary SQLite database, recorded messages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import NOW, OFFICE, PASSWORD

from counter_app.app_context import AppContext, open_context
from counter_app.clock import FrozenClock
from counter_app.domain.roles import Role
from counter_app.paths import AppDirs
from counter_app.services.office import AdminSetup
from counter_app.services.principal import Principal
from counter_app.settings import load_settings
from counter_app.ui import errors


@dataclass
class Office:
    """A context whose office is set up, with one account of each people role."""

    ctx: AppContext
    admin: Principal
    supervisor: Principal
    clerk: Principal


@dataclass
class Messages:
    """Messages the UI showed through errors.present, in order: (title, text)."""

    shown: list[tuple[str, str]]

    def texts(self) -> list[str]:
        """Only the texts."""
        return [text for _, text in self.shown]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """Record messages instead of opening blocking message boxes."""
    recorded = Messages([])
    monkeypatch.setattr(
        errors, "present", lambda _p, title, text: recorded.shown.append((title, text))
    )
    return recorded


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(NOW)


@pytest.fixture
def app_dirs(tmp_path: Path) -> AppDirs:
    return AppDirs(tmp_path / "cfg", tmp_path / "data")


@pytest.fixture
def ctx(app_dirs: AppDirs, clock: FrozenClock, qapp: object) -> Iterator[AppContext]:
    """A fresh installation: migrated empty database, no office yet."""
    context = open_context(app_dirs, load_settings(app_dirs), clock=clock)
    try:
        yield context
    finally:
        context.close()


def _principal(ctx: AppContext, username: str) -> Principal:
    users = {u.username: u for u in ctx.accounts.list_users(Principal.system(ctx.station))}
    user = users[username]
    return Principal(user.id, user.username, user.full_name, user.role, ctx.station)


@pytest.fixture
def office(ctx: AppContext, messages: Messages) -> Office:
    """The office set up with an admin, a supervisor and a clerk (password PASSWORD)."""
    admin = ctx.office.set_up(
        OFFICE,
        AdminSetup("quantri", "Nguyễn Văn Quản", PASSWORD),
        ctx.settings.security,
        ctx.station,
    )
    ctx.accounts.create_user(admin, "giamsat", "Trần Thị Giám", Role.SUPERVISOR, PASSWORD)
    ctx.accounts.create_user(admin, "canbo", "Lê Thị Hồng", Role.CLERK, PASSWORD)
    return Office(ctx, admin, _principal(ctx, "giamsat"), _principal(ctx, "canbo"))
