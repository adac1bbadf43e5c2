"""Policy administration: list, add, remove, roll back; every change validated and versioned.

A change states its reason (``REASON_REQUIRED`` otherwise) and names only the roles,
objects and actions of the policy catalogue (``api/access/services/policy_catalogue.py``). It is
checked against a throw-away enforcer before it is written: the model must load with the
new rule set, and at least one active account must still be able to administer the policy
(the last system administrator cannot be removed). Each change writes a policy version (a
snapshot of all rules) and an audit row with the rules before and after and the reason; a
refused change writes an audit row with what was asked and why it was refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import casbin
import sqlalchemy as sa
from sqlalchemy import ColumnElement
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.access.services import policy_catalogue
from api.access.services.policy_catalogue import ROLE_CODES, SERVICE_ROLES
from api.core.audit import Actor, AuditAction, AuditOutcome, record
from api.core.authz import MODEL_PATH, Authorizer, current_rules, record_version, rule_model
from api.core.clock import utcnow
from api.core.errors import FieldIssue, ValidationFailed
from api.core.models import ApiKey, CasbinRule, LoginState, PolicyVersion, User

ADMIN_OBJECT, ADMIN_ACTION = "policy", "admin"
MAX_REASON = 500


@dataclass(frozen=True)
class Rule:
    """``p, role, department|*, object, action`` or ``g, user, role, department``."""

    ptype: str
    values: tuple[str, ...]

    def row(self) -> list[str]:
        return [self.ptype, *self.values]


def permission(role: str, department_id: str, obj: str, act: str) -> Rule:
    return Rule("p", (role.strip(), department_id.strip(), obj.strip(), act.strip()))


def assignment(username: str, role: str, department_id: str) -> Rule:
    return Rule("g", (username.strip(), role.strip(), department_id.strip()))


async def list_rules(session: AsyncSession, ptype: str) -> list[CasbinRule]:
    stmt = select(CasbinRule).where(CasbinRule.ptype == ptype).order_by(col(CasbinRule.id))
    return list((await session.exec(stmt)).all())


async def list_versions(session: AsyncSession, *, limit: int) -> list[PolicyVersion]:
    stmt = select(PolicyVersion).order_by(col(PolicyVersion.id).desc()).limit(limit)
    return list((await session.exec(stmt)).all())


SYSTEM_ACTOR = "system"
_RULE_CHANGE = re.compile(r"^(新增|删除) ([pg]), (.+)$")
_GRANT = re.compile(r"^授予 (\S+) 在部门 (\S+) 的角色 (\S+)$")


def _role(code: str) -> str:
    return policy_catalogue.ROLE_NAMES.get(code, code)


def _object(code: str) -> str:
    if code == policy_catalogue.ANY:
        return "全部对象"
    found = policy_catalogue.OBJECTS_BY_CODE.get(code)
    return found.name if found else code


def _action(code: str) -> str:
    return (
        "全部操作"
        if code == policy_catalogue.ANY
        else policy_catalogue.ACTION_NAMES.get(code, code)
    )


def _department(code: str) -> str:
    return "全部部门" if code == policy_catalogue.ANY else f"部门 {code}"


def version_usernames(summaries: list[str]) -> set[str]:
    """The account names a version's summary names (to look their people up in one query)."""
    names: set[str] = set()
    for summary in summaries:
        if (m := _GRANT.match(summary)) is not None:
            names.add(m.group(1))
        elif (m := _RULE_CHANGE.match(summary)) is not None and m.group(2) == "g":
            names.add(m.group(3).split(", ")[0])
    return names


def describe_version(summary: str, people: dict[str, str]) -> str:
    """A version's summary (``describe`` above, ``authz.assign_role``) in words: roles,
    objects and actions by their catalogue names, accounts by their people's names. A
    summary of another form (a migration's) is shown as written."""
    if (m := _GRANT.match(summary)) is not None:
        user, dept, role = m.groups()
        return f"授予 {people.get(user, user)} 在{_department(dept)}的角色「{_role(role)}」"
    m = _RULE_CHANGE.match(summary)
    if m is None:
        return summary
    verb, ptype, rest = m.groups()
    values = rest.split(", ")
    if ptype == "p" and len(values) == 4:  # noqa: PLR2004 - role, department, object, action
        role, dept, obj, act = values
        return f"{verb}权限：{_role(role)} · {_department(dept)} · {_object(obj)} · {_action(act)}"
    if ptype == "g" and len(values) == 3:  # noqa: PLR2004 - account, role, department
        user, role, dept = values
        return f"{verb}角色分配：{people.get(user, user)} · {_role(role)} · {_department(dept)}"
    return summary


