"""The policy catalogue: every role, object and action a permission rule may name, in Chinese.

The access subgraph refuses a rule naming anything not listed here (``UNKNOWN_ROLE``,
``UNKNOWN_OBJECT``, ``UNKNOWN_ACTION`` on the field), and the administration page picks from
it. Each object lists the actions the code asks about (``requires(obj, act)``, ``can(...)``);
``tests/access/test_policy_catalogue_covers_the_code.py`` fails when the code asks for a pair
not listed here, so the catalogue cannot drift from what the resolvers check. Departments are
not listed: they are catalog's (a rule names a department id, or ``*`` for every department).
"""

from __future__ import annotations

from dataclasses import dataclass

ANY = "*"


@dataclass(frozen=True)
class Entry:
    code: str
    name: str


@dataclass(frozen=True)
class CatalogueObject:
    code: str
    name: str
    actions: tuple[str, ...]


ROLES: tuple[Entry, ...] = (
    Entry("approval_clerk", "审批窗口"),
    Entry("supervision_liaison", "监管联络员"),
    Entry("credit_officer", "信用管理员"),
    Entry("department_head", "部门负责人"),
    Entry("coordination_office", "协调办"),
    Entry("system_admin", "系统管理员"),
    # Connected systems' service accounts: reporting (application/report) and, in
    # production, introspection (schema/introspect).
    Entry("connected_system", "对接系统"),
    Entry("schema_reader", "接口结构读取（对接系统）"),
)
# Roles only a service account (a connected system) may hold; never a person.
SERVICE_ROLES = frozenset({"connected_system", "schema_reader"})

ACTIONS: tuple[Entry, ...] = (
    Entry("read", "查看"),
    Entry("write", "编辑"),
    Entry("admin", "管理"),
    Entry("export", "导出"),
    Entry("import", "导入"),
    Entry("publish", "发布"),
    Entry("confirm", "确认"),
    Entry("claim", "认领"),
    Entry("report", "上报"),
    Entry("decide", "决定"),
    Entry("view", "查看完整信息"),
    Entry("read_all", "查看全部部门"),
    Entry("city", "全市范围"),
    Entry("introspect", "内省"),
)

OBJECTS: tuple[CatalogueObject, ...] = (
    CatalogueObject("department", "部门", ("read", "write")),
    CatalogueObject("person", "科室、人员与联络员", ("write",)),
    CatalogueObject("matter", "事项", ("read", "write")),
    CatalogueObject("linkage", "审管联动清单", ("read", "write", "confirm", "import", "publish")),
    CatalogueObject("application", "办件", ("read", "write", "report")),
    CatalogueObject("finding", "监管结果", ("read", "write")),
    CatalogueObject("personal_data", "个人信息（联系方式、证件号码）", ("view",)),
    CatalogueObject("push", "推送", ("read", "claim")),
    CatalogueObject("feedback", "监管反馈", ("read",)),
    CatalogueObject("notice", "政策通知", ("read", "write")),
    CatalogueObject("calendar", "节假日", ("read", "admin")),
    CatalogueObject("subject", "信用主体", ("read", "write")),
    CatalogueObject("subject_identity", "自然人完整身份证号码", ("read",)),
    CatalogueObject("credit_record", "信用记录", ("read", "write")),
    CatalogueObject("credit_lookup", "信用查询", ("read", "export")),
    CatalogueObject("credit_lookup_log", "信用查询留痕", ("read", "read_all")),
    CatalogueObject("credit_rule", "信用规则", ("read", "write")),
    CatalogueObject("joint_punishment", "联合惩戒名单", ("read", "write")),
    CatalogueObject("meeting", "联席会议", ("read", "write")),
    CatalogueObject("escalation", "提级协调", ("read", "write", "decide")),
    CatalogueObject("escalation_board", "督办看板（全市红牌）", ("read",)),
    CatalogueObject("statistics", "统计分析", ("read",)),
    CatalogueObject("assessment", "考核评价", ("read", "write", "export")),
    CatalogueObject("case_file", "办件卷宗", ("read",)),
    CatalogueObject("scope", "责任范围", ("city",)),
    CatalogueObject("schema", "接口结构", ("introspect",)),
    CatalogueObject("policy", "权限策略", ("admin",)),
    CatalogueObject("account", "账号与接口密钥", ("admin",)),
    CatalogueObject("audit", "审计日志", ("admin",)),
    CatalogueObject("outbox", "事件投递（死信）", ("admin",)),
    CatalogueObject("sms_template", "短信模板", ("admin",)),
)

ROLE_CODES = frozenset(r.code for r in ROLES)
ACTION_CODES = frozenset(a.code for a in ACTIONS)
OBJECTS_BY_CODE = {o.code: o for o in OBJECTS}
ROLE_NAMES = {r.code: r.name for r in ROLES}
ACTION_NAMES = {a.code: a.name for a in ACTIONS}


def pairs() -> list[tuple[str, str]]:
    """Every (object, action) the policy can grant, in catalogue order."""
    return [(o.code, act) for o in OBJECTS for act in o.actions]


@dataclass(frozen=True)
class Unknown:
    """The first thing a rule names that the catalogue does not know."""

    field: str
    code: str
    message: str


def unknown_in_permission(role: str, obj: str, act: str) -> Unknown | None:
    """A ``p`` rule's role, object and action checked against the catalogue (``*`` stands
    for every object or action; an action must be one the object has, or any for ``*``)."""
    if role not in ROLE_CODES:
        return Unknown("role", "UNKNOWN_ROLE", f"未知角色：{role}")
    if obj != ANY and obj not in OBJECTS_BY_CODE:
        return Unknown("object", "UNKNOWN_OBJECT", f"未知对象：{obj}")
    if act == ANY:
        return None
    known = ACTION_CODES if obj == ANY else frozenset(OBJECTS_BY_CODE[obj].actions)
    if act not in known:
        where = "" if obj == ANY else f"（对象「{OBJECTS_BY_CODE[obj].name}」没有此操作）"
        return Unknown("action", "UNKNOWN_ACTION", f"未知操作：{act}{where}")
    return None
