/**
 * Who may do what to a linkage, as the API decides it (policies/policy.csv and
 * tests/gateway/authz_matrix.py): the approving department writes (approval clerks,
 * department heads; administrators anywhere), the supervising department confirms
 * (supervision liaisons, department heads; administrators). Buttons follow these rules;
 * the server checks them again.
 */
const WRITES = ['approval_clerk', 'department_head', 'system_admin'];
const CONFIRMS = ['supervision_liaison', 'department_head', 'system_admin'];

export interface Caller {
  departmentId: string;
  roles: readonly string[];
}

interface Sides {
  approvingDepartment?: { id: string } | null;
  supervisingDepartment?: { id: string } | null;
  supervisionConfirmedAt?: string | null;
}

/** May create linkages at all (for the caller's own department). */
export function canCreateLinkage(me: Caller | null | undefined): boolean {
  return Boolean(me?.roles.some((r) => WRITES.includes(r)));
}

/** May edit or delete this linkage: a writer of its approving department (or an administrator). */
export function canEditLinkage(me: Caller | null | undefined, l: Sides): boolean {
  if (!me || !canCreateLinkage(me)) return false;
  return me.roles.includes('system_admin') || l.approvingDepartment?.id === me.departmentId;
}

/** May confirm it now: a confirmer of its supervising department, while unconfirmed. */
export function canConfirmLinkage(me: Caller | null | undefined, l: Sides): boolean {
  if (!me || l.supervisionConfirmedAt) return false;
  return me.roles.some((r) => CONFIRMS.includes(r)) && l.supervisingDepartment?.id === me.departmentId;
}
