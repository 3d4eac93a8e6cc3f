"""Reprints: a form rendered by the forms service, shown in the PDF preview to print or save."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from counter_app.services.forms import FormKind, FormService
from counter_app.ui import texts
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.pdf_preview import PdfPreviewDialog

#: Forms printed on the office's chosen paper (A5 by default); the notices are A4.
COUNTER_PAPER_FORMS = frozenset({FormKind.RECEIPT, FormKind.FEE_RECEIPT})


def paper_for(service: FormService, kind: FormKind) -> str:
    """The paper a form is printed on (the preview also reads it from the PDF itself)."""
    return service.paper if kind in COUNTER_PAPER_FORMS else "A4"


def render_and_preview(
    parent: QWidget, render: Callable[[], bytes], title: str, paper: str
) -> PdfPreviewDialog | str:
    """Render a PDF with a service call, then open the preview; a message when it failed."""
    data, message = attempt(render)
    if message is not None or data is None:
        return message or texts.UNEXPECTED_ERROR
    dialog = PdfPreviewDialog(data, title, paper=paper, parent=parent)
    dialog.open()
    return dialog
