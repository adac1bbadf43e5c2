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
COORDINATION = frozenset({"coordination_office", "system_admin"})
MEETING_READERS = frozenset(ALL - {"credit_officer"})
MEETING_WRITERS = frozenset({"department_head", "coordination_office", "system_admin"})


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
            'createMatter(input: {code: "", name: "", kind: APPROVAL, departmentId: $dept})'
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
        _m(f"switchDepartment(departmentId: $dept) {{ __typename {VALIDATION} }}", "$dept: ID!"),
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
        _m(
            f'issueApiKey(username: "nobody", departmentId: $dept, name: "k") {{ {VALIDATION} }}',
            "$dept: ID!",
        ),
        ADMIN,
    ),
    "revokeApiKey": Row(_m(f'revokeApiKey(id: "{UNKNOWN}") {{ {VALIDATION} }}'), ADMIN),
    "apiKeys": Row("{ apiKeys { id } }", ADMIN),
    "permissions": Row("{ permissions { role } }", ADMIN),
    "roleAssignments": Row('{ roleAssignments(username: "nobody") { role } }', ADMIN),
    "policyVersions": Row("{ policyVersions(first: 1) { id } }", ADMIN),
    "checkPermission": Row(
        'query($dept: String!) { checkPermission(username: "nobody", departmentId: $dept,'
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
    "rollbackPolicy": Row(_m(f'rollbackPolicy(versionId: "{UNKNOWN}") {{ {VALIDATION} }}'), ADMIN),
    "auditEntries": Row("{ auditEntries(first: 1) { pageInfo { hasNextPage } } }", ADMIN),
    # --- coordination ----------------------------------------------------------------------
    "meetings": Row("{ meetings(first: 1) { id } }", MEETING_READERS),
    "meeting": Row(f'{{ meeting(id: "{UNKNOWN}") {{ id }} }}', MEETING_READERS),
    "escalations": Row("{ escalations(first: 1) { id } }", MEETING_READERS),
    "escalation": Row(f'{{ escalation(id: "{UNKNOWN}") {{ id }} }}', MEETING_READERS),
    "escalationAttachment": Row(
        f'{{ escalationAttachment(id: "{UNKNOWN}") {{ filename }} }}', MEETING_READERS
    ),
    "linkageStatistics": Row(
        'query($dept: ID) { linkageStatistics(since: "2026-01-01", until: "2026-01-31",'
        " departmentId: $dept) { __typename } }",
        ALL,
    ),
    "assessmentSchemes": Row("{ assessmentSchemes { version } }", COORDINATION),
    "assessment": Row(
        '{ assessment(since: "2026-01-31", until: "2026-01-01") { __typename } }', COORDINATION
    ),
    "assessmentWorkbook": Row(
        f'{{ assessmentWorkbook(since: "2026-01-31", until: "2026-01-01") {{ {VALIDATION} }} }}',
        COORDINATION,
    ),
    "assessmentReport": Row(
        f'{{ assessmentReport(since: "2026-01-31", until: "2026-01-01") {{ {VALIDATION} }} }}',
        COORDINATION,
    ),
    "caseFile": Row(f'{{ caseFile(applicationId: "{UNKNOWN}") {{ outcome }} }}', MEETING_READERS),
    "caseFileWorkbook": Row(
        f'{{ caseFileWorkbook(applicationId: "{UNKNOWN}") {{ filename }} }}', MEETING_READERS
    ),
    "conveneMeeting": Row(
        _m(
            'conveneMeeting(input: {title: "", scheduledAt: "2026-01-01T00:00:00Z"})'
            f" {{ {VALIDATION} }}"
        ),
        MEETING_WRITERS,
    ),
    "recordMeetingMinutes": Row(
        _m(
            f'recordMeetingMinutes(meetingId: "{UNKNOWN}", minutes: "x",'
            f' heldAt: "2026-01-01T00:00:00Z") {{ {VALIDATION} }}'
        ),
        MEETING_WRITERS,
    ),
    "addMeetingDecision": Row(
        _m(
            f'addMeetingDecision(meetingId: "{UNKNOWN}", text: "x", ownerDepartmentId: $dept,'
            f' dueOn: "2026-01-01") {{ {VALIDATION} }}',
            "$dept: ID!",
        ),
        MEETING_WRITERS,
    ),
    "followUpMeetingDecision": Row(
        _m(f'followUpMeetingDecision(decisionId: "{UNKNOWN}", status: DONE) {{ {VALIDATION} }}'),
        MEETING_WRITERS,
    ),
    "recordMeetingExchange": Row(
        _m(
            f'recordMeetingExchange(meetingId: "{UNKNOWN}", pushId: "{UNKNOWN}") {{ {VALIDATION} }}'
        ),
        MEETING_WRITERS,
    ),
    "raiseEscalation": Row(
        _m(f'raiseEscalation(input: {{kind: OTHER, title: "", statement: ""}}) {{ {VALIDATION} }}'),
        MEETING_WRITERS,
    ),
    "assignEscalation": Row(
        _m(f'assignEscalation(id: "{UNKNOWN}", assignee: "x") {{ {VALIDATION} }}'),
        COORDINATION,
    ),
    "scheduleEscalation": Row(
        _m(f'scheduleEscalation(id: "{UNKNOWN}", meetingId: "{UNKNOWN}") {{ {VALIDATION} }}'),
        COORDINATION,
    ),
    "decideEscalation": Row(
        _m(f'decideEscalation(id: "{UNKNOWN}", decision: "x") {{ {VALIDATION} }}'),
        COORDINATION,
    ),
    "publishAssessmentScheme": Row(
        _m(
            'publishAssessmentScheme(weights: [{indicator: "none", weight: 1}])'
            f" {{ {VALIDATION} }}"
        ),
        COORDINATION,
    ),
}
