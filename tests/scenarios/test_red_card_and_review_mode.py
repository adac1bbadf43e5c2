"""Red cards reach the department head, and a linkage under 并联审查 asks for feedback on
the 受理 push (issue 18 items 8 and 10), in one stack, through the gateway.

市卫健委's head (吴芳) is named in catalog as the department head; the 公共场所卫生许可 linkage
to 市卫健委 is filed under 并联审查. The clerk accepts a 食品经营许可 (a letter push to 市卫健委,
two working days to claim) and a 公共场所卫生许可 (an online push whose 受理 stage now has a
feedback limit). The clock moves to the last hour of the claim limit: the worker raises the
cards; the head gets the red card's SMS, the receiving liaison sees the SMS state of the push
and of the card, and the coordination office's board lists the red card.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from api.core.identifiers import make_uscc
from tests.scenarios.harness import CITY, ERRORS, CityPlan, Scenario, mutate

APPLICANT = (make_uscc("91430900MA4L80188"), "益阳百味餐饮有限公司")
PUSHES = """query($id: ID!) { application(id: $id) { pushes {
  stage feedbackState feedbackDue supervisionCode department { id }
  smsDelivery { state recipientName } } } }"""
CARDS = """{ escalationCards(color: RED, first: 10) { edges { node { id stage
  push { supervisionCode } smsDeliveries { role state recipientName lastError } } } } }"""
BOARD = "{ redCardBoard(first: 20) { edges { node { id color department { id } } } } }"
STORY: dict[str, str] = {}  # what the first step made, for the next (steps run in file order)
SMS = "{ smsMessages(first: 100) { edges { node { key recipientName } } } }"


@pytest.fixture(scope="module")
def city_plan() -> CityPlan:
    departments = tuple(
        replace(
            dept,
            people=tuple(
                replace(p, liaison="HEAD") if p.key == "wjw_head" else p for p in dept.people
            ),
        )
        for dept in CITY.departments
    )
    linkages = tuple(
        replace(link, review_mode="PARALLEL_REVIEW") if link.key == "hygiene_wjw" else link
        for link in CITY.linkages
    )
    return replace(CITY, departments=departments, linkages=linkages)


def _accepted(scenario: Scenario, matter: str) -> str:
    gw, clerk = scenario.gateway, scenario.as_user("clerk")
    code, name = APPLICANT
    app = mutate(
        gw,
        clerk,
        "submitApplication",
        "SubmitApplicationInput",
        "... on Application { id }",
        {
            "matterId": scenario.city.matters[matter],
            "applicantCode": code,
            "applicantName": name,
            "applicantContact": "0737-4100001",
            "applicantAddress": "益阳市赫山区",
        },
    )
    check = gw.ok(
        """query($code: String!, $app: ID!) { creditCheck(subjectCode: $code,
             applicationId: $app, purpose: "受理审查") { ... on CreditCheck { ticket } """
        + ERRORS
        + " } }",
        {"code": code, "app": app["id"]},
        token=clerk,
    )
    mutate(
        gw,
        clerk,
        "acceptApplication",
        "AcceptApplicationInput",
        "... on Application { status }",
        {
            "applicationId": app["id"],
            "handlingMode": "NORMAL",
            "creditTicket": check["ticket"],
            "skipReason": "DOCUMENTS_COMPLETE",
        },
    )
    return str(app["id"])


def test_a_parallel_review_linkage_gives_the_accepted_push_a_feedback_limit(scenario: Scenario):
    gw, city = scenario.gateway, scenario.city
    food, hygiene = _accepted(scenario, "food"), _accepted(scenario, "hygiene")
    clerk = scenario.as_user("clerk")

    food_pushes = gw.data(PUSHES, {"id": food}, token=clerk)["application"]["pushes"]
    hygiene_pushes = gw.data(PUSHES, {"id": hygiene}, token=clerk)["application"]["pushes"]

    # 审批后反馈 (the default): the 受理 pushes of 食品经营许可 ask for no feedback.
    assert sorted(
        (p["department"]["id"], p["feedbackState"], p["feedbackDue"]) for p in food_pushes
    ) == sorted(
        [
            (city.departments["scjg"], "NOT_REQUIRED", None),
            (city.departments["wjw"], "NOT_REQUIRED", None),
        ]
    )
    # 并联审查: five working days from Monday 1 March 2027.
    assert [(p["stage"], p["feedbackState"], p["feedbackDue"]) for p in hygiene_pushes] == [
        ("ACCEPTED", "OPEN", "2027-03-08")
    ]
    STORY["food"] = food
    STORY["letter_code"] = next(
        p["supervisionCode"]
        for p in food_pushes
        if p["department"]["id"] == city.departments["wjw"]
    )


def test_a_red_card_texts_the_head_and_lands_on_the_board(scenario: Scenario):
    gw, city = scenario.gateway, scenario.city
    code = STORY["letter_code"]
    head = city.person("wjw_head")
    # Wednesday 3 March, 16:45: the last hour of the two working days to claim the letter push.
    scenario.clock.set_local(2027, 3, 3, 16, 45)

    texts = scenario.wait_until(
        lambda: [
            e["node"]
            for e in gw.data(SMS, token=scenario.as_user("coord"))["smsMessages"]["edges"]
            if e["node"]["key"].startswith("card:") and e["node"]["key"].endswith(":head")
        ],
        "the red card's SMS to the head",
    )
    liaison = scenario.as_user("wjw_liaison")
    cards = [
        e["node"]
        for e in gw.data(CARDS, token=liaison)["escalationCards"]["edges"]
        if e["node"]["push"]["supervisionCode"] == code
    ]
    board = gw.data(BOARD, token=scenario.as_user("coord"))["redCardBoard"]["edges"]

    assert texts == [{"key": f"card:{cards[0]['id']}:head", "recipientName": head.name}]
    assert [(c["stage"], c["smsDeliveries"]) for c in cards] == [
        (
            "CLAIM",
            [
                {"role": "LIAISON", "state": "SENT", "recipientName": "赵丽", "lastError": None},
                {"role": "HEAD", "state": "SENT", "recipientName": head.name, "lastError": None},
            ],
        )
    ]
    assert {
        "id": cards[0]["id"],
        "color": "RED",
        "department": {"id": city.departments["wjw"]},
    } in [e["node"] for e in board]
    # The sender sees the push's own reminder as sent; another department does not see the card.
    sent = gw.data(PUSHES, {"id": STORY["food"]}, token=scenario.as_user("clerk"))
    letter = next(p for p in sent["application"]["pushes"] if p["supervisionCode"] == code)
    assert letter["smsDelivery"] == {"state": "SENT", "recipientName": "赵丽"}
    stranger = gw.data(CARDS, token=scenario.as_user("scjg_liaison"))["escalationCards"]["edges"]
    assert [e for e in stranger if e["node"]["push"]["supervisionCode"] == code] == []
