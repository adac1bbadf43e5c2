"""One session per request survives graphql-core cancelling a sibling field mid-statement."""

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from tests.graphql import run


async def test_a_failing_field_does_not_break_the_session_of_its_siblings(session, authorizer):
    # The public field is mid-query when the protected one fails and graphql-core cancels it;
    # the denial is then audited through the same session.
    result = await run(
        schema,
        CatalogLoaders,
        "{ publishedLinkageListVersions { number } departments { createdAt } }",
        session=session,
        authorizer=authorizer,
        principal=None,
    )

    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        ("未登录或会话已过期，请重新登录", {"code": "UNAUTHENTICATED"})
    ]
