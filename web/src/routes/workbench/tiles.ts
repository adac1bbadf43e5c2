// Which count tiles a workbench shows: only lists the user may read (`me.abilities`), so the
// page never asks for what the server would refuse (every refusal is audited).
import type { Access } from '../../providers/access/access';

export type Tile = 'approvalMatters' | 'supervisionMatters' | 'applications' | 'findings' | 'subjects';

const NEEDS: Record<Tile, readonly [string, string]> = {
  approvalMatters: ['matter', 'read'],
  supervisionMatters: ['matter', 'read'],
  applications: ['application', 'read'],
  findings: ['finding', 'read'],
  subjects: ['subject', 'read'],
};

export function workbenchTiles(access: Pick<Access, 'can'>): Tile[] {
  return (Object.keys(NEEDS) as Tile[]).filter((tile) => access.can(...NEEDS[tile]));
}
