"""report indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 08:10:00

Plain CREATE INDEX, not a batch operation: rebuilding the dossier table on SQLite would drop
the full-text search triggers of migration 0002.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_ticket_dossier", "ticket", ["dossier_id"])
    op.create_index("ix_dossier_result_ready_at", "dossier", ["result_ready_at"])
    op.create_index("ix_dossier_returned_at", "dossier", ["returned_at"])


def downgrade() -> None:
    op.drop_index("ix_dossier_returned_at", table_name="dossier")
    op.drop_index("ix_dossier_result_ready_at", table_name="dossier")
    op.drop_index("ix_ticket_dossier", table_name="ticket")
