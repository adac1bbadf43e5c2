from sqlmodel import select

from api.access import services
from api.core import accounts
from api.core.audit import Actor, AuditAction, AuditEntry
from api.core.authz import current_rules
from api.core.errors import ValidationFailed
from tests import factories
from tests.access.helpers import access

REASON = "工单 2026-031：部门负责人须查阅信用规则"
ADD = """
mutation($input: PermissionInput!, $reason: String) {
  addPermission(input: $input, reason: $reason) {
    __typename
    ... on PolicyVersion { actor summary }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
REVOKE = """
mutation($input: RoleAssignmentInput!, $reason: String) {
  revokeRole(input: $input, reason: $reason) {
    __typename
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
CHECK = """
query($u: String!, $d: String!, $o: String!, $a: String!) {
  checkPermission(username: $u, departmentId: $d, object: $o, action: $a) {
    allowed decidingRule roles
  }
}
"""


async def _admin(session, authorizer):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    return dept, admin


async def test_an_added_permission_is_versioned_and_audited(session, authorizer):
    dept, admin = await _admin(session, authorizer)
    rule = {
        "role": "department_head",
        "departmentId": "*",
        "object": "credit_rule",
        "action": "read",
    }

    result = await access(
        ADD,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"input": rule, "reason": REASON},
    )

    assert result.data == {
        "addPermission": {
            "__typename": "PolicyVersion",
            "actor": admin.username,
            "summary": "新增 p, department_head, *, credit_rule, read",
        }
    }
    assert ["p", "department_head", "*", "credit_rule", "read"] in await current_rules(session)
    audited = (
        await session.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.POLICY_CHANGE))
    ).all()
    assert [(a.actor, a.department_id, a.target) for a in audited] == [
        (admin.username, str(dept.id), "新增 p, department_head, *, credit_rule, read")
    ]


async def test_a_duplicate_or_malformed_rule_is_refused(session, authorizer):
    _dept, admin = await _admin(session, authorizer)
    actor = Actor(admin.username, admin.department_id)
    errors = []
    for rule in (
        services.permission("approval_clerk", "*", "application", "read"),
        services.permission("approval_clerk", "*", "", "read"),
        services.assignment("someone", "wizard", "1"),
    ):
        try:
            await services.add_rule(session, actor=actor, rule=rule, reason=REASON)
        except ValidationFailed as exc:
            errors.extend((i.field, i.code) for i in exc.issues)

    assert errors == [("rule", "DUPLICATE"), ("rule", "INVALID_RULE"), ("role", "UNKNOWN_ROLE")]


async def test_the_last_system_administrator_cannot_be_removed(session, authorizer):
    dept, admin = await _admin(session, authorizer)
    assignment = {"username": admin.username, "role": "system_admin", "departmentId": str(dept.id)}

    result = await access(
        REVOKE,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"input": assignment, "reason": REASON},
    )

    assert result.data == {
        "revokeRole": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "rule",
                    "code": "LAST_ADMIN",
                    "message": "不能移除最后一位系统管理员（至少保留一个可管理策略的账号）",
                }
            ],
        }
    }
    assert ["g", admin.username, "system_admin", str(dept.id)] in await current_rules(session)


async def test_removing_the_admin_permission_itself_is_refused_too(session, authorizer):
    _dept, admin = await _admin(session, authorizer)

    try:
        await services.remove_rule(
            session,
            actor=Actor(admin.username, admin.department_id),
            rule=services.permission("system_admin", "*", "*", "*"),
            reason=REASON,
        )
    except ValidationFailed as exc:
        codes = [i.code for i in exc.issues]

    assert codes == ["LAST_ADMIN"]


async def test_a_second_administrator_can_be_removed(session, authorizer):
    dept, admin = await _admin(session, authorizer)
    other = await factories.user(session, authorizer, role="system_admin", dept=dept)

    await services.remove_rule(
        session,
        actor=Actor(admin.username, admin.department_id),
        rule=services.assignment(other.username, "system_admin", str(dept.id)),
        reason=REASON,
    )

    assert ["g", other.username, "system_admin", str(dept.id)] not in await current_rules(session)


