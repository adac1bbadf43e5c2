"""coordination fact store: claim due, feedback result, finding time, facilitation counts

Revision ID: b7e41c2d9a53
Revises: 5f6c91a0e7ea
Create Date: 2026-12-01 17:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "b7e41c2d9a53"
down_revision: str | Sequence[str] | None = "5f6c91a0e7ea"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("coordination_fact_push") as batch:
        batch.add_column(
            sa.Column("claim_due_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch.add_column(
            sa.Column("feedback_result", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
    with op.batch_alter_table("coordination_fact_finding") as batch:
        batch.add_column(
            sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    with op.batch_alter_table("coordination_fact_application") as batch:
        batch.add_column(
            sa.Column("facilitation_applied", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("facilitation_skipped", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("coordination_fact_application") as batch:
        batch.drop_column("facilitation_skipped")
        batch.drop_column("facilitation_applied")
    with op.batch_alter_table("coordination_fact_finding") as batch:
        batch.drop_column("recorded_at")
    with op.batch_alter_table("coordination_fact_push") as batch:
        batch.drop_column("feedback_result")
        batch.drop_column("claim_due_at")
