"""credit lookup log: the application's 办件编号

Revision ID: 7a4c2e9b1d58
Revises: e5b1d7c3a902
Create Date: 2026-12-03 07:00:00

Lookups name their application by the number people read (SP + day + serial), copied from
approval's acceptance event; rows before this revision stay empty until it arrives again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "7a4c2e9b1d58"
down_revision: str | Sequence[str] | None = "e5b1d7c3a902"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("credit_lookup_log", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "application_number", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("credit_lookup_log", schema=None) as batch_op:
        batch_op.drop_column("application_number")
