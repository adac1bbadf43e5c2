"""approval linkage entry review mode (catalog's sharing rule, copied with the list)

Revision ID: b3e8d2a6c4f1
Revises: f4a6f184aa15
Create Date: 2026-12-01 20:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = 'b3e8d2a6c4f1'
down_revision: str | Sequence[str] | None = 'f4a6f184aa15'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('approval_linkage_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_mode', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False, server_default='AFTER_APPROVAL'))


def downgrade() -> None:
    with op.batch_alter_table('approval_linkage_entry', schema=None) as batch_op:
        batch_op.drop_column('review_mode')
