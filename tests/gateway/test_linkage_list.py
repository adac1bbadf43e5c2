"""Through the real gateway: the public list without login, and the Excel file as base64."""

from api import demo


def test_published_list_is_public_through_the_gateway(gateway):
    body = gateway.post(
        """{ publishedLinkageList { number publishedBy
               entries { approvalMatterCode supervisingDepartmentName basisDocumentKind } } }"""
    ).json()

    assert body == {
        "data": {
            "publishedLinkageList": {
                "number": 1,
                "publishedBy": demo.PUBLISHED_BY,
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
