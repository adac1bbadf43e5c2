"""approval SMS messages: the SMS log moves from core to approval, its only sender

The table ``core_sms_message`` becomes ``approval_sms_message`` (``api/approval/models/sms.py``):
created here, the rows copied; the core revision ``e5b7c1d9a3f2`` drops the old table after
this one (it depends on it).

Revision ID: 6f2d8b4a1c37
Revises: b9ad9f6bad30
Create Date: 2026-12-02 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "6f2d8b4a1c37"
down_revision: str | Sequence[str] | None = "b9ad9f6bad30"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    "id, key, mobile, recipient_name, department_id, template, params, text, sender,"
    " provider_ref, status, sent_at"
)


def upgrade() -> None:
    op.create_table(
        "approval_sms_message",
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
    with op.batch_alter_table("approval_sms_message", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_approval_sms_message_department_id"), ["department_id"], unique=False
        )
    if sa.inspect(op.get_bind()).has_table("core_sms_message"):
        op.execute(
            f"INSERT INTO approval_sms_message ({COLUMNS}) SELECT {COLUMNS} FROM core_sms_message"
        )
        if op.get_bind().dialect.name == "postgresql":
            op.execute(
                "SELECT setval(pg_get_serial_sequence('approval_sms_message', 'id'),"
                " COALESCE((SELECT MAX(id) FROM approval_sms_message), 0) + 1, false)"
            )


def downgrade() -> None:
    with op.batch_alter_table("approval_sms_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_approval_sms_message_department_id"))
    op.drop_table("approval_sms_message")
