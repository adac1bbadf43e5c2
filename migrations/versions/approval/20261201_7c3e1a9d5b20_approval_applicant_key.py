"""approval applicant key (natural persons' credit key)

Revision ID: 7c3e1a9d5b20
Revises: 55c8a66aa2e9
Create Date: 2026-12-01 17:30:00

Each application keeps its applicant's subject key next to the raw code: the USCC for a legal
person, ``NP`` + keyed hash for a natural person (api/core/subject_keys.py). Existing rows are
filled in: legal persons in SQL, natural persons with the key derived from the server's secret.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from api.core.subject_keys import subject_key

revision: str = '7c3e1a9d5b20'
down_revision: str | Sequence[str] | None = '55c8a66aa2e9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('approval_application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applicant_key', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=True))
        batch_op.create_index(batch_op.f('ix_approval_application_applicant_key'), ['applicant_key'], unique=False)
    application = sa.table(
        'approval_application',
        sa.column('id', sa.Integer()),
        sa.column('applicant_kind', sa.String()),
        sa.column('applicant_code', sa.String()),
        sa.column('applicant_key', sa.String()),
    )
    op.execute(
        application.update()
        .where(application.c.applicant_kind == 'LEGAL_PERSON')
        .values(applicant_key=application.c.applicant_code)
    )
    bind = op.get_bind()
    people = bind.execute(
        sa.select(application.c.id, application.c.applicant_code).where(
            application.c.applicant_kind == 'NATURAL_PERSON'
        )
    ).all()
    for row_id, code in people:
        bind.execute(
            application.update()
            .where(application.c.id == row_id)
            .values(applicant_key=subject_key(code))
        )


def downgrade() -> None:
    with op.batch_alter_table('approval_application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_application_applicant_key'))
        batch_op.drop_column('applicant_key')
