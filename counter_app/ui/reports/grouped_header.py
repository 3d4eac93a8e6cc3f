"""A table heading on two levels: group titles spanning columns above the columns' own titles."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

#: A group: its title, its first and last column (both included).
Group = tuple[str, int, int]


class GroupedHeader(QHeaderView):
    """A horizontal header whose upper row holds group titles over their columns.

    Columns in no group keep one title over both rows (as "STT" on the paper form).
    """

    def __init__(self, groups: Sequence[Group], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.groups = tuple(groups)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def group_of(self, column: int) -> Group | None:
        """The group a column belongs to, if any."""
        return next((g for g in self.groups if g[1] <= column <= g[2]), None)

    def top_height(self) -> int:
        """The height of the group row: one line of text and the header's padding."""
        return self.fontMetrics().height() + 12

    def sectionSizeFromContents(self, logical: int) -> QSize:
        """Wide enough for the column's title and its share of the group's title (Qt API)."""
        size = super().sectionSizeFromContents(logical)
        group = self.group_of(logical)
        if group is None:
            return size
        title, first, last = group
        bold = QFont(self.font())
        bold.setBold(True)  # the style sheet draws headings in bold
        share = (QFontMetrics(bold).horizontalAdvance(title) + 16) / (last - first + 1)
        return QSize(max(size.width(), math.ceil(share)), size.height())

    def sizeHint(self) -> QSize:
        """The columns' titles plus the group row (Qt API)."""
        size = super().sizeHint()
        return QSize(size.width(), size.height() + self.top_height())

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        """The column's title in the lower row; its group's title across the upper one (Qt API)."""
        group = self.group_of(logical)
        if group is None:
            super().paintSection(painter, rect, logical)
            return
        top = self.top_height()
        painter.save()
        super().paintSection(painter, rect.adjusted(0, top, 0, 0), logical)
        painter.restore()
        title, first, last = group
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = QRect(left, rect.top(), right - left, top)
        option.section = first
        option.position = QStyleOptionHeader.SectionPosition.Middle
        option.textAlignment = Qt.AlignmentFlag.AlignCenter
        option.text = self.fontMetrics().elidedText(
            title, Qt.TextElideMode.ElideRight, max(0, right - left - 8)
        )
        painter.save()
        painter.setClipRect(
            QRect(rect.left(), rect.top(), rect.width(), top)
        )  # this column's slice
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()
