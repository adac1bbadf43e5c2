"""Running the coordination schema in-process."""

from __future__ import annotations

from typing import Any

from api.coordination.loaders import CoordinationLoaders
from api.coordination.schema import schema
from tests.graphql import run

STATISTICS_FIELDS = """
since until department { id } linkagesInForce pushesSent pushesReceived receivedAtAcceptance
receivedAtCompletion pushesClaimed claimsByMethod { method count } claimRate claimsDue claimedOnTime
claimedLate claimOnTimeRate
feedbackLimited closedLate openOverdue abnormalResults facilitationApplied facilitationSkipped
claimSecondsMedian claimSecondsP90 feedbackSecondsMedian feedbackSecondsP90
feedbackDue feedbackOnTime onTimeFeedbackRate overdue acceptances acceptancesWithCreditCheck
creditCheckRate findingsByKind { kind count } abnormalFindings
handlingModes { handlingMode applications withFindings withAbnormalFindings }
"""


async def execute(session, authorizer, principal, query: str, **variables: Any) -> dict[str, Any]:
    result = await run(
        schema,
        CoordinationLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data
