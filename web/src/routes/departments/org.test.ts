import { describe, expect, it } from 'vitest';

import { accessFrom } from '@/providers/access/access';
import { meWith } from '@/test/policy';

import { mayMaintain, splitLiaisons } from './org';

const as = (departmentId: string, ...roles: string[]) => accessFrom(meWith(roles, departmentId));

describe('mayMaintain', () => {
  it('lets an administrator maintain any department and a head only their own', () => {
    expect(mayMaintain(as('1', 'system_admin'), '2')).toBe(true);
    expect(mayMaintain(as('1', 'department_head'), '1')).toBe(true);
    expect(mayMaintain(as('1', 'department_head'), '2')).toBe(false);
    expect(mayMaintain(as('1', 'coordination_office', 'approval_clerk'), '1')).toBe(false);
  });
});

describe('splitLiaisons', () => {
  it('finds the current liaison of each kind and orders the history newest first', () => {
    const rows = [
      { kind: 'PUSH' as const, since: '2025-01-01', until: '2026-02-28', current: false, name: 'a' },
      { kind: 'PUSH' as const, since: '2026-03-01', until: null, current: true, name: 'b' },
      { kind: 'RECEIVE' as const, since: '2025-06-01', until: null, current: true, name: 'c' },
    ];
    const { current, history } = splitLiaisons(rows);
    expect(current.PUSH?.name).toBe('b');
    expect(current.RECEIVE?.name).toBe('c');
    expect(history.map((l) => l.name)).toEqual(['b', 'c', 'a']);
  });

  it('keeps the present liaison current while a successor waits for a later start date', () => {
    const rows = [
      { kind: 'RECEIVE' as const, since: '2026-01-04', until: '2026-12-09', current: true, name: 'present' },
      { kind: 'RECEIVE' as const, since: '2026-12-10', until: null, current: false, name: 'successor' },
    ];
    const { current, history } = splitLiaisons(rows);
    expect(current.RECEIVE?.name).toBe('present');
    expect(history.map((l) => l.name)).toEqual(['successor', 'present']);
  });

  it('has no current liaison when all have ended', () => {
    expect(splitLiaisons([{ kind: 'RECEIVE' as const, since: '2025-01-01', until: '2025-02-01', current: false }]).current).toEqual({
      PUSH: null,
      RECEIVE: null,
      HEAD: null,
    });
  });
});
