from sqlalchemy import func
from sqlmodel import select

from api.catalog.loaders import CatalogLoaders
from api.catalog.models import Matter
from api.catalog.schema import schema
from tests import factories
from tests.graphql import run

CREATE = """
mutation Create($input: CreateMatterInput!) {
  createMatter(input: $input) {
    __typename
    ... on Matter { code name kind department { name } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def test_department_head_creates_a_matter(session, authorizer):
    dept = await factories.department(session, name="益阳市测试局")
    head = await factories.user(session, authorizer, role="department_head", dept=dept)

    result = await run(
        schema,
        CatalogLoaders,
        CREATE,
        session=session,
        authorizer=authorizer,
        principal=head,
        variables={
            "input": {
                "code": "430900-XK-9001",
                "name": "食品经营许可",
                "kind": "APPROVAL",
                "departmentId": str(dept.id),
            }
        },
    )

    assert result.errors is None
    assert result.data == {
        "createMatter": {
            "__typename": "Matter",
            "code": "430900-XK-9001",
            "name": "食品经营许可",
            "kind": "APPROVAL",
            "department": {"name": "益阳市测试局"},
        }
    }


async def test_bad_matter_input_reports_every_field_and_writes_nothing(session, authorizer):
    dept = await factories.department(session)
    existing = await factories.matter(session, dept)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)
    before = (await session.exec(select(func.count()).select_from(Matter))).one()

    result = await run(
        schema,
        CatalogLoaders,
        CREATE,
        session=session,
        authorizer=authorizer,
        principal=head,
        variables={
            "input": {
                "code": existing.code,
                "name": " ",
                "kind": "APPROVAL",
                "departmentId": "999999",
            }
        },
    )

    assert result.errors is None
    assert result.data == {
        "createMatter": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "name", "code": "REQUIRED", "message": "请填写事项名称"},
                {"field": "departmentId", "code": "NOT_FOUND", "message": "责任单位不存在"},
                {"field": "code", "code": "DUPLICATE", "message": "事项编码已存在"},
            ],
        }
    }
    after = (await session.exec(select(func.count()).select_from(Matter))).one()
    assert after == before


async def test_anonymous_caller_is_told_to_sign_in(session, authorizer):
    result = await run(
        schema,
        CatalogLoaders,
        "{ matters { name } }",
        session=session,
        authorizer=authorizer,
        principal=None,
    )
    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        ("未登录或会话已过期，请重新登录", {"code": "UNAUTHENTICATED"})
    ]
