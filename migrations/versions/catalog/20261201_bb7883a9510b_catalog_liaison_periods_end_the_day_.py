"""catalog liaison periods end the day before

Revision ID: bb7883a9510b
Revises: 3ba8d6fe8cab
Create Date: 2026-12-01 17:17:11.681554
"""

from collections.abc import Sequence

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op


revision: str = 'bb7883a9510b'
down_revision: str | Sequence[str] | None = '3ba8d6fe8cab'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


LIAISON = sa.table(
    "catalog_liaison", sa.column("id", sa.Integer), sa.column("until", sa.Date)
)


def _shift(days: int) -> None:
    """A closed period used to end on its successor's first day (both were current then);
    it now ends on the day before. Data only: no column changes."""
    bind = op.get_bind()
    rows = bind.execute(sa.select(LIAISON.c.id, LIAISON.c.until).where(LIAISON.c.until.is_not(None)))
    for row_id, until in rows.all():
        day = until if isinstance(until, date) else date.fromisoformat(str(until))
        bind.execute(
            LIAISON.update().where(LIAISON.c.id == row_id).values(until=day + timedelta(days=days))
        )


def upgrade() -> None:
    _shift(-1)


def downgrade() -> None:
    _shift(1)
