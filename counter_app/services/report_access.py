"""What every supervisor report shares: who may read it and the days it covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counter_app.domain.roles import Role
from counter_app.services.errors import PermissionDenied, ValidationError
from counter_app.services.principal import Principal, require_role

#: Supervisors (lãnh đạo, giám sát viên) and admins read reports; clerks and devices never.
REPORT_ROLES = (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class ReportPeriod:
    """From `start` to `end`, both days included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValidationError("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")


def check_manager(principal: Principal | None, what: str) -> Principal:
    """The principal when it may read reports; PermissionDenied saying it may not `what`."""
    if principal is not None and principal.role not in REPORT_ROLES:
        raise PermissionDenied(f"Chỉ lãnh đạo, giám sát viên hoặc quản trị hệ thống được {what}.")
    return require_role(principal, *REPORT_ROLES)
