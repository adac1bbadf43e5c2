"""catalog linkage principles (a set) and the cross-department / cross-level flags

A linkage's single ``principle`` becomes a list ``principles`` (JSON, canonical order). The
published versions' entries get ``principles`` (from their single ``principle``) and the
derived ``cross_department`` / ``cross_level`` flags (from the departments' levels), so the
next publication compares like with like.

Revision ID: 1e6b0c4d9a27
Revises: f2a9c4e7b1d3
Create Date: 2026-12-02 01:30:00
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op


revision: str = '1e6b0c4d9a27'
down_revision: str | Sequence[str] | None = 'f2a9c4e7b1d3'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER = ('WHO_APPROVES', 'WHO_GOVERNS')

linkage = sa.table(
    'catalog_linkage',
    sa.column('id', sa.Integer),
    sa.column('principle', sa.String),
    sa.column('principles', sa.JSON),
)
version = sa.table(
    'catalog_list_version',
    sa.column('id', sa.Integer),
    sa.column('entries', sa.JSON),
    sa.column('removed_entries', sa.JSON),
)


def _rebuild() -> dict[str, Any]:
    # On SQLite a dropped column rebuilds the table: keep AUTOINCREMENT (ids never reused).
    sqlite = op.get_bind().dialect.name == 'sqlite'
    return {
        'recreate': 'always' if sqlite else 'auto',
        'table_kwargs': {'sqlite_autoincrement': True} if sqlite else {},
    }


def _entries(fix: Any) -> None:
    bind = op.get_bind()
    for row in bind.execute(sa.select(version.c.id, version.c.entries, version.c.removed_entries)).all():
        bind.execute(
            version.update()
            .where(version.c.id == row[0])
            .values(entries=[fix(e) for e in row[1] or []], removed_entries=[fix(e) for e in row[2] or []])
        )


def upgrade() -> None:
    with op.batch_alter_table('catalog_linkage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('principles', sa.JSON(), nullable=True))
    bind = op.get_bind()
    for id_, principle in bind.execute(sa.select(linkage.c.id, linkage.c.principle)).all():
        bind.execute(linkage.update().where(linkage.c.id == id_).values(principles=[principle]))
    with op.batch_alter_table('catalog_linkage', schema=None, **_rebuild()) as batch_op:
        batch_op.alter_column('principles', existing_type=sa.JSON(), nullable=False)
        batch_op.drop_column('principle')

    levels = dict(bind.execute(sa.text('SELECT id, level FROM catalog_department')).all())

    def fix(e: dict[str, Any]) -> dict[str, Any]:
        e = dict(e)
        single = e.pop('principle', None)
        e.setdefault('principles', [single] if single else [])
        a, s = e.get('approving_department_id'), e.get('supervising_department_id')
        e.setdefault('cross_department', a != s)
        e.setdefault('cross_level', levels.get(a) != levels.get(s))
        return e

    _entries(fix)


def downgrade() -> None:
    def fix(e: dict[str, Any]) -> dict[str, Any]:
        e = dict(e)
        chosen = e.pop('principles', None) or ['WHO_APPROVES']
        e.pop('cross_department', None)
        e.pop('cross_level', None)
        e['principle'] = chosen[0]
        return e

    _entries(fix)
    with op.batch_alter_table('catalog_linkage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('principle', sa.Enum(*ORDER, name='principle', native_enum=False, length=32), nullable=True))
    bind = op.get_bind()
    for id_, chosen in bind.execute(sa.select(linkage.c.id, linkage.c.principles)).all():
        first = next((p for p in ORDER if p in (chosen or [])), 'WHO_APPROVES')
        bind.execute(linkage.update().where(linkage.c.id == id_).values(principle=first))
    with op.batch_alter_table('catalog_linkage', schema=None, **_rebuild()) as batch_op:
        batch_op.alter_column('principle', existing_type=sa.String(length=32), nullable=False)
        batch_op.drop_column('principles')
