"""Credit through the real gateway: the demo's jointly punished company at acceptance."""

from api.core.identifiers import make_uscc

CHECK = """
query($code: String!) {
  creditCheck(subjectCode: $code, applicationId: "1", purpose: "受理建筑工程施工许可申请") {
    __typename
    ... on CreditCheck {
      subject { name }
      level jointPunished allowedModes
      jointPunishments { sourceDocument }
    }
  }
}
"""
LOG = """
query { creditLookups(applicationId: "1") { username purpose channel department { name } } }
"""


def test_clerk_checks_a_jointly_punished_applicant_and_the_lookup_is_on_record(gateway):
    clerk = gateway.sign_in("spj_clerk")
    body = gateway.post(CHECK, {"code": make_uscc("91430900MA4L00006")}, token=clerk).json()

    assert body == {
        "data": {
            "creditCheck": {
                "__typename": "CreditCheck",
                "subject": {"name": "益阳市诚达建材有限公司"},
                "level": "DISHONEST",
                "jointPunished": True,
                "allowedModes": ["NORMAL"],
                "jointPunishments": [{"sourceDocument": "益发改财金〔2026〕18号"}],
            }
        }
    }
    officer = gateway.sign_in("credit_officer")
    assert gateway.post(LOG, token=officer).json() == {
        "data": {
            "creditLookups": [
                {
                    "username": "spj_clerk",
                    "purpose": "受理建筑工程施工许可申请",
                    "channel": "CHECK",
                    "department": {"name": "益阳市行政审批服务局"},
                }
            ]
        }
    }
