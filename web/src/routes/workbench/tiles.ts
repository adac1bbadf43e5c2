// Which count tiles a workbench shows: only lists the user may read (`me.abilities`), so the
// page never asks for what the server would refuse (every refusal is audited).
import type { Access } from '@/providers/access/access';

export type Tile = 'approvalMatters' | 'supervisionMatters' | 'applications' | 'findings' | 'subjects';

// Supervision tiles go to those who do or oversee supervision: not to the approval side (who
// handles applications and records no supervision results), which reads findings on its own
// applications but has no supervision work to count.
const overseesSupervision = (access: Pick<Access, 'can'>) => access.can('finding', 'write') || !access.can('application', 'write');

const SHOWN: Record<Tile, (access: Pick<Access, 'can'>) => boolean> = {
  approvalMatters: (a) => a.can('matter', 'read'),
  supervisionMatters: (a) => a.can('matter', 'read') && overseesSupervision(a),
  applications: (a) => a.can('application', 'read'),
  findings: (a) => a.can('finding', 'read') && overseesSupervision(a),
  subjects: (a) => a.can('subject', 'read'),
};

export function workbenchTiles(access: Pick<Access, 'can'>): Tile[] {
  return (Object.keys(SHOWN) as Tile[]).filter((tile) => SHOWN[tile](access));
}