async def test_a_rollback_restores_the_rules_of_an_earlier_version(session, authorizer):
    _dept, admin = await _admin(session, authorizer)
    actor = Actor(admin.username, admin.department_id)
    before = await current_rules(session)
    versions = await services.list_versions(session, limit=1)

    await services.add_rule(
        session,
        actor=actor,
        rule=services.permission("credit_officer", "*", "finding", "read"),
        reason=REASON,
    )
    await services.remove_rule(
        session,
        actor=actor,
        rule=services.permission("approval_clerk", "*", "finding", "read"),
        reason=REASON,
    )
    restored = await services.rollback(
        session, actor=actor, version_id=versions[0].id, reason="撤回试行的调整"
    )

    assert sorted(await current_rules(session)) == sorted(before)
    assert restored.summary == f"回滚到策略版本 {versions[0].id}"


async def test_check_permission_names_the_deciding_rule_and_the_roles(session, authorizer):
    dept, admin = await _admin(session, authorizer)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    outcomes = []
    for obj, act in (("application", "write"), ("finding", "write")):
        result = await access(
            CHECK,
            session=session,
            authorizer=authorizer,
            principal=admin,
            variables={"u": clerk.username, "d": str(dept.id), "o": obj, "a": act},
        )
        outcomes.append(result.data["checkPermission"])

    assert outcomes == [
        {
            "allowed": True,
            "decidingRule": ["approval_clerk", "*", "application", "write"],
            "roles": ["approval_clerk"],
        },
        {"allowed": False, "decidingRule": [], "roles": ["approval_clerk"]},
    ]


async def test_a_clerk_cannot_administer_the_policy_and_the_denial_is_audited(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    result = await access(
        "{ permissions { role } }", session=session, authorizer=authorizer, principal=clerk
    )

    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors] == [
        ("无权执行此操作", {"code": "FORBIDDEN"})
    ]
    denied = (
        await session.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.ACCESS_DENIED))
    ).all()
    assert [(d.actor, d.department_id, d.target, d.detail) for d in denied] == [
        (
            clerk.username,
            str(dept.id),
            "permissions",
            {
                "field": "permissions",
                "reason": "FORBIDDEN",
                "needs": "policy:admin",
                "operation": "",
            },
        )
    ]


async def test_connected_system_roles_go_to_service_accounts_and_never_to_people(
    session, authorizer
):
    dept, admin = await _admin(session, authorizer)
    actor = Actor(admin.username, admin.department_id)
    await accounts.create_account(
        session=session,
        username="svc_window",
        display_name="窗口系统",
        initial_password="Svc@2026xyz",
        service=True,
    )
    refused = []
    for role in ("connected_system", "schema_reader"):
        await services.add_rule(
            session,
            actor=actor,
            rule=services.assignment("svc_window", role, str(dept.id)),
            reason=REASON,
        )
        try:
            await services.add_rule(
                session,
                actor=actor,
                rule=services.assignment(admin.username, role, str(dept.id)),
                reason=REASON,
            )
        except ValidationFailed as exc:
            refused.extend((i.field, i.code) for i in exc.issues)

    rules = await current_rules(session)
    assert ["g", "svc_window", "connected_system", str(dept.id)] in rules
    assert ["g", "svc_window", "schema_reader", str(dept.id)] in rules
    assert refused == [("role", "SERVICE_ROLE_FOR_PERSON")] * 2


