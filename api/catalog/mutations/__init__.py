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
from api.core.kit import Info, validation_result


@strawberry.type
class CatalogMutation:
    @strawberry.mutation(description="新建部门", extensions=requires("department", "write"))
    @validation_result
    async def create_department(
        self,
        info: Info,
        input: CreateDepartmentInput,  # noqa: A002
    ) -> CreateDepartmentResult:
        row = await services.create_department(session=info.context.session, data=input.to_model())
        return Department.from_row(row)

    @strawberry.mutation(description="新建事项（本部门）", extensions=requires("matter", "write"))
    @validation_result
    async def create_matter(
        self,
        info: Info,
        input: CreateMatterInput,  # noqa: A002
    ) -> CreateMatterResult:
        row = await services.create_matter(
            session=info.context.session, data=input.to_model(), scope=info.context.scope
        )
        return Matter.from_row(row)
