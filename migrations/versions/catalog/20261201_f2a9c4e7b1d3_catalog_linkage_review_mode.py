"""catalog linkage review mode (提前介入 / 并联审查 give the 受理 push a feedback limit)

Revision ID: f2a9c4e7b1d3
Revises: d4e8f1a2b3c6
Create Date: 2026-12-01 20:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'f2a9c4e7b1d3'
down_revision: str | Sequence[str] | None = 'd4e8f1a2b3c6'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MODES = ('AFTER_APPROVAL', 'EARLY_INVOLVEMENT', 'PARALLEL_REVIEW')


def upgrade() -> None:
    with op.batch_alter_table('catalog_linkage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_mode', sa.Enum(*MODES, name='reviewmode', native_enum=False, length=32), nullable=False, server_default='AFTER_APPROVAL'))


def downgrade() -> None:
    with op.batch_alter_table('catalog_linkage', schema=None) as batch_op:
        batch_op.drop_column('review_mode')
