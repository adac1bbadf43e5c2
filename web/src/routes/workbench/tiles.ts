// Which count tiles a workbench shows: only lists the user's roles may read, so the page never
// asks for what the server would refuse (every refusal is audited). Mirrors policies/policy.csv.

export type Tile = 'approvalMatters' | 'supervisionMatters' | 'applications' | 'findings' | 'subjects';

const CASE_READERS = ['approval_clerk', 'supervision_liaison', 'department_head', 'coordination_office', 'system_admin'];
const SUBJECT_READERS = ['credit_officer', 'coordination_office', 'system_admin'];
const MATTER_READERS = [...CASE_READERS, 'credit_officer'];

const READERS: Record<Tile, readonly string[]> = {
  approvalMatters: MATTER_READERS,
  supervisionMatters: MATTER_READERS,
  applications: CASE_READERS,
  findings: CASE_READERS,
  subjects: SUBJECT_READERS,
};

export function workbenchTiles(roles: readonly string[]): Tile[] {
  return (Object.keys(READERS) as Tile[]).filter((tile) => READERS[tile].some((r) => roles.includes(r)));
}
