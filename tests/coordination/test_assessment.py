"""Assessment: weights rank departments; a new scheme version changes the ranking, the old
one stays and still reproduces its ranking."""

from datetime import UTC, date, datetime, timedelta

import pytest

from api.coordination.services import assessment
from api.coordination.services.statistics import Period
from tests import factories
from tests.coordination import dataset
from tests.coordination.helpers import execute

SINCE, UNTIL = "2024-04-01", "2024-04-30"
ASSESSMENT = """
query($since: Date!, $until: Date!, $version: Int) {
  assessment(since: $since, until: $until, schemeVersion: $version) {
    __typename
    ... on Assessment {
      scheme { version }
      rows { rank department { id } departmentName score
             indicators { indicator value weight } }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
PUBLISH = """
mutation($weights: [IndicatorWeightInput!]!, $note: String!) {
  publishAssessmentScheme(weights: $weights, note: $note) {
    __typename
    ... on AssessmentScheme { version note createdBy weights { indicator label weight } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
SCHEMES = "{ assessmentSchemes { version note weights { indicator weight } } }"
INDICATORS = (
    "claim_on_time_rate",
    "claim_rate",
    "on_time_feedback_rate",
    "credit_check_rate",
    "no_overdue_rate",
)


@pytest.fixture(scope="module")
async def world(engine):
    generated = dataset.generate(23, date(2024, 4, 1), date(2024, 4, 30), list_version=9002)
    await dataset.deliver(engine, generated)
    return generated


@pytest.fixture
async def office(session, authorizer):
    dept = await factories.department(session, "协调办考核测试")
    return await factories.user(session, authorizer, role="coordination_office", dept=dept)


def expected_rows(world, weights):
    """The ranking computed in Python from the generated data and the weights."""
    now = datetime.now(UTC)
    scored = []
    for dept in world.departments:
        fig = dataset.expected(world, dept, now)
        received = fig["pushesReceived"]
        values = {
            "claim_on_time_rate": fig["claimOnTimeRate"],
            "claim_rate": fig["claimRate"],
            "on_time_feedback_rate": fig["onTimeFeedbackRate"],
            "credit_check_rate": fig["creditCheckRate"],
            "no_overdue_rate": 1 - fig["overdue"] / received if received else None,
        }
        present = [(weights[k], v) for k, v in values.items() if v is not None and weights[k]]
        total = sum(w for w, _ in present)
        score = round(100 * sum(w * v for w, v in present) / total, 2) if total else None
        scored.append((score, dept, values))
    scored.sort(key=lambda s: (s[0] is None, -(s[0] or 0), s[1]))
    return [
        {
            "rank": n,
            "department": {"id": str(dept)},
            "departmentName": world.names[dept],
            "score": pytest.approx(score) if score is not None else None,
            "indicators": [
                {
                    "indicator": k,
                    "value": pytest.approx(values[k]) if values[k] is not None else None,
                    "weight": weights[k],
                }
                for k in INDICATORS
            ],
        }
        for n, (score, dept, values) in enumerate(scored, start=1)
    ]


def _weights(**given):
    return [{"indicator": k, "weight": given.get(k, 0.0)} for k in INDICATORS]


async def test_default_scheme_ranks_departments_by_weighted_indicators(
    session, authorizer, office, world
):
    data = await execute(session, authorizer, office, ASSESSMENT, since=SINCE, until=UNTIL)
    defaults = {
        "claim_on_time_rate": 30.0,
        "claim_rate": 0.0,
        "on_time_feedback_rate": 30.0,
        "credit_check_rate": 20.0,
        "no_overdue_rate": 20.0,
    }
    assert data == {
        "assessment": {
            "__typename": "Assessment",
            "scheme": {"version": 0},
            "rows": expected_rows(world, defaults),
        }
    }


async def test_new_weights_change_the_ranking_and_the_old_version_is_kept(
    session, authorizer, office, world
):
    first = await execute(
        session, authorizer, office, PUBLISH, weights=_weights(claim_rate=100), note="只看认领"
    )
    second = await execute(
        session,
        authorizer,
        office,
        PUBLISH,
        weights=_weights(credit_check_rate=100),
        note="只看信用核查",
    )
    assert first["publishAssessmentScheme"]["version"] == 1
    assert second["publishAssessmentScheme"]["version"] == 2

    by_claims = await execute(
        session, authorizer, office, ASSESSMENT, since=SINCE, until=UNTIL, version=1
    )
    current = await execute(session, authorizer, office, ASSESSMENT, since=SINCE, until=UNTIL)
    schemes = await execute(session, authorizer, office, SCHEMES)

    claims_weights = dict.fromkeys(INDICATORS, 0.0) | {"claim_rate": 100.0}
    check_weights = dict.fromkeys(INDICATORS, 0.0) | {"credit_check_rate": 100.0}
    assert by_claims["assessment"]["rows"] == expected_rows(world, claims_weights)
    assert current["assessment"]["scheme"] == {"version": 2}
    assert current["assessment"]["rows"] == expected_rows(world, check_weights)
    order = [r["department"]["id"] for r in current["assessment"]["rows"]]
    assert order != [r["department"]["id"] for r in by_claims["assessment"]["rows"]]
    assert schemes == {
        "assessmentSchemes": [
            {
                "version": 2,
                "note": "只看信用核查",
                "weights": [{"indicator": k, "weight": v} for k, v in check_weights.items()],
            },
            {
                "version": 1,
                "note": "只看认领",
                "weights": [{"indicator": k, "weight": v} for k, v in claims_weights.items()],
            },
        ]
    }


async def test_unknown_indicators_and_negative_weights_are_refused(session, authorizer, office):
    data = await execute(
        session,
        authorizer,
        office,
        PUBLISH,
        weights=[{"indicator": "speed", "weight": 1}, {"indicator": "claim_rate", "weight": -1}],
        note="",
    )
    assert data == {
        "publishAssessmentScheme": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "weights", "code": "UNKNOWN_INDICATOR", "message": "未知指标：speed"},
                {
                    "field": "weights",
                    "code": "INVALID_WEIGHT",
                    "message": "权重须在0至1000之间：claim_rate",
                },
            ],
        }
    }


