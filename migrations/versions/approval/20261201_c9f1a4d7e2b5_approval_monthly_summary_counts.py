"""approval monthly summary: claims by method, late claims, feedback by outcome

Revision ID: c9f1a4d7e2b5
Revises: b3e8d2a6c4f1
Create Date: 2026-12-01 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'c9f1a4d7e2b5'
down_revision: str | Sequence[str] | None = 'b3e8d2a6c4f1'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('approval_monthly_summary', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claims_by_method', sa.JSON(), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('late_claims', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('closed_without_abnormality', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('abnormal_feedback', sa.Integer(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('approval_monthly_summary', schema=None) as batch_op:
        batch_op.drop_column('abnormal_feedback')
        batch_op.drop_column('closed_without_abnormality')
        batch_op.drop_column('late_claims')
        batch_op.drop_column('claims_by_method')
