"""U+0000 in a string argument or variable answers BAD_USER_INPUT naming it, on every database
(PostgreSQL refuses NUL in text; found by tests/hardening/test_fuzz.py on signIn)."""

from __future__ import annotations

from graphql import parse

from api.core.text_input import in_document, in_variables
from tests.access.helpers import access


def test_a_nul_in_a_literal_names_its_argument():
    document = parse('mutation { signIn(username: "a\\u0000", password: "x") { __typename } }')
    assert in_document(document) == "username"
    assert in_document(parse("{ me { id } }")) is None


def test_a_nul_in_a_variable_names_the_variable_and_its_path():
    assert in_variables({"input": {"names": ["ok", "b\x00"]}}) == "input.names.1"
    assert in_variables({"u": "plain"}) is None


async def test_sign_in_with_a_nul_answers_bad_user_input_and_runs_nothing(session, authorizer):
    result = await access(
        'mutation($u: String!) { signIn(username: $u, password: "x") { __typename } }',
        variables={"u": "\x00"},
        session=session,
        authorizer=authorizer,
    )
    assert result.data is None
    assert [(e.extensions or {}).get("code") for e in result.errors or []] == ["BAD_USER_INPUT"]
    assert result.errors[0].extensions["argument"] == "u"
