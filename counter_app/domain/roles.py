"""Account roles and what each may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """The role of an account."""

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    CLERK = "clerk"
    DEVICE = "device"  # kiosk, display board, rating screen

    @property
    def label(self) -> str:
        """Vietnamese name of the role."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Quản trị hệ thống",
    Role.SUPERVISOR: "Lãnh đạo / giám sát",
    Role.CLERK: "Công chức một cửa",
    Role.DEVICE: "Thiết bị (kiosk, bảng hiển thị, màn hình đánh giá)",
}

#: Roles of people who may sign in to the clerk window.
PEOPLE_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.CLERK})


def parse_role(value: str) -> Role:
    """Return the role named by value, or raise ValueError with a Vietnamese message."""
    try:
        return Role(value.strip().lower())
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise ValueError(f"Vai trò '{value}' không hợp lệ (chọn một trong: {allowed}).") from None
