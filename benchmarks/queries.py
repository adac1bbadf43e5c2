"""The benchmarked pages, each three ways: our graph, PostGraphile (the peer), hand-written SQL."""

from __future__ import annotations

from typing import Any

import asyncpg

# --- our graph (through the gateway) ------------------------------------------------------

INBOX = """
query Inbox($first: Int!) {
  pushInbox(first: $first) { totalCount edges { node {
    id stage state pushedAt claimDue feedbackState
    application { id status applicantName
      matter { code name }
      applicant { name }
      findings { kind abnormal summary foundOn } } } } }
}"""

LINKAGES = """
query Linkages($first: Int!) {
  linkages(first: $first) { totalCount edges { node {
    id channel claimDays feedbackDays
    approvalMatter { code name } supervisionMatter { code name }
    approvingDepartment { name } supervisingDepartment { name }
    approvingPerson { name mobile } supervisingPerson { name mobile } } } }
}"""

CREDIT = """
query Credit($code: String!) {
  subject(creditCode: $code, purpose: "基准测试：信用页") {
    ... on CreditProfile {
      subject { name kind }
      assessment { level score ruleVersion summary }
      records { category title decidedOn validUntil } } }
}"""

# The inbox asked of the approval subgraph alone: only what approval owns.
INBOX_SUBGRAPH = """
query Inbox($first: Int!) {
  pushInbox(first: $first) { totalCount edges { node {
    id stage state pushedAt claimDue feedbackState matterName
    application { id status applicantName } } } }
}"""

# --- the peer: PostGraphile over the same tables -----------------------------------------

PEER_INBOX = """
query Inbox($dept: Int!, $first: Int!) {
  allApprovalPushes(condition: {departmentId: $dept}, first: $first, orderBy: PRIMARY_KEY_ASC) {
    totalCount nodes { rowId stage state pushedAt claimDue feedbackState
      approvalApplicationByApplicationId { rowId status applicantName
        catalogMatterByMatterId { code name }
        creditSubjectByApplicantCode { name }
        supervisionFindingsByApplicationId { nodes { kind abnormal summary foundOn } } } } }
}"""

PEER_LINKAGES = """
query Linkages($first: Int!) {
  allCatalogLinkages(first: $first, orderBy: PRIMARY_KEY_ASC) { totalCount nodes {
    rowId channel claimDays feedbackDays
    catalogMatterByApprovalMatterId { code name }
    catalogMatterBySupervisionMatterId { code name }
    catalogDepartmentByApprovingDepartmentId { name }
    catalogDepartmentBySupervisingDepartmentId { name }
    catalogPersonByApprovingPersonId { name mobile }
    catalogPersonBySupervisingPersonId { name mobile } } }
}"""

PEER_CREDIT = """
query Credit($code: String!) {
  creditSubjectByCreditCode(creditCode: $code) { name kind
    creditDeterminationBySubjectCode { level score ruleVersion }
    creditRecordsBySubjectCode(orderBy: PRIMARY_KEY_ASC) {
      nodes { category title decidedOn validUntil } } }
}"""

# --- the floor: hand-written SQL over asyncpg ---------------------------------------------

_INBOX_PAGE = """
SELECT p.id, p.stage, p.state, p.pushed_at, p.claim_due, p.feedback_state,
       a.id AS application_id, a.status, a.applicant_name, m.code, m.name, s.name AS applicant
FROM approval_push p
JOIN approval_application a ON a.id = p.application_id
JOIN catalog_matter m ON m.id = a.matter_id
LEFT JOIN credit_subject s ON s.credit_code = a.applicant_code
WHERE p.department_id = $1 ORDER BY p.id LIMIT $2"""

_LINKAGE_PAGE = """
SELECT l.id, l.channel, l.claim_days, l.feedback_days,
       am.code, am.name, sm.code, sm.name, ad.name, sd.name,
       ap.name, ap.mobile, sp.name, sp.mobile
FROM catalog_linkage l
JOIN catalog_matter am ON am.id = l.approval_matter_id
JOIN catalog_matter sm ON sm.id = l.supervision_matter_id
JOIN catalog_department ad ON ad.id = l.approving_department_id
JOIN catalog_department sd ON sd.id = l.supervising_department_id
JOIN catalog_person ap ON ap.id = l.approving_person_id
JOIN catalog_person sp ON sp.id = l.supervising_person_id
ORDER BY l.id LIMIT $1"""


async def sql_inbox(conn: asyncpg.Connection, dept: int, first: int) -> list[Any]:
    total = await conn.fetchval("SELECT count(*) FROM approval_push WHERE department_id = $1", dept)
    rows = await conn.fetch(_INBOX_PAGE, dept, first)
    findings = await conn.fetch(
        "SELECT application_id, kind, abnormal, summary, found_on FROM supervision_finding"
        " WHERE application_id = ANY($1::int[])",
        [r["application_id"] for r in rows],
    )
    return [total, rows, findings]


async def sql_linkages(conn: asyncpg.Connection, first: int) -> list[Any]:
    total = await conn.fetchval("SELECT count(*) FROM catalog_linkage")
    return [total, await conn.fetch(_LINKAGE_PAGE, first)]


async def sql_credit(conn: asyncpg.Connection, code: str) -> list[Any]:
    subject = await conn.fetchrow(
        "SELECT credit_code, name, kind FROM credit_subject WHERE credit_code = $1", code
    )
    records = await conn.fetch(
        "SELECT category, title, decided_on, valid_until, status FROM credit_record"
        " WHERE subject_code = $1 ORDER BY id",
        code,
    )
    return [subject, records]