def _reason_issue(reason: str | None) -> FieldIssue | None:
    text = (reason or "").strip()
    if not text:
        return FieldIssue("reason", "REASON_REQUIRED", "请填写变更理由（记入审计日志）")
    if len(text) > MAX_REASON:
        return FieldIssue("reason", "TOO_LONG", f"变更理由不能超过 {MAX_REASON} 个字符")
    return None


def _shape_issue(rule: Rule) -> FieldIssue | None:
    expected = {"p": 4, "g": 3}.get(rule.ptype)
    if expected is None or len(rule.values) != expected or not all(rule.values):
        return FieldIssue("rule", "INVALID_RULE", "策略规则格式不正确")
    if any(len(v) > 255 or "," in v for v in rule.values):  # noqa: PLR2004 - column width
        return FieldIssue("rule", "INVALID_RULE", "策略规则含非法字符或过长")
    if rule.ptype == "g" and rule.values[1] not in ROLE_CODES:
        return FieldIssue("role", "UNKNOWN_ROLE", f"未知角色：{rule.values[1]}")
    if rule.ptype == "p":
        role, _department, obj, act = rule.values
        unknown = policy_catalogue.unknown_in_permission(role, obj, act)
        if unknown is not None:
            return FieldIssue(unknown.field, unknown.code, unknown.message)
    return None


def _check(rule: Rule | None, reason: str | None) -> str:
    """The reason (stripped) when it is given and the rule is well formed and names only
    what the catalogue knows; every problem found otherwise, each on its field."""
    issues = [
        issue
        for issue in (_reason_issue(reason), _shape_issue(rule) if rule else None)
        if issue is not None
    ]
    if issues:
        raise ValidationFailed(issues)
    return (reason or "").strip()


async def validate(session: AsyncSession, rules: list[list[str]], *, keep_admin: bool) -> None:
    """The model loads with ``rules``; with ``keep_admin`` an active account can still
    administer the policy (adding a rule never takes a permission away)."""
    try:
        enforcer = casbin.Enforcer(str(MODEL_PATH))
        for row in rules:
            if row[0] == "p":
                enforcer.add_named_policy("p", row[1:])
            elif row[0] == "g":
                enforcer.add_named_grouping_policy("g", row[1:])
    except Exception as exc:
        raise ValidationFailed.single("rule", "MODEL_REJECTED", f"策略无法载入：{exc}") from exc
    if not keep_admin:
        return
    admins = {(row[1], row[3]) for row in rules if row[0] == "g"}
    active = set(
        (
            await session.exec(
                select(User.username).where(
                    col(User.username).in_({u for u, _ in admins}), col(User.is_active)
                )
            )
        ).all()
    )
    if not any(
        user in active and enforcer.enforce(user, dept, ADMIN_OBJECT, ADMIN_ACTION)
        for user, dept in admins
    ):
        raise ValidationFailed.single(
            "rule", "LAST_ADMIN", "不能移除最后一位系统管理员（至少保留一个可管理策略的账号）"
        )


async def _audit_change(
    session: AsyncSession, actor: Actor, summary: str, before: list[list[str]], reason: str
) -> PolicyVersion:
    """The new version, audited with the whole rule set before and after, the difference,
    the version before and after, and the reason."""
    previous = (await session.exec(select(sa.func.max(PolicyVersion.id)))).one()
    version = await record_version(session, actor=actor.username or "system", summary=summary)
    after = [list(r) for r in version.rules]
    await record(
        session,
        actor=actor,
        action=AuditAction.POLICY_CHANGE,
        outcome=AuditOutcome.SUCCESS,
        target=summary,
        detail={
            "reason": reason,
            "version": version.id,
            "versionBefore": previous,
            "added": [r for r in after if r not in before],
            "removed": [r for r in before if r not in after],
            "before": before,
            "after": after,
        },
    )
    return version


