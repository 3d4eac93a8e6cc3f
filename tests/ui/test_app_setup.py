"""The app's font, style sheet and exception hook."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from counter_app.ui import app_setup, texts
from counter_app.ui.app_setup import apply_style, handle_exception, install_excepthook


def test_bundled_font_is_loaded_and_covers_vietnamese(qapp: QApplication) -> None:
    family = app_setup.load_app_font(qapp)
    assert family == "DejaVu Sans"
    assert qapp.font().family() == "DejaVu Sans"
    metrics = QFontMetrics(QFont(family))
    for letter in "ễỷđ₫ĐỮậ":
        assert metrics.inFontUcs4(ord(letter)), letter


def test_style_sheet_is_applied(qapp: QApplication) -> None:
    assert apply_style(qapp)
    assert "QListWidget#navigation" in qapp.styleSheet()


def test_create_app_reuses_the_running_application(qapp: QApplication) -> None:
    assert app_setup.create_app() is qapp


def test_uncaught_exception_is_logged_and_shown_in_vietnamese(
    messages, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    assert sys.excepthook is handle_exception
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    assert messages.shown == [(texts.ERROR_TITLE, texts.UNEXPECTED_ERROR)]
    assert "uncaught exception" in caplog.text
