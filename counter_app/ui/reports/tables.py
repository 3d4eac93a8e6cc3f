"""The columns of the dossier summary and of the province report."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHeaderView, QTableView

from counter_app.services.dossier_report_models import DossierRow
from counter_app.ui import texts
from counter_app.ui.reports.grouped_header import GroupedHeader
from counter_app.ui.table_model import Column, RowTableModel, make_table
from printers.reports.dossier_report_data import ProvinceLine, ProvinceReportData

#: The DossierCounts fields shown, in the order of texts.DREPORT_SUMMARY_HEADERS.
SUMMARY_FIELDS = (
    "received",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "open_on_time",
    "open_late",
    "returned",
    "withdrawn",
    "stopped",
    "refused",
)


def _count(name: str, header: str) -> Column[DossierRow]:
    return Column(header, lambda r: str(getattr(r.counts, name)), align_right=True)


def summary_columns(group_title: str) -> list[Column[DossierRow]]:
    """The group's name, then one count per field."""
    return [
        Column(group_title, lambda r: r.label),
        *(_count(n, h) for n, h in zip(SUMMARY_FIELDS, texts.DREPORT_SUMMARY_HEADERS, strict=True)),
    ]


@dataclass(frozen=True)
class ProvinceRow:
    """A numbered line of the province report ("" for the total)."""

    number: str
    line: ProvinceLine


def province_rows(data: ProvinceReportData) -> list[ProvinceRow]:
    """The fields numbered from 1, then the total."""
    rows = [ProvinceRow(str(i), line) for i, line in enumerate(data.lines, 1)]
    return [*rows, ProvinceRow("", data.total)] if rows else []


def _cell(i: int, header: str) -> Column[ProvinceRow]:
    return Column(header, lambda r: str(r.line.cells()[i]), align_right=True)


def province_columns() -> list[Column[ProvinceRow]]:
    """STT, the field, and the eleven numbers of the form (their group titles go above)."""
    number, label, *numbers = texts.DREPORT_PROVINCE_SUBHEADERS
    return [
        Column(number, lambda r: r.number, align_right=True),
        Column(label, lambda r: r.line.label),
        *(_cell(i, h) for i, h in enumerate(numbers)),
    ]


def province_table(model: RowTableModel[ProvinceRow]) -> QTableView:
    """The province table with the form's two-level heading; the field's column stretches."""
    table = make_table(model, 1)
    header = GroupedHeader(texts.DREPORT_PROVINCE_GROUPS, table)
    table.setHorizontalHeader(header)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table
