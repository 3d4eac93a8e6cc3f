"""Drop-down filters of the report pages: "Tất cả" first, then the choices the data offers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox


def combo(items: list[tuple[str, Any]], width: int = 0) -> QComboBox:
    """A drop-down with these (label, data) items, at least `width` characters wide."""
    box = QComboBox()
    for label, data in items:
        box.addItem(label, data)
    if width:
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(width)
    return box


def refill(box: QComboBox, items: list[tuple[str, Any]]) -> None:
    """Replace a filter's items after "Tất cả", keeping the choice when it is still there."""
    chosen = box.currentData()
    box.blockSignals(True)
    while box.count() > 1:
        box.removeItem(1)
    for label, data in items:
        box.addItem(label, data)
        box.setItemData(box.count() - 1, label, Qt.ItemDataRole.ToolTipRole)  # long names
    index = box.findData(chosen) if chosen is not None else 0
    box.setCurrentIndex(max(0, index))
    box.blockSignals(False)
