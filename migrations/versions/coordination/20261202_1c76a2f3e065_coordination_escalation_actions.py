"""coordination: escalations that finish (closed_at, decision actions, linkages to revise)

Revision ID: 1c76a2f3e065
Revises: b7e41c2d9a53
Create Date: 2026-12-02 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "1c76a2f3e065"
down_revision: str | Sequence[str] | None = "b7e41c2d9a53"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Statuses are VARCHAR without a check constraint: CLOSED needs no change of type.
    with op.batch_alter_table("coordination_escalation") as batch:
        batch.add_column(sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table(
        "coordination_escalation_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("escalation_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "REVISE_LIST",
                "RECTIFICATION",
                "NOTICE",
                "OTHER",
                name="actionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("owner_department_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column(
            "state",
            sa.Enum("OPEN", "DONE", name="actionstate", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("done_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("done_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("list_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["escalation_id"], ["coordination_escalation.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("coordination_escalation_action") as batch:
        batch.create_index(
            batch.f("ix_coordination_escalation_action_escalation_id"), ["escalation_id"]
        )
        batch.create_index(
            batch.f("ix_coordination_escalation_action_owner_department_id"),
            ["owner_department_id"],
        )
        batch.create_index(batch.f("ix_coordination_escalation_action_due_on"), ["due_on"])
    op.create_table(
        "coordination_escalation_action_linkage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("linkage_id", sa.Integer(), nullable=False),
        sa.Column("list_version", sa.Integer(), nullable=True),
        sa.Column("change", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.ForeignKeyConstraint(["action_id"], ["coordination_escalation_action.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("action_id", "linkage_id"),
    )
    with op.batch_alter_table("coordination_escalation_action_linkage") as batch:
        batch.create_index(
            batch.f("ix_coordination_escalation_action_linkage_action_id"), ["action_id"]
        )
        batch.create_index(
            batch.f("ix_coordination_escalation_action_linkage_linkage_id"), ["linkage_id"]
        )


def downgrade() -> None:
    op.drop_table("coordination_escalation_action_linkage")
    op.drop_table("coordination_escalation_action")
    with op.batch_alter_table("coordination_escalation") as batch:
        batch.drop_column("closed_at")
