"""core SMS messages: drop core_sms_message, now approval_sms_message

The approval revision ``6f2d8b4a1c37`` created ``approval_sms_message`` and copied the rows;
this one runs after it (``depends_on``) and drops the old table. Downgrading recreates it and
copies the rows back before the approval revision drops the new one.

Revision ID: e5b7c1d9a3f2
Revises: 3c7e9a1f5b20
Create Date: 2026-12-02 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "e5b7c1d9a3f2"
down_revision: str | Sequence[str] | None = "3c7e9a1f5b20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "6f2d8b4a1c37"

COLUMNS = (
    "id, key, mobile, recipient_name, department_id, template, params, text, sender,"
    " provider_ref, status, sent_at"
)


def upgrade() -> None:
    with op.batch_alter_table("core_sms_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_core_sms_message_department_id"))
    op.drop_table("core_sms_message")


def downgrade() -> None:
    op.create_table(
        "core_sms_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("mobile", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("recipient_name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("template", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("sender", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("provider_ref", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column(
            "status",
            sa.Enum("SENT", name="smsstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    with op.batch_alter_table("core_sms_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_core_sms_message_department_id"), ["department_id"], unique=False
        )
    if sa.inspect(op.get_bind()).has_table("approval_sms_message"):
        op.execute(
            f"INSERT INTO core_sms_message ({COLUMNS}) SELECT {COLUMNS} FROM approval_sms_message"
        )
        if op.get_bind().dialect.name == "postgresql":
            op.execute(
                "SELECT setval(pg_get_serial_sequence('core_sms_message', 'id'),"
                " COALESCE((SELECT MAX(id) FROM core_sms_message), 0) + 1, false)"
            )