def describe(verb: str, rule: Rule | None = None, version_id: object = None) -> str:
    """The audit target of a change: 新增 p, role, … / 删除 g, user, … / 回滚到策略版本 N."""
    if rule is None:
        return f"回滚到策略版本 {version_id}"
    return f"{verb} {', '.join(rule.row())}"


def attempted(rule: Rule | None = None, version_id: object = None) -> dict[str, object]:
    """What a change asked for, as the audit row keeps it."""
    if rule is None:
        return {"rollbackTo": str(version_id)}
    return {"rule": rule.row()}


async def audit_refused_change(
    session: AsyncSession,
    *,
    actor: Actor,
    change: str,
    exc: ValidationFailed,
    attempt: dict[str, object] | None = None,
    reason: str | None = None,
) -> None:
    """A policy change the rules refused (no reason, unknown role/object/action, last
    administrator, duplicate, bad rule) is audited too, with what was asked, the reason
    given and why it was refused; nothing else is written."""
    await record(
        session,
        actor=actor,
        action=AuditAction.POLICY_CHANGE,
        outcome=AuditOutcome.FAILURE,
        target=change,
        detail={
            "attempted": attempt or {},
            "reason": (reason or "").strip(),
            "refused": [
                {"field": i.field, "code": i.code, "message": i.message} for i in exc.issues
            ],
        },
    )


def _matches(rule: Rule) -> list[ColumnElement[bool]]:
    columns = [col(CasbinRule.v0), col(CasbinRule.v1), col(CasbinRule.v2), col(CasbinRule.v3)]
    return [col(CasbinRule.ptype) == rule.ptype] + [
        c == v for c, v in zip(columns, rule.values, strict=False)
    ]


async def _check_holder(session: AsyncSession, rule: Rule) -> None:
    """A connected system's role goes to a service account only."""
    if rule.ptype != "g" or rule.values[1] not in SERVICE_ROLES:
        return
    holder = (await session.exec(select(User).where(User.username == rule.values[0]))).first()
    if holder is None or not holder.service_account:
        raise ValidationFailed.single(
            "role", "SERVICE_ROLE_FOR_PERSON", "对接系统角色只能授予服务账号，不能授予个人账号"
        )


async def add_rule(
    session: AsyncSession, *, actor: Actor, rule: Rule, reason: str | None
) -> PolicyVersion:
    why = _check(rule, reason)
    await _check_holder(session, rule)
    rules = await current_rules(session)
    if rule.row() in rules:
        raise ValidationFailed.single("rule", "DUPLICATE", "该规则已存在")
    await validate(session, [*rules, rule.row()], keep_admin=False)
    session.add(rule_model(rule.row()))
    await session.flush()
    return await _audit_change(session, actor, describe("新增", rule), rules, why)


async def remove_rule(
    session: AsyncSession, *, actor: Actor, rule: Rule, reason: str | None
) -> PolicyVersion:
    """Remove a rule. A rule naming what the catalogue no longer knows can still be
    removed (only its shape is checked), so a stale rule never sticks."""
    issues = [i for i in (_reason_issue(reason), _shape_issue(rule)) if i is not None]
    issues = [i for i in issues if not i.code.startswith("UNKNOWN_")]
    if issues:
        raise ValidationFailed(issues)
    why = (reason or "").strip()
    rules = await current_rules(session)
    if rule.row() not in rules:
        raise ValidationFailed.single("rule", "NOT_FOUND", "该规则不存在")
    await validate(session, [r for r in rules if r != rule.row()], keep_admin=True)
    await session.exec(delete(CasbinRule).where(*_matches(rule)))
    return await _audit_change(session, actor, describe("删除", rule), rules, why)


