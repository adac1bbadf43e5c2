// For tests: the abilities `me` answers for a role under the default policy
// (policies/policy.csv; Vitest runs in web/), computed as api/access/services/abilities.py does, so the tests follow the policy
// instead of copying it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Ability, MeForAccess } from '@/providers/access/access';

const rules = readFileSync(resolve(process.cwd(), '../policies/policy.csv'), 'utf-8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split(',').map((cell) => cell.trim()))
  .filter((row) => row[0] === 'p');

// api/access/services/abilities.py CHECKED_OBJECTS / CHECKED_ACTIONS: what the code checks.
const CHECKED_OBJECTS = ['account', 'audit', 'outbox', 'policy', 'escalation_board', 'sms_template', 'calendar', 'schema', 'scope'];
const CHECKED_ACTIONS = ['admin', 'read', 'write'];
const objects = [...new Set([...rules.map((r) => r[3] ?? '*'), ...CHECKED_OBJECTS].filter((o) => o !== '*'))];
const actions = [...new Set([...rules.map((r) => r[4] ?? '*'), ...CHECKED_ACTIONS].filter((a) => a !== '*'))];

export function abilitiesOf(...roles: string[]): Ability[] {
  const pairs = new Map<string, Ability>();
  for (const [, sub, , obj, act] of rules) {
    if (!sub || !roles.includes(sub)) continue;
    for (const object of obj === '*' ? objects : [obj ?? '']) {
      for (const action of act === '*' ? actions : [act ?? '']) pairs.set(`${object}:${action}`, { object, action });
    }
  }
  return [...pairs.values()];
}

export function meWith(roles: string[], departmentId = '1'): MeForAccess {
  return { departmentId, roles, abilities: abilitiesOf(...roles) };
}
