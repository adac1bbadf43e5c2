"""supervision notices: attachments, who read each delivery, the list version at issue

Revision ID: 8e2c4b6d0f13
Revises: a7bcbe16d2b2
Create Date: 2026-12-02 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '8e2c4b6d0f13'
down_revision: str | Sequence[str] | None = 'a7bcbe16d2b2'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'supervision_notice_attachment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('notice_id', sa.Integer(), nullable=False),
        sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('content_type', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(['notice_id'], ['supervision_policy_notice.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('supervision_notice_attachment', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_supervision_notice_attachment_notice_id'), ['notice_id'], unique=False
        )
    with op.batch_alter_table('supervision_policy_notice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('list_version', sa.Integer(), nullable=True))
    with op.batch_alter_table('supervision_notice_delivery', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('read_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(
            sa.Column('reader_name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table('supervision_notice_delivery', schema=None) as batch_op:
        batch_op.drop_column('reader_name')
        batch_op.drop_column('read_by')
    with op.batch_alter_table('supervision_policy_notice', schema=None) as batch_op:
        batch_op.drop_column('list_version')
    with op.batch_alter_table('supervision_notice_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_notice_attachment_notice_id'))
    op.drop_table('supervision_notice_attachment')
