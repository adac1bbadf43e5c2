"""supervision finding: its document number (文书编号)

Revision ID: 3d9f1b7c5e20
Revises: 8e2c4b6d0f13
Create Date: 2026-12-03 07:00:00

The decision or notice a result was issued as; required for 行政处罚 and 吊销许可 from now on,
empty on the findings recorded before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "3d9f1b7c5e20"
down_revision: str | Sequence[str] | None = "8e2c4b6d0f13"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("supervision_finding", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "document_number",
                sqlmodel.sql.sqltypes.AutoString(length=100),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("supervision_finding", schema=None) as batch_op:
        batch_op.drop_column("document_number")
