"""access: merge last-sign-in and introspect-right heads (two branches added one each)

Revision ID: 5f7af9ba3e9c
Revises: c3e8a4f1d702, c4e1a9d2f7b3
Create Date: 2026-11-25 18:15:16.313911
"""

from collections.abc import Sequence


revision: str = "5f7af9ba3e9c"
down_revision: str | Sequence[str] | None = ("c3e8a4f1d702", "c4e1a9d2f7b3")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