async def test_a_policy_change_keeps_the_rules_before_and_after_and_a_refused_one_is_audited(
    session, authorizer
):
    dept, admin = await _admin(session, authorizer)
    rule = {
        "role": "supervision_liaison",
        "departmentId": "*",
        "object": "credit_rule",
        "action": "read",
    }
    before = await current_rules(session)
    previous = (await services.list_versions(session, limit=1))[0].id

    for _ in range(2):
        await access(
            ADD,
            session=session,
            authorizer=authorizer,
            principal=admin,
            variables={"input": rule, "reason": REASON},
        )
        # The reload after the commit reads the database from another connection, which
        # does not see this test's (rolled-back) grant: give it back in memory.
        await authorizer.enforcer.add_grouping_policy(admin.username, "system_admin", str(dept.id))

    rows = (
        await session.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.POLICY_CHANGE))
    ).all()
    row = ["p", "supervision_liaison", "*", "credit_rule", "read"]
    assert [(r.outcome, r.target) for r in rows] == [
        ("SUCCESS", "新增 p, supervision_liaison, *, credit_rule, read"),
        ("FAILURE", "新增 p, supervision_liaison, *, credit_rule, read"),
    ]
    assert rows[0].detail["before"] == before
    assert rows[0].detail["after"] == [*before, row]
    assert (rows[0].detail["added"], rows[0].detail["removed"]) == ([row], [])
    assert rows[0].detail["reason"] == REASON
    assert rows[0].detail["versionBefore"] == previous
    assert rows[0].detail["version"] > previous
    assert rows[1].detail == {
        "attempted": {"rule": row},
        "reason": REASON,
        "refused": [{"field": "rule", "code": "DUPLICATE", "message": "该规则已存在"}],
    }


ROLLBACK = """
mutation($v: ID!, $reason: String) {
  rollbackPolicy(versionId: $v, reason: $reason) {
    __typename
    ... on ValidationErrors { errors { field code } }
  }
}
"""


async def _policy_rows(session):
    stmt = select(AuditEntry).where(AuditEntry.action == AuditAction.POLICY_CHANGE)
    return (await session.exec(stmt.order_by(AuditEntry.id))).all()


async def test_a_change_without_a_reason_is_refused_on_the_field_reason_and_audited(
    session, authorizer
):
    _dept, admin = await _admin(session, authorizer)
    rule = {"role": "credit_officer", "departmentId": "*", "object": "meeting", "action": "read"}
    before = await current_rules(session)
    answers = []
    for variables in ({"input": rule}, {"input": rule, "reason": "  "}):
        result = await access(
            ADD, session=session, authorizer=authorizer, principal=admin, variables=variables
        )
        answers.append(result.data["addPermission"])
    version = (await services.list_versions(session, limit=1))[0].id
    rolled = await access(
        ROLLBACK,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"v": str(version)},
    )

    refused = {
        "__typename": "ValidationErrors",
        "errors": [{"field": "reason", "code": "REASON_REQUIRED"}],
    }
    assert answers == [refused, refused]
    assert rolled.data == {"rollbackPolicy": refused}
    assert await current_rules(session) == before
    rows = await _policy_rows(session)
    assert [(r.outcome, r.target, r.detail["attempted"]) for r in rows] == [
        ("FAILURE", "新增 p, credit_officer, *, meeting, read", {"rule": ["p", *rule.values()]}),
        ("FAILURE", "新增 p, credit_officer, *, meeting, read", {"rule": ["p", *rule.values()]}),
        ("FAILURE", f"回滚到策略版本 {version}", {"rollbackTo": str(version)}),
    ]
    assert {r.detail["refused"][0]["code"] for r in rows} == {"REASON_REQUIRED"}


async def test_a_rollback_is_audited_with_its_reason_and_the_versions_before_and_after(
    session, authorizer
):
    _dept, admin = await _admin(session, authorizer)
    actor = Actor(admin.username, admin.department_id)
    first = (await services.list_versions(session, limit=1))[0].id
    await services.add_rule(
        session,
        actor=actor,
        rule=services.permission("credit_officer", "*", "meeting", "read"),
        reason="试行",
    )
    second = (await services.list_versions(session, limit=1))[0].id

    restored = await services.rollback(
        session, actor=actor, version_id=first, reason="试行结束，恢复原策略"
    )

    row = (await _policy_rows(session))[-1]
    assert (row.outcome, row.target) == ("SUCCESS", f"回滚到策略版本 {first}")
    assert (row.detail["reason"], row.detail["versionBefore"], row.detail["version"]) == (
        "试行结束，恢复原策略",
        second,
        restored.id,
    )
    assert row.detail["removed"] == [["p", "credit_officer", "*", "meeting", "read"]]