async def rollback(
    session: AsyncSession, *, actor: Actor, version_id: int, reason: str | None
) -> PolicyVersion:
    """Restore the rule set of an earlier version (itself a new version)."""
    why = _check(None, reason)
    target = await session.get(PolicyVersion, version_id)
    if target is None:
        raise ValidationFailed.single("versionId", "NOT_FOUND", "策略版本不存在")
    rules = [list(r) for r in target.rules]
    await validate(session, rules, keep_admin=True)
    before = await current_rules(session)
    await session.exec(delete(CasbinRule))
    for row in rules:
        session.add(rule_model(row))
    await session.flush()
    return await _audit_change(session, actor, describe("回滚", version_id=version_id), before, why)


# --- the catalogue and the matrix ----------------------------------------------------------


@dataclass(frozen=True)
class MatrixCell:
    role: str
    object: str
    action: str
    allowed: bool
    rule: list[str]


def permission_matrix(authorizer: Authorizer, department_id: str) -> list[MatrixCell]:
    """Each catalogue role against each object and action in ``department_id``, under the
    live policy: allowed or not, and the rule that decided it (the role itself is the
    subject: a role holds its own rules)."""
    cells: list[MatrixCell] = []
    for role in policy_catalogue.ROLES:
        for obj, act in policy_catalogue.pairs():
            allowed, rule = authorizer.enforcer.enforce_ex(role.code, department_id, obj, act)
            cells.append(MatrixCell(role.code, obj, act, bool(allowed), list(rule)))
    return cells


# --- accounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountFilter:
    """``keyword`` matches user name or display name; ``department_id`` keeps the accounts
    holding a role in that department; ``locked_only`` keeps the accounts whose lock by failed
    sign-ins has not run out (what the workbench's 已锁定账号 counts)."""

    keyword: str | None = None
    department_id: str | None = None
    locked_only: bool = False


def _account_conditions(filters: AccountFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    keyword = (filters.keyword or "").strip()
    if keyword:
        pattern = f"%{keyword.lower()}%"
        conditions.append(
            sa.or_(
                sa.func.lower(col(User.username)).like(pattern),
                sa.func.lower(col(User.display_name)).like(pattern),
            )
        )
    if filters.department_id:
        holders = select(CasbinRule.v0).where(
            CasbinRule.ptype == "g", CasbinRule.v2 == filters.department_id
        )
        conditions.append(col(User.username).in_(holders))
    if filters.locked_only:
        locked = select(LoginState.user_id).where(col(LoginState.locked_until) > utcnow())
        conditions.append(col(User.id).in_(locked))
    return conditions


async def list_accounts(
    session: AsyncSession, *, filters: AccountFilter, offset: int, limit: int
) -> tuple[list[User], int]:
    """One page of accounts ordered by user name, and how many match in all."""
    conditions = _account_conditions(filters)
    total = (await session.exec(select(sa.func.count()).select_from(User).where(*conditions))).one()
    stmt = (
        select(User)
        .where(*conditions)
        .order_by(col(User.username), col(User.id))
        .offset(offset)
        .limit(limit)
    )
    return list((await session.exec(stmt)).all()), int(total)


async def roles_by_username(
    session: AsyncSession, usernames: list[str]
) -> dict[str, list[CasbinRule]]:
    """The ``g`` rules (role in department) of each user, in one query."""
    stmt = (
        select(CasbinRule)
        .where(CasbinRule.ptype == "g", col(CasbinRule.v0).in_(usernames))
        .order_by(col(CasbinRule.v2), col(CasbinRule.v1))
    )
    found: dict[str, list[CasbinRule]] = {name: [] for name in usernames}
    for row in (await session.exec(stmt)).all():
        found.setdefault(row.v0 or "", []).append(row)
    return found


async def login_states(session: AsyncSession, user_ids: list[int]) -> dict[int, LoginState]:
    stmt = select(LoginState).where(col(LoginState.user_id).in_(user_ids))
    return {row.user_id: row for row in (await session.exec(stmt)).all()}


async def api_keys_by_user(session: AsyncSession, user_ids: list[int]) -> dict[int, list[ApiKey]]:
    """Each account's API keys (newest first), in one query."""
    stmt = select(ApiKey).where(col(ApiKey.user_id).in_(user_ids)).order_by(col(ApiKey.id).desc())
    found: dict[int, list[ApiKey]] = {i: [] for i in user_ids}
    for row in (await session.exec(stmt)).all():
        found.setdefault(row.user_id, []).append(row)
    return found
