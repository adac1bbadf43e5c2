"""The authorization matrix: every root field of the supergraph, who may call it.

Adding a root field anywhere in the graph without a row here fails
``test_every_root_field_has_a_matrix_row``. A row holds a real operation on that field
(inputs that fail validation where a call would write, so allowed calls change nothing)
and the roles that are allowed. Each row runs against a target: the caller's own department,
then a foreign one; ``foreign`` overrides the allowed roles for the foreign department. An
operation may name the target's objects (``TARGET_VARIABLES``): ``$dept`` the department,
``$matter`` one of its matters, ``$section`` and ``$person`` one of its sections and people,
``$linkage`` a linkage it approves (for the foreign target: one the own department is on
neither side of) and ``$document`` that linkage's basis document.

Outcome "allow" means the field answered (data, or ValidationErrors as data); "deny" means
it answered FORBIDDEN / UNAUTHENTICATED, or, for object-level rules, ValidationErrors data
holding one of the row's ``refused`` codes, or ``null`` for a row with ``null_is_deny`` (an
object outside the caller's department answers not-found or "not your department" as data,
never FORBIDDEN). Anonymous callers are checked too.
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
FIELD_VALIDATION = "... on ValidationErrors { errors { field code } }"
TARGET_VARIABLES = ("dept", "matter", "section", "person", "linkage", "document")
# Objects outside the caller's department: not found, or refused by the owning-side rule.
# A refusal is a code, or "field:CODE" when the same code also answers bad input elsewhere.
NOT_FOUND = frozenset({"id:NOT_FOUND"})
NOT_OWN = frozenset({"NOT_OWN_DEPARTMENT"})
MAINTAINS_CATALOG = frozenset({"department_head", "system_admin"})
WRITES_LINKAGES = frozenset({"approval_clerk", "department_head", "system_admin"})
CONFIRMS_LINKAGES = frozenset({"supervision_liaison", "department_head", "system_admin"})
READS_LOOKUP_LOG = frozenset(
    {"credit_officer", "department_head", "coordination_office", "system_admin"}
)
CREDIT_READERS = frozenset({"credit_officer", "coordination_office", "system_admin"})
CREDIT_WRITERS = frozenset({"credit_officer", "system_admin"})
COORDINATION = frozenset({"coordination_office", "system_admin"})
MEETING_READERS = frozenset(ALL - {"credit_officer"})
MEETING_WRITERS = frozenset({"department_head", "coordination_office", "system_admin"})
READS_FEEDBACK = frozenset(
    {"approval_clerk", "department_head", "coordination_office", "system_admin"}
)
CLAIMS_PUSHES = frozenset({"supervision_liaison", "system_admin"})


@dataclass(frozen=True)
class Row:
    operation: str
    allowed: frozenset[str]
    foreign: frozenset[str] | None = None  # None: same as in the own department
    # ValidationErrors codes that mean "not this caller's object" (counted as deny).
    refused: frozenset[str] = frozenset()
    # A read answering null means "not found in your scope" (counted as deny).
    null_is_deny: bool = False
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
        MAINTAINS_CATALOG,
        foreign=ADMIN,
        refused=NOT_OWN,
    ),
    "department": Row("query($dept: ID!) { department(id: $dept) { id } }", ALL),
    "matter": Row("query($matter: ID!) { matter(id: $matter) { id } }", ALL),
    "matterConnection": Row(
        "query($dept: ID) { matterConnection(departmentId: $dept, first: 1) { totalCount } }", ALL
    ),
    "updateMatter": Row(
        _m(
            f'updateMatter(id: $matter, input: {{name: ""}}) {{ {FIELD_VALIDATION} }}',
            "$matter: ID!",
        ),
        MAINTAINS_CATALOG,
        foreign=ADMIN,
        refused=NOT_FOUND,
    ),
    "createSection": Row(
        _m(
            f'createSection(input: {{departmentId: $dept, name: ""}}) {{ {VALIDATION} }}',
            "$dept: ID!",
        ),
        MAINTAINS_CATALOG,
        foreign=ADMIN,
        refused=NOT_OWN,
    ),
    "createPerson": Row(
        _m(
            f'createPerson(input: {{sectionId: $section, name: ""}}) {{ {VALIDATION} }}',
            "$section: ID!",
        ),
        MAINTAINS_CATALOG,
        foreign=ADMIN,
        refused=NOT_OWN,
    ),
    "addPosition": Row(
        _m(
            f'addPosition(input: {{personId: "{UNKNOWN}", sectionId: $section}})'
            f" {{ {VALIDATION} }}",
            "$section: ID!",
        ),
        MAINTAINS_CATALOG,
        foreign=ADMIN,
        refused=NOT_OWN,
    ),
    "setLiaison": Row(
        _m(
            f'setLiaison(input: {{departmentId: $dept, kind: PUSH, personId: "{UNKNOWN}",'
            f' since: "2026-01-01"}}) {{ {VALIDATION} }}',
            "$dept: ID!",
        ),
        MAINTAINS_CATALOG,
        foreign=ADMIN,
        refused=NOT_OWN,
    ),
    # --- linkage list (catalog) --------------------------------------------------------------
    "linkages": Row(
        "query($dept: ID) { linkages(departmentId: $dept, first: 1) { totalCount } }", ALL
    ),
    # Department users see linkages their department is on; another's answers null.
    "linkage": Row(
        "query($linkage: ID!) { linkage(id: $linkage) { id } }",
        ALL,
        foreign=frozenset({"coordination_office", "system_admin"}),
        null_is_deny=True,
    ),
    "linkageWorkbook": Row("{ linkageWorkbook { fileName } }", ALL),
    # A department outside the linkage reads an empty history (not an error).
    "linkageHistory": Row(
        "query($linkage: ID!) { linkageHistory(linkageId: $linkage) { action } }", ALL
    ),
    "basisDocumentFile": Row(
        "query($document: ID!) { basisDocumentFile(id: $document) { fileName } }",
        ALL,
        foreign=frozenset({"coordination_office", "system_admin"}),
        null_is_deny=True,
    ),
    "uploadBasisDocument": Row(
        _m(
            'uploadBasisDocument(input: {kind: MEMORANDUM, number: "", signedOn: "2026-01-01",'
            f' parties: "", fileName: "x.pdf", contentBase64: ""}}) {{ {VALIDATION} }}'
        ),
        WRITES_LINKAGES,
    ),
    # The linkage's own content with a time limit out of range: the approving department
    # (and only it) gets as far as validation; nothing is written.
    "createLinkage": Row(
        _m(
            f'createLinkage(input: {{approvalMatterId: "{UNKNOWN}", supervisionMatterId:'
            f' "{UNKNOWN}", approvingDepartmentId: $dept, approvingSectionId: "{UNKNOWN}",'
            f' approvingPersonId: "{UNKNOWN}", supervisingDepartmentId: $dept,'
            f' supervisingSectionId: "{UNKNOWN}", supervisingPersonId: "{UNKNOWN}",'
            f" principle: WHO_GOVERNS, claimDays: 0}}) {{ {VALIDATION} }}",
            "$dept: ID!",
        ),
        WRITES_LINKAGES,
        foreign=ADMIN,
        refused=frozenset({"NOT_APPROVING_DEPARTMENT"}),
    ),
    "updateLinkage": Row(
        _m(
            f'updateLinkage(id: $linkage, input: {{approvalMatterId: "{UNKNOWN}",'
            f' supervisionMatterId: "{UNKNOWN}", approvingDepartmentId: $dept,'
            f' approvingSectionId: "{UNKNOWN}", approvingPersonId: "{UNKNOWN}",'
            f' supervisingDepartmentId: $dept, supervisingSectionId: "{UNKNOWN}",'
            f' supervisingPersonId: "{UNKNOWN}", principle: WHO_GOVERNS, claimDays: 0}})'
            f" {{ {FIELD_VALIDATION} }}",
            "$linkage: ID!, $dept: ID!",
        ),
        WRITES_LINKAGES,
        foreign=ADMIN,
        refused=NOT_FOUND | {"NOT_APPROVING_DEPARTMENT"},
    ),
    # Deleting and confirming cannot fail validation on a real linkage: unknown ids.
    "deleteLinkage": Row(_m(f'deleteLinkage(id: "{UNKNOWN}") {{ {VALIDATION} }}'), WRITES_LINKAGES),
    "submitLinkage": Row(_m(f'submitLinkage(id: "{UNKNOWN}") {{ {VALIDATION} }}'), WRITES_LINKAGES),
    "requestLinkageRemoval": Row(
        _m(f'requestLinkageRemoval(id: "{UNKNOWN}") {{ {VALIDATION} }}'), WRITES_LINKAGES
    ),
    "confirmLinkage": Row(
        _m(f'confirmLinkage(id: "{UNKNOWN}") {{ {VALIDATION} }}'), CONFIRMS_LINKAGES
    ),
    "importLinkages": Row(
        _m('importLinkages(contentBase64: "") { ... on LinkageImportErrors { errors { code } } }'),
        frozenset({"approval_clerk", "department_head", "coordination_office", "system_admin"}),
    ),
    # The demo list is already published: publishing again answers NO_CHANGES.
    "publishLinkageList": Row(
        _m(f'publishLinkageList(summary: "矩阵") {{ {VALIDATION} }}'),
        frozenset({"coordination_office", "system_admin"}),
    ),
    "publishedLinkageList": Row("{ publishedLinkageList { number } }", ALL, public=True),
    "publishedLinkageListVersions": Row(
        "{ publishedLinkageListVersions { number } }", ALL, public=True
    ),
    "linkageListDiff": Row("{ linkageListDiff(base: 1, target: 1) { base } }", ALL, public=True),
    # --- approval --------------------------------------------------------------------------
    "applications": Row("{ applications(first: 1) { id } }", READS_CASES),
    "applicationCount": Row("{ applicationCount(status: SUBMITTED) }", READS_CASES),
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
    # --- approval/supervision: the linkage loop ----------------------------------------------
    # Inboxes are the caller's department's (or city-wide for the coordination office); the
    # credit officer has no push/feedback/notice/calendar rule. Writes name unknown objects:
    # an allowed caller gets NOT_FOUND (or REQUIRED) as data and nothing changes.
    "pushInbox": Row("{ pushInbox(first: 1) { totalCount } }", READS_CASES),
    "overduePushes": Row("{ overduePushes(first: 1) { totalCount } }", READS_CASES),
    "feedbackInbox": Row("{ feedbackInbox(first: 1) { totalCount } }", READS_FEEDBACK),
    "creditNotices": Row("{ creditNotices(first: 1) { totalCount } }", READS_FEEDBACK),
    "smsMessages": Row("{ smsMessages(first: 1) { totalCount } }", READS_CASES),
    "smsTemplates": Row("{ smsTemplates { purpose } }", ADMIN),
    "updateSmsTemplate": Row(
        _m(
            'updateSmsTemplate(input: {purpose: PUSH, text: "{nope}", providerCode: "SG_PUSH"})'
            f" {{ {VALIDATION} }}"
        ),
        ADMIN,
    ),
    "noticeInbox": Row("{ noticeInbox(first: 1) { totalCount } }", READS_CASES),
    # Message centre (issue 19 item 6): the caller's department's messages, read per user.
    "inboxMessages": Row("{ inboxMessages(first: 1) { totalCount } }", READS_CASES),
    "unreadMessageCount": Row("{ unreadMessageCount }", READS_CASES),
    "markMessageRead": Row(
        _m(f'markMessageRead(messageId: "{UNKNOWN}") {{ {VALIDATION} }}'), READS_CASES
    ),
    "markAllMessagesRead": Row(_m("markAllMessagesRead"), READS_CASES),
    # Files on documents (issue 18): unknown ids answer null; read state as data.
    "issuedNotices": Row("{ issuedNotices(first: 1) { totalCount } }", READS_CASES),
    "noticeAttachmentFile": Row(
        f'{{ noticeAttachmentFile(id: "{UNKNOWN}") {{ fileName }} }}', READS_CASES
    ),
    "markNoticeRead": Row(
        _m(f'markNoticeRead(noticeId: "{UNKNOWN}") {{ {VALIDATION} }}'), READS_CASES
    ),
    "legalDocumentFile": Row(
        f'{{ legalDocumentFile(id: "{UNKNOWN}") {{ fileName }} }}', READS_CASES
    ),
    "pushFile": Row(
        f'{{ pushFile(pushId: "{UNKNOWN}", kind: RECEIPT) {{ fileName }} }}', READS_CASES
    ),
    "recordPushDispatch": Row(
        _m(
            f'recordPushDispatch(input: {{pushId: "{UNKNOWN}", channel: LETTER, number: "",'
            f' sentOn: "2026-01-01"}}) {{ {VALIDATION} }}'
        ),
        frozenset({"approval_clerk", "system_admin"}),
    ),
    "calendarDays": Row("{ calendarDays(year: 2026) { day } }", READS_CASES),
    "deadLetters": Row("{ deadLetters(first: 1) { totalCount } }", ADMIN),
    # A subscription: opened as server-sent events; "allow" is an open stream with no error.
    "inboxUpdates": Row("subscription { inboxUpdates { kind id } }", READS_CASES),
    "acceptApplication": Row(
        _m(
            f'acceptApplication(input: {{applicationId: "{UNKNOWN}", handlingMode: NORMAL,'
            f' creditTicket: ""}}) {{ {VALIDATION} }}'
        ),
        frozenset({"approval_clerk", "system_admin"}),
    ),
    "completeApplication": Row(
        _m(
            f'completeApplication(input: {{applicationId: "{UNKNOWN}", outcome: APPROVED,'
            f" documents: []}}) {{ {VALIDATION} }}"
        ),
        frozenset({"approval_clerk", "system_admin"}),
    ),
    # 容缺 / 告知承诺 follow-up (issue 18): the approving clerk closes items, the supervising
    # liaison records verifications; unknown ids answer NOT_FOUND as data.
    "verificationInbox": Row("{ verificationInbox(first: 1) { totalCount } }", READS_CASES),
    "facilitationFollowUp": Row(
        "{ facilitationFollowUp { items overdue untruthful } }", READS_CASES
    ),
    "supplyMissingItem": Row(
        _m(f'supplyMissingItem(input: {{itemId: "{UNKNOWN}"}}) {{ {VALIDATION} }}'),
        frozenset({"approval_clerk", "system_admin"}),
    ),
    "waiveMissingItem": Row(
        _m(f'waiveMissingItem(input: {{itemId: "{UNKNOWN}", reason: "矩阵"}}) {{ {VALIDATION} }}'),
        frozenset({"approval_clerk", "system_admin"}),
    ),
    "recordVerification": Row(
        _m(
            f'recordVerification(input: {{taskId: "{UNKNOWN}", result: TRUTHFUL,'
            f' evidence: "矩阵"}}) {{ {VALIDATION} }}'
        ),
        CLAIMS_PUSHES,
    ),
    "claimPush": Row(
        _m(f'claimPush(input: {{pushId: "{UNKNOWN}", method: LETTER}}) {{ {VALIDATION} }}'),
        CLAIMS_PUSHES,
    ),
    "closePushWithoutAbnormality": Row(
        _m(f'closePushWithoutAbnormality(pushId: "{UNKNOWN}") {{ {VALIDATION} }}'),
        CLAIMS_PUSHES,
    ),
    # Connected systems report (role connected_system); of the people only the administrator.
    "reportAcceptance": Row(
        _m(
            'reportAcceptance(input: {idempotencyKey: "matrix-none", externalId: "",'
            f' matterId: "{UNKNOWN}", applicantCode: "BAD", applicantName: ""}})'
            f" {{ {VALIDATION} }}"
        ),
        ADMIN,
    ),
    "reportCompletion": Row(
        _m(
            'reportCompletion(input: {idempotencyKey: "matrix-none", externalId: "none",'
            f" outcome: APPROVED, documents: []}}) {{ {VALIDATION} }}"
        ),
        ADMIN,
    ),
    "retryDeadLetter": Row(_m(f'retryDeadLetter(id: "{UNKNOWN}") {{ {VALIDATION} }}'), ADMIN),
    "setCalendarDay": Row(
        _m(
            'setCalendarDay(input: {day: "2026-01-01", kind: "HOLIDAY", name: ""})'
            f" {{ {VALIDATION} }}"
        ),
        ADMIN,
    ),
    "announcePolicyNotice": Row(
        _m(
            'announcePolicyNotice(input: {title: "", body: "", changeKind: LAW, matterIds: []})'
            f" {{ {VALIDATION} }}"
        ),
        frozenset(READS_CASES - {"coordination_office"}),
    ),
    # --- credit ----------------------------------------------------------------------------
    # Without a purpose a look-up is refused as data (and nothing is logged).
    "subject": Row(f'{{ subject(creditCode: "91430900MA4L00001U") {{ {VALIDATION} }} }}', ALL),
    # Department users look subjects up with a purpose; only credit and coordination browse.
    "subjects": Row("{ subjects(first: 1) { name } }", CREDIT_READERS),
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
    "creditCheck": Row(
        f'{{ creditCheck(subjectCode: "91430900MA4L00001U") {{ {VALIDATION} }} }}', ALL
    ),
    "exportCreditReport": Row(
        f'{{ exportCreditReport(subjectCodes: ["91430900MA4L00001U"]) {{ {VALIDATION} }} }}',
        frozenset({"credit_officer", "coordination_office", "system_admin"}),
    ),
    "creditLookups": Row(
        "query($dept: ID) { creditLookups(departmentId: $dept, first: 1, offset: 0) { id } }",
        READS_LOOKUP_LOG,
    ),
    "exportCreditLookups": Row(
        "query($dept: ID) { exportCreditLookups(departmentId: $dept) { filename } }",
        READS_LOOKUP_LOG,
    ),
    "creditRules": Row("{ creditRules { version } }", CREDIT_READERS),
    "creditRuleVersions": Row("{ creditRuleVersions { version } }", CREDIT_READERS),
    "aggregationRules": Row("{ aggregationRules { id } }", CREDIT_READERS),
    "handlingPolicy": Row("{ handlingPolicy { mode } }", CREDIT_READERS),
    "jointPunishments": Row("{ jointPunishments(first: 1, offset: 0) { id } }", CREDIT_READERS),
    "punishmentsEndingCount": Row("{ punishmentsEndingCount(withinDays: 30) }", CREDIT_READERS),
    "creditRecordsExpiringCount": Row("{ creditRecordsExpiringCount }", CREDIT_READERS),
    "creditRuleChangeCount": Row("{ creditRuleChangeCount }", CREDIT_READERS),
    "repairCreditRecord": Row(
        _m(
            f'repairCreditRecord(id: "{UNKNOWN}", input: {{title: ""}}, reason: "")'
            f" {{ {VALIDATION} }}"
        ),
        CREDIT_WRITERS,
    ),
    "withdrawCreditRecord": Row(
        _m(f'withdrawCreditRecord(id: "{UNKNOWN}", reason: "") {{ {VALIDATION} }}'),
        CREDIT_WRITERS,
    ),
    "publishCreditRules": Row(
        _m(
            "publishCreditRules(input: {baseScore: 0, trustworthyMinScore: 0,"
            f" dishonestBelowScore: 100, rules: []}}) {{ {VALIDATION} }}"
        ),
        CREDIT_WRITERS,
    ),
    "saveAggregationRule": Row(
        _m(
            'saveAggregationRule(input: {findingKind: "", resultType: "", category: OTHER})'
            f" {{ {VALIDATION} }}"
        ),
        CREDIT_WRITERS,
    ),
    "setHandlingPolicy": Row(
        _m(f"setHandlingPolicy(mode: NORMAL, allowedLevels: []) {{ {VALIDATION} }}"),
        CREDIT_WRITERS,
    ),
    "addJointPunishment": Row(
        _m(
            'addJointPunishment(input: {subjectCode: "BAD", sourceDocument: "", measures: "",'
            f' startsOn: "2026-01-01"}}) {{ {VALIDATION} }}'
        ),
        CREDIT_WRITERS,
    ),
    "importJointPunishments": Row(
        _m(f'importJointPunishments(contentBase64: "") {{ {VALIDATION} }}'), CREDIT_WRITERS
    ),
    "revokeJointPunishment": Row(
        _m(f'revokeJointPunishment(id: "{UNKNOWN}", reason: "") {{ {VALIDATION} }}'),
        CREDIT_WRITERS,
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
    "accounts": Row(
        '{ accounts(keyword: "nobody", first: 1) { totalCount edges { node { username } } } }',
        ADMIN,
    ),
    "permissions": Row("{ permissions { role } }", ADMIN),
    "roleAssignments": Row('{ roleAssignments(username: "nobody") { role } }', ADMIN),
    "policyVersions": Row("{ policyVersions(first: 1) { id } }", ADMIN),
    "policyChangeCount": Row("{ policyChangeCount(withinDays: 7) }", ADMIN),
    "lockedAccountCount": Row("{ lockedAccountCount }", ADMIN),
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
    "policyCatalogue": Row("{ policyCatalogue { roles { code } } }", ADMIN),
    "permissionMatrix": Row(
        "query($dept: ID!) { permissionMatrix(departmentId: $dept) { departmentId } }", ADMIN
    ),
    # --- coordination ----------------------------------------------------------------------
    "meetings": Row("{ meetings(first: 1) { id } }", MEETING_READERS),
    "meeting": Row(f'{{ meeting(id: "{UNKNOWN}") {{ id }} }}', MEETING_READERS),
    "escalations": Row("{ escalations(first: 1) { id } }", MEETING_READERS),
    "escalationCount": Row("{ escalationCount(status: SUBMITTED) }", MEETING_READERS),
    "meetingsDueCount": Row("{ meetingsDueCount(withinDays: 7) }", MEETING_READERS),
    "escalation": Row(f'{{ escalation(id: "{UNKNOWN}") {{ id }} }}', MEETING_READERS),
    "escalationAttachment": Row(
        f'{{ escalationAttachment(id: "{UNKNOWN}") {{ filename }} }}', MEETING_READERS
    ),
    "overdueEscalationActions": Row(
        "{ overdueEscalationActions(first: 1) { totalCount } }", MEETING_READERS
    ),
    "meetingMinutesFile": Row(
        f'{{ meetingMinutesFile(meetingId: "{UNKNOWN}") {{ filename }} }}', MEETING_READERS
    ),
    "linkageStatistics": Row(
        'query($dept: ID) { linkageStatistics(since: "2026-01-01", until: "2026-01-31",'
        " departmentId: $dept) { __typename } }",
        ALL,
    ),
    "linkageStatisticsSeries": Row(
        'query($dept: ID) { linkageStatisticsSeries(since: "2026-01-01", until: "2026-02-28",'
        " by: MONTH, departmentId: $dept) { __typename } }",
        ALL,
    ),
    "statisticsCases": Row(
        'query($dept: ID) { statisticsCases(figure: CLAIMED_LATE, since: "2026-01-01",'
        ' until: "2026-01-31", departmentId: $dept) { __typename } }',
        ALL,
    ),
    "linkageStatisticsSeriesWorkbook": Row(
        'query($dept: ID) { linkageStatisticsSeriesWorkbook(since: "2026-01-31",'
        f' until: "2026-01-01", by: DEPARTMENT, departmentId: $dept) {{ {VALIDATION} }} }}',
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
    "addEscalationAction": Row(
        _m(
            f'addEscalationAction(escalationId: "{UNKNOWN}", input: {{kind: OTHER,'
            f' ownerDepartmentId: $dept, dueOn: "2099-01-01", description: "x"}})'
            f" {{ {VALIDATION} }}",
            "$dept: ID!",
        ),
        COORDINATION,
    ),
    "completeEscalationAction": Row(
        _m(f'completeEscalationAction(id: "{UNKNOWN}") {{ {VALIDATION} }}'),
        MEETING_WRITERS,
    ),
    "publishAssessmentScheme": Row(
        _m(
            'publishAssessmentScheme(weights: [{indicator: "none", weight: 1}])'
            f" {{ {VALIDATION} }}"
        ),
        COORDINATION,
    ),
    # --- issue 11: escalation cards, supervision code (keep this block last) ---------------
    "pushByCode": Row('{ pushByCode(code: "ZZZZZZZZ") { id } }', READS_CASES),
    "escalationCards": Row("{ escalationCards(first: 1) { totalCount } }", READS_CASES),
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
        frozenset({"approval_clerk", "supervision_liaison", "department_head", "system_admin"}),
    ),
    "redCardBoard": Row(
        "{ redCardBoard(first: 1) { totalCount } }",
        frozenset({"coordination_office", "system_admin"}),
    ),
}
