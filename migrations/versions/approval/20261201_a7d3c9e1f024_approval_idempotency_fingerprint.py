"""idempotency key bound to a request fingerprint; claimed before the work

Revision ID: a7d3c9e1f024
Revises: fdfaa056780a
Create Date: 2026-12-01 17:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "a7d3c9e1f024"
down_revision: str | Sequence[str] | None = "fdfaa056780a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("approval_external_report", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "fingerprint",
                sqlmodel.sql.sqltypes.AutoString(length=64),
                nullable=False,
                server_default="",
            )
        )
        batch_op.alter_column("application_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("approval_external_report", schema=None) as batch_op:
        batch_op.alter_column("application_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("fingerprint")
