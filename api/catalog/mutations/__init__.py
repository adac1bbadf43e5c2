"""Catalog Mutation fields. Expected failures come back as ``ValidationErrors`` data."""

from __future__ import annotations

import strawberry

from api.catalog import services
from api.catalog.inputs import CreateDepartmentInput, CreateMatterInput
from api.catalog.types import (
    CreateDepartmentResult,
    CreateMatterResult,
    Department,
    Matter,
)
from api.core.authz import requires
from api.core.errors import ValidationErrors, ValidationFailed
from api.core.kit import Info


@strawberry.type
class CatalogMutation:
    @strawberry.mutation(description="新建部门", extensions=requires("department", "write"))
    async def create_department(
        self,
        info: Info,
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
        info: Info,
        input: CreateMatterInput,  # noqa: A002
    ) -> CreateMatterResult:
        try:
            row = await services.create_matter(
                session=info.context.session, data=input.to_model(), scope=info.context.scope
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return Matter.from_row(row)
