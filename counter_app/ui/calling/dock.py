"""The calling panel as a fixed strip across the top of the clerk's main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from counter_app.app_context import AppContext
from counter_app.domain.roles import Role
from counter_app.services.principal import Principal
from counter_app.ui.calling.panel import CallingPanel

#: Who serves citizens at a counter and so sees the panel.
CALLING_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.CLERK})


class CallingDock(QDockWidget):
    """Always shown (no title bar, cannot be closed or moved); stops with its window."""

    def __init__(self, ctx: AppContext, principal: Principal, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("callingDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.setTitleBarWidget(QWidget())
        self.setAllowedAreas(Qt.DockWidgetArea.TopDockWidgetArea)
        self.panel = CallingPanel(ctx, principal, self)
        self.setWidget(self.panel)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop the queue watcher when the window closes (Qt API)."""
        if event.type() == QEvent.Type.Close:
            self.panel.stop()
        return super().eventFilter(watched, event)


def add_calling_dock(
    window: QMainWindow, ctx: AppContext, principal: Principal
) -> CallingDock | None:
    """Put the calling panel on the window for the roles that serve a counter."""
    if principal.role not in CALLING_ROLES:
        return None
    dock = CallingDock(ctx, principal, window)
    window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, dock)
    return dock
