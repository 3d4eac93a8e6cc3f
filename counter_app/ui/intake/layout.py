"""How the intake page is laid out to fit 1366x768, and the order Tab follows."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from counter_app.ui import texts

if TYPE_CHECKING:
    from counter_app.ui.intake.page import IntakePage

LEFT_STRETCH, RIGHT_STRETCH = 5, 7


class FitScrollArea(QScrollArea):
    """Gives its widget the viewport's size, or its minimum when larger: unlike a resizable
    QScrollArea, word-wrapped labels do not make it take their preferred height and scroll."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.setWidget(widget)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Refit when the widget's layout changes (Qt API)."""
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit to the new viewport (Qt API)."""
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Resize the widget to the viewport, not below its minimum size (wrapped text whole)."""
        widget, viewport = self.widget(), self.viewport().size()
        if widget is None:
            return
        size = viewport.expandedTo(widget.minimumSizeHint())
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():
            size.setHeight(max(size.height(), layout.totalMinimumHeightForWidth(size.width())))
        widget.resize(size)


def lay_out(page: IntakePage) -> QWidget:
    """Applicant, procedure and files on the left; papers and decision on the right; the
    result above, the problems and the decision buttons below. Returns the form part."""
    first = page.layout_.itemAt(0)
    heading = first.widget() if first is not None else None
    if heading is not None:
        heading.setVisible(False)  # the navigation names the page; the rows are needed
    form = QWidget()
    left = QVBoxLayout()
    left.addWidget(page.applicant)
    left.addWidget(page.procedure, 1)
    left.addWidget(page.attachments)
    right = QVBoxLayout()
    right.addWidget(page.papers, 1)
    right.addWidget(page.decision)
    columns = QHBoxLayout(form)
    columns.setContentsMargins(0, 0, 4, 0)
    columns.addLayout(left, LEFT_STRETCH)
    columns.addLayout(right, RIGHT_STRETCH)
    scroll = FitScrollArea(form)
    hint = QLabel(texts.INTAKE_KEYS_HINT)
    hint.setProperty("role", "subtle")
    hint.setWordWrap(True)
    buttons = QHBoxLayout()
    buttons.addWidget(hint, 1)
    buttons.addWidget(page.busy)
    for button in page.decision.buttons.values():
        buttons.addWidget(button)
    page.layout_.setContentsMargins(12, 8, 12, 8)
    page.layout_.setSpacing(6)
    page.layout_.addWidget(page.result)
    page.layout_.addWidget(scroll, 1)
    page.layout_.addWidget(page.problems)
    page.layout_.addLayout(buttons)
    return form


def chain_tabs(page: IntakePage) -> None:
    """Tab follows the work: applicant, procedure, papers, files, decision, buttons."""
    a, p, f, d = page.applicant, page.procedure, page.attachments, page.decision
    chain = [a.citizen, a.organisation, *a.fields(), a.offer.matches, a.offer.use_match]
    chain += [p.search, p.results, page.papers.table, page.papers.sets]
    chain += [page.papers.tick_required, f.list, f.add_button, f.remove_button, f.paper]
    chain += [*d.fields(), d.reasons, *d.buttons.values()]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
