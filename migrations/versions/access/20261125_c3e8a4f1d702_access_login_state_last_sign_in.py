"""access login state: last sign-in

Revision ID: c3e8a4f1d702
Revises: 7bb1c4995923
Create Date: 2026-11-25 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = 'c3e8a4f1d702'
down_revision: str | Sequence[str] | None = '7bb1c4995923'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('access_login_state', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('last_sign_in_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table('access_login_state', schema=None) as batch_op:
        batch_op.drop_column('last_sign_in_at')
