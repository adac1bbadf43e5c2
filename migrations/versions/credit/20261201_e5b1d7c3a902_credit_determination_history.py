"""credit determination history: every determination kept

Revision ID: e5b1d7c3a902
Revises: d9b3741f7c42
Create Date: 2026-12-01 20:40:00

Each subject's current row (``credit_determination``) becomes its first history entry, with
the explanation it can still give (the rule version; the records behind it were not kept).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "e5b1d7c3a902"
down_revision: str | Sequence[str] | None = "d9b3741f7c42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEVELS = ("TRUSTWORTHY", "NORMAL", "DISHONEST")
LABELS = {"TRUSTWORTHY": "守信", "NORMAL": "一般", "DISHONEST": "失信"}


def upgrade() -> None:
    op.create_table(
        "credit_determination_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_code", sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
        sa.Column("determined_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("determined_on", sa.Date(), nullable=False),
        sa.Column("rule_version", sa.Integer(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(*LEVELS, name="creditlevel", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("joint_punished", sa.Boolean(), nullable=False),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("causes", sa.JSON(), nullable=False),
        sa.Column(
            "previous_level",
            sa.Enum(*LEVELS, name="creditlevel", native_enum=False, length=32),
            nullable=True,
        ),
        sa.ForeignKeyConstraint(
            ["subject_code"],
            ["credit_subject.credit_code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("credit_determination_history", schema=None) as batch_op:
        batch_op.create_index(
            "ix_credit_determination_history_subject_on",
            ["subject_code", "determined_on"],
            unique=False,
        )

    bind = op.get_bind()
    day = "date(determined_at)" if bind.dialect.name == "sqlite" else "CAST(determined_at AS DATE)"
    label = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in LABELS.items())
    op.execute(
        "INSERT INTO credit_determination_history (subject_code, determined_at, determined_on,"
        " rule_version, level, score, joint_punished, summary, causes, previous_level)"
        f" SELECT subject_code, determined_at, {day}, rule_version, level, score, joint_punished,"
        f" '合计' || CAST(score AS VARCHAR(12)) || '分：认定为' || CASE level {label} END"
        " || '（规则第' || CAST(rule_version AS VARCHAR(12)) || '版；启用认定历史前的认定，未留存依据记录）',"
        " '[]', NULL FROM credit_determination"
    )


def downgrade() -> None:
    with op.batch_alter_table("credit_determination_history", schema=None) as batch_op:
        batch_op.drop_index("ix_credit_determination_history_subject_on")

    op.drop_table("credit_determination_history")
