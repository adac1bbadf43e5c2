"""Access Mutation fields. Expected failures come back as ``ValidationErrors`` data."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from api.access import services
from api.access.inputs import CreateAccountInput, PermissionInput, RoleAssignmentInput
from api.access.types import (
    Account,
    AccountResult,
    ApiKey,
    Done,
    DoneResult,
    IssueApiKeyResult,
    IssuedApiKey,
    PolicyChangeResult,
    PolicyVersion,
    RevokeApiKeyResult,
    SignInPayload,
    SignInResult,
)
from api.core import accounts
from api.core.audit import Actor, AuditAction, AuditOutcome, record
from api.core.auth import SESSION_COOKIE, idle_timeout
from api.core.authz import public, requires, signed_in
from api.core.config import get_settings
from api.core.errors import ValidationErrors, ValidationFailed, parse_id
from api.core.kit import Info, validation_result


def _actor(info: Info) -> Actor:
    ctx = info.context
    principal = ctx.principal
    return Actor(principal.username, principal.department_id, ctx.client_address)


def _set_cookie(info: Info, token: str) -> None:
    response = info.context.response
    if response is not None:
        response.set_cookie(
            SESSION_COOKIE,
            token,
            max_age=int(idle_timeout().total_seconds()),
            httponly=True,
            samesite="strict",
            secure=get_settings().is_production,
            path="/",
        )


def _payload(signed: accounts.SignedIn) -> SignInPayload:
    return SignInPayload(
        token=signed.token,
        username=signed.user.username,
        display_name=signed.user.display_name,
        department_id=strawberry.ID(signed.principal.department_id),
        department_ids=[strawberry.ID(d) for d in signed.department_ids],
        must_change_password=signed.user.must_change_password,
    )


# The reason of a policy change: optional in the schema so that a missing one answers the
# typed REASON_REQUIRED on the field ``reason`` (and is audited) like an empty one.
Reason = Annotated[str | None, strawberry.argument(description="变更理由（必填，记入审计日志）")]


def _policy_change(verb: str, argument: str) -> list[Any]:
    """``policy, admin``; a caller without it is audited as a refused policy change with
    the rule (or version) it asked for and the reason it gave."""

    def attempt(arguments: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        value: Any = arguments.get(argument)
        reason = arguments.get("reason")
        if argument == "version_id":
            asked = services.attempted(version_id=value)
            return services.describe(verb, version_id=value), {**asked, "reason": reason}
        rule = value.to_rule()
        return services.describe(verb, rule), {**services.attempted(rule), "reason": reason}

    return requires("policy", "admin", audited_as=AuditAction.POLICY_CHANGE, attempt=attempt)


def _reload_after_commit(info: Info) -> None:
    info.context.after_commit.append(info.context.authorizer.reload)


@strawberry.type
class AccessMutation:
    @strawberry.mutation(description="登录（用户名、密码，可选部门）", extensions=public())
    @validation_result
    async def sign_in(
        self,
        info: Info,
        username: str,
        password: str,
        department_id: strawberry.ID | None = None,
    ) -> SignInResult:
        signed = await accounts.sign_in(
            session=info.context.session,
            username=username,
            password=password,
            department_id=str(department_id) if department_id else None,
            client_address=info.context.client_address,
        )
        _set_cookie(info, signed.token)
        return _payload(signed)

    @strawberry.mutation(description="退出登录（会话立即失效）", extensions=signed_in())
    async def sign_out(self, info: Info) -> Done:
        ctx = info.context
        await accounts.sign_out(
            session=ctx.session, principal=ctx.principal, client_address=ctx.client_address
        )
        if ctx.response is not None:
            ctx.response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return Done()

    @strawberry.mutation(description="切换当前部门（签发新会话）", extensions=signed_in())
    @validation_result
    async def switch_department(self, info: Info, department_id: strawberry.ID) -> SignInResult:
        ctx = info.context
        signed = await accounts.switch_department(
            session=ctx.session,
            principal=ctx.principal,
            department_id=str(department_id),
            client_address=ctx.client_address,
        )
        _set_cookie(info, signed.token)
        return _payload(signed)

    @strawberry.mutation(description="修改密码", extensions=signed_in())
    @validation_result
    async def change_password(
        self, info: Info, current_password: str, new_password: str
    ) -> DoneResult:
        ctx = info.context
        await accounts.change_password(
            session=ctx.session,
            principal=ctx.principal,
            current_password=current_password,
            new_password=new_password,
            client_address=ctx.client_address,
        )
        return Done()

    @strawberry.mutation(description="新建账号", extensions=requires("account", "admin"))
    @validation_result
    async def create_account(
        self,
        info: Info,
        input: CreateAccountInput,  # noqa: A002
    ) -> AccountResult:
        ctx = info.context
        user = await accounts.create_account(
            session=ctx.session,
            username=input.username,
            display_name=input.display_name,
            initial_password=input.initial_password,
            service=input.service_account,
        )
        await record(
            ctx.session,
            actor=_actor(info),
            action=AuditAction.ACCOUNT_CHANGE,
            outcome=AuditOutcome.SUCCESS,
            target=user.username,
            detail={"created": True, "service": input.service_account},
        )
        return Account.from_row(user)

    @strawberry.mutation(
        description="为服务账号签发接口密钥（限定一个部门）",
        extensions=requires("account", "admin"),
    )
    @validation_result
    async def issue_api_key(
        self, info: Info, username: str, department_id: strawberry.ID, name: str
    ) -> IssueApiKeyResult:
        ctx = info.context
        key, row = await accounts.issue_api_key(
            session=ctx.session, username=username, department_id=str(department_id), name=name
        )
        await record(
            ctx.session,
            actor=_actor(info),
            action=AuditAction.API_KEY_CHANGE,
            outcome=AuditOutcome.SUCCESS,
            target=f"{username}:{row.prefix}",
            detail={"issued": True},
        )
        return IssuedApiKey(key=key, api_key=ApiKey.from_row(row))

    @strawberry.mutation(
        description="吊销接口密钥（立即失效）", extensions=requires("account", "admin")
    )
    @validation_result
    async def revoke_api_key(self, info: Info, id: strawberry.ID) -> RevokeApiKeyResult:  # noqa: A002
        ctx = info.context
        row = await accounts.revoke_api_key(session=ctx.session, key_id=parse_id(id, "id"))
        await record(
            ctx.session,
            actor=_actor(info),
            action=AuditAction.API_KEY_CHANGE,
            outcome=AuditOutcome.SUCCESS,
            target=row.prefix,
            detail={"revoked": True},
        )
        return ApiKey.from_row(row)

    @strawberry.mutation(
        description="新增权限规则（须说明理由，记入审计）",
        extensions=_policy_change("新增", "input"),
    )
    async def add_permission(
        self,
        info: Info,
        input: PermissionInput,  # noqa: A002
        reason: Reason = None,
    ) -> PolicyChangeResult:
        return await _change(info, services.add_rule, input.to_rule(), reason)

    @strawberry.mutation(
        description="删除权限规则（须说明理由，记入审计）",
        extensions=_policy_change("删除", "input"),
    )
    async def remove_permission(
        self,
        info: Info,
        input: PermissionInput,  # noqa: A002
        reason: Reason = None,
    ) -> PolicyChangeResult:
        return await _change(info, services.remove_rule, input.to_rule(), reason)

    @strawberry.mutation(
        description="分配角色（须说明理由，记入审计）", extensions=_policy_change("新增", "input")
    )
    async def assign_role(
        self,
        info: Info,
        input: RoleAssignmentInput,  # noqa: A002
        reason: Reason = None,
    ) -> PolicyChangeResult:
        return await _change(info, services.add_rule, input.to_rule(), reason)

    @strawberry.mutation(
        description="撤销角色（须说明理由，记入审计）", extensions=_policy_change("删除", "input")
    )
    async def revoke_role(
        self,
        info: Info,
        input: RoleAssignmentInput,  # noqa: A002
        reason: Reason = None,
    ) -> PolicyChangeResult:
        return await _change(info, services.remove_rule, input.to_rule(), reason)

    @strawberry.mutation(
        description="把策略回滚到某个版本（须说明理由，记入审计）",
        extensions=_policy_change("回滚", "version_id"),
    )
    async def rollback_policy(
        self,
        info: Info,
        version_id: strawberry.ID,
        reason: Reason = None,
    ) -> PolicyChangeResult:
        try:
            version = await services.rollback(
                info.context.session,
                actor=_actor(info),
                version_id=parse_id(version_id, "versionId"),
                reason=reason,
            )
        except ValidationFailed as exc:
            await services.audit_refused_change(
                info.context.session,
                actor=_actor(info),
                change=services.describe("回滚", version_id=version_id),
                exc=exc,
                attempt=services.attempted(version_id=version_id),
                reason=reason,
            )
            return ValidationErrors.from_exception(exc)
        _reload_after_commit(info)
        return PolicyVersion.from_row(
            version, await PolicyVersion.people_of(info.context.session, [version])
        )


async def _change(
    info: Info, change: Any, rule: services.Rule, reason: str | None
) -> PolicyChangeResult:
    try:
        version = await change(info.context.session, actor=_actor(info), rule=rule, reason=reason)
    except ValidationFailed as exc:
        verb = "新增" if change is services.add_rule else "删除"
        await services.audit_refused_change(
            info.context.session,
            actor=_actor(info),
            change=services.describe(verb, rule),
            exc=exc,
            attempt=services.attempted(rule),
            reason=reason,
        )
        return ValidationErrors.from_exception(exc)
    _reload_after_commit(info)
    return PolicyVersion.from_row(
        version, await PolicyVersion.people_of(info.context.session, [version])
    )
