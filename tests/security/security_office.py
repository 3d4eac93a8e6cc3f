"""The office the security UI tests share (the fixture is in this folder's conftest)."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.app_context import AppContext
from counter_app.services.principal import Principal

DEVICE_PASSWORD = "ThietBi2026"


@dataclass
class Office:
    """A real office: an admin who still has to change the first password, and the others."""

    ctx: AppContext
    admin: Principal
    supervisor: Principal
    clerk: Principal
    device: Principal
