"""coordination meetings: the minutes file (stored by SHA-256)

Revision ID: 4a6c8e0b2d35
Revises: 1c76a2f3e065
Create Date: 2026-12-02 01:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '4a6c8e0b2d35'
down_revision: str | Sequence[str] | None = '1c76a2f3e065'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('coordination_meeting', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('minutes_file_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column('minutes_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(
            sa.Column('minutes_type', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(sa.Column('minutes_size', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('coordination_meeting', schema=None) as batch_op:
        batch_op.drop_column('minutes_size')
        batch_op.drop_column('minutes_type')
        batch_op.drop_column('minutes_sha256')
        batch_op.drop_column('minutes_file_name')
