"""Through the real gateway: the public list without login, and the Excel file as base64."""

import re

from api import demo

PUBLIC_LIST = """{ publishedLinkageList { number summary publisherName publishingDepartmentName
    entries { approvalMatterCode approvalMatterName approvalCategory approvingDepartmentName
      approvingSectionName approvingPersonName approvingOfficePhone supervisionMatterCode
      supervisionMatterName supervisingDepartmentName supervisingSectionName
      supervisingPersonName supervisingOfficePhone principle basisDocumentKind
      basisDocumentNumber basisDocumentSignedOn channel claimDays feedbackDays frequency }
    removedEntries { linkageId } } }"""


def test_published_list_is_public_through_the_gateway(gateway):
    body = gateway.post(
        """{ publishedLinkageList { number summary publisherName publishingDepartmentName
               entries { approvalMatterCode supervisingDepartmentName basisDocumentKind } } }"""
    ).json()

    assert body == {
        "data": {
            "publishedLinkageList": {
                "number": 1,
                "summary": "2026年第1次发布",
                "publisherName": "协调办 周敏",
                "publishingDepartmentName": demo.DEPARTMENTS_BY_KEY["xtb"],
                "entries": [
                    {
                        "approvalMatterCode": approval[0],
                        "supervisingDepartmentName": demo.DEPARTMENTS_BY_KEY[supervision[2]],
                        "basisDocumentKind": "MEMORANDUM"
                        if approval[2] == "spj"
                        else "ENTRUSTMENT",
                    }
                    for approval, supervision in demo.MATTER_PAIRS
                ],
            }
        }
    }


def test_exported_workbook_reimports_unchanged_through_the_gateway(gateway):
    token = gateway.sign_in("coord")
    exported = gateway.post("{ linkageWorkbook { contentBase64 } }", token=token).json()
    content = exported["data"]["linkageWorkbook"]["contentBase64"]

    body = gateway.post(
        """mutation($c: String!) { importLinkages(contentBase64: $c) {
             __typename ... on LinkageImportSummary { created updated unchanged } } }""",
        {"c": content},
        token=token,
    ).json()

    assert body == {
        "data": {
            "importLinkages": {
                "__typename": "LinkageImportSummary",
                "created": 0,
                "updated": 0,
                "unchanged": len(demo.MATTER_PAIRS),
            }
        }
    }


def test_every_demo_department_has_both_liaisons_and_confirmed_linkages(gateway):
    token = gateway.sign_in("coord")
    body = gateway.post(
        """{ departments { name pushLiaison { person { name } } receiveLiaison { person { name } } }
             linkages(confirmed: true) { totalCount } }""",
        token=token,
    ).json()

    assert body["data"]["linkages"] == {"totalCount": len(demo.MATTER_PAIRS)}
    assert [
        (d["name"], d["pushLiaison"]["person"]["name"], d["receiveLiaison"]["person"]["name"])
        for d in body["data"]["departments"]
    ] == [
        (demo.DEPARTMENTS_BY_KEY[key], liaison[0], liaison[0])
        for key, (_, _, liaison) in demo.PEOPLE.items()
    ]


def test_the_anonymous_public_list_holds_no_account_mobile_or_internal_field(gateway):
    response = gateway.post(PUBLIC_LIST)
    body = response.text
    assert response.json()["data"]["publishedLinkageList"]["entries"]
    # No account name of any demo user, no mobile number, no internal sharing-rule field.
    for username, *_ in demo.USERS:
        assert f'"{username}"' not in body
    assert re.search(r"1[3-9][0-9]{9}", body) is None
    for internal in ("dataScope", "procedure", "confidentiality", "publishedBy", "mobile"):
        assert internal not in body


def test_an_unknown_version_answers_a_typed_not_found(gateway):
    body = gateway.post("{ publishedLinkageList(version: 99) { number } }").json()
    assert body["data"] == {"publishedLinkageList": None}
    assert [
        (e["message"], e["extensions"]["code"], e["extensions"]["argument"]) for e in body["errors"]
    ] == [("清单第 99 版不存在", "NOT_FOUND", "version")]
    diff = gateway.post("{ linkageListDiff(base: 1, target: 99) { base } }").json()
    assert [(e["extensions"]["code"], e["extensions"]["argument"]) for e in diff["errors"]] == [
        ("NOT_FOUND", "target")
    ]
