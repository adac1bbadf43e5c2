"""Access Query fields: the caller, the policy, its versions, decisions, the audit trail."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.exceptions import StrawberryGraphQLError

from api.access import services
from api.access.inputs import AuditFilterInput
from api.access.services import policy_catalogue
from api.access.services.abilities import abilities_of
from api.access.types import (
    Ability,
    Account,
    AccountConnection,
    ApiKey,
    AuditConnection,
    AuditEdge,
    AuditEntry,
    Me,
    Permission,
    PermissionCheck,
    PermissionMatrix,
    PermissionMatrixCell,
    PolicyCatalogue,
    PolicyVersion,
    RoleAssignment,
)
from api.core import accounts, audit
from api.core.accounts import departments_of, list_api_keys, user_by_id
from api.core.authz import requires, signed_in
from api.core.errors import BadArgumentError, ValidationFailed, parse_id
from api.core.kit import Info
from api.core.pagination import Page, PageInfo, decode_key_cursor, encode_key_cursor

MAX_PAGE = 100


class UnknownInPolicyError(StrawberryGraphQLError):
    """An argument names a role, object or action the policy catalogue does not know:
    the catalogue's code (``UNKNOWN_OBJECT`` …) and the argument's name."""

    def __init__(self, argument: str, code: str, message: str) -> None:
        super().__init__(message, extensions={"code": code, "argument": argument})


def _department_argument(department_id: str) -> str:
    try:
        return str(parse_id(department_id, "departmentId"))
    except ValidationFailed as exc:
        raise BadArgumentError("departmentId", "部门应为部门编号（请从部门列表中选择）") from exc


@strawberry.type
class AccessQuery:
    @strawberry.field(
        description="当前登录用户及其部门、角色（未登录答 UNAUTHENTICATED，作为会话探测不记审计）",
        extensions=signed_in(probe=True),
    )
    async def me(self, info: Info) -> Me | None:
        ctx = info.context
        user = await user_by_id(session=ctx.session, user_id=ctx.principal.user_id)
        if user is None:
            return None
        departments = await departments_of(session=ctx.session, username=user.username)
        return Me(
            username=user.username,
            display_name=user.display_name,
            department_id=strawberry.ID(ctx.principal.department_id),
            department_ids=[strawberry.ID(d) for d in departments],
            roles=await ctx.authorizer.roles_of(ctx.principal),
            must_change_password=user.must_change_password,
            connected_system=ctx.principal.api_key_id is not None,
            can_introspect_schema=ctx.can(ctx.principal, "schema", "introspect"),
            abilities=[
                Ability(object=obj, action=act)
                for obj, act in await abilities_of(ctx.authorizer, ctx.principal)
            ],
        )

    @strawberry.field(description="权限规则列表", extensions=requires("policy", "admin"))
    async def permissions(self, info: Info) -> list[Permission]:
        rows = await services.list_rules(info.context.session, "p")
        return [Permission.from_row(r) for r in rows]

    @strawberry.field(description="角色分配列表", extensions=requires("policy", "admin"))
    async def role_assignments(
        self, info: Info, username: str | None = None
    ) -> list[RoleAssignment]:
        rows = [
            r
            for r in await services.list_rules(info.context.session, "g")
            if username in (None, r.v0)
        ]
        people = await accounts.display_names(
            session=info.context.session, usernames=sorted({r.v0 or "" for r in rows})
        )
        return [RoleAssignment.from_row(r, people) for r in rows]

    @strawberry.field(description="策略版本（新的在前）", extensions=requires("policy", "admin"))
    async def policy_versions(self, info: Info, first: int = 20) -> list[PolicyVersion]:
        rows = await services.list_versions(info.context.session, limit=min(first, MAX_PAGE))
        people = await PolicyVersion.people_of(info.context.session, rows)
        return [PolicyVersion.from_row(r, people) for r in rows]

    @strawberry.field(
        description="判定：用户在部门中能否对对象执行操作，并说明依据的规则",
        extensions=requires("policy", "admin"),
    )
    async def check_permission(
        self,
        info: Info,
        username: str,
        department_id: str,
        object: str,  # noqa: A002 - the Casbin term
        action: str,
    ) -> PermissionCheck:
        # Any catalogue role passes the check: the question is about the object and action.
        role = policy_catalogue.ROLES[0].code
        unknown = policy_catalogue.unknown_in_permission(role, object, action)
        if unknown is not None:
            raise UnknownInPolicyError(unknown.field, unknown.code, unknown.message)
        department = _department_argument(department_id)
        decision = await info.context.authorizer.explain(username, department, object, action)
        return PermissionCheck(
            allowed=decision.allowed, deciding_rule=decision.rule, roles=decision.roles
        )

    @strawberry.field(
        description="策略目录：规则可用的角色、对象及其操作（中文名称）",
        extensions=requires("policy", "admin"),
    )
    def policy_catalogue(self) -> PolicyCatalogue:
        return PolicyCatalogue.build()

    @strawberry.field(
        description="某部门的角色 × 权限矩阵：每个角色能否对每个对象执行每个操作，及依据的规则",
        extensions=requires("policy", "admin"),
    )
    def permission_matrix(self, info: Info, department_id: strawberry.ID) -> PermissionMatrix:
        department = _department_argument(str(department_id))
        cells = services.permission_matrix(info.context.authorizer, department)
        return PermissionMatrix(
            department_id=strawberry.ID(department),
            cells=[
                PermissionMatrixCell(
                    role=c.role,
                    object=c.object,
                    action=c.action,
                    allowed=c.allowed,
                    deciding_rule=c.rule,
                )
                for c in cells
            ],
        )

    @strawberry.field(
        description="审计记录（按时间倒序，游标分页）", extensions=requires("audit", "admin")
    )
    async def audit_entries(
        self,
        info: Info,
        filter: AuditFilterInput | None = None,  # noqa: A002
        first: int = 50,
        after: str | None = None,
    ) -> AuditConnection:
        limit = max(1, min(first, MAX_PAGE))
        try:
            before_id = decode_key_cursor("audit", after)
        except ValidationFailed as exc:
            raise BadArgumentError.from_validation(exc) from None
        rows = await audit.list_entries(
            info.context.session,
            filters=filter.to_filter() if filter else audit.AuditFilter(),
            before_id=before_id,
            limit=limit + 1,
        )
        edges = [
            AuditEdge(cursor=encode_key_cursor("audit", r.id or 0), node=AuditEntry.from_row(r))
            for r in rows[:limit]
        ]
        return AuditConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=len(rows) > limit,
                has_previous_page=before_id is not None,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )

    @strawberry.field(
        description="账号检索（用户名或姓名关键词、部门、仅已锁定；Relay 分页，first 至多 100）",
        extensions=requires("account", "admin"),
    )
    async def accounts(
        self,
        info: Info,
        keyword: str | None = None,
        department_id: strawberry.ID | None = None,
        locked_only: Annotated[
            bool,
            strawberry.argument(
                description="仅列出因登录失败锁定、尚未解锁的账号（工作台已锁定账号）"
            ),
        ] = False,
        first: int | None = 20,
        after: str | None = None,
    ) -> AccountConnection:
        page = Page.of(first, after)
        rows, total = await services.list_accounts(
            info.context.session,
            filters=services.AccountFilter(
                keyword=keyword,
                department_id=str(department_id) if department_id else None,
                locked_only=locked_only,
            ),
            offset=page.offset,
            limit=page.limit,
        )
        return AccountConnection.build(rows, page=page, total=total, to_node=Account.from_row)

    @strawberry.field(description="接口密钥列表", extensions=requires("account", "admin"))
    async def api_keys(self, info: Info) -> list[ApiKey]:
        rows = await list_api_keys(session=info.context.session)
        return [ApiKey.from_row(r) for r in rows]
