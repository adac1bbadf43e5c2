// What the signed-in user may do in the current department, as the server decides it from the
// live policy (`me.abilities`: object × action pairs). Navigation, buttons, dialogs and
// workbench tiles are derived from here, in one place: the app never asks for what the server
// would refuse (every refusal is audited), and it never copies the policy's role lists.

export interface Ability {
  object: string;
  action: string;
}

export interface MeForAccess {
  departmentId: string;
  roles: readonly string[];
  abilities: readonly Ability[];
}

/** An object × action the server checks with `requires(object, action)`. */
export type Need = readonly [object: string, action: string];

/** What each part of the app needs (any of the listed pairs unless `all` is said). */
export const FEATURES = {
  // Navigation
  'nav.inbox': [['push', 'read']],
  'nav.linkages': [['linkage', 'read']],
  'nav.matters': [['matter', 'read']],
  'nav.departments': [['department', 'read']],
  'nav.applications': [['application', 'read']],
  'nav.subjects': [['subject', 'read']],
  'nav.credit': [
    ['credit_rule', 'read'],
    ['credit_lookup_log', 'read'],
  ],
  'nav.admin': [['policy', 'admin']],
  'nav.statistics': [['statistics', 'read']],
  'nav.meetings': [['meeting', 'read']],
  'nav.escalations': [['escalation', 'read']],
  'nav.cards': [['push', 'read']],
  'nav.sms': [['push', 'read']],
  // Inbox tabs
  'inbox.pushes': [['push', 'read']],
  'inbox.feedback': [['feedback', 'read']],
  // Buttons and dialogs
  'application.submit': [['application', 'write']],
  'application.handle': [['application', 'write']],
  'finding.record': [['finding', 'write']],
  'push.claim': [['push', 'claim']],
  'linkage.write': [['linkage', 'write']],
  'linkage.confirm': [['linkage', 'confirm']],
  'linkage.publish': [['linkage', 'publish']],
  'linkage.import': [['linkage', 'import']],
  'matter.write': [['matter', 'write']],
  'department.write': [['department', 'write']],
  'person.write': [['person', 'write']],
  'meeting.write': [['meeting', 'write']],
  'escalation.write': [['escalation', 'write']],
  'escalation.decide': [['escalation', 'decide']],
  'escalation.board': [['escalation_board', 'read']],
  'assessment.read': [['assessment', 'read']],
  'credit.read': [['credit_rule', 'read']],
  'credit.write': [['credit_rule', 'write']],
  'credit.lookups': [['credit_lookup_log', 'read']],
  'credit.records': [['credit_record', 'read']],
  'credit.punishments': [['joint_punishment', 'read']],
  'subject.read': [['subject', 'read']],
  'outbox.admin': [['outbox', 'admin']],
  'account.admin': [['account', 'admin']],
  'policy.admin': [['policy', 'admin']],
  'audit.admin': [['audit', 'admin']],
  'calendar.admin': [['calendar', 'admin']],
  'notice.read': [['notice', 'read']],
} as const satisfies Record<string, readonly Need[]>;

export type Feature = keyof typeof FEATURES;

export interface Access {
  /** Whether `me` has been answered (before that nothing is allowed). */
  ready: boolean;
  departmentId: string | undefined;
  roles: readonly string[];
  /** May do `action` on `object` in the current department. */
  can(object: string, action: string): boolean;
  /** May use this part of the app. */
  allows(feature: Feature): boolean;
  /** Whether an object of department `departmentId` is the caller's to change: its own
   * department's, or any for a policy administrator (who holds every right everywhere). */
  owns(departmentId: string | null | undefined): boolean;
}

export function accessFrom(me: MeForAccess | null | undefined): Access {
  const pairs = new Set((me?.abilities ?? []).map((a) => `${a.object}\u0000${a.action}`));
  const can = (object: string, action: string) => pairs.has(`${object}\u0000${action}`);
  // City-wide administrators: the policy administrator may act in every department.
  const everywhere = can('policy', 'admin');
  return {
    ready: Boolean(me),
    departmentId: me?.departmentId,
    roles: me?.roles ?? [],
    can,
    allows: (feature) => FEATURES[feature].some(([o, a]) => can(o, a)),
    owns: (departmentId) => everywhere || (Boolean(departmentId) && departmentId === me?.departmentId),
  };
}
