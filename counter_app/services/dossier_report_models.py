"""The plain results of the dossier reports: groups, filters, counted rows, the province table."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from counter_app.domain.text import fold
from counter_app.services.report_access import ReportPeriod


class DossierGroupBy(StrEnum):
    """What the rows of the dossier summary are."""

    PROCEDURE = "procedure"
    FIELD = "field"
    COUNTER = "counter"
    CLERK = "clerk"
    CHANNEL = "channel"

    @property
    def label(self) -> str:
        """The rows' heading in Vietnamese."""
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    DossierGroupBy.PROCEDURE: "Thủ tục hành chính",
    DossierGroupBy.FIELD: "Lĩnh vực",
    DossierGroupBy.COUNTER: "Quầy",
    DossierGroupBy.CLERK: "Công chức tiếp nhận",
    DossierGroupBy.CHANNEL: "Kênh tiếp nhận",
}
CHANNEL_NAMES = {1: "Trực tiếp tại quầy", 2: "Trực tuyến", 3: "Qua bưu chính công ích"}
#: The counter group of dossiers that no queue ticket led to.
NO_COUNTER = "Không qua quầy có số"


@dataclass(frozen=True)
class DossierFilters:
    """Optional narrowing of a report; None means all."""

    procedure_code: str | None = None
    field: str | None = None
    counter: int | None = None
    clerk_id: int | None = None
    channel: int | None = None


@dataclass(frozen=True)
class DossierCounts:
    """One group's figures for the period (see dossier_reports for the exact definitions)."""

    received: int = 0  # received in the period
    carried_over: int = 0  # received before, still unresolved at the start
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    open_on_time: int = 0  # still unresolved at the end, deadline not passed
    open_late: int = 0  # still unresolved at the end, deadline passed
    returned: int = 0  # results handed back in the period
    withdrawn: int = 0  # withdrawn by the citizen in the period (status 7)
    stopped: int = 0  # processing stopped in the period (status 8)
    refused: int = 0  # refused at intake in the period (status 3, Mẫu 03)
    at_counter: int = 0  # of `received`, by channel
    online: int = 0
    by_post: int = 0

    @property
    def intake_total(self) -> int:
        """Dossiers to resolve in the period: received plus carried over."""
        return self.received + self.carried_over

    @property
    def resolved(self) -> int:
        """Resolved in the period, whatever the timeliness."""
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def open(self) -> int:
        """Still unresolved at the end of the period."""
        return self.open_on_time + self.open_late

    def __add__(self, other: DossierCounts) -> DossierCounts:
        return DossierCounts(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(self))
        )


COUNT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(DossierCounts))


@dataclass(frozen=True)
class DossierRow:
    """One group: its key (procedure code, field, counter number…), label and figures."""

    key: str
    label: str
    counts: DossierCounts


@dataclass(frozen=True)
class DossierSummary:
    """The rows of a dossier report and their total."""

    period: ReportPeriod
    group_by: DossierGroupBy
    filters: DossierFilters
    rows: tuple[DossierRow, ...]
    total: DossierRow


def total_row(rows: tuple[DossierRow, ...] | list[DossierRow]) -> DossierRow:
    """The "Tổng cộng" row adding up `rows`."""
    counts = DossierCounts()
    for row in rows:
        counts = counts + row.counts
    return DossierRow("", "Tổng cộng", counts)


def row_label(group_by: DossierGroupBy, key: object, label: object) -> str:
    """The shown name of a group."""
    if group_by is DossierGroupBy.COUNTER:
        return NO_COUNTER if key is None else f"Quầy {key}"
    if group_by is DossierGroupBy.CHANNEL:
        return CHANNEL_NAMES.get(int(str(key)), f"Kênh {key}")
    if key is None or key == "" or not label:
        return {
            DossierGroupBy.CLERK: "Không rõ công chức",
            DossierGroupBy.PROCEDURE: "Không rõ thủ tục",
            DossierGroupBy.FIELD: "Không rõ lĩnh vực",
        }[group_by]
    return str(label)


def row_order(group_by: DossierGroupBy, row: DossierRow) -> tuple[int, int, str]:
    """Where a row goes: numbered groups by number, others by name, the unknown last."""
    missing = row.key == ""
    if group_by in (DossierGroupBy.COUNTER, DossierGroupBy.CHANNEL):
        return (missing, 0 if missing else int(row.key), "")
    return (missing, 0, fold(row.label))
