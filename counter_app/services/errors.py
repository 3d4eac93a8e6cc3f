"""Errors services raise; each carries a Vietnamese message fit to show the user."""

from __future__ import annotations


class ServiceError(Exception):
    """A use case could not be carried out; `str(exc)` is the message for the user."""


class PermissionDenied(ServiceError):
    """The signed-in account may not do this."""


class NotFound(ServiceError):
    """The thing asked for does not exist."""


class ValidationError(ServiceError):
    """The input is wrong; `problems` lists each fault for the user."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))
