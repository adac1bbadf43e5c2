/** Pure helpers of the accounts tab (tested in accounts.test.ts). */

export const ROLE_NAMES = [
  'approval_clerk',
  'supervision_liaison',
  'credit_officer',
  'department_head',
  'coordination_office',
  'system_admin',
  'connected_system',
  'schema_reader',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Roles only a service account (a connected system) may hold; the server refuses them for people. */
export const SERVICE_ROLE_NAMES: readonly RoleName[] = ['connected_system', 'schema_reader'];

/** The roles the assign dialog offers an account: a person never gets a connected system's role. */
export function assignableRoles(account: { serviceAccount: boolean }): RoleName[] {
  return ROLE_NAMES.filter((role) => account.serviceAccount || !SERVICE_ROLE_NAMES.includes(role));
}

export function isRoleName(role: string): role is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(role);
}

export interface DepartmentRoles {
  departmentId: string;
  departmentName: string;
  roles: string[];
}

/**
 * An account's role assignments grouped by department (name order; unknown departments by id
 * at the end), roles in the order of ROLE_NAMES, duplicates dropped.
 */
export function rolesByDepartment(
  assignments: readonly { role: string; departmentId: string }[],
  names: ReadonlyMap<string, string>,
): DepartmentRoles[] {
  const groups = new Map<string, Set<string>>();
  for (const a of assignments) groups.set(a.departmentId, (groups.get(a.departmentId) ?? new Set()).add(a.role));
  const rank = (role: string) => (isRoleName(role) ? ROLE_NAMES.indexOf(role) : ROLE_NAMES.length);
  return [...groups]
    .map(([departmentId, roles]) => ({
      departmentId,
      departmentName: names.get(departmentId) ?? departmentId,
      roles: [...roles].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    }))
    .sort(
      (a, b) =>
        Number(!names.has(a.departmentId)) - Number(!names.has(b.departmentId)) ||
        a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
    );
}

export type AccountFlag = 'service' | 'mustChangePassword' | 'locked' | 'inactive';

/** The state tags shown for an account; a lock already past counts as unlocked. */
export function accountFlags(
  account: { serviceAccount: boolean; mustChangePassword: boolean; active: boolean; lockedUntil?: string | null },
  now: Date = new Date(),
): AccountFlag[] {
  const flags: AccountFlag[] = [];
  if (account.serviceAccount) flags.push('service');
  if (!account.active) flags.push('inactive');
  if (account.lockedUntil && new Date(account.lockedUntil).getTime() > now.getTime()) flags.push('locked');
  if (account.mustChangePassword && !account.serviceAccount) flags.push('mustChangePassword');
  return flags;
}

/** Departments where a service account may get a key: those where it holds a role. */
export function keyDepartments(assignments: readonly { departmentId: string }[]): string[] {
  return [...new Set(assignments.map((a) => a.departmentId))];
}
