import { describe, expect, it } from 'vitest';

import { accountFlags, assignableRoles, keyDepartments, rolesByDepartment } from './accounts';

describe('rolesByDepartment', () => {
  const names = new Map([
    ['1', '市审批局'],
    ['2', '市发改委'],
  ]);

  it('groups by department in name order, roles in the fixed order, without duplicates', () => {
    const groups = rolesByDepartment(
      [
        { role: 'system_admin', departmentId: '1' },
        { role: 'approval_clerk', departmentId: '1' },
        { role: 'credit_officer', departmentId: '2' },
        { role: 'approval_clerk', departmentId: '1' },
      ],
      names,
    );
    expect(groups).toEqual([
      { departmentId: '2', departmentName: '市发改委', roles: ['credit_officer'] },
      { departmentId: '1', departmentName: '市审批局', roles: ['approval_clerk', 'system_admin'] },
    ]);
  });

  it('puts departments it cannot name last, under their id, and unknown roles after known ones', () => {
    const groups = rolesByDepartment(
      [
        { role: 'auditor', departmentId: '9' },
        { role: 'department_head', departmentId: '9' },
        { role: 'approval_clerk', departmentId: '1' },
      ],
      names,
    );
    expect(groups.map((g) => [g.departmentName, g.roles])).toEqual([
      ['市审批局', ['approval_clerk']],
      ['9', ['department_head', 'auditor']],
    ]);
  });
});

describe('accountFlags', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const person = { serviceAccount: false, mustChangePassword: false, active: true, lockedUntil: null };

  it('shows nothing for an ordinary active account', () => {
    expect(accountFlags(person, now)).toEqual([]);
  });

  it('shows a lock only while it lasts', () => {
    expect(accountFlags({ ...person, lockedUntil: '2026-11-25T10:05:00Z' }, now)).toEqual(['locked']);
    expect(accountFlags({ ...person, lockedUntil: '2026-11-25T09:55:00Z' }, now)).toEqual([]);
  });

  it('never asks a service account to change a password', () => {
    expect(accountFlags({ ...person, serviceAccount: true, mustChangePassword: true }, now)).toEqual(['service']);
    expect(accountFlags({ ...person, mustChangePassword: true, active: false }, now)).toEqual(['inactive', 'mustChangePassword']);
  });
});

describe('keyDepartments', () => {
  it('lists each department once', () => {
    expect(keyDepartments([{ departmentId: '2' }, { departmentId: '1' }, { departmentId: '2' }])).toEqual(['2', '1']);
  });
});

describe('assignableRoles', () => {
  it('offers the connected-system roles to service accounts only', () => {
    expect(assignableRoles({ serviceAccount: true })).toEqual(
      expect.arrayContaining(['connected_system', 'schema_reader', 'credit_officer']),
    );
    expect(assignableRoles({ serviceAccount: false })).not.toContain('connected_system');
    expect(assignableRoles({ serviceAccount: false })).not.toContain('schema_reader');
    expect(assignableRoles({ serviceAccount: false })).toContain('approval_clerk');
  });
});
