/** Pure helpers of the audit tab (tested in audit.test.ts). */
import type { AuditAction, AuditFilterInput, AuditOutcome } from '@/graphql/graphql';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'ACCESS_DENIED',
  'POLICY_CHANGE',
  'ACCOUNT_CHANGE',
  'API_KEY_CHANGE',
  'EXPORT',
  'CITY_WIDE_READ',
  'CREDIT_LOOKUP',
  'DEAD_LETTER_RETRY',
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'SIGN_OUT',
  'PASSWORD_CHANGE',
  'DEPARTMENT_SWITCH',
];
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED'];

export interface AuditFilterValues {
  actor: string;
  action: AuditAction | null;
  outcome: AuditOutcome | null;
  departmentId: string | null;
  /** Calendar days in Beijing, inclusive: YYYY-MM-DD. */
  since: string | null;
  until: string | null;
}

export const NO_AUDIT_FILTER: AuditFilterValues = { actor: '', action: null, outcome: null, departmentId: null, since: null, until: null };

/** The server filter: days are Beijing days (until is inclusive: the next midnight, exclusive). */
export function auditFilter(v: AuditFilterValues): AuditFilterInput | null {
  const filter: AuditFilterInput = {};
  if (v.actor.trim()) filter.actor = v.actor.trim();
  if (v.action) filter.action = v.action;
  if (v.outcome) filter.outcome = v.outcome;
  if (v.departmentId) filter.departmentId = v.departmentId;
  if (v.since) filter.since = `${v.since}T00:00:00+08:00`;
  if (v.until) filter.until = new Date(Date.parse(`${v.until}T00:00:00+08:00`) + 86_400_000).toISOString();
  return Object.keys(filter).length ? filter : null;
}
