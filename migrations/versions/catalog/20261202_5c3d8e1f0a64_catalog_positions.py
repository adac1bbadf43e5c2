"""catalog positions: a person may hold further positions in other sections and departments

The home section stays on the person row (every existing person keeps it; no data moves);
``catalog_position`` holds the further positions.

Revision ID: 5c3d8e1f0a64
Revises: 1e6b0c4d9a27
Create Date: 2026-12-02 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '5c3d8e1f0a64'
down_revision: str | Sequence[str] | None = '1e6b0c4d9a27'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('catalog_position',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['catalog_department.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['catalog_person.id'], ),
    sa.ForeignKeyConstraint(['section_id'], ['catalog_section.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'section_id')
    )
    with op.batch_alter_table('catalog_position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalog_position_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_catalog_position_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_catalog_position_section_id'), ['section_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('catalog_position', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalog_position_section_id'))
        batch_op.drop_index(batch_op.f('ix_catalog_position_person_id'))
        batch_op.drop_index(batch_op.f('ix_catalog_position_department_id'))
    op.drop_table('catalog_position')
