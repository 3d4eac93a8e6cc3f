"""Who is acting: the signed-in account and the station, passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.roles import Role
from counter_app.services.errors import PermissionDenied


@dataclass(frozen=True)
class Principal:
    """A signed-in account at a station (or the system itself for maintenance work)."""

    user_id: int | None
    username: str
    full_name: str
    role: Role
    station: str

    @classmethod
    def system(cls, station: str) -> Principal:
        """The installation itself: setup, migrations, command-line admin verbs."""
        return cls(None, "system", "Hệ thống", Role.ADMIN, station)


def require_role(principal: Principal | None, *roles: Role) -> Principal:
    """Return the principal if its role is among roles, else raise PermissionDenied."""
    if principal is None:
        raise PermissionDenied("Bạn cần đăng nhập để làm việc này.")
    if principal.role not in roles:
        raise PermissionDenied(
            f"Tài khoản {principal.username} ({principal.role.label}) không có quyền làm việc này."
        )
    return principal
