"""GraphQL types of the access subgraph; rows are mapped explicitly, never exposed raw."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.scalars import JSON

from api.access import services as access_services
from api.access.services import policy_catalogue
from api.core import accounts, audit
from api.core.errors import ValidationErrors
from api.core.kit import Info, from_row, person_name
from api.core.models import ApiKey as ApiKeyRow
from api.core.models import CasbinRule, User, utcnow
from api.core.models import PolicyVersion as PolicyVersionRow
from api.core.pagination import Connection, PageInfo

AuditAction = audit.AuditAction
strawberry.enum(AuditAction, description="审计事件类别")
AuditOutcome = audit.AuditOutcome
strawberry.enum(AuditOutcome, description="审计结果")


@strawberry.type(description="登录成功：会话令牌（同时写入 HttpOnly Cookie）与可切换的部门")
class SignInPayload:
    token: str
    username: str
    display_name: str
    department_id: strawberry.ID
    department_ids: list[strawberry.ID]
    must_change_password: bool


SignInResult = Annotated[SignInPayload | ValidationErrors, strawberry.union("SignInResult")]


@strawberry.type(description="当前部门中可执行的一项操作（对象 × 操作，按现行权限策略判定）")
class Ability:
    object: str
    action: str


@strawberry.type(description="当前登录用户")
class Me:
    username: str
    display_name: str
    department_id: strawberry.ID
    department_ids: list[strawberry.ID]
    roles: list[str]
    must_change_password: bool
    connected_system: bool = strawberry.field(
        description="以 API 密钥（对接系统的服务账号）认证：生产环境中只有它可发送任意查询文档"
    )
    can_introspect_schema: bool = strawberry.field(
        description="持有 schema/introspect 权限：生产环境中可内省模式、使用 GraphiQL"
    )
    abilities: list[Ability] = strawberry.field(
        default_factory=list,
        description="在当前部门可执行的操作（按现行策略判定；网页据此显示菜单、按钮与工作台）",
    )


@strawberry.type(description="操作成功")
class Done:
    ok: bool = True


DoneResult = Annotated[Done | ValidationErrors, strawberry.union("DoneResult")]


@strawberry.type(description="权限规则：角色在部门（* 为所有部门）对对象的操作")
class Permission:
    role: str
    department_id: str
    object: str
    action: str

    @classmethod
    def from_row(cls, row: CasbinRule) -> Permission:
        return cls(
            role=row.v0 or "", department_id=row.v1 or "", object=row.v2 or "", action=row.v3 or ""
        )


@strawberry.type(description="角色分配：用户在部门中的角色")
class RoleAssignment:
    username: str
    display_name: str = strawberry.field(description="持有人姓名（账号已删除时为账号名）")
    role: str
    department_id: str

    @classmethod
    def from_row(cls, row: CasbinRule, people: dict[str, str] | None = None) -> RoleAssignment:
        username = row.v0 or ""
        return cls(
            username=username,
            display_name=(people or {}).get(username, username),
            role=row.v1 or "",
            department_id=row.v2 or "",
        )


@strawberry.type(description="策略版本（变更后的完整规则快照，可回滚）")
class PolicyVersion:
    id: strawberry.ID
    created_at: datetime
    actor: str = strawberry.field(description="变更人账号（system 为系统）")
    actor_name: str = strawberry.field(description="变更人姓名（系统变更为“系统”）")
    summary: str = strawberry.field(description="变更摘要（审计记录原文，含规则代码）")
    description: str = strawberry.field(
        description="变更说明：角色、对象、操作用中文名称，账号用姓名"
    )
    rule_count: int

    @classmethod
    def from_row(cls, row: PolicyVersionRow, people: dict[str, str]) -> PolicyVersion:
        """``people``: display names by account name (``accounts.display_names``)."""
        return from_row(
            cls,
            row,
            actor_name="系统"
            if row.actor == access_services.SYSTEM_ACTOR
            else people.get(row.actor, row.actor),
            description=access_services.describe_version(row.summary, people),
            rule_count=len(row.rules),
        )

    @staticmethod
    async def people_of(session: AsyncSession, rows: list[PolicyVersionRow]) -> dict[str, str]:
        wanted = {r.actor for r in rows} | access_services.version_usernames(
            [r.summary for r in rows]
        )
        wanted.discard(access_services.SYSTEM_ACTOR)
        return await accounts.display_names(session=session, usernames=sorted(wanted))


PolicyChangeResult = Annotated[
    PolicyVersion | ValidationErrors, strawberry.union("PolicyChangeResult")
]


@strawberry.type(description="权限判定及其依据")
class PermissionCheck:
    allowed: bool
    deciding_rule: list[str] = strawberry.field(description="决定允许的策略规则；拒绝时为空")
    roles: list[str] = strawberry.field(description="用户在该部门的（含继承的）角色")


@strawberry.type(description="策略目录中的一项：代码与中文名称")
class PolicyCatalogueEntry:
    code: str
    name: str


@strawberry.type(description="策略目录中的对象及其可授予的操作")
class PolicyCatalogueObject:
    code: str
    name: str
    actions: list[PolicyCatalogueEntry]


@strawberry.type(description="策略目录：规则可用的角色、对象与操作（部门取自目录子图）")
class PolicyCatalogue:
    roles: list[PolicyCatalogueEntry]
    objects: list[PolicyCatalogueObject]
    actions: list[PolicyCatalogueEntry]

    @classmethod
    def build(cls) -> PolicyCatalogue:
        def entry(code: str, names: dict[str, str]) -> PolicyCatalogueEntry:
            return PolicyCatalogueEntry(code=code, name=names[code])

        return cls(
            roles=[PolicyCatalogueEntry(code=r.code, name=r.name) for r in policy_catalogue.ROLES],
            objects=[
                PolicyCatalogueObject(
                    code=o.code,
                    name=o.name,
                    actions=[entry(a, policy_catalogue.ACTION_NAMES) for a in o.actions],
                )
                for o in policy_catalogue.OBJECTS
            ],
            actions=[
                PolicyCatalogueEntry(code=a.code, name=a.name) for a in policy_catalogue.ACTIONS
            ],
        )


@strawberry.type(description="权限矩阵的一格：角色能否对对象执行操作，及决定它的规则")
class PermissionMatrixCell:
    role: str
    object: str
    action: str
    allowed: bool
    deciding_rule: list[str] = strawberry.field(description="决定允许的策略规则；拒绝时为空")


@strawberry.type(description="某部门的角色 × 权限矩阵（按现行策略）")
class PermissionMatrix:
    department_id: strawberry.ID
    cells: list[PermissionMatrixCell]


@strawberry.type(description="审计记录（只增不改）")
class AuditEntry:
    id: strawberry.ID
    at: datetime
    actor: str | None
    department_id: str | None
    action: AuditAction
    target: str
    outcome: AuditOutcome
    client_address: str | None
    detail: JSON

    @strawberry.field(description="操作人姓名（账号已删除时为账号名；匿名请求为空）")
    async def actor_name(self, info: Info) -> str | None:
        return None if self.actor is None else await person_name(info, self.actor)

    @classmethod
    def from_row(cls, row: audit.AuditEntry) -> AuditEntry:
        return from_row(
            cls,
            row,
            detail=JSON(row.detail),
        )


@strawberry.type
class AuditEdge:
    cursor: str
    node: AuditEntry


@strawberry.type(description="审计记录分页（按时间倒序，游标分页）")
class AuditConnection:
    edges: list[AuditEdge]
    page_info: PageInfo


@strawberry.type(description="账号（人员或对接系统的服务账号）")
class Account:
    id: strawberry.ID
    username: str
    display_name: str
    must_change_password: bool = strawberry.field(description="须先修改初始密码")
    service_account: bool = strawberry.field(description="服务账号（对接系统，用接口密钥）")
    active: bool
    created_at: datetime
    user_id: strawberry.Private[int]

    @classmethod
    def from_row(cls, row: User) -> Account:
        if row.id is None:  # pragma: no cover - a loaded row always has its key
            raise RuntimeError("user without id")
        return from_row(
            cls,
            row,
            active=row.is_active,
            user_id=row.id,
        )

    @strawberry.field(description="锁定至（连续登录失败后；未锁定为 null）")
    async def locked_until(self, info: Info) -> datetime | None:
        state = await info.context.loaders.login_state.load(self.user_id)
        if state is None or state.locked_until is None:
            return None
        until = _aware(state.locked_until)
        return until if until > utcnow() else None

    @strawberry.field(description="最近一次登录时间")
    async def last_sign_in_at(self, info: Info) -> datetime | None:
        state = await info.context.loaders.login_state.load(self.user_id)
        return _aware(state.last_sign_in_at) if state and state.last_sign_in_at else None

    @strawberry.field(description="角色分配（按部门）")
    async def role_assignments(self, info: Info) -> list[RoleAssignment]:
        rows = await info.context.loaders.roles.load(self.username)
        return [RoleAssignment.from_row(r, {self.username: self.display_name}) for r in rows]

    @strawberry.field(description="接口密钥（服务账号；新的在前，不含密钥原文）")
    async def api_keys(self, info: Info) -> list[ApiKey]:
        rows = await info.context.loaders.api_keys.load(self.user_id)
        return [ApiKey.from_row(r) for r in rows]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


AccountConnection = Connection[Account]


AccountResult = Annotated[Account | ValidationErrors, strawberry.union("AccountResult")]


@strawberry.type(description="服务账号的接口密钥（密钥原文只在签发时返回一次）")
class ApiKey:
    id: strawberry.ID
    name: str
    prefix: str
    department_id: str
    created_at: datetime
    revoked_at: datetime | None

    @classmethod
    def from_row(cls, row: ApiKeyRow) -> ApiKey:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="新签发的接口密钥")
class IssuedApiKey:
    key: str
    api_key: ApiKey


IssueApiKeyResult = Annotated[
    IssuedApiKey | ValidationErrors, strawberry.union("IssueApiKeyResult")
]
RevokeApiKeyResult = Annotated[ApiKey | ValidationErrors, strawberry.union("RevokeApiKeyResult")]
