"""The authorization matrix: every root field of the supergraph, who may call it.

Adding a root field anywhere in the graph without a row here fails
``test_every_root_field_has_a_matrix_row``. A row holds a real operation on that field
(inputs that fail validation where a call would write, so allowed calls change nothing)
and the roles that are allowed. ``$dept`` is the target department: the caller's own, then
a foreign one; ``foreign`` overrides the allowed roles for the foreign department.

Outcome "allow" means the field answered (data, or ValidationErrors as data); "deny" means
it answered FORBIDDEN / UNAUTHENTICATED. Anonymous callers are checked too.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = (
    "approval_clerk",
    "supervision_liaison",
    "credit_officer",
    "department_head",
    "coordination_office",
    "system_admin",
)
ANONYMOUS = "anonymous"
ALL = frozenset(ROLES)
ADMIN = frozenset({"system_admin"})
READS_CASES = frozenset(ALL - {"credit_officer"})
UNKNOWN = "999999"
VALIDATION = "... on ValidationErrors { errors { code } }"


@dataclass(frozen=True)
class Row:
    operation: str
    allowed: frozenset[str]
    foreign: frozenset[str] | None = None  # None: same as in the own department
    public: bool = False
    # Fields that end the caller's session run on a session of their own.
    fresh_session: bool = False

    def allowed_in(self, target: str) -> frozenset[str]:
        if target == "foreign" and self.foreign is not None:
            return self.foreign
        return self.allowed


def _m(body: str, params: str = "") -> str:
    return f"mutation{f'({params})' if params else ''} {{ {body} }}"


MATRIX: dict[str, Row] = {
    # --- catalog ---------------------------------------------------------------------------
    "departments": Row("{ departments { id } }", ALL),
    "matters": Row("query($dept: ID) { matters(departmentId: $dept) { id } }", ALL),
    "createDepartment": Row(
        _m(f'createDepartment(input: {{name: "", shortName: ""}}) {{ {VALIDATION} }}'), ADMIN
    ),
    "createMatter": Row(
        _m(
            "createMatter(input: {code: \"\", name: \"\", kind: APPROVAL, departmentId: $dept})"
            f" {{ {VALIDATION} }}",
            "$dept: ID!",
        ),
        frozenset({"department_head", "system_admin"}),
    ),
    # --- approval --------------------------------------------------------------------------
    "applications": Row("{ applications(first: 1) { id } }", READS_CASES),
    "application": Row(f'{{ application(id: "{UNKNOWN}") {{ id }} }}', READS_CASES),
    "submitApplication": Row(
        _m(
            f'submitApplication(input: {{matterId: "{UNKNOWN}", applicantCode: "BAD",'
            f' applicantName: ""}}) {{ {VALIDATION} }}'
        ),
        frozenset({"approval_clerk", "system_admin"}),
    ),
    # --- supervision -----------------------------------------------------------------------
    "findings": Row("{ findings(first: 1) { id } }", READS_CASES),
    "recordFinding": Row(
        _m(
            f'recordFinding(input: {{applicationId: "{UNKNOWN}", kind: INSPECTION, summary: "",'
            f' foundOn: "2026-01-01"}}) {{ {VALIDATION} }}'
        ),
        frozenset({"supervision_liaison", "system_admin"}),
    ),
    # --- credit ----------------------------------------------------------------------------
    "subject": Row('{ subject(creditCode: "91430900MA4L00001U") { name } }', ALL),
    "subjects": Row("{ subjects(first: 1) { name } }", ALL),
    "registerSubject": Row(
        _m(f'registerSubject(input: {{creditCode: "BAD", name: ""}}) {{ {VALIDATION} }}'),
        frozenset({"credit_officer", "system_admin"}),
    ),
    "addCreditRecord": Row(
        _m(
            'addCreditRecord(input: {subjectCode: "BAD", category: OTHER, title: "",'
            f' source: "", decidedOn: "2026-01-01"}}) {{ {VALIDATION} }}'
        ),
        frozenset({"credit_officer", "system_admin"}),
    ),
    # --- access ----------------------------------------------------------------------------
    "signIn": Row(
        _m(f'signIn(username: "nobody", password: "x") {{ {VALIDATION} }}'),
        ALL,
        public=True,
    ),
    "me": Row("{ me { username } }", ALL),
    "signOut": Row(_m("signOut { ok }"), ALL, fresh_session=True),
    "switchDepartment": Row(
        _m(
            f"switchDepartment(departmentId: $dept) {{ __typename {VALIDATION} }}", "$dept: ID!"
        ),
        ALL,
        fresh_session=True,
    ),
    "changePassword": Row(
        _m(
            'changePassword(currentPassword: "Wrong@2026", newPassword: "Next@2026x")'
            f" {{ {VALIDATION} }}"
        ),
        ALL,
    ),
    "createAccount": Row(
        _m(
            'createAccount(input: {username: "x", displayName: "x", initialPassword: "weak"})'
            f" {{ {VALIDATION} }}"
        ),
        ADMIN,
    ),
    "issueApiKey": Row(
        _m(f'issueApiKey(username: "nobody", departmentId: $dept, name: "k") {{ {VALIDATION} }}',
           "$dept: ID!"),
        ADMIN,
    ),
    "revokeApiKey": Row(_m(f'revokeApiKey(id: "{UNKNOWN}") {{ {VALIDATION} }}'), ADMIN),
    "apiKeys": Row("{ apiKeys { id } }", ADMIN),
    "permissions": Row("{ permissions { role } }", ADMIN),
    "roleAssignments": Row('{ roleAssignments(username: "nobody") { role } }', ADMIN),
    "policyVersions": Row("{ policyVersions(first: 1) { id } }", ADMIN),
    "checkPermission": Row(
        "query($dept: String!) { checkPermission(username: \"nobody\", departmentId: $dept,"
        ' object: "matter", action: "read") { allowed } }',
        ADMIN,
    ),
    "addPermission": Row(
        _m(
            'addPermission(input: {role: "", departmentId: "*", object: "x", action: "read"})'
            f" {{ {VALIDATION} }}"
        ),
        ADMIN,
    ),
    "removePermission": Row(
        _m(
            'removePermission(input: {role: "nobody", departmentId: "*", object: "x",'
            f' action: "read"}}) {{ {VALIDATION} }}'
        ),
        ADMIN,
    ),
    "assignRole": Row(
        _m(
            'assignRole(input: {username: "nobody", role: "wizard", departmentId: $dept})'
            f" {{ {VALIDATION} }}",
            "$dept: String!",
        ),
        ADMIN,
    ),
    "revokeRole": Row(
        _m(
            'revokeRole(input: {username: "nobody", role: "approval_clerk",'
            f" departmentId: $dept}}) {{ {VALIDATION} }}",
            "$dept: String!",
        ),
        ADMIN,
    ),
    "rollbackPolicy": Row(
        _m(f'rollbackPolicy(versionId: "{UNKNOWN}") {{ {VALIDATION} }}'), ADMIN
    ),
    "auditEntries": Row("{ auditEntries(first: 1) { pageInfo { hasNextPage } } }", ADMIN),
    # --- issue 11: escalation cards, supervision code (keep this block last) ---------------
    "pushByCode": Row('{ pushByCode(code: "ZZZZZZZZ") { id } }', READS_CASES),
    "escalationCards": Row(
        "{ escalationCards(first: 1) { totalCount } }", READS_CASES
    ),
    "proposedMeasures": Row(
        f'{{ proposedMeasures(applicationId: "{UNKNOWN}", creditTicket: "x") {{ measure }} }}',
        READS_CASES,
    ),
    "creditMeasureStatistics": Row("{ creditMeasureStatistics { applied } }", READS_CASES),
    "approvalQuality": Row("{ approvalQuality { licences } }", READS_CASES),
    "monthlySummaries": Row("{ monthlySummaries { id } }", READS_CASES),
    "monthlySummaryWorkbook": Row(
        f'{{ monthlySummaryWorkbook(id: "{UNKNOWN}") {{ fileName }} }}', READS_CASES
    ),
    "linkPolicyNoticeToListVersion": Row(
        _m(
            f'linkPolicyNoticeToListVersion(noticeId: "{UNKNOWN}", listVersion: 1)'
            f" {{ {VALIDATION} }}"
        ),
        frozenset(
            {"approval_clerk", "supervision_liaison", "department_head", "system_admin"}
        ),
    ),
    "redCardBoard": Row(
        "{ redCardBoard(first: 1) { totalCount } }",
        frozenset({"coordination_office", "system_admin"}),
    ),
}
