/**
 * Who may do what to a linkage, from `me.abilities` (the live policy) and the services'
 * object-level rule: the approving department writes (administrators anywhere), the
 * supervising department confirms. Buttons follow these rules; the server checks them again.
 */
import type { Access } from '@/providers/access/access';

type Caller = Pick<Access, 'departmentId' | 'allows' | 'owns'>;

interface Sides {
  approvingDepartment?: { id: string } | null;
  supervisingDepartment?: { id: string } | null;
  supervisionConfirmedAt?: string | null;
}

/** May create linkages at all (for the caller's own department). */
export function canCreateLinkage(me: Caller): boolean {
  return me.allows('linkage.write');
}

/** May edit or delete this linkage: a writer of its approving department (or an administrator). */
export function canEditLinkage(me: Caller, l: Sides): boolean {
  return canCreateLinkage(me) && me.owns(l.approvingDepartment?.id);
}

/** May confirm it now: a confirmer of its supervising department, while unconfirmed. */
export function canConfirmLinkage(me: Caller, l: Sides): boolean {
  if (l.supervisionConfirmedAt) return false;
  return me.allows('linkage.confirm') && l.supervisingDepartment?.id === me.departmentId;
}
