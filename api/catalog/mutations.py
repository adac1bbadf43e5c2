"""Catalog Mutation fields. Expected failures come back as ``ValidationErrors`` data."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.catalog import services
from api.catalog.inputs import CreateDepartmentInput, CreateMatterInput
from api.catalog.types import (
    CreateDepartmentResult,
    CreateMatterResult,
    Department,
    Matter,
)
from api.core.accounts import sign_in
from api.core.authz import public, requires
from api.core.errors import ValidationErrors, ValidationFailed


@strawberry.type(description="登录成功：会话令牌与可切换的部门")
class SignInPayload:
    token: str
    username: str
    display_name: str
    department_id: strawberry.ID
    department_ids: list[strawberry.ID]


SignInResult = Annotated[SignInPayload | ValidationErrors, strawberry.union("SignInResult")]


@strawberry.type
class CatalogMutation:
    @strawberry.mutation(description="登录（用户名、密码，可选部门）", extensions=public())
    async def sign_in(
        self,
        info: Info[Any, Any],
        username: str,
        password: str,
        department_id: strawberry.ID | None = None,
    ) -> SignInResult:
        try:
            signed = await sign_in(
                session=info.context.session,
                username=username,
                password=password,
                department_id=str(department_id) if department_id else None,
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return SignInPayload(
            token=signed.token,
            username=signed.user.username,
            display_name=signed.user.display_name,
            department_id=strawberry.ID(signed.principal.department_id),
            department_ids=[strawberry.ID(d) for d in signed.department_ids],
        )

    @strawberry.mutation(description="新建部门", extensions=requires("department", "write"))
    async def create_department(
        self,
        info: Info[Any, Any],
        input: CreateDepartmentInput,  # noqa: A002
    ) -> CreateDepartmentResult:
        try:
            row = await services.create_department(
                session=info.context.session, data=input.to_model()
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return Department.from_row(row)

    @strawberry.mutation(description="新建事项（本部门）", extensions=requires("matter", "write"))
    async def create_matter(
        self,
        info: Info[Any, Any],
        input: CreateMatterInput,  # noqa: A002
    ) -> CreateMatterResult:
        try:
            row = await services.create_matter(
                session=info.context.session, data=input.to_model(), scope=info.context.scope
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return Matter.from_row(row)
