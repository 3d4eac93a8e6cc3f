"""What every page of the clerk window shares: the context, the signed-in account, a refresh."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counter_app.app_context import AppContext
from counter_app.services.principal import Principal


class Page(QWidget):
    """A page of the main window; `refresh` reloads its data when it is shown."""

    title = ""

    def __init__(self, ctx: AppContext, principal: Principal, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.principal = principal
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(18, 14, 18, 14)
        self.layout_.setSpacing(10)
        heading = QLabel(self.title)
        heading.setProperty("role", "heading")
        self.layout_.addWidget(heading)

    def refresh(self) -> None:
        """Reload the page's data from the services."""
