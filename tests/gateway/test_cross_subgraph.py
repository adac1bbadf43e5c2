"""Through the real gateway process: one query that crosses all four subgraphs."""

from api.core.identifiers import make_uscc
from tests.trust import as_gateway

CROSS = """
{
  matters(kind: APPROVAL, keyword: "食品经营许可") {
    code
    name
    department { name }
    applications {
      applicantName
      status
      applicant { creditCode name creditRecords { category title source } }
      findings { kind abnormal summary foundOn }
    }
  }
}
"""


def test_query_across_all_four_subgraphs_returns_the_seeded_data(gateway):
    token = gateway.sign_in("coord")
    response = gateway.post(CROSS, token=token)

    assert response.status_code == 200
    assert response.json() == {
        "data": {
            "matters": [
                {
                    "code": "430900-XK-0001",
                    "name": "食品经营许可",
                    "department": {"name": "益阳市行政审批服务局"},
                    "applications": [
                        {
                            "applicantName": "益阳市资江食品有限公司",
                            "status": "SUBMITTED",
                            "applicant": {
                                "creditCode": make_uscc("91430900MA4L00001"),
                                "name": "益阳市资江食品有限公司",
                                "creditRecords": [
                                    {
                                        "category": "LICENSING",
                                        "title": "准予益阳市资江食品有限公司的行政许可",
                                        "source": "益阳市行政审批服务局",
                                    }
                                ],
                            },
                            "findings": [
                                {
                                    "kind": "SPOT_CHECK",
                                    "abnormal": True,
                                    "summary": "双随机抽查发现从业人员健康证明过期，责令限期整改",
                                    "foundOn": "2026-06-18",
                                }
                            ],
                        }
                    ],
                }
            ]
        }
    }


def test_anonymous_request_is_denied_through_the_gateway(gateway):
    response = gateway.post(CROSS)
    body = response.json()
    assert body["data"] is None
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [
        ("未登录或会话已过期，请重新登录", "UNAUTHENTICATED")
    ]


def test_forged_token_is_treated_as_anonymous(gateway):
    forged = gateway.sign_in("coord")[:-4] + "AAAA"
    body = gateway.post("{ departments { name } }", token=forged).json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_subgraph_called_by_the_gateway_for_an_anonymous_caller_refuses(stack):
    for name in ("catalog", "approval", "supervision", "credit"):
        field = {
            "catalog": "departments { name }",
            "approval": "applications { id }",
            "supervision": "findings { id }",
            "credit": "subjects { name }",
        }[name]
        body = as_gateway(stack, name, {"query": f"{{ {field} }}"}).json()
        assert body["data"] is None, name
        assert body["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}, name


def test_invalid_credit_code_through_the_gateway_names_the_field_and_writes_nothing(gateway):
    token = gateway.sign_in("credit_officer")
    count_query = '{ subjects(keyword: "校验位") { creditCode } }'
    before = gateway.post(count_query, token=token).json()["data"]["subjects"]

    body = gateway.post(
        """mutation($input: RegisterSubjectInput!) {
             registerSubject(input: $input) {
               __typename
               ... on ValidationErrors { errors { field code } }
             }
           }""",
        {"input": {"creditCode": "91430900MA4L00001Z", "name": "校验位错误有限公司"}},
        token=token,
    ).json()

    assert body == {
        "data": {
            "registerSubject": {
                "__typename": "ValidationErrors",
                "errors": [{"field": "creditCode", "code": "INVALID_CREDIT_CODE"}],
            }
        }
    }
    assert gateway.post(count_query, token=token).json()["data"]["subjects"] == before == []
