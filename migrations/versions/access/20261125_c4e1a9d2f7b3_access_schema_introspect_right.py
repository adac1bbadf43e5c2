"""access: the schema/introspect right (production introspection and GraphiQL)

Data only. A database whose policy was loaded before this right existed gets the two
rules of policies/policy.csv that grant it (system_admin; the assignable role
schema_reader for connected systems) and a policy version recording them. An empty
policy table is left alone: `shenguan migrate` loads the whole default policy into it.

Revision ID: c4e1a9d2f7b3
Revises: 7bb1c4995923
Create Date: 2026-11-25 17:30:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "c4e1a9d2f7b3"
down_revision: str | Sequence[str] | None = "7bb1c4995923"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "900137d0f188"  # core: casbin_rule

RULES = (
    ("system_admin", "*", "schema", "introspect"),
    ("schema_reader", "*", "schema", "introspect"),
)
COLUMNS = ("ptype", "v0", "v1", "v2", "v3", "v4", "v5")

casbin_rule = sa.table("casbin_rule", *(sa.column(c, sa.String) for c in COLUMNS))
policy_version = sa.table(
    "access_policy_version",
    sa.column("created_at", sqlmodel.sql.sqltypes.UTCDateTime()),
    sa.column("actor", sa.String),
    sa.column("summary", sa.String),
    sa.column("rules", sa.JSON),
)


def _rules(bind: sa.Connection) -> list[tuple[str | None, ...]]:
    rows = bind.execute(sa.select(*(casbin_rule.c[c] for c in COLUMNS)).order_by(sa.text("id")))
    return [tuple(r) for r in rows]


def upgrade() -> None:
    bind = op.get_bind()
    existing = _rules(bind)
    if not existing:
        return
    present = {r[1:5] for r in existing if r[0] == "p"}
    missing = [rule for rule in RULES if rule not in present]
    if not missing:
        return
    op.bulk_insert(
        casbin_rule,
        [{"ptype": "p", "v0": s, "v1": d, "v2": o, "v3": a} for s, d, o, a in missing],
    )
    snapshot = [[v for v in row if v is not None] for row in _rules(bind)]
    op.bulk_insert(
        policy_version,
        [
            {
                "created_at": datetime.now(UTC),
                "actor": "system",
                "summary": "新增权限：schema/introspect（生产环境内省）",
                "rules": snapshot,
            }
        ],
    )


def downgrade() -> None:
    bind = op.get_bind()
    for subject, domain, obj, act in RULES:
        bind.execute(
            casbin_rule.delete().where(
                casbin_rule.c.ptype == "p",
                casbin_rule.c.v0 == subject,
                casbin_rule.c.v1 == domain,
                casbin_rule.c.v2 == obj,
                casbin_rule.c.v3 == act,
            )
        )