async def test_a_policy_change_by_a_non_administrator_is_refused_and_audited_with_the_attempt(
    session, authorizer
):
    dept = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)
    rule = {"role": "department_head", "departmentId": "*", "object": "policy", "action": "admin"}
    before = await current_rules(session)

    result = await access(
        ADD,
        session=session,
        authorizer=authorizer,
        principal=head,
        variables={"input": rule, "reason": "我要管权限"},
    )

    assert result.data is None
    assert [e.extensions for e in result.errors] == [{"code": "FORBIDDEN"}]
    assert await current_rules(session) == before
    rows = await _policy_rows(session)
    assert [(r.actor, r.department_id, r.outcome, r.target, r.detail) for r in rows] == [
        (
            head.username,
            str(dept.id),
            "DENIED",
            "新增 p, department_head, *, policy, admin",
            {
                "field": "addPermission",
                "reason": "FORBIDDEN",
                "needs": "policy:admin",
                "attempted": {
                    "rule": ["p", "department_head", "*", "policy", "admin"],
                    "reason": "我要管权限",
                },
                "operation": "",
            },
        )
    ]


async def test_a_refused_role_assignment_by_a_non_administrator_is_audited_too(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    assign = """mutation($input: RoleAssignmentInput!, $reason: String) {
      assignRole(input: $input, reason: $reason) { __typename } }"""

    await access(
        assign,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={
            "input": {"username": clerk.username, "role": "system_admin", "departmentId": "1"}
        },
    )

    rows = await _policy_rows(session)
    assert [(r.outcome, r.target, r.detail["attempted"]) for r in rows] == [
        (
            "DENIED",
            f"新增 g, {clerk.username}, system_admin, 1",
            {"rule": ["g", clerk.username, "system_admin", "1"], "reason": None},
        )
    ]


VERSIONS = "{ policyVersions(first: 5) { actor actorName summary description } }"


async def test_a_policy_version_names_its_change_and_its_people_in_words(session, authorizer):
    dept = await factories.department(session)
    admin = await factories.user(
        session, authorizer, role="system_admin", dept=dept, display_name="李管理"
    )
    await factories.user(
        session, authorizer, role="approval_clerk", dept=dept, display_name="张窗口"
    )
    await services.add_rule(
        session,
        actor=Actor(admin.username, admin.department_id),
        rule=services.permission("department_head", "*", "credit_rule", "read"),
        reason=REASON,
    )

    result = await access(VERSIONS, session=session, authorizer=authorizer, principal=admin)

    assert result.errors is None
    latest, granted = result.data["policyVersions"][:2]
    assert latest["actor"] == admin.username
    assert latest["actorName"] == "李管理"
    assert latest["summary"] == "新增 p, department_head, *, credit_rule, read"
    assert latest["description"] == "新增权限：部门负责人 · 全部部门 · 信用规则 · 查看"
    # The clerk's role was granted by the system (authz.assign_role), named by the person.
    assert granted["actorName"] == "系统"
    assert granted["description"] == f"授予 张窗口 在部门 {dept.id}的角色「审批窗口」"


def test_a_removed_assignment_and_a_free_summary_read_as_written_down():
    people = {"spj_clerk": "王审批"}
    assert (
        services.describe_version("删除 g, spj_clerk, approval_clerk, 3", people)
        == "删除角色分配：王审批 · 审批窗口 · 部门 3"
    )
    assert services.describe_version("回滚到策略版本 4", people) == "回滚到策略版本 4"
    assert services.describe_version("新增 p, ghost_role, *, *, *", people) == (
        "新增权限：ghost_role · 全部部门 · 全部对象 · 全部操作"
    )
