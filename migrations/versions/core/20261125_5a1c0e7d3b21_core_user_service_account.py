"""core user: service-account flag

Revision ID: 5a1c0e7d3b21
Revises: eaadbecc4f3c
Create Date: 2026-11-25 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '5a1c0e7d3b21'
down_revision: str | Sequence[str] | None = 'eaadbecc4f3c'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('core_user', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('service_account', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('core_user', schema=None) as batch_op:
        batch_op.drop_column('service_account')
