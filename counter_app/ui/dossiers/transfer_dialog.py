"""Transfer a dossier to the unit that handles it: the own commune, or (boundary-free
procedures only) another commune of the province."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from counter_app.app_context import AppContext
from counter_app.domain.text import normalize
from counter_app.services import admin_units
from counter_app.services.dossier_queries import DossierDetail
from counter_app.services.principal import Principal
from counter_app.ui import texts
from counter_app.ui.dossiers.action_dialogs import ActionDialog, note_edit
from counter_app.ui.errors import attempt
from counter_app.ui.widgets.search_combo import SearchCombo


def unit_name(commune: str) -> str:
    """The people's committee of a commune: "UBND Phường Ba Đình"."""
    return texts.DOSSIER_UNIT_NAME.format(commune=commune)


def transfer_units(ctx: AppContext, procedure_code: str) -> tuple[list[str], bool]:
    """The units offered (own commune first) and whether the procedure is boundary-free."""
    office, _ = attempt(ctx.office.require)
    procedure, _ = attempt(lambda: ctx.catalog.get(procedure_code))
    boundary_free = bool(procedure and procedure.boundary_free)
    if office is None:
        return [], boundary_free
    own = unit_name(office.commune_name)
    units = [own]
    if boundary_free:
        others = admin_units.communes(office.province_code)
        units += [unit_name(c.name) for c in others if c.code != office.commune_code]
    return units, boundary_free


class TransferDialog(ActionDialog):
    """Pick the receiving unit (typing another one is allowed; the service checks it)."""

    def __init__(
        self,
        ctx: AppContext,
        principal: Principal,
        detail: DossierDetail,
        parent: QWidget | None = None,
    ) -> None:
        units, boundary_free = transfer_units(ctx, detail.row.procedure_code)
        intro = texts.TRANSFER_BOUNDARY_FREE if boundary_free else texts.TRANSFER_OWN_ONLY
        super().__init__(ctx, principal, detail, texts.TRANSFER_TITLE, intro, parent)
        self.boundary_free = boundary_free
        self.unit = SearchCombo(texts.TRANSFER_UNIT_HINT)
        self.unit.set_items((u, u) for u in units)
        if units:
            self.unit.select_code(units[0])
        self.note = note_edit()
        self.form.addRow(QLabel(texts.TRANSFER_UNIT), self.unit)
        self.form.addRow(texts.TRANSFER_NOTE, self.note)
        self.unit.setFocus()

    def unit_text(self) -> str:
        """The unit chosen or typed."""
        return normalize(self.unit.currentText())

    def problems(self) -> list[str]:
        """A unit is needed."""
        return [] if self.unit_text() else [texts.TRANSFER_NEED_UNIT]

    def perform(self) -> DossierDetail:
        """Transfer the dossier."""
        note = normalize(self.note.toPlainText())
        return self.lifecycle.transfer(self.principal, self.detail.id, self.unit_text(), note)
