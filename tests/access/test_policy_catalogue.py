"""The policy catalogue: rules name only known roles, objects and actions; the catalogue and
the role × permission matrix are read by administrators."""

from sqlmodel import select

from api.access import services
from api.access.services import policy_catalogue
from api.core.audit import Actor, AuditAction, AuditEntry
from api.core.authz import current_rules
from api.core.errors import ValidationFailed
from api.core.models import CasbinRule
from tests import factories
from tests.access.helpers import access

ADD = """
mutation($input: PermissionInput!, $reason: String) {
  addPermission(input: $input, reason: $reason) {
    __typename
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
CATALOGUE = """{ policyCatalogue {
  roles { code name } objects { code name actions { code name } } actions { code name } } }"""
MATRIX = """
query($d: ID!) { permissionMatrix(departmentId: $d) {
  departmentId cells { role object action allowed decidingRule } } }
"""
CHECK = """
query($u: String!, $d: String!, $o: String!, $a: String!) {
  checkPermission(username: $u, departmentId: $d, object: $o, action: $a) { allowed decidingRule }
}
"""


async def _admin(session, authorizer):
    dept = await factories.department(session)
    return dept, await factories.user(session, authorizer, role="system_admin", dept=dept)


async def test_a_rule_naming_an_unknown_role_object_or_action_is_refused_on_that_field(
    session, authorizer
):
    _dept, admin = await _admin(session, authorizer)
    before = await current_rules(session)
    answers = []
    for rule in (
        {"role": "credit_oficer", "departmentId": "*", "object": "statistics", "action": "read"},
        {"role": "credit_officer", "departmentId": "*", "object": "statistcs", "action": "read"},
        {"role": "credit_officer", "departmentId": "*", "object": "statistics", "action": "raed"},
        {"role": "credit_officer", "departmentId": "*", "object": "statistics", "action": "claim"},
        {"role": "credit_officer", "departmentId": "*", "object": "*", "action": "raed"},
    ):
        result = await access(
            ADD,
            session=session,
            authorizer=authorizer,
            principal=admin,
            variables={"input": rule, "reason": "试验"},
        )
        answers.append([(e["field"], e["code"]) for e in result.data["addPermission"]["errors"]])

    assert answers == [
        [("role", "UNKNOWN_ROLE")],
        [("object", "UNKNOWN_OBJECT")],
        [("action", "UNKNOWN_ACTION")],
        [("action", "UNKNOWN_ACTION")],
        [("action", "UNKNOWN_ACTION")],
    ]
    assert await current_rules(session) == before
    refused = (
        await session.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.POLICY_CHANGE))
    ).all()
    assert [r.outcome for r in refused] == ["FAILURE"] * 5


async def test_a_missing_reason_and_an_unknown_object_are_both_named(session, authorizer):
    _dept, admin = await _admin(session, authorizer)
    rule = {"role": "credit_officer", "departmentId": "*", "object": "nothing", "action": "read"}

    result = await access(
        ADD, session=session, authorizer=authorizer, principal=admin, variables={"input": rule}
    )

    assert [(e["field"], e["code"]) for e in result.data["addPermission"]["errors"]] == [
        ("reason", "REASON_REQUIRED"),
        ("object", "UNKNOWN_OBJECT"),
    ]


async def test_a_stale_rule_naming_what_the_catalogue_no_longer_knows_can_be_removed(
    session, authorizer
):
    _dept, admin = await _admin(session, authorizer)
    session.add(CasbinRule(ptype="p", v0="credit_officer", v1="*", v2="retired", v3="read"))
    await session.flush()

    await services.remove_rule(
        session,
        actor=Actor(admin.username, admin.department_id),
        rule=services.permission("credit_officer", "*", "retired", "read"),
        reason="清理已废弃的对象",
    )

    assert ["p", "credit_officer", "*", "retired", "read"] not in await current_rules(session)


async def test_the_default_policy_names_only_catalogue_roles_objects_and_actions(session):
    issues = []
    for row in await current_rules(session):
        if row[0] == "p":
            unknown = policy_catalogue.unknown_in_permission(row[1], row[3], row[4])
            if unknown is not None:
                issues.append((row, unknown.code))
    assert issues == []


async def test_the_catalogue_lists_roles_objects_and_actions_in_chinese(session, authorizer):
    _dept, admin = await _admin(session, authorizer)

    result = await access(CATALOGUE, session=session, authorizer=authorizer, principal=admin)

    catalogue = result.data["policyCatalogue"]
    roles = {r["code"]: r["name"] for r in catalogue["roles"]}
    objects = {o["code"]: o for o in catalogue["objects"]}
    assert roles["approval_clerk"] == "审批窗口"
    assert roles["coordination_office"] == "协调办"
    assert objects["statistics"]["name"] == "统计分析"
    assert objects["linkage"]["actions"] == [
        {"code": "read", "name": "查看"},
        {"code": "write", "name": "编辑"},
        {"code": "confirm", "name": "确认"},
        {"code": "import", "name": "导入"},
        {"code": "publish", "name": "发布"},
    ]
    assert {"code": "read", "name": "查看"} in catalogue["actions"]


async def test_the_catalogue_and_the_matrix_are_for_administrators_only(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    for query, variables in ((CATALOGUE, None), (MATRIX, {"d": str(dept.id)})):
        result = await access(
            query, session=session, authorizer=authorizer, principal=clerk, variables=variables
        )
        assert [e.extensions["code"] for e in result.errors] == ["FORBIDDEN"]


async def test_the_matrix_shows_each_role_s_permissions_in_a_department_and_the_deciding_rule(
    session, authorizer
):
    dept, admin = await _admin(session, authorizer)
    other = await factories.department(session)
    # The test's enforcer holds the rule in memory (a reload would read the database from
    # another connection, which does not see this test's rolled-back rows).
    await authorizer.enforcer.add_policy("credit_officer", str(dept.id), "meeting", "read")

    cells = {}
    for department in (dept, other):
        result = await access(
            MATRIX,
            session=session,
            authorizer=authorizer,
            principal=admin,
            variables={"d": str(department.id)},
        )
        matrix = result.data["permissionMatrix"]
        assert matrix["departmentId"] == str(department.id)
        cells[department.id] = {(c["role"], c["object"], c["action"]): c for c in matrix["cells"]}

    mine, theirs = cells[dept.id], cells[other.id]
    assert len(mine) == len(policy_catalogue.ROLES) * len(policy_catalogue.pairs())
    assert mine[("approval_clerk", "application", "write")] == {
        "role": "approval_clerk",
        "object": "application",
        "action": "write",
        "allowed": True,
        "decidingRule": ["approval_clerk", "*", "application", "write"],
    }
    assert mine[("approval_clerk", "policy", "admin")]["allowed"] is False
    assert mine[("approval_clerk", "policy", "admin")]["decidingRule"] == []
    assert mine[("credit_officer", "meeting", "read")]["decidingRule"] == [
        "credit_officer",
        str(dept.id),
        "meeting",
        "read",
    ]
    assert theirs[("credit_officer", "meeting", "read")]["allowed"] is False
    assert theirs[("system_admin", "sms_template", "admin")]["decidingRule"] == [
        "system_admin",
        "*",
        "*",
        "*",
    ]


async def test_the_tester_refuses_an_unknown_object_or_action_and_a_department_name(
    session, authorizer
):
    dept, admin = await _admin(session, authorizer)
    answers = []
    for department, obj, act in (
        (str(dept.id), "statistcs", "read"),
        (str(dept.id), "statistics", "raed"),
        ("市审批局", "statistics", "read"),
    ):
        result = await access(
            CHECK,
            session=session,
            authorizer=authorizer,
            principal=admin,
            variables={"u": admin.username, "d": department, "o": obj, "a": act},
        )
        answers.append([e.extensions for e in result.errors])

    assert answers == [
        [{"code": "UNKNOWN_OBJECT", "argument": "object"}],
        [{"code": "UNKNOWN_ACTION", "argument": "action"}],
        [{"code": "BAD_USER_INPUT", "argument": "departmentId"}],
    ]


def test_service_roles_are_catalogue_roles():
    assert policy_catalogue.SERVICE_ROLES <= policy_catalogue.ROLE_CODES


async def test_the_refusal_for_an_unknown_value_is_raised_by_the_service_too(session, authorizer):
    _dept, admin = await _admin(session, authorizer)
    try:
        await services.add_rule(
            session,
            actor=Actor(admin.username, admin.department_id),
            rule=services.permission("wizard", "*", "statistics", "read"),
            reason="试验",
        )
    except ValidationFailed as exc:
        codes = [(i.field, i.code) for i in exc.issues]
    assert codes == [("role", "UNKNOWN_ROLE")]
