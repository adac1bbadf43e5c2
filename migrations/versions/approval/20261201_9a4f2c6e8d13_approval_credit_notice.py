"""approval credit notices (credit.level.changed for open applications)

Revision ID: 9a4f2c6e8d13
Revises: 7c3e1a9d5b20
Create Date: 2026-12-01 17:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '9a4f2c6e8d13'
down_revision: str | Sequence[str] | None = '7c3e1a9d5b20'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('approval_credit_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('subject_code', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('applicant_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('previous_level', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('previous_joint_punished', sa.Boolean(), nullable=True),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('joint_punished', sa.Boolean(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('rule_version', sa.Integer(), nullable=True),
    sa.Column('deciding_rule', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('determined_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('received_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['approval_application.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id', 'determined_at')
    )
    with op.batch_alter_table('approval_credit_notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approval_credit_notice_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approval_credit_notice_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_approval_credit_notice_subject_code'), ['subject_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('approval_credit_notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_credit_notice_subject_code'))
        batch_op.drop_index(batch_op.f('ix_approval_credit_notice_department_id'))
        batch_op.drop_index(batch_op.f('ix_approval_credit_notice_application_id'))
    op.drop_table('approval_credit_notice')
