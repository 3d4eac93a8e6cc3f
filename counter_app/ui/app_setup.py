"""The QApplication of the clerk window: bundled font, style sheet and a safe exception hook."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.paths import resource_path
from counter_app.ui import errors, texts
from counter_app.ui.gc_guard import MainThreadCollector
from counter_app.ui.none_guard import protect_none

log = logging.getLogger(__name__)

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_POINT_SIZE = 10
STYLE_FILE = ("styles", "clerk.qss")


def create_app(argv: list[str] | None = None) -> QApplication:
    """Return the running QApplication, creating it if there is none."""
    protect_none()  # every window runs all day: see none_guard
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("mot-cua-counter")
    app.setApplicationDisplayName(texts.APP_TITLE)
    MainThreadCollector(app)  # see gc_guard: no collection on worker threads
    return app


def load_app_font(app: QApplication) -> str | None:
    """Load the bundled DejaVu Sans and make it the app font; returns its family or None."""
    family: str | None = None
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("cannot load bundled font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    if family is None:
        log.error("no bundled font could be loaded; Vietnamese letters may draw as boxes")
        return None
    font = QFont(family, FONT_POINT_SIZE)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    return family


def apply_style(app: QApplication) -> bool:
    """Apply the clerk style sheet; returns False (and logs) when it cannot be read."""
    path = resource_path(*STYLE_FILE)
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError as exc:
        log.error("cannot read style sheet %s: %s", path, exc)
        return False
    return True


def _report() -> None:
    try:
        errors.present(QApplication.activeWindow(), texts.ERROR_TITLE, texts.UNEXPECTED_ERROR)
    except Exception:  # never let the error report itself crash the app
        log.exception("could not show the error message")


class _Reporter(QObject):
    """Carries error reports from worker threads to the GUI thread."""

    raised = Signal()


_reporter: _Reporter | None = None


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log an uncaught exception and tell the user in Vietnamese instead of crashing."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
    if threading.current_thread() is threading.main_thread() or _reporter is None:
        _report()
    else:  # widgets only on the GUI thread
        _reporter.raised.emit()


def install_excepthook() -> None:
    """Route uncaught exceptions (also in Qt slots and threads) to handle_exception."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
        _reporter.raised.connect(_report, Qt.ConnectionType.QueuedConnection)
    sys.excepthook = handle_exception

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        """Uncaught exceptions of Python threads go the same way."""
        if args.exc_value is not None:
            handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook


def prepare_app(argv: list[str] | None = None) -> tuple[QApplication, str | None]:
    """Create or reuse the app, load the font and the style sheet, install the hook."""
    app = create_app(argv)
    family = load_app_font(app)
    apply_style(app)
    install_excepthook()
    return app, family