async def test_a_past_ranking_keeps_the_weights_of_its_day(session, authorizer, office, world):
    """Two versions: a ranking calculated before the second was published uses the first,
    one calculated after uses the second; each equals the ranking computed in Python."""
    actor = office.username
    claims = await assessment.publish_scheme(
        session=session, weights={"claim_on_time_rate": 100.0}, note="按时认领", actor=actor
    )
    feedback = await assessment.publish_scheme(
        session=session, weights={"on_time_feedback_rate": 100.0}, note="按时反馈", actor=actor
    )
    period = Period(date.fromisoformat(SINCE), date.fromisoformat(UNTIL))
    rankings = {}
    for label, at in (
        ("before", feedback.created_at - timedelta(microseconds=1)),
        ("after", feedback.created_at),
    ):
        scheme = await assessment.scheme_in_force(session=session, at=at)
        rankings[label] = await assessment.rank(
            session=session, period=period, scheme=scheme, as_of=at.replace(tzinfo=UTC)
        )

    def as_rows(ranking):
        return [
            {
                "rank": r.rank,
                "department": {"id": str(r.department_id)},
                "departmentName": r.department_name,
                "score": r.score,
                "indicators": [
                    {
                        "indicator": k,
                        "value": r.values[k],
                        "weight": float(ranking.scheme.weights.get(k, 0.0)),
                    }
                    for k in INDICATORS
                ],
            }
            for r in ranking.rows
        ]

    claims_weights = dict.fromkeys(INDICATORS, 0.0) | {"claim_on_time_rate": 100.0}
    feedback_weights = dict.fromkeys(INDICATORS, 0.0) | {"on_time_feedback_rate": 100.0}
    assert rankings["before"].scheme.version == claims.version
    assert rankings["after"].scheme.version == feedback.version
    assert as_rows(rankings["before"]) == expected_rows(world, claims_weights)
    assert as_rows(rankings["after"]) == expected_rows(world, feedback_weights)
    before = [r.department_id for r in rankings["before"].rows]
    assert before != [r.department_id for r in rankings["after"].rows]
