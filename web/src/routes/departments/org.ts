/** Pure rules of the department pages (tested in org.test.ts); the server checks them again. */
import type { Access } from '@/providers/access/access';

/** The server's formats (api/catalog/services/__init__.py): empty numbers are allowed. */

/** Who may add sections, people and liaisons: an administrator anywhere, a head in their own. */
export function mayMaintain(access: Pick<Access, 'allows' | 'owns'>, departmentId: string): boolean {
  return access.allows('person.write') && access.owns(departmentId);
}

export type LiaisonKind = 'PUSH' | 'RECEIVE' | 'HEAD';

/** The current liaison of each kind (the server's `current`: its start date has come and its
 * period has not ended; a successor named for a later date is not current yet), and the
 * history newest first. */
export function splitLiaisons<L extends { kind: LiaisonKind; since: string; until?: string | null; current: boolean }>(
  liaisons: readonly L[],
): { current: Record<LiaisonKind, L | null>; history: L[] } {
  const current: Record<LiaisonKind, L | null> = { PUSH: null, RECEIVE: null, HEAD: null };
  for (const l of liaisons) if (l.current) current[l.kind] = l;
  const history = [...liaisons].sort((a, b) => b.since.localeCompare(a.since) || (a.until ? 1 : 0) - (b.until ? 1 : 0));
  return { current, history };
}
