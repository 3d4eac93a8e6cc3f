"""An inline message under a field, listing what is wrong with it (never a pop-up)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ProblemLabel(QLabel):
    """A red, word-wrapped label that hides itself when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "problem")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setVisible(False)

    def set_problems(self, problems: Sequence[str]) -> None:
        """Show each problem on its own line, or hide when the list is empty."""
        self.setText("\n".join(problems))
        self.setVisible(bool(problems))

    def problems(self) -> list[str]:
        """The problems shown now."""
        return [line for line in self.text().split("\n") if line]


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Give a field the red border of the style sheet when invalid."""
    if widget.property("invalid") != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
