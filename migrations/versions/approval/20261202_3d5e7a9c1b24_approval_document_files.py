"""approval document files: legal-document files, claim receipts, offline dispatch records

Revision ID: 3d5e7a9c1b24
Revises: c9f1a4d7e2b5
Create Date: 2026-12-02 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '3d5e7a9c1b24'
down_revision: str | Sequence[str] | None = 'c9f1a4d7e2b5'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = sa.Enum(
    'ONLINE', 'OWN_SYSTEM', 'LETTER', 'JOINT_MEETING',
    name='channel', native_enum=False, length=32,
)


def upgrade() -> None:
    with op.batch_alter_table('approval_legal_document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('file_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column('file_type', sa.String(length=100), nullable=False, server_default='')
        )
        batch_op.add_column(sa.Column('file_size', sa.Integer(), nullable=True))
    with op.batch_alter_table('approval_push', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claim_receipt_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('claim_receipt_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('claim_receipt_type', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('claim_receipt_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('dispatch_channel', CHANNEL, nullable=True))
        batch_op.add_column(sa.Column('dispatch_number', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('dispatch_on', sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column('dispatch_note', sa.String(length=500), nullable=False, server_default='')
        )
        batch_op.add_column(sa.Column('dispatch_file_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('dispatch_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('dispatch_type', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('dispatch_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('dispatched_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('dispatched_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('approval_push', schema=None) as batch_op:
        for name in (
            'dispatched_at', 'dispatched_by', 'dispatch_size', 'dispatch_type', 'dispatch_sha256',
            'dispatch_file_name', 'dispatch_note', 'dispatch_on', 'dispatch_number',
            'dispatch_channel', 'claim_receipt_size', 'claim_receipt_type',
            'claim_receipt_sha256', 'claim_receipt_name',
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table('approval_legal_document', schema=None) as batch_op:
        batch_op.drop_column('file_size')
        batch_op.drop_column('file_type')
        batch_op.drop_column('file_sha256')
