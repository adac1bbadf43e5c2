"""Approval quality from supervision: abnormal findings after licences, false commitments."""

import base64
import random
from datetime import date, datetime, timedelta

from sqlmodel import select

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models import DocumentKind, Feedback, LegalDocumentCreate
from api.approval.schema import schema
from api.approval.services import facilitation
from api.core.clock import LOCAL_TZ
from api.credit.models import CreditRecord
from api.supervision import services as supervision
from api.supervision.models import FindingCreate, FindingKind, ResultType
from tests import factories
from tests.graphql import run

QUERY = """
query($matter: ID) {
  approvalQuality(matterId: $matter) {
    licences abnormalWithin3Months abnormalWithin6Months abnormalWithin12Months
    abnormalShare3Months abnormalShare6Months abnormalShare12Months
    commitments falseCommitments falseCommitmentShare department { id }
  }
}
"""
TODAY = datetime.now(LOCAL_TZ).date()
_COMMITMENT = facilitation.CommitmentDraft(
    text="承诺已具备许可条件",
    file_name="承诺书.pdf",
    content_base64=base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n").decode(),
)


def _months_between_within(done: date, found: date, months: int) -> bool:
    """Independent of the service: completion is on the 15th, so no month-end clamping."""
    diff = (found.year - done.year) * 12 + found.month - done.month
    return found >= done and (diff < months or (diff == months and found.day <= done.day))


async def _generated(session, authorizer, seed):
    rng = random.Random(seed)  # noqa: S311 - a reproducible data set, not a secret
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    actor = services.Actor(clerk.username, int(clerk.department_id))
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    spec = []
    for _ in range(14):
        app = await factories.application(session, mat, await factories.subject(session))
        commit = rng.random() < 0.5
        ticket = factories.credit_ticket(
            app, level="NORMAL", modes=("NORMAL", "NOTIFY_AND_COMMIT") if commit else ("NORMAL",)
        )
        await services.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=(
                services.HandlingMode.NOTIFY_AND_COMMIT if commit else services.HandlingMode.NORMAL
            ),
            credit_ticket=ticket,
            actor=actor,
            commitment=_COMMITMENT if commit else None,
        )
        approved = rng.random() < 0.8
        await services.complete_application(
            session=session,
            application_id=app.id,
            outcome=services.Outcome.APPROVED if approved else services.Outcome.REFUSED,
            documents=[LegalDocumentCreate(kind=DocumentKind.LICENCE, number=f"Q-{app.id}")],
            refusal_reason="" if approved else "条件不符",
            actor=actor,
        )
        # Time is the subject: completion moved back to the 15th, 14 to 20 months ago.
        back = rng.randint(14, 20)
        index = TODAY.year * 12 + TODAY.month - 1 - back
        done = date(index // 12, index % 12 + 1, 15)
        app.completed_at = datetime(done.year, done.month, done.day, 11, tzinfo=LOCAL_TZ)
        session.add(app)
        findings = []
        for _ in range(rng.randint(0, 2)):
            found = done + timedelta(days=rng.choice([-10, 20, 85, 100, 170, 200, 360, 380]))
            abnormal = rng.random() < 0.8
            kind = rng.choice([ResultType.PENALIZED, ResultType.FALSE_COMMITMENT])
            findings.append((found, abnormal, kind if abnormal else ResultType.NO_ABNORMALITY))
            await supervision.record_finding(
                session=session,
                require_push=False,
                data=FindingCreate(
                    application_id=app.id,
                    department_id=supervising.id,
                    kind=FindingKind.SPOT_CHECK,
                    abnormal=abnormal,
                    result_type=kind if abnormal else ResultType.NO_ABNORMALITY,
                    document_number="益市监罚〔2026〕1号" if kind == ResultType.PENALIZED else "",
                    summary="抽查",
                    found_on=found,
                ),
            )
        spec.append((approved, commit, done, findings))
    await factories.deliver(session)
    return approving, clerk, mat, spec


def _share(count, base):
    return round(count / base, 4) if base else None


async def test_quality_figures_equal_an_independent_computation(session, authorizer):
    approving, clerk, mat, spec = await _generated(session, authorizer, seed=11)

    result = await run(
        schema,
        ApprovalLoaders,
        QUERY,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"matter": str(mat.id)},
    )

    licences = [s for s in spec if s[0]]
    within = {
        months: sum(
            any(ab and _months_between_within(done, found, months) for found, ab, _ in fs)
            for _, _, done, fs in licences
        )
        for months in (3, 6, 12)
    }
    commitments = [s for s in spec if s[1]]
    false = sum(
        any(ab and kind == ResultType.FALSE_COMMITMENT for _, ab, kind in fs)
        for _, _, _, fs in commitments
    )
    expected = {
        "licences": len(licences),
        "abnormalWithin3Months": within[3],
        "abnormalWithin6Months": within[6],
        "abnormalWithin12Months": within[12],
        "abnormalShare3Months": _share(within[3], len(licences)),
        "abnormalShare6Months": _share(within[6], len(licences)),
        "abnormalShare12Months": _share(within[12], len(licences)),
        "commitments": len(commitments),
        "falseCommitments": false,
        "falseCommitmentShare": _share(false, len(commitments)),
        "department": {"id": str(approving.id)},
    }
    assert result.data == {"approvalQuality": [expected]}
    # The data set exercises every figure.
    assert 0 < within[3] < within[12]
    assert false > 0


async def test_quality_is_scoped_to_the_approving_department(session, authorizer):
    _, _, mat, _ = await _generated(session, authorizer, seed=5)
    stranger = await factories.user(
        session, authorizer, role="approval_clerk", dept=await factories.department(session)
    )

    result = await run(
        schema,
        ApprovalLoaders,
        QUERY,
        session=session,
        authorizer=authorizer,
        principal=stranger,
        variables={"matter": str(mat.id)},
    )

    assert result.data == {"approvalQuality": []}


async def test_a_false_commitment_reaches_credit_and_the_approving_inbox(session, authorizer):
    approving = await factories.department(session)
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    subject = await factories.subject(session, "承诺不实商行")
    app = await factories.application(session, mat, subject)
    finding = await supervision.record_finding(
        session=session,
        require_push=False,
        data=FindingCreate(
            application_id=app.id,
            subject_code=subject.credit_code,
            department_id=supervising.id,
            kind=FindingKind.INSPECTION,
            abnormal=True,
            result_type=ResultType.FALSE_COMMITMENT,
            summary="核查发现告知承诺内容不实",
            found_on=TODAY,
        ),
    )
    await factories.deliver(session)

    records = (
        await session.exec(
            select(CreditRecord.category, CreditRecord.subject_code).where(
                CreditRecord.subject_code == subject.credit_code,
                CreditRecord.source_ref.like("%finding%"),
            )
        )
    ).all()
    inbox = (
        await session.exec(
            select(Feedback.to_department_id, Feedback.result_type).where(
                Feedback.finding_id == finding.id
            )
        )
    ).all()
    # 信用承诺失信 (issue 18): a false commitment is its own category, not a penalty.
    assert [(c.value, code) for c, code in records] == [("COMMITMENT_BREACH", subject.credit_code)]
    assert [tuple(r) for r in inbox] == [(approving.id, "FALSE_COMMITMENT")]
