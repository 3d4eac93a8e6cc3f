"""The board's header (office name and clock) and its side panel (last calls, people waiting)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from counter_app.ui import texts
from counter_app.ui.display import style
from counter_app.ui.display.fit import FitLabel
from counter_app.ui.display.model import RecentCall

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def format_time(at: datetime) -> str:
    """E.g. "09:30:05"."""
    return at.strftime(texts.DISPLAY_TIME_FORMAT)


def format_date(at: datetime) -> str:
    """E.g. "Thứ Hai, 23/11/2026"."""
    return texts.DISPLAY_DATE_FORMAT.format(weekday=texts.WEEKDAYS[at.weekday()], d=at)


class Header(QFrame):
    """The office's name on the left, the time and the date on the right."""

    def __init__(self, office_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.office = FitLabel(office_name, max_pixels=style.OFFICE_PX, bold=True, wrap=True)
        self.time = FitLabel(max_pixels=style.TIME_PX, bold=True, color=style.NUMBER, align=RIGHT)
        self.date = FitLabel(max_pixels=style.DATE_PX, color=style.TEXT, align=RIGHT)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.time, 3)
        clock.addWidget(self.date, 2)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.office, 5)
        self.row.addLayout(clock, 2)

    def show_time(self, at: datetime) -> None:
        """Show the time and the date."""
        self.time.setText(format_time(at))
        self.date.setText(format_date(at))

    def set_scale(self, scale: float) -> None:
        """Sizes follow the window."""
        for label in (self.office, self.time, self.date):
            label.set_scale(scale)
        margin = round(28 * scale)
        self.row.setContentsMargins(margin, round(10 * scale), margin, round(12 * scale))
        self.setFixedHeight(round(140 * scale))


class SidePanel(QFrame):
    """The last calls, newest first, and how many wait in each service area."""

    def __init__(self, recent_rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.recent_title = FitLabel(
            texts.DISPLAY_RECENT_TITLE, max_pixels=style.HEADING_PX, bold=True, color=style.MUTED
        )
        self.recent_rows = [
            FitLabel(max_pixels=style.RECENT_PX, bold=True, color=style.TEXT)
            for _ in range(max(1, recent_rows))
        ]
        self.waiting_title = FitLabel(
            texts.DISPLAY_WAITING_TITLE, max_pixels=style.HEADING_PX, bold=True, color=style.MUTED
        )
        self.waiting_box = QWidget()
        self.waiting_grid = QGridLayout(self.waiting_box)
        self.waiting_grid.setContentsMargins(0, 0, 0, 0)
        self.waiting_grid.setColumnStretch(0, 4)
        self.waiting_grid.setColumnStretch(1, 1)
        self.waiting_labels: list[tuple[FitLabel, FitLabel]] = []
        self.rule = QFrame()
        self.rule.setObjectName("rule")
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.recent_title)
        for row in self.recent_rows:
            self.column.addWidget(row)
        self.column.addSpacing(8)
        self.column.addWidget(self.rule)
        self.column.addWidget(self.waiting_title)
        self.column.addWidget(self.waiting_box)
        self.column.addStretch(1)
        self._scale = 1.0

    def show_recent(self, calls: list[RecentCall]) -> None:
        """One line per call, newest first (in the highlight colour)."""
        for index, row in enumerate(self.recent_rows):
            if index < len(calls):
                call = calls[index]
                row.setText(
                    texts.DISPLAY_RECENT_ITEM.format(label=call.label, counter=call.counter)
                )
            else:
                row.setText("")
            row.set_color(style.NUMBER if index == 0 else style.TEXT)

    def recent_texts(self) -> list[str]:
        """The lines of the last calls list that show something."""
        return [row.text() for row in self.recent_rows if row.text()]

    def show_waiting(self, rows: list[tuple[str, int]]) -> None:
        """Area names with the number of people waiting."""
        while len(self.waiting_labels) < len(rows):
            name = FitLabel(max_pixels=style.WAITING_PX, color=style.TEXT)
            count = FitLabel(
                max_pixels=style.WAITING_PX, bold=True, color=style.NUMBER, align=RIGHT
            )
            name.set_scale(self._scale)
            count.set_scale(self._scale)
            self.waiting_grid.addWidget(name, len(self.waiting_labels), 0)
            self.waiting_grid.addWidget(count, len(self.waiting_labels), 1)
            self.waiting_labels.append((name, count))
        for index, (name, count) in enumerate(self.waiting_labels):
            shown = index < len(rows)
            name.setVisible(shown)
            count.setVisible(shown)
            if shown:
                name.setText(rows[index][0])
                count.setText(str(rows[index][1]))
                count.set_color(style.NUMBER if rows[index][1] else style.MUTED)

    def waiting_texts(self) -> dict[str, str]:
        """Area name → the count shown."""
        return {n.text(): c.text() for n, c in self.waiting_labels if n.isVisibleTo(self)}

    def set_scale(self, scale: float) -> None:
        """Sizes follow the window."""
        self._scale = scale
        labels = [self.recent_title, *self.recent_rows, self.waiting_title]
        labels += [label for pair in self.waiting_labels for label in pair]
        for label in labels:
            label.set_scale(scale)
        margin = round(24 * scale)
        self.column.setContentsMargins(margin, margin, margin, margin)
        self.column.setSpacing(round(6 * scale))
        self.waiting_grid.setVerticalSpacing(round(4 * scale))
        self.rule.setFixedHeight(max(1, round(3 * scale)))
