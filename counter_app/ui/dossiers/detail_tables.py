"""The dossier detail's smaller tables: papers, digitised files, fee receipts."""

from __future__ import annotations

from counter_app.services.attachments import format_size
from counter_app.services.dossier_queries import AttachmentRow, FeeRow, PaperRow
from counter_app.ui import texts
from counter_app.ui.dossiers import formatting as fmt
from counter_app.ui.table_model import Column


def paper_state(paper: PaperRow) -> str:
    """Received or not (papers only shown are marked so)."""
    if paper.present_only:
        return texts.DOSSIER_PAPER_PRESENTED
    return texts.DOSSIER_PAPER_RECEIVED if paper.received else texts.DOSSIER_PAPER_NOT_RECEIVED


def paper_name(paper: PaperRow) -> str:
    """The paper's name, marked when only sometimes needed."""
    return paper.name + ("" if paper.required else texts.PAPER_OPTIONAL)


PAPER_COLUMNS: list[Column[PaperRow]] = [
    Column(texts.DOSSIER_PAPER_COLUMNS[0], paper_name),
    Column(texts.DOSSIER_PAPER_COLUMNS[1], lambda p: str(p.originals), align_right=True),
    Column(texts.DOSSIER_PAPER_COLUMNS[2], lambda p: str(p.copies), align_right=True),
    Column(texts.DOSSIER_PAPER_COLUMNS[3], paper_state),
    Column(texts.DOSSIER_PAPER_COLUMNS[4], lambda p: p.problem or texts.NONE),
]

FILE_COLUMNS: list[Column[AttachmentRow]] = [
    Column(texts.DOSSIER_FILE_COLUMNS[0], lambda a: a.filename),
    Column(texts.DOSSIER_FILE_COLUMNS[1], lambda a: a.media_type),
    Column(texts.DOSSIER_FILE_COLUMNS[2], lambda a: format_size(a.size_bytes), align_right=True),
    Column(texts.DOSSIER_FILE_COLUMNS[3], lambda a: str(a.pages), align_right=True),
    Column(
        texts.DOSSIER_FILE_COLUMNS[4],
        lambda a: str(a.paper_position) if a.paper_position else texts.NONE,
        align_right=True,
    ),
]

FEE_COLUMNS: list[Column[FeeRow]] = [
    Column(texts.DOSSIER_FEE_COLUMNS[0], lambda f: f"{f.number}/{f.year}"),
    Column(texts.DOSSIER_FEE_COLUMNS[1], lambda f: f.fee_name),
    Column(texts.DOSSIER_FEE_COLUMNS[2], lambda f: fmt.money(f.amount), align_right=True),
    Column(texts.DOSSIER_FEE_COLUMNS[3], lambda f: f.method),
    Column(texts.DOSSIER_FEE_COLUMNS[4], lambda f: f.payer_name),
    Column(texts.DOSSIER_FEE_COLUMNS[5], lambda f: fmt.when(f.issued_at)),
]
