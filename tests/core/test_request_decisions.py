"""A request evaluates each policy question once, however many rows of a page ask it."""

from api.core.context import Context
from api.core.scope import Scope
from tests import factories


async def test_a_page_asks_casbin_each_question_once_per_request(session, authorizer):
    dept = await factories.department(session)
    liaison = await factories.user(session, authorizer, role="supervision_liaison", dept=dept)
    asked: list[tuple[str, ...]] = []
    enforce = authorizer.enforcer.enforce

    def counting(*request: str) -> bool:
        asked.append(request)
        return enforce(*request)

    authorizer.enforcer.enforce = counting  # type: ignore[method-assign]

    def new_request() -> Context:
        return Context(
            request=None,  # type: ignore[arg-type]
            response=None,
            session=session,
            principal=liaison,
            authorizer=authorizer,
            loaders=None,
        )

    first = new_request()
    # 50 rows, each resolving a permission-checked field and reading the caller's scope.
    rows = [(first.can(liaison, "finding", "read"), first.scope) for _ in range(50)]
    second = new_request()
    again = (second.can(liaison, "finding", "read"), second.scope)

    user, domain = liaison.username, liaison.domain
    assert (set(rows), again, asked) == (
        {(True, Scope(department_id=dept.id, city_wide=False, personal_data=True))},
        (True, Scope(department_id=dept.id, city_wide=False, personal_data=True)),
        [
            (user, domain, "finding", "read"),
            (user, domain, "scope", "city"),
            (user, domain, "personal_data", "view"),
        ]
        * 2,  # once per request
    )
