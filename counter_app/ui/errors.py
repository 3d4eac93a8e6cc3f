"""Errors shown in one place: service and database failures become Vietnamese messages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from counter_app.services.db_errors import describe_db_error
from counter_app.services.errors import ServiceError
from counter_app.ui import texts

log = logging.getLogger(__name__)

T = TypeVar("T")

Presenter = Callable[[QWidget | None, str, str], None]


def _message_box(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(texts.CLOSE)
    box.exec()


#: How messages reach the user; tests replace it to record messages instead of blocking.
present: Presenter = _message_box


def error_message(exc: BaseException) -> str:
    """The Vietnamese message to show for an exception (details go to the log)."""
    if isinstance(exc, ServiceError):
        return str(exc)
    if isinstance(exc, SQLAlchemyError):
        log.error("database error: %s", exc)
        return describe_db_error(exc)
    log.error("unexpected error", exc_info=exc)
    return texts.UNEXPECTED_ERROR


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show the message for an exception in a dialog."""
    present(parent, texts.ERROR_TITLE, error_message(exc))


def show_info(parent: QWidget | None, text: str) -> None:
    """Show an informational message."""
    present(parent, texts.INFO_TITLE, text)


def guarded(parent: QWidget | None, call: Callable[[], T]) -> T | None:
    """Run a service call; on ServiceError or a database error show the message, return None."""
    try:
        return call()
    except (ServiceError, SQLAlchemyError) as exc:
        show_error(parent, exc)
        return None


def attempt(call: Callable[[], T]) -> tuple[T | None, str | None]:
    """Run a service call and return (result, None) or (None, message) for inline display."""
    try:
        return call(), None
    except (ServiceError, SQLAlchemyError) as exc:
        return None, error_message(exc)
