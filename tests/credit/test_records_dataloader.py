"""The subject list with records, history, determination and list entries: constant statements."""

from api.credit import services
from api.credit.loaders import CreditLoaders
from api.credit.models import RecordCategory
from api.credit.schema import schema
from tests import factories
from tests.credit import builders
from tests.graphql import run

LIST = """
query($keyword: String!) {
  subjects(keyword: $keyword) {
    name
    creditRecords { title status revisions { action reason } }
    credit { level causes { ruleCode records { title } } }
    jointPunishments { sourceDocument }
  }
}
"""


async def _subjects(session, prefix, count):
    for n in range(count):
        subject = await factories.subject(session, name=f"{prefix}{n}号有限公司")
        await builders.record(session, subject, RecordCategory.LICENSING, f"{prefix}{n}许可")
        penalty = await builders.record(
            session, subject, RecordCategory.PENALTY, f"{prefix}{n}罚款"
        )
        assert penalty.id is not None
        await services.withdraw_credit_record(
            session=session, record_id=penalty.id, reason="复议撤销", actor="officer"
        )
        await builders.punish(session, subject, document=f"{prefix}{n}文号")


async def test_subject_list_statement_count_does_not_grow_with_the_page(
    session, authorizer, count_statements
):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    await _subjects(session, "甲批", 2)
    await _subjects(session, "乙批", 6)
    await session.commit()  # into the test's outer transaction: each query rolls back its own

    counts = []
    for prefix, size in (("甲批", 2), ("乙批", 6)):
        count_statements.count = 0
        result = await run(
            schema,
            CreditLoaders,
            LIST,
            session=session,
            authorizer=authorizer,
            principal=officer,
            variables={"keyword": prefix},
        )
        assert result.errors is None
        assert len(result.data["subjects"]) == size
        assert result.data["subjects"][0] == {
            "name": f"{prefix}0号有限公司",
            "creditRecords": [
                {"title": f"{prefix}0许可", "status": "ACTIVE", "revisions": []},
                {
                    "title": f"{prefix}0罚款",
                    "status": "WITHDRAWN",
                    "revisions": [{"action": "WITHDRAWN", "reason": "复议撤销"}],
                },
            ],
            "credit": {
                "level": "DISHONEST",
                "causes": [
                    {"ruleCode": "JOINT_PUNISHMENT", "records": []},
                    {"ruleCode": "NO_PENALTY_TWO_YEARS", "records": []},
                    {"ruleCode": "LICENSED", "records": [{"title": f"{prefix}0许可"}]},
                ],
            },
            "jointPunishments": [{"sourceDocument": f"{prefix}0文号"}],
        }
        counts.append(count_statements.count)

    # subjects, records, revisions, list entries, the determination (rules, records, active
    # entries) and one INSERT into the lookup log: eight statements whatever the page size.
    assert counts == [8, 8]
