"""Add or change a service area: name, letter prefix, counters serving it, kiosk order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.app_context import AppContext
from counter_app.services.principal import Principal
from counter_app.services.queue_models import AreaInfo, AreaInput
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.problem_label import ProblemLabel


class AreaDialog(QDialog):
    """The area form; the service's problems (duplicate prefix, no counter…) stay inline."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        counters: Sequence[int],
        area: AreaInfo | None = None,
        position: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.area = ctx, actor, area
        self.saved: AreaInfo | None = None
        title = texts.AREA_EDIT_TITLE.format(name=area.name) if area else texts.AREA_NEW_TITLE
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.name = QLineEdit(area.name if area else "")
        self.name.setPlaceholderText(texts.AREA_NAME_HINT)
        self.name.setMaxLength(100)
        self.prefix = QLineEdit(area.prefix if area else "")
        self.prefix.setPlaceholderText(texts.AREA_PREFIX_HINT)
        self.prefix.setMaxLength(1)
        self.prefix.textEdited.connect(self._upper_prefix)
        self.counters: dict[int, QCheckBox] = {}
        boxes = QHBoxLayout()
        serving = set(area.counters) if area else set(counters)
        for number in counters:
            box = QCheckBox(str(number))
            box.setChecked(number in serving)
            self.counters[number] = box
            boxes.addWidget(box)
        boxes.addStretch(1)
        self.position = QSpinBox()
        self.position.setRange(1, 100)  # shown from 1; stored from 0
        self.position.setValue((area.position if area else position) + 1)
        self.active = QCheckBox(texts.AREA_ACTIVE)
        self.active.setChecked(area.active if area else True)
        form = QFormLayout()
        form.addRow(texts.AREA_NAME, self.name)
        form.addRow(texts.AREA_PREFIX, self.prefix)
        form.addRow(texts.AREA_COUNTERS, boxes)
        form.addRow(texts.AREA_POSITION, self.position)
        form.addRow("", self.active)
        self.problems = ProblemLabel()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(texts.SAVE, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(texts.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout(self)
        body.setContentsMargins(20, 16, 20, 16)
        body.setSpacing(10)
        body.addLayout(form)
        body.addWidget(self.problems)
        body.addWidget(buttons)

    def _upper_prefix(self, text: str) -> None:
        if text != text.upper():
            self.prefix.setText(text.upper())

    def area_input(self) -> AreaInput:
        """The form as the service takes it."""
        return AreaInput(
            name=self.name.text(),
            prefix=self.prefix.text(),
            counters=tuple(n for n, box in self.counters.items() if box.isChecked()),
            position=self.position.value() - 1,
            active=self.active.isChecked(),
            id=self.area.id if self.area else None,
        )

    def save(self) -> None:
        """Save the area, or list every problem under the form."""
        data = self.area_input()
        saved, message = attempt(lambda: self.ctx.queue.save_area(self.actor, data))
        if saved is None:
            self.problems.set_problems((message or texts.UNEXPECTED_ERROR).split("\n"))
            return
        self.saved = saved
        self.accept()
